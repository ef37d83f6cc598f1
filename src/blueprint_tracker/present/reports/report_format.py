"""Words and numbers as the reports print them (status words are the dashboard's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blueprint_tracker import i18n
from blueprint_tracker.domain.text import with_unit
from blueprint_tracker.present import labels
from blueprint_tracker.present.dates import date_or_text
from blueprint_tracker.present.reports.report_text import t, tr


def gettext(lang: str, message: str) -> str:
    return i18n.gettext(lang, message)


def status_word(code: str | None, lang: str) -> str:
    return gettext(lang, labels.status_label(code).word)


def status_tone(code: str | None) -> str:
    return labels.status_label(code).tone


def method_name(method: str, lang: str) -> str:
    return gettext(lang, labels.METHOD_NAMES.get(method, method))


def outcome_word(outcome: str, lang: str) -> str:
    return gettext(lang, labels.OUTCOMES.get(outcome, outcome))


def flag_words(flags: list[str], lang: str) -> str:
    return ", ".join(gettext(lang, labels.FLAGS.get(f, f)) for f in flags)


def tier_word(tier: str, lang: str) -> str:
    return gettext(lang, labels.TIERS.get(tier, tier))


def tier_words(tiers: list[str], lang: str) -> str:
    return ", ".join(tier_word(t, lang) for t in tiers)


def day(value: str | None, lang: str) -> str:
    """A date as a Hong Kong reader writes it (23 December 2025, or the Chinese form), at its
    own precision (a month, a year); the pages' one date format, never ISO."""
    return date_or_text(value, lang)


def number(value: float | None, decimals: int = 2) -> str:
    return "—" if value is None else f"{value:,.{decimals}f}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1%}"


def target(milestone: Mapping[str, Any], decimals: int) -> str:
    value = milestone.get("target", milestone.get("value"))
    sign = labels.COMPARATOR_SIGNS.get(milestone["comparator"], "")
    return f"{milestone['year']}: {sign} {number(value, decimals)}"


def latest(indicator: Mapping[str, Any], lang: str) -> str:
    value = indicator.get("latest")
    if not value:
        return tr("no_value", lang)
    unit = t(indicator.get("unit"), lang)
    return f"{with_unit(value['display'], unit, lang)} ({value['year']})"


def due(commitment: Mapping[str, Any], lang: str) -> str:
    data = commitment.get("due")
    if not data:
        return "—"
    return t(data.get("wording"), lang) or data["text"]


def pace(indicator: Mapping[str, Any], milestone: Mapping[str, Any], lang: str) -> str:
    """The growth a milestone needs from the latest value, next to the growth so far."""
    numbers = milestone.get("pace") or {}
    if indicator.get("projection") == "linear":
        needed, done = numbers.get("required_slope_from_latest"), numbers.get("slope_actual")
        if needed is None:
            return tr("pace_none", lang)
        decimals = int(indicator.get("decimals", 2))
        return tr(
            "pace_linear",
            lang,
            year=milestone["year"],
            needed=number(needed, decimals),
            done=number(done, decimals),
        )
    needed, done = numbers.get("required_cagr_from_latest"), numbers.get("cagr_actual")
    if needed is None:
        return tr("pace_none", lang)
    return tr("pace_line", lang, year=milestone["year"], needed=percent(needed), done=percent(done))


def latest_evidence(commitment: Mapping[str, Any], lang: str, limit: int = 220) -> str:
    evidence = commitment.get("evidence") or []
    if not evidence:
        return tr("no_evidence", lang)
    item = max(evidence, key=lambda e: (e["release_date"], e["date"]))
    summary = t(item["summary"], lang)
    if len(summary) > limit:
        summary = summary[: limit - 1].rstrip() + "…"
    return f"{day(item['date'], lang)} · {outcome_word(item['outcome'], lang)} · {summary}"
