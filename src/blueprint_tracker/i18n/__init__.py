"""UI strings in Traditional Chinese (Hong Kong) and English, from Babel catalogues, and the
one language table.

The ``.po`` files under ``locale/`` are the sources; they are read when first used (no compiled
``.mo`` needs to be shipped, nothing is fetched). ``read_catalogue`` reads them directly: Babel's
parser and compiler cost every CLI command ~40 ms, and a test holds the two readings equal.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path

from babel import Locale
from babel.support import Translations

from blueprint_tracker.domain.text import N_, Amount, Phrase, PhraseArg, with_unit

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
#: The one language table. URL slug → language key used in the data → Babel locale → HTML
#: ``lang`` attribute. The first language is the source language and the default.
LANGUAGES: dict[str, tuple[str, str, str]] = {
    "zh-hant": ("zh-Hant", "zh_Hant_HK", "zh-Hant-HK"),
    "en": ("en", "en", "en"),
}
SLUGS = {key: slug for slug, (key, _, _) in LANGUAGES.items()}
#: The language keys of the data, in table order: ("zh-Hant", "en").
KEYS: tuple[str, ...] = tuple(SLUGS)
_BY_KEY = {key: entry for key, *entry in LANGUAGES.values()}


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(path: Path) -> dict[str, str]:
    """A ``.po`` file's translated messages, msgid → msgstr, fuzzy and obsolete entries left out.

    The catalogues use no contexts and no plural forms; an entry with either is refused.
    """
    messages: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    field, fuzzy, flags = "", False, ""

    def flush() -> None:
        if set(entry) - {"msgid", "msgstr"}:
            raise ValueError(f"{path}: contexts and plural forms are not supported: {entry}")
        msgid, msgstr = "".join(entry.get("msgid", [])), "".join(entry.get("msgstr", []))
        if msgid and msgstr and not fuzzy:
            messages[msgid] = msgstr

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            flags = line
        if not line or line.startswith("#"):
            continue
        if line.startswith("msg"):
            field, _, line = line.partition(" ")
            if field == "msgid":
                flush()
                entry, fuzzy, flags = {}, "fuzzy" in flags, ""
        entry.setdefault(field, []).append(ast.literal_eval(line))
    flush()
    return messages


class _Catalogue(Translations):
    """Babel's ``Translations`` over messages already read (no ``.mo`` to parse)."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__(fp=None, domain=DOMAIN)
        self._catalog.update(messages)  # msgid → msgstr, the table gettext reads
        self.plural = lambda n: int(n != 1)


@functools.cache
def translations(lang: str) -> Translations:
    """The catalogue for a data language key (``zh-Hant`` or ``en``)."""
    return _Catalogue(read_catalogue(po_path(babel_locale(lang))))


#: The interface language of a plan language that has no catalogue: English words, with the
#: plan's own text in its language (the page says so).
FALLBACK = "en"
#: the tag a run of Chinese characters quoted inside text in another language is marked with
CHINESE_TAG = "zh-Hant"


def has_catalogue(lang: str) -> bool:
    """Whether the interface can be shown in ``lang`` (a catalogue exists for it)."""
    return lang in _BY_KEY


def interface_lang(lang: str) -> str:
    """The language of the interface words on a page in ``lang``."""
    return lang if has_catalogue(lang) else FALLBACK


def _entry(lang: str) -> list[str]:
    """Babel locale and HTML lang of a language key (one without a catalogue: English words)."""
    return _BY_KEY.get(lang) or [_BY_KEY[FALLBACK][0], lang]


def babel_locale(lang: str) -> str:
    return _entry(lang)[0]


def html_lang(lang: str) -> str:
    return _entry(lang)[1]


def slug_of(lang: str) -> str:
    """The URL slug of a language key: the table's, else the key in lower case (``es``)."""
    return SLUGS.get(lang) or lang.lower()


def lang_of_slug(slug: str, languages: tuple[str, ...] | list[str] = KEYS) -> str | None:
    """The language key among ``languages`` whose slug is ``slug`` (None when none is)."""
    return next((lang for lang in languages if slug_of(lang) == slug), None)


@functools.cache
def language_name(lang: str) -> str:
    """The language's name in itself (Chinese in Chinese characters, English, español), from
    Babel's locale data."""
    try:
        parsed = Locale.parse(babel_locale(lang) if has_catalogue(lang) else lang.replace("-", "_"))
    except (ValueError, TypeError):
        return lang
    name = parsed.language_name or lang
    return name[:1].upper() + name[1:] if parsed.language != "zh" else name


@functools.cache
def english_name(lang: str) -> str:
    """The language's name in English, as data descriptions give it: Traditional Chinese,
    English, Spanish, Portuguese (Brazil)."""
    try:
        parsed = Locale.parse(lang.replace("-", "_"))
    except (ValueError, TypeError):
        return lang
    if parsed.script:
        return f"{parsed.get_script_name('en')} {parsed.get_language_name('en')}"
    return parsed.get_display_name("en") or lang


def normalise_lang(value: str) -> str:
    """The language key for the spellings people type (``zh``, ``zh-hant``, ``zh_Hant_HK``,
    ``EN``, ``en-GB``): the key whose first subtag begins the value."""
    lowered = value.strip().lower().replace("_", "-")
    for key in KEYS:
        if lowered.startswith(key.split("-")[0].lower()):
            return key
    raise ValueError(f"unknown language {value!r}: use {' or '.join(KEYS)}")


@functools.cache
def locale(lang: str) -> Locale:
    return Locale.parse(babel_locale(lang))


def gettext(lang: str, message: str) -> str:
    return str(translations(lang).gettext(message))


def word(lang: str, phrase: Phrase) -> str:
    """A phrase in ``lang``: its message id translated, its arguments worded and filled in."""
    text = gettext(lang, phrase.msgid)
    if phrase.args:
        text = text % {name: _argument(lang, arg) for name, arg in phrase.args.items()}
    return text[:1].upper() + text[1:] if phrase.sentence else text


def words(phrase: Phrase, languages: Sequence[str] = KEYS) -> dict[str, str]:
    """A phrase in each of ``languages`` (the table's by default): ``{language: words}``; a
    language without a catalogue gets English interface words around its own plan text."""
    return {lang: word(lang, phrase) for lang in languages}


def _argument(lang: str, arg: PhraseArg) -> str:
    if isinstance(arg, Phrase):
        return word(lang, arg)
    if isinstance(arg, Amount):
        return with_unit(arg.number, arg.unit.get(lang, ""), lang)
    if isinstance(arg, str | int):
        return str(arg)
    return pick(arg, lang)


def pick(value: Mapping[str, object] | None, lang: str, fallback: Sequence[str] = ()) -> str:
    """A ``{language: words}`` value in ``lang``; else in the first of ``fallback`` it has; else
    in its first language (texts keep the plan's language order). The translation mark and
    other non-words are skipped."""
    if not value:
        return ""
    for tag in (lang, *fallback):
        found = value.get(tag)
        if isinstance(found, str) and found:
            return found
    return next((v for v in value.values() if isinstance(v, str) and v), "")


def column_suffix(lang: str) -> str:
    """The suffix of a language's column in tables and files: the tag in lower case with ``_``
    for ``-`` (``title_en``, ``title_es``, ``title_pt_br``, ``title_zh_hant``)."""
    return lang.lower().replace("-", "_")


def field_suffixes(languages: Sequence[str]) -> dict[str, str]:
    """Each language's suffix in ``evidence.csv`` and the edit form (``summary_zh``,
    ``summary_en``, ``summary_es``): its first subtag, unless another of ``languages`` shares
    it, then its :func:`column_suffix` (``summary_zh_hant`` beside ``summary_zh_hans``)."""
    firsts = [lang.split("-")[0].lower() for lang in languages]
    return {
        lang: first if firsts.count(first) == 1 else column_suffix(lang)
        for lang, first in zip(languages, firsts, strict=True)
    }


def language_in(lang: str, page: str) -> str:
    """The name of language ``lang`` in the interface language of a page in ``page`` (on the
    English page: Chinese, Spanish), from Babel's locale data."""
    try:
        parsed = Locale.parse(lang.replace("-", "_"))
    except (ValueError, TypeError):
        return lang
    return str(parsed.get_language_name(babel_locale(page)) or lang)


#: Open Graph's ``og:locale`` of a catalogued language (``language_TERRITORY``); another
#: language: its tag with ``_``.
OG_LOCALES = {"zh-Hant": "zh_HK", "en": "en_GB"}


def og_locale(lang: str) -> str:
    return OG_LOCALES.get(lang) or lang.replace("-", "_")


def default_lang(languages: Sequence[str], chosen: str = "") -> str:
    """The language used when none is asked for: ``chosen`` (``BLUEPRINT_LANG``) when the plan
    has it, else the plan's first language (the table's first for a plan that declares none)."""
    offered = tuple(languages) or KEYS
    return chosen if chosen in offered else offered[0]


#: a label and its value with the language's colon, as a catalogue message
COLON = N_("%(label)s: %(text)s")


def labelled(lang: str, label: str, text: str = "") -> str:
    """'Unit: %': a label and its value, with the language's colon (full-width in Chinese)."""
    return word(lang, Phrase(COLON, {"label": label, "text": text}))
