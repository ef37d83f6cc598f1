"""Plan text that is stored in one language (an observation's note, a source title or table, a
``ref``) shown in the page language: the plan's catalogue (``translations/<lang>.yaml``) gives
its words, else the text is shown as stored. Chinese runs inside text on a page in another
language are the source's own words: each is marked ``lang="zh-Hant"`` for screen readers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from blueprint_tracker import i18n
from blueprint_tracker.domain.scripts import CJK, HAS_CJK, is_chinese
from blueprint_tracker.present.agencies import agency_name

#: a run of Chinese: from a CJK character to the last CJK character or digit that follows it
#: with only digits, spaces and number punctuation between
CJK_RUN = re.compile(rf"[{CJK}](?:[{CJK}0-9.,%/()\- ]*[{CJK}0-9])?")
CHINESE_TAG = i18n.CHINESE_TAG


def catalogue_words(
    text: str, lang: str, translations: Mapping[str, Mapping[str, str]] | None
) -> str | None:
    """``text``'s words in ``lang`` from the plan's catalogues, or None when it has none."""
    words = (translations or {}).get(lang, {}).get(text)
    return words if isinstance(words, str) and words else None


def plain_words(
    value: Any, lang: str, translations: Mapping[str, Mapping[str, str]] | None
) -> str:
    """A stored text in ``lang`` as plain text (reports, workbooks): the catalogue's words, else
    the text as stored."""
    text = "" if value is None else str(value)
    return catalogue_words(text, lang, translations) or text


def agency_words(name: str, lang: str, plan: Mapping[str, Any]) -> str:
    """An agency's name in ``lang``: ``agencies.yaml`` (``plan["agencies"]``), else the text
    catalogues, else as stored."""
    named = agency_name(name, plan.get("agencies"), lang)
    return named if named != name else plain_words(name, lang, plan.get("translations"))


def mark_chinese(text: str, lang: str) -> Markup:
    """``text`` escaped; on a page not in Chinese each run of Chinese in ``<span lang>``."""
    if is_chinese(lang) or not HAS_CJK.search(text):
        return escape(text)
    out: list[str] = []
    last = 0
    for run in CJK_RUN.finditer(text):
        out.append(escape(text[last : run.start()]))
        out.append(Markup('<span lang="{}">{}</span>').format(CHINESE_TAG, run.group()))
        last = run.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def shown(
    value: Any,
    lang: str,
    translations: Mapping[str, Mapping[str, str]] | None,
    languages: list[str] | None = None,
) -> tuple[Markup, bool]:
    """The words of a stored text for a page in ``lang`` as HTML, and whether they are our
    translation. English text left untranslated on a Chinese page is marked ``lang="en"``."""
    text = "" if value is None else str(value)
    if not text:
        return Markup(""), False
    words = catalogue_words(text, lang, translations)
    if words is not None:
        return mark_chinese(words, lang), True
    english = i18n.FALLBACK  # text stored in Latin script is stored in English
    if is_chinese(lang) and not HAS_CJK.search(text) and english in (languages or [english]):
        return Markup('<span lang="{}">{}</span>').format(english, text), False
    return mark_chinese(text, lang), False


TAG = re.compile(r"(<[^>]*>)")


def _chinese_span(run: re.Match[str]) -> str:
    return f'<span lang="{CHINESE_TAG}">{run.group()}</span>'


def mark_chinese_html(html: str, lang: str) -> Markup:
    """Rendered HTML (the data notes) with each run of Chinese in its text, not in its tags,
    marked ``lang="zh-Hant"`` on a page not in Chinese."""
    if is_chinese(lang) or not HAS_CJK.search(html):
        return Markup(html)
    parts = TAG.split(html)
    for i in range(0, len(parts), 2):  # even parts are text between tags (already escaped)
        parts[i] = CJK_RUN.sub(_chinese_span, parts[i])
    return Markup("".join(parts))
