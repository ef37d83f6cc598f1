"""Plan text as one value: the same words in each of the plan's languages.

A plan holds the languages it declares (``plan.yaml`` ``languages``), each under its BCP 47 tag
(``en``, ``es``, ``pt-BR``, ``zh-Hant``). No language is special here: which languages a plan's
texts must have is checked against the plan, and which have interface words is the language
table's business (``i18n.LANGUAGES``). A text keeps its languages in the plan's declared order
(:func:`language_order`), which is also the order it falls back in.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, model_serializer, model_validator
from pydantic import SerializerFunctionWrapHandler as _Handler

from blueprint_tracker.domain.marks import N_ as N_  # re-exported: the mark of a message id

#: A language key: a BCP 47 tag as the plan declares it.
Lang: TypeAlias = str
LANG_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
#: the order texts keep their languages in while a plan is read (the plan's declared order)
_ORDER: ContextVar[tuple[str, ...]] = ContextVar("language_order", default=())


@contextlib.contextmanager
def language_order(languages: Sequence[str]) -> Iterator[None]:
    """Texts built inside keep their languages in this order (the plan's), others after."""
    token = _ORDER.set(tuple(languages))
    try:
        yield
    finally:
        _ORDER.reset(token)


def _words(value: str) -> str:
    if not value.strip():
        raise ValueError("text must not be empty")
    return value.strip()


def _stripped(value: str) -> str:
    return value.strip()


class Text(BaseModel):
    """A text in one or more languages; ``translated`` marks a text that is ours, not official.

    Each language is kept under its tag, so ``Text.model_validate({"fr": "Pauvreté", "es":
    "Pobreza"})`` holds both; :meth:`get` falls back through the text's languages in order.
    """

    model_config = ConfigDict(frozen=True, extra="allow")
    __pydantic_extra__: dict[str, Annotated[str, AfterValidator(_words)]]

    translated: bool = False

    @model_validator(mode="before")
    @classmethod
    def _in_order(cls, data: Any) -> Any:
        order = _ORDER.get()
        if not order or not isinstance(data, Mapping):
            return data
        first = {tag: data[tag] for tag in order if tag in data}
        return {**first, **{k: v for k, v in data.items() if k not in first}}

    @model_validator(mode="after")
    def _languages(self) -> Text:
        for tag in self.model_extra or {}:
            if not LANG_TAG.match(tag):
                raise ValueError(f"{tag!r} is not a language tag (such as en, es, zh-Hant)")
        if not self.languages() and self._needs_words():
            raise ValueError("text must not be empty")
        return self

    def _needs_words(self) -> bool:
        return True

    @model_serializer(mode="wrap")
    def _languages_first(self, handler: _Handler) -> dict[str, Any]:
        out: dict[str, Any] = handler(self)
        mark = {"translated": out.pop("translated")} if "translated" in out else {}
        return {**out, **mark}

    def languages(self) -> tuple[str, ...]:
        """The languages this text is written in (an empty unit is written in none)."""
        return tuple(tag for tag, value in (self.model_extra or {}).items() if value)

    def has(self, lang: str) -> bool:
        return lang in self.languages()

    def get(self, lang: str, fallback: Sequence[str] = ()) -> str:
        """The text in ``lang``; else in the first of ``fallback`` it has, else in the first
        language it is written in."""
        for tag in (lang, *fallback, *self.languages()):
            value = self._raw(tag)
            if value:
                return value
        return ""

    def _raw(self, lang: str) -> str:
        return str((self.model_extra or {}).get(lang, ""))

    def texts(self, languages: Sequence[str] = ()) -> dict[str, str]:
        """``{language: words}`` without the translation mark: each of ``languages`` (falling
        back as :meth:`get` does), then each other language the text is written in."""
        out = {tag: self.get(tag) for tag in languages}
        out.update({tag: self._raw(tag) for tag in self.model_extra or {} if tag not in out})
        return out

    def as_dict(self) -> dict[str, str | bool]:
        """The languages the text is written in, and the translation mark."""
        out: dict[str, str | bool] = {tag: self._raw(tag) for tag in self.languages()}
        out["translated"] = self.translated
        return out


class UnitText(Text):
    """A unit of measurement: may be empty (a count, an index) in every language."""

    __pydantic_extra__: dict[str, Annotated[str, AfterValidator(_stripped)]]

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


#: Typography by script, the one table of it: languages written in Chinese characters (or
#: Japanese) close a unit up to its number and break lines between any two characters.
CJK_LANGUAGES: tuple[str, ...] = ("zh", "ja")


def cjk(lang: str) -> bool:
    """Whether ``lang`` is written in Chinese characters (or Japanese): CJK fonts, lines broken
    between characters, units closed up."""
    return lang.split("-")[0].lower() in CJK_LANGUAGES


def _closed_up(lang: str) -> bool:
    """Chinese and Japanese write a unit right after the number; other languages with a space."""
    return cjk(lang)


def join_sentences(sentences: list[str], lang: str) -> str:
    """Sentences one after another: Chinese and Japanese close them up (their full stop is
    full-width), other languages put a space between them."""
    return word_space(lang).join(sentences)


def word_space(lang: str) -> str:
    """The space between words, and before a bracket: none in Chinese and Japanese (their
    brackets are full-width), one elsewhere."""
    return "" if _closed_up(lang) else " "
