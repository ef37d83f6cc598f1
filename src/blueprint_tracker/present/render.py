"""Jinja2 rendering with the Babel catalogues: one environment per language."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from markupsafe import Markup

from blueprint_tracker.domain.text import cjk, unit_first, with_unit, word_space
from blueprint_tracker.i18n import (
    KEYS,
    has_catalogue,
    html_lang,
    interface_lang,
    language_in,
    language_name,
    og_locale,
    slug_of,
    translations,
)
from blueprint_tracker.present.agencies import agency_name
from blueprint_tracker.present.charts import sparkline_svg
from blueprint_tracker.present.csp import META_CSP
from blueprint_tracker.present.dates import YEARS_BEFORE_PLAN, date_control, date_or_text, long_date
from blueprint_tracker.present.labels import (
    BASES,
    COMPARATOR_SIGNS,
    DECIDING_NUMBER,
    FLAGS,
    KINDS,
    METHOD_NAMES,
    NUMBER_NAMES,
    OUTCOMES,
    PRECISIONS,
    STATUS_REASONS,
    TIERS,
    TONE_RANK,
    status_label,
)
from blueprint_tracker.present.markdown import render_markdown
from blueprint_tracker.present.numbers import figure, number, number_value, percent, signed
from blueprint_tracker.present.plan_text import agency_words, mark_chinese, mark_chinese_html, shown
from blueprint_tracker.present.urls import NAV_PAGES, Linker

TEMPLATES = Path(__file__).parent / "templates"
LANGS = KEYS  # the languages of a plan that declares none


class _Slugs(dict[str, str]):
    """``slugs[lang]`` in the templates: the URL slug of any language key."""

    def __missing__(self, lang: str) -> str:
        return slug_of(lang)


def _text(value: Any, lang: str) -> str:
    """Text in ``lang``; else in the interface language (English for a language without a
    catalogue: the methods' explanations), else in the first language it has."""
    if isinstance(value, dict):
        words = value.get(lang) or value.get(interface_lang(lang)) or next(
            (v for k, v in value.items() if k != "translated" and isinstance(v, str) and v), ""
        )
        return str(words)
    return "" if value is None else str(value)


def _site(context: Any) -> dict[str, Any]:
    ctx = context.get("ctx")
    site = getattr(ctx, "site", None) or context.get("site") or {}
    return site if isinstance(site, dict) else {}


@pass_context
def _source_lang(context: Any) -> str:
    """The plan's source language (its first): no text in it is our translation."""
    return str((_site(context).get("languages") or LANGS)[0])


def _agency_filter(lang: str) -> Any:
    @pass_context
    def agency(context: Any, name: str) -> Markup:
        site = _site(context)
        if agency_name(name, site.get("agencies"), lang) == name:
            return shown(name, lang, site.get("translations"), site.get("languages"))[0]
        return mark_chinese(agency_words(name, lang, site), lang)

    return agency


def _plan_text_filter(lang: str, gettext: Any) -> Any:
    @pass_context
    def plan_text(context: Any, value: Any, mark: bool = False) -> Markup:
        """A note, source title or table, or ref in the page language (see present.plan_text);
        ``mark``: say when the words are our translation."""
        site = _site(context)
        words, translated = shown(value, lang, site.get("translations"), site.get("languages"))
        if mark and translated:
            words_mark = gettext("(%(text)s)") % {"text": gettext("our translation")}
            note = Markup('{}<span class="translated">{}</span>')
            note = note.format(word_space(lang), words_mark)
            return words + note
        return words

    return plan_text


def _pace(value: float | None, kind: str, lang: str, decimals: int = 2, unit: str = "") -> str:
    """An annual pace: +3.3% (growth) or +1.2 unicorns (change)."""
    if value is None:
        return "—"
    if kind == "growth":
        return signed(percent(value, lang), value)
    return signed(with_unit(number(value, lang, decimals), unit, lang), value)


def _headline_explained(st: dict[str, Any], gettext: Any) -> str:
    """The hover text of a scorecard cell: which method decided, and every method's reading."""
    _ = gettext
    method = st.get("headline_method")
    parts = [_("Headline: %(method)s.") % {"method": _(_label(METHOD_NAMES, method or ""))}]
    for name, reading in (st.get("assessments") or {}).items():
        word = _(status_label(reading.get("status")).word)
        parts.append(f"{_(_label(METHOD_NAMES, name))}{_(': ')}{word}")
    if st.get("disagree"):
        parts.append(_("The methods disagree on this milestone."))
    return " · ".join(parts)


def _json_script(value: Any) -> Markup:
    """JSON safe to place inside a <script type="application/json"> element."""
    raw = json.dumps(value, ensure_ascii=False, default=str)
    raw = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(raw)


def _date_control(ctx: Any, lang: str) -> list[dict[str, object]]:
    """The as-of date control of a page: the shown edition selected, years from some years
    before the plan to this year."""
    site = ctx.site or {}
    published = int(str(site.get("published") or "9999")[:4])
    plan_year = min(published, site.get("baseline_year") or published)
    today = dt.date.today()
    first = min(plan_year, today.year) - YEARS_BEFORE_PLAN
    return date_control(lang, ctx.as_of or ctx.edition, first, today.year)


def _label(table: dict[str, str], key: str) -> str:
    return table.get(key) or str(key)


@functools.cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    gettext = translations(lang)
    env.install_gettext_translations(gettext, newstyle=True)  # type: ignore[attr-defined]
    _ = gettext.gettext
    env.filters.update(
        t=lambda value: _text(value, lang),
        agency=_agency_filter(lang),
        pt=_plan_text_filter(lang, _),
        zh=lambda value: mark_chinese(str(value), lang),
        date=lambda value: long_date(value, lang),
        num=lambda value, decimals=2: number(value, lang, decimals),
        pct=lambda value: percent(value, lang),
        numval=lambda value: number_value(value, lang),
        figure=lambda value: figure(value, lang),
        markdown=lambda value: mark_chinese_html(render_markdown(value), lang),
        json_script=_json_script,
        sparkline=lambda values: Markup(sparkline_svg(values)),
        cmp=lambda value: COMPARATOR_SIGNS.get(value, value),
        unit_first=lambda unit: unit_first(unit, lang),
        unit_gap=lambda unit: "" if with_unit("1", unit, lang) == f"1{unit}" else " ",
        with_unit=lambda number, unit: with_unit(str(number), unit, lang),
        date_or_text=lambda value: date_or_text(value, lang),
        pace=lambda value, kind, decimals=2, unit="": _pace(value, kind, lang, decimals, unit),
    )
    env.globals.update(
        lang=lang,
        space=word_space(lang),  # before a bracket: none in Chinese
        html_lang=html_lang(lang),
        langs=LANGS,
        slugs=_Slugs(),
        has_catalogue=has_catalogue,
        language_name=language_name,
        hreflang=html_lang,
        og_locale=og_locale(lang),
        closed_up=cjk(lang),  # sentences and units closed up (Chinese, Japanese)
        interface_lang=interface_lang(lang),
        language_in=lambda tag: language_in(tag, lang),
        source_lang=_source_lang,
        nav_pages=NAV_PAGES,
        status=status_label,
        method_name=lambda key: _(_label(METHOD_NAMES, key)),
        outcome_name=lambda key: _(_label(OUTCOMES, key)),
        flag_name=lambda key: _(_label(FLAGS, key)),
        tier_name=lambda key: _(_label(TIERS, key)),
        basis_name=lambda key: _(_label(BASES, key)),
        kind_name=lambda key: _(_label(KINDS, key)),
        number_name=lambda key: _(_label(NUMBER_NAMES, key)),
        tr=_,
        precision_name=lambda key: _(_label(PRECISIONS, key)),
        status_reason=lambda code: _(STATUS_REASONS[code]) if code in STATUS_REASONS else "",
        headline_explained=lambda st: _headline_explained(st, _),
        deciding=lambda method: DECIDING_NUMBER.get(method),
        verdict_rank=lambda st: TONE_RANK[status_label(st.get("headline")).tone],
        csp_meta=META_CSP,
        date_control=lambda ctx: _date_control(ctx, lang),
    )
    return env


def render(template: str, lang: str, link: Linker, **context: Any) -> str:
    return environment(lang).get_template(template).render(link=link, **context)
