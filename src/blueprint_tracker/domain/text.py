"""Bilingual text as one value: Traditional Chinese (the source) and English."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Lang = Literal["zh-Hant", "en"]
LANGS: tuple[Lang, ...] = ("zh-Hant", "en")


class Text(BaseModel):
    """A text in both languages; ``translated`` marks an English text that is ours, not official."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    zh_hant: str = Field(alias="zh-Hant")
    en: str
    translated: bool = False

    @field_validator("zh_hant", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty")
        return value.strip()

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh-Hant`` or ``en``; other values fall back to Chinese)."""
        return self.en if lang == "en" else self.zh_hant

    def texts(self) -> dict[str, str]:
        """``{"zh-Hant": ..., "en": ...}`` without the translation mark."""
        return {"zh-Hant": self.zh_hant, "en": self.en}

    def as_dict(self) -> dict[str, str | bool]:
        return {"zh-Hant": self.zh_hant, "en": self.en, "translated": self.translated}


def normalise_lang(value: str) -> Lang:
    """Accept the spellings people type (``zh``, ``zh-hant``, ``zh_Hant_HK``, ``EN``)."""
    lowered = value.strip().lower().replace("_", "-")
    if lowered.startswith("zh"):
        return "zh-Hant"
    if lowered.startswith("en"):
        return "en"
    raise ValueError(f"unknown language {value!r}: use zh-Hant or en")


# English units written before the number: HK$5,000, not 5,000 HK$.
CURRENCY_PREFIXES: tuple[str, ...] = ("HK$", "US$", "RMB", "$", "€", "£")


def unit_first(unit: str, lang: str) -> bool:
    """Whether ``unit`` is written before the number in ``lang`` (English currency signs)."""
    return lang == "en" and unit.startswith(CURRENCY_PREFIXES)


def with_unit(number: str, unit: str, lang: str) -> str:
    """``number`` with its unit as written: HK$5,000 · 1.3% · 5,000 start-ups · 5,000港元."""
    if not unit:
        return number
    if unit_first(unit, lang):
        return f"{unit}{number}"
    if unit.startswith("%") or lang != "en":
        return f"{number}{unit}"
    return f"{number} {unit}"
