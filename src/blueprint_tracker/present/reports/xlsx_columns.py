"""The workbook's sheets and columns: which field, its heading (English message ids, translated
through the Babel catalogues), its cell type.

A key ending in ``@`` is a bilingual text: the column holds the chosen language
(``name@`` reads ``name_zh_hant`` or ``name_en``). Kinds: ``text``, ``int``, ``number``,
``percent``, ``date``, ``bool``, ``url``, ``status`` (the status word; the code has its own
column), ``outcome``, ``flags``, ``tier`` and ``direction`` (words in the chosen language).
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint_tracker import i18n


def N_(message: str) -> str:
    """Mark a heading for extraction (translated through the Babel catalogues when used)."""
    return message


@dataclass(frozen=True)
class Column:
    key: str
    en: str  # the English heading, a message id of the catalogues
    kind: str = "text"
    width: float = 14

    def heading(self, lang: str) -> str:
        return i18n.gettext(lang, self.en)


@dataclass(frozen=True)
class Sheet:
    table: str  # the key in the tables the workbook is written from
    en: str  # the English title, a message id of the catalogues
    columns: tuple[Column, ...]

    def title(self, lang: str) -> str:
        return i18n.gettext(lang, self.en)


C = Column

METHOD_STATUS = (
    C("status_eurostat", N_("Eurostat status"), "status", 20),
    C("status_statcan", N_("Open SDG status"), "status", 20),
    C("status_escap", N_("ESCAP status"), "status", 20),
    C("status_trend", N_("Trend status"), "status", 20),
)

INDICATORS = Sheet(
    "milestones",
    N_("Indicators"),
    (
        C("indicator", N_("Indicator ID"), width=9),
        C("name@", N_("Name"), width=44),
        C("unit@", N_("Unit"), width=12),
        C("direction", N_("Direction"), "direction", 12),
        C("latest_year", N_("Latest year"), "int", 10),
        C("latest_value", N_("Latest value"), "number", 14),
        C("latest_released", N_("Released"), "date", 12),
        C("stale", N_("Stale"), "bool", 8),
        C("milestone_year", N_("Target year"), "int", 10),
        C("comparator", N_("Comparator"), width=8),
        C("target", N_("Target value"), "number", 12),
        *METHOD_STATUS,
        C("headline_status", N_("Headline status code"), width=20),
        C("disagree", N_("Methods disagree"), "bool", 10),
        C("required_cagr_from_latest", N_("Required annual growth"), "percent", 12),
        C("cagr_actual", N_("Annual growth so far"), "percent", 12),
        C("required_slope_from_latest", N_("Required yearly change"), "number", 12),
        C("slope_actual", N_("Yearly change so far"), "number", 12),
    ),
)

OBSERVATIONS = Sheet(
    "observations",
    N_("Observations"),
    (
        C("series", N_("Series"), width=22),
        C("period", N_("Period"), width=9),
        C("value", N_("Value"), "number", 14),
        C("unit", N_("Unit"), width=12),
        C("flags", N_("Flags"), "flags", 14),
        C("source_agency", N_("Source agency"), width=28),
        C("source_title", N_("Source title"), width=48),
        C("source_url", N_("Source URL"), "url", 40),
        C("source_table", N_("Table"), width=12),
        C("source_tier", N_("Source tier"), "tier", 18),
        C("source_copy_url", N_("Read from (copy)"), "url", 30),
        C("release_date", N_("Release date"), "date", 12),
        C("note", N_("Note"), width=60),
        C("dimensions", N_("Breakdown"), width=30),
    ),
)

NUMBER_COLUMNS = (
    C("t0", N_("t0"), "int", 7),
    C("t1", N_("t1"), "int", 7),
    C("base_year", N_("Base year"), "int", 8),
    C("x0", N_("x0"), "number", 12),
    C("x1", N_("x1"), "number", 12),
    C("cagr_actual", N_("Actual CAGR"), "percent", 11),
    C("cagr_required", N_("Required CAGR"), "percent", 11),
    C("ratio", N_("Ratio"), "number", 9),
    C("slope_actual", N_("Actual slope"), "number", 11),
    C("slope_required", N_("Required slope"), "number", 11),
    C("score", N_("Score"), "number", 9),
    C("progress_value", N_("Progress value"), "number", 10),
    C("projection", N_("Projection"), "number", 12),
    C("anticipated_progress", N_("Anticipated progress"), "number", 11),
    C("current_status", N_("Current status"), "number", 10),
    C("expected_fraction", N_("Expected fraction"), "number", 10),
    C("probability", N_("Probability"), "percent", 10),
    C("probability_bootstrap", N_("Probability (bootstrap)"), "percent", 12),
    C("bootstrap_rates", N_("Bootstrap rates"), "number", 10),
    C("bootstrap_draws", N_("Bootstrap draws"), "number", 10),
    C("interval80_low", N_("80% low"), "number", 11),
    C("interval80_high", N_("80% high"), "number", 11),
    C("interval95_low", N_("95% low"), "number", 11),
    C("interval95_high", N_("95% high"), "number", 11),
    C("final_value", N_("Final value"), "number", 11),
    C("required_cagr_from_latest", N_("Required CAGR from latest"), "percent"),
    C("required_slope_from_latest", N_("Required slope from latest"), "number"),
    C("fallback", N_("Fallback"), width=9),
    C("trend_flag", N_("Trend flag"), width=12),
    C("milestone_passed", N_("Milestone passed"), "bool", 10),
    C("ahead_of_schedule", N_("Ahead of schedule"), "bool", 10),
)

ASSESSMENTS = Sheet(
    "assessments",
    N_("Assessments"),
    (
        C("indicator", N_("Indicator ID"), width=9),
        C("milestone_year", N_("Target year"), "int", 10),
        C("comparator", N_("Comparator"), width=8),
        C("target", N_("Target value"), "number", 12),
        C("method", N_("Method"), width=10),
        C("headline", N_("Headline method"), "bool", 9),
        C("status", N_("Status code"), width=22),
        C("status", N_("Status"), "status", 20),
        C("verdict", N_("Verdict"), width=9),
        C("disagree", N_("Methods disagree"), "bool", 10),
        C("explanation@", N_("Explanation"), width=80),
        *NUMBER_COLUMNS,
    ),
)

COMMITMENTS = Sheet(
    "commitments",
    N_("Commitments"),
    (
        C("id", N_("ID"), width=26),
        C("node", N_("Plan item"), width=14),
        C("ref", N_("Reference"), width=24),
        C("text@", N_("Commitment (wording)"), width=70),
        C("due", N_("Due"), width=10),
        C("due_precision", N_("Due precision"), width=10),
        C("due_kind", N_("Due kind"), width=8),
        C("due_start", N_("Due period starts"), "date", 12),
        C("due_end", N_("Due period ends"), "date", 12),
        C("due_text@", N_("Due (wording)"), width=24),
        C("owner@", N_("Owner"), width=28),
        C("milestone_series", N_("Target series"), width=16),
        C("milestone_value", N_("Target value"), "number", 12),
        C("milestone_comparator", N_("Comparator"), width=8),
        C("milestone_year", N_("Target year"), "int", 10),
        C("status", N_("Status code"), width=14),
        C("status", N_("Status"), "status", 16),
        C("evidence_count", N_("Evidence items"), "int", 9),
        C("deciding_evidence", N_("Deciding evidence"), width=10),
    ),
)

EVIDENCE = Sheet(
    "evidence",
    N_("Evidence"),
    (
        C("commitment", N_("Commitment ID"), width=26),
        C("number", N_("No."), "int", 6),
        C("date", N_("Date"), width=12),
        C("outcome", N_("Outcome"), "outcome", 12),
        C("summary@", N_("Summary"), width=80),
        C("source_agency", N_("Source agency"), width=28),
        C("source_title", N_("Source title"), width=40),
        C("source_url", N_("Source URL"), "url", 40),
        C("release_date", N_("Release date"), "date", 12),
        C("flags", N_("Flags"), "flags", 12),
        C("deciding", N_("Decides the status"), "bool", 10),
    ),
)

SOURCES = Sheet(
    "sources",
    N_("Sources"),
    (
        C("agency", N_("Agency"), width=28),
        C("title", N_("Title"), width=56),
        C("url", N_("URL"), "url", 40),
        C("tier", N_("Source tier"), "tier", 18),
        C("copy_url", N_("Read from (copy)"), "url", 30),
        C("tables", N_("Tables"), width=14),
        C("series", N_("Series"), width=30),
        C("figures", N_("Figures"), "int", 9),
        C("third_party", N_("Third party"), "bool", 9),
        C("first_release", N_("First release"), "date", 12),
        C("last_release", N_("Last release"), "date", 12),
    ),
)

PEERS = Sheet(
    "peers",
    N_("Peers"),
    (
        C("indicator", N_("Indicator ID"), width=9),
        C("economy", N_("Economy"), width=9),
        C("economy_name@", N_("Economy name"), width=18),
        C("year", N_("Year"), "int", 7),
        C("value", N_("Value"), "number", 10),
        C("source_tier", N_("Source tier"), "tier", 18),
        C("source_agency", N_("Source agency"), width=28),
        C("source_title", N_("Source title"), width=56),
        C("source_url", N_("Source URL"), "url", 40),
        C("source_copy_url", N_("Read from (copy)"), "url", 30),
        C("release_date", N_("Release date"), "date", 12),
        C("note", N_("Note"), width=50),
    ),
)

SHEETS = (INDICATORS, OBSERVATIONS, ASSESSMENTS, COMMITMENTS, EVIDENCE, SOURCES, PEERS)
