"""Plan text as one value: the same words in each of the plan's languages.

A Hong Kong plan holds Traditional Chinese (the source) and English; another plan holds the
languages it declares (``plan.yaml`` ``languages``), each under its BCP 47 tag (``es``, ``fr``,
``pt-BR``). Which languages a plan's texts must have is checked against the plan, not here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from blueprint_tracker.domain.marks import N_ as N_  # re-exported: the mark of a message id

#: The language keys of bilingual values (the language table itself is ``i18n.LANGUAGES``).
Lang = Literal["zh-Hant", "en"]
LANG_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_NAMED = {"zh-Hant": "zh_hant", "en": "en"}


class Text(BaseModel):
    """A text in one or more languages; ``translated`` marks a text that is ours, not official.

    ``zh-Hant`` and ``en`` are fields; any other language is kept under its tag (pydantic's
    extra fields), so ``Text.model_validate({"en": "Poverty", "es": "Pobreza"})`` holds both.
    """

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="allow")

    zh_hant: str = Field(default="", alias="zh-Hant")
    en: str = ""
    translated: bool = False

    @field_validator("zh_hant", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty")
        return value.strip()

    @model_validator(mode="after")
    def _languages(self) -> Text:
        for tag, value in (self.model_extra or {}).items():
            if not LANG_TAG.match(tag):
                raise ValueError(f"{tag!r} is not a language tag (such as en, es, zh-Hant)")
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"the {tag} text must be a non-empty string")
            self.model_extra[tag] = value.strip()  # type: ignore[index]
        if not self.languages() and self._needs_words():
            raise ValueError("text must not be empty")
        return self

    def _needs_words(self) -> bool:
        return True

    def languages(self) -> tuple[str, ...]:
        """The languages this text is written in."""
        named = tuple(tag for tag, field in _NAMED.items() if getattr(self, field))
        return named + tuple(sorted(self.model_extra or {}))

    def has(self, lang: str) -> bool:
        return lang in self.languages()

    def get(self, lang: str) -> str:
        """The text in ``lang``; else in Chinese, English or the first language it has."""
        for tag in (lang, "zh-Hant", "en", *self.languages()):
            value = self._raw(tag)
            if value:
                return value
        return ""

    def _raw(self, lang: str) -> str:
        if lang in _NAMED:
            return str(getattr(self, _NAMED[lang]))
        return str((self.model_extra or {}).get(lang, ""))

    def texts(self) -> dict[str, str]:
        """``{"zh-Hant": ..., "en": ..., <other languages>...}`` without the translation mark;
        ``zh-Hant`` and ``en`` are always there (falling back as :meth:`get` does)."""
        out = {"zh-Hant": self.get("zh-Hant"), "en": self.get("en")}
        out.update({tag: self._raw(tag) for tag in sorted(self.model_extra or {})})
        return out

    def as_dict(self) -> dict[str, str | bool]:
        """The languages the text is written in, and the translation mark."""
        out: dict[str, str | bool] = {tag: self._raw(tag) for tag in self.languages()}
        out["translated"] = self.translated
        return out


class UnitText(Text):
    """A unit of measurement: may be empty (a count, an index) in every language."""

    @field_validator("zh_hant", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        return value.strip()

    def _needs_words(self) -> bool:
        return False


def text_of(values: dict[str, str], translated: bool = False) -> Text:
    """A Text from ``{language tag: words}``."""
    return Text.model_validate({**values, "translated": translated})


@dataclass(frozen=True)
class Amount:
    """A number written with its unit, which differs by language (HK$5,000; the Chinese unit
    follows the number)."""

    number: str
    unit: Mapping[str, str]


PhraseArg: TypeAlias = "str | int | Amount | Phrase | Mapping[str, str]"


@dataclass(frozen=True)
class Phrase:
    """Words not yet in a language: an English message id of the Babel catalogues and its
    named arguments (``%(name)s``). An argument is language-neutral text (a year, a rate), a
    ``{lang: text}`` value from plan data, an :class:`Amount` or another phrase.
    ``sentence``: the first letter of the worded text is upper case."""

    msgid: str
    args: Mapping[str, PhraseArg] = field(default_factory=dict)
    sentence: bool = False


# English units written before the number: HK$5,000, not 5,000 HK$.
CURRENCY_PREFIXES: tuple[str, ...] = ("HK$", "US$", "RMB", "$", "€", "£")


def unit_first(unit: str, lang: str) -> bool:
    """Whether ``unit`` is written before the number in ``lang`` (currency signs, except in
    Chinese and Japanese)."""
    return not _closed_up(lang) and unit.startswith(CURRENCY_PREFIXES)


def with_unit(number: str, unit: str, lang: str) -> str:
    """``number`` with its unit as written: HK$5,000 · 1.3% · 5,000 start-ups; in Chinese the
    unit follows the number without a space."""
    if not unit:
        return number
    if unit_first(unit, lang):
        return f"{unit}{number}"
    if unit.startswith("%") or _closed_up(lang):
        return f"{number}{unit}"
    return f"{number} {unit}"


def _closed_up(lang: str) -> bool:
    """Chinese and Japanese write a unit right after the number; other languages with a space."""
    return lang.split("-")[0].lower() in ("zh", "ja")


def join_sentences(sentences: list[str], lang: str) -> str:
    """Sentences one after another: Chinese and Japanese close them up (their full stop is
    full-width), other languages put a space between them."""
    return ("" if _closed_up(lang) else " ").join(sentences)
