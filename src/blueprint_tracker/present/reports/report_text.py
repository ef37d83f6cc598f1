"""The report's own words. English message ids, translated through the Babel catalogues
(``i18n/locale``) like every other UI string, so the catalogue test catches a missing
translation; status, method and flag names come from ``web.labels`` (the dashboard's words)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from blueprint_tracker import i18n


def N_(message: str) -> str:
    """Mark a message for extraction (translated when used)."""
    return message


TEXT: dict[str, str] = {
    "report": N_("Progress report"),
    "about": N_("About this workbook"),
    "edition": N_("Edition"),
    "as_of_note": N_("This report uses only figures and evidence released on or before %(date)s."),
    "today_note": N_("This report uses every figure and all evidence released by %(date)s."),
    "publisher": N_("Plan published by"),
    "published": N_("Plan published on"),
    "plan_source": N_("Plan text"),
    "produced": N_(
        "Computed by Blueprint Tracker with published methods; every figure has its source."
    ),
    "untranslated": N_(
        "The report's own words are in English: they have not been translated into "
        "%(language)s yet. The plan's own text is in %(language)s."
    ),
    "contents": N_("Contents"),
    "summary": N_("Summary"),
    "indicator_counts": N_("Indicator targets by status (%(method)s)"),
    "commitment_counts": N_("Commitments by status"),
    "status": N_("Status"),
    "count": N_("Count"),
    "most_behind": N_("Indicator targets most behind"),
    "overdue": N_("Commitments overdue"),
    "changes": N_("What changed since the edition of %(since)s"),
    "item": N_("Item"),
    "before": N_("Previous edition"),
    "after": N_("This edition"),
    "target_for": N_("target for %(year)s"),
    "none": N_("None."),
    "disagree_note": N_("The methods disagree on %(n)s target(s); see each indicator's page."),
    "sections": N_("Progress by %(level)s"),
    "commitments": N_("Commitments"),
    "indicators": N_("Indicators"),
    "no_commitments": N_("No commitments in this part."),
    "no_indicators": N_("No indicator measures this part."),
    "id": N_("ID"),
    "commitment": N_("Commitment"),
    "due": N_("Due"),
    "latest_evidence": N_("Latest evidence"),
    "no_evidence": N_("No evidence yet"),
    "indicator": N_("Indicator"),
    "latest": N_("Latest value"),
    "target": N_("Target"),
    "indicator_pages": N_("Indicators in detail"),
    "unit": N_("Unit"),
    "formula": N_("Formula"),
    "direction": N_("Direction"),
    "increase": N_("higher is better"),
    "decrease": N_("lower is better"),
    "definition": N_("Definition note"),
    "status_by_method": N_("Status by each method"),
    "milestone": N_("Target year"),
    "method": N_("Method"),
    "explanation": N_("Explanation"),
    "pace": N_("Required pace"),
    "pace_line": N_(
        "Target for %(year)s: needs %(needed)s a year from the latest value (so far "
        "%(done)s a year)."
    ),
    "pace_linear": N_(
        "Target for %(year)s: needs %(needed)s more each year from the latest value (so "
        "far %(done)s a year)."
    ),
    "pace_none": N_("The required pace cannot be computed."),
    "stale": N_("Newer data was expected by now: figures for %(period)s were due by %(date)s."),
    "no_value": N_("No value is available yet."),
    "disagree": N_("The methods disagree"),
    "values_sources": N_("Values and their sources"),
    "peers": N_("Among its peers"),
    "peers_context": N_("Context only: figures of other economies never change a status."),
    "economy": N_("Economy"),
    "latest_year": N_("Latest year"),
    "no_figure": N_("No figure found (a gap, not estimated)"),
    "year": N_("Year"),
    "value": N_("Value"),
    "released": N_("Released"),
    "basis": N_("Basis"),
    "source": N_("Source"),
    "inputs": N_("Figures used and their sources"),
    "flags": N_("Flags"),
    "computed": N_("computed"),
    "published_basis": N_("published"),
    "methodology": N_("Annex 1: Methodology"),
    "sources_annex": N_("Annex 2: Sources"),
    "agency": N_("Agency"),
    "publication": N_("Publication"),
    "tables": N_("Tables"),
    "figures": N_("Figures"),
    "releases": N_("Releases"),
    "page": N_("Page %(n)s"),
    "status_codes": N_("Statuses and what they mean"),
}

METHOD_NOTES: dict[str, str] = {
    "eurostat": N_(
        "Compares the actual compound annual growth over the last five years with the "
        "growth needed from the start of that window to reach the target (ratio R). R ≥ "
        "0.95 is significant progress, 0.60–0.95 moderate, 0–0.60 insufficient, R < 0 "
        "moving away. A latest value that already meets the target is target met."
    ),
    "statcan": N_(
        "The measure used by Open SDG (Statistics Canada): actual compound annual growth "
        "since the plan's base year over the growth needed from the base year to the "
        "target, with the same thresholds 0.95, 0.60 and 0, and a score from -5 to 5."
    ),
    "escap": N_(
        "UN ESCAP's anticipated progress: the value in the target year is projected at "
        "the pace since the base year; AP = (projection − base) / (target − base). AP ≥ 1"
        " is on track, 0–1 needs to accelerate, AP < 0 the trend needs reversing. This is"
        " the report's headline method."
    ),
    "trend": N_(
        "An ordinary least squares trend of the logarithm (or the level) over the "
        "observed years, projected to the target year with a prediction interval; the "
        "probability of meeting the target is put in words from very likely to very "
        "unlikely."
    ),
}

GENERAL_NOTES: tuple[str, ...] = (
    N_(
        "Each indicator is computed by a formula from official base series; every release"
        " of a figure is kept, and a report as of a date uses only the releases known on "
        "that date."
    ),
    N_(
        "Each target year is assessed by four methods, shown side by side; where they "
        "disagree the disagreement is shown, never averaged."
    ),
    N_(
        "Required pace: the compound annual growth (for counts, the yearly increase) "
        "needed from the latest value to reach the target, next to the growth achieved so"
        " far."
    ),
    N_(
        "Stale data: when a newer figure was due by its usual publication lag and is "
        "missing, this is flagged separately from the status."
    ),
    N_(
        "A commitment's status follows from its due date (at its precision: 'mid-2024' "
        "ends on 30 June 2024), the evaluation date and the evidence: done, done late, in"
        " progress, not started, overdue, no recent evidence."
    ),
    N_(
        "Progress of higher levels (goals, strategies, directions) is given as counts of "
        "each status, never averaged into one colour."
    ),
)


def pick(message: str, lang: str) -> str:
    """A marked message in ``lang``."""
    return i18n.gettext(lang, message)


def tr(key: str, lang: str, **values: Any) -> str:
    """The report text ``key`` in ``lang``, with ``%(name)s`` fields filled in."""
    text = pick(TEXT[key], lang)
    return text % values if values else text.replace("%%", "%")


def field(key: str, value: object, lang: str) -> str:
    """ "Label: value" with the language's colon (full-width in Chinese)."""
    return i18n.labelled(lang, tr(key, lang), str(value))


def listing(items: list[str], lang: str) -> str:
    """Items one after another with the language's semicolon (full-width in Chinese)."""
    return pick(N_("; "), lang).join(items)


def untranslated_note(lang: str) -> str:
    """For a plan language without a catalogue: the report's words are English (else "")."""
    if i18n.has_catalogue(lang):
        return ""
    return tr("untranslated", lang, language=i18n.language_name(lang))


def t(value: Mapping[str, Any] | None, lang: str) -> str:
    """A text dict in ``lang``; else in its first language (the plan's order)."""
    return i18n.pick(value, lang)
