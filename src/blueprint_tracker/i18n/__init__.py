"""UI strings in Traditional Chinese (Hong Kong) and English, from Babel catalogues.

The ``.po`` files under ``locale/`` are the sources; they are compiled in memory with Babel
when first used (no compiled ``.mo`` needs to be shipped, nothing is fetched).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
#: URL slug → language key used in the data → Babel locale → HTML ``lang`` attribute
LANGUAGES: dict[str, tuple[str, str, str]] = {
    "zh-hant": ("zh-Hant", "zh_Hant_HK", "zh-Hant-HK"),
    "en": ("en", "en", "en"),
}
SLUGS = {key: slug for slug, (key, _, _) in LANGUAGES.items()}


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> Translations:
    """The compiled catalogue for a data language key (``zh-Hant`` or ``en``)."""
    locale = babel_locale(lang)
    with po_path(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def babel_locale(lang: str) -> str:
    return "zh_Hant_HK" if lang == "zh-Hant" else "en"


def html_lang(lang: str) -> str:
    return "zh-Hant-HK" if lang == "zh-Hant" else "en"


@functools.cache
def locale(lang: str) -> Locale:
    return Locale.parse(babel_locale(lang))


def gettext(lang: str, message: str) -> str:
    return str(translations(lang).gettext(message))
