"""The table catalogue: every table the edition is published as, with its fields.

The data package (``package_schema``) and the workbook (``xlsx_columns``) are derived from
this list; a new column goes here once, with the surfaces that carry it (see ``tables``).
Headings are English message ids of the Babel catalogues.
"""

from __future__ import annotations

from blueprint_tracker.present.reports.tables import N_, PACKAGE_ONLY, Table
from blueprint_tracker.present.reports.tables import Field as F

P = PACKAGE_ONLY

TIERS = (
    "official_release, official_table_copy (an agency's table read from a copy), "
    "official_statement, media_report or third_party"
)
COPY_URL = "the copy an official table was read from"

PLAN_NODES = Table(
    "plan_nodes",
    (
        F("id", description="node id, unique in the plan", required=True),
        F("level", description="the hierarchy level (named by the plan)", required=True),
        F("parent", description="the parent node's id (empty at the top level)"),
        F("depth", "integer", "0 at the top level"),
        F("ref", description="where the node stands in the plan's text", bilingual=True,
          translated=True),
        F("title", description="title", bilingual=True, translated=True),
        F("body", description="the node's text as written", bilingual=True),
    ),
    title="Plan structure",
    description="Every node of the plan's hierarchy, in tree order.",
    primary_key=("id",),
    foreign_keys=(("parent", "plan_nodes", "id"),),
)

SERIES = Table(
    "series",
    (
        F("id", description="series id, named by observations", required=True),
        F("name", description="series name", bilingual=True, translated=True),
        F("unit", description="unit", bilingual=True),
        F("frequency", description="annual, quarterly, monthly or irregular"),
        F("release_lag_months", "integer", "months after the period's end a figure is due"),
        F("definition", description="definition", bilingual=True),
        F("third_party", "boolean", "true when no official source publishes the series"),
    ),
    title="Base series",
    description="The official statistical series the indicators are computed from.",
    primary_key=("id",),
)

INDICATORS = Table(
    "indicators",
    (
        F("id", description="indicator id", required=True),
        F("name", description="indicator name", bilingual=True, translated=True),
        F("group", description="group", bilingual=True),
        F("unit", description="unit", bilingual=True),
        F("direction", description="increase or decrease: which way is progress"),
        F("decimals", "integer", "printed precision"),
        F("formula", description="formula over series ids"),
        F(
            "fallback",
            description="series with the published indicator, used when the "
            "formula cannot be computed",
        ),
        F("projection", description="cagr or linear"),
        F("measures", description="';'-separated ids of the plan nodes the indicator measures"),
        F("latest_year", "integer", "year of the latest value"),
        F("latest_value", "number", "latest value"),
        F("latest_released", "date", "release date of the latest value"),
        F("latest_basis", description="computed (from the formula) or published"),
        F("stale", "boolean", "true when a newer figure was due and is missing"),
        F("expected_release", "date", "when the next figure is due"),
        F("definition_note", description="definition note", bilingual=True),
    ),
    title="Indicators",
    description="Indicators as formulas over base series, with their latest value on the "
    "edition date.",
    primary_key=("id",),
)

INDICATOR_VALUES = Table(
    "indicator_values",
    (
        F("indicator", description="indicator id", required=True),
        F("year", "integer", required=True),
        F("value", "number", required=True),
        F("released", "date", "release date of the newest input"),
        F("basis", description="computed or published"),
        F("flags", description="';'-separated flags carried from the inputs"),
        F("inputs", description="';'-separated inputs as series@period/release_date"),
        F("tiers", description="';'-separated source tiers of the inputs, in the same order"),
    ),
    title="Indicator values",
    description="Each indicator's value per year as known on the edition date, and what it "
    "rests on.",
    primary_key=("indicator", "year"),
    foreign_keys=(("indicator", "indicators", "id"),),
)

METHOD_STATUS = tuple(
    F(f"status_{method}", heading=heading, width=20, kind="status")
    for method, heading in (
        ("eurostat", N_("Eurostat status")),
        ("statcan", N_("Open SDG status")),
        ("escap", N_("ESCAP status")),
        ("trend", N_("Trend status")),
    )
)

MILESTONES = Table(
    "milestones",
    (
        F("indicator", heading=N_("Indicator ID"), width=9),
        F("name", heading=N_("Name"), width=44, bilingual=True),
        F("unit", heading=N_("Unit"), width=12, bilingual=True),
        F("direction", heading=N_("Direction"), width=12, kind="direction"),
        F("latest_year", "integer", heading=N_("Latest year"), width=10),
        F("latest_value", "number", heading=N_("Latest value")),
        F("latest_released", "date", heading=N_("Released"), width=12),
        F("stale", "boolean", heading=N_("Stale"), width=8),
        F("milestone_year", "integer", heading=N_("Target year"), width=10),
        F("comparator", heading=N_("Comparator"), width=8),
        F("target", "number", heading=N_("Target value"), width=12),
        *METHOD_STATUS,
        F("headline_status", heading=N_("Headline status code"), width=20),
        F("disagree", "boolean", heading=N_("Methods disagree"), width=10),
        F("required_cagr_from_latest", "number", heading=N_("Required annual growth"), width=12,
          kind="percent"),
        F("cagr_actual", "number", heading=N_("Annual growth so far"), width=12, kind="percent"),
        F("required_slope_from_latest", "number", heading=N_("Required yearly change"), width=12),
        F("slope_actual", "number", heading=N_("Yearly change so far"), width=12),
    ),
    sheet=N_("Indicators"),  # the workbook only: no package resource
)

OBSERVATIONS = Table(
    "observations",
    (
        F("series", description="series id", heading=N_("Series"), width=22, required=True),
        F("period", description="YYYY, YYYY/YY or YYYY-MM", heading=N_("Period"), width=9,
          required=True),
        F("value", "number", heading=N_("Value"), required=True),
        F("unit", description="unit as published", heading=N_("Unit"), width=12,
          kind="plan_text"),
        F(
            "flags",
            description="';'-separated: provisional, revised, estimate, third_party, "
            "break, approximate",
            heading=N_("Flags"),
            kind="flags",
        ),
        F("source_agency", description="publishing agency", heading=N_("Source agency"),
          width=28, kind="agency", required=True),
        F("source_title", description="publication title", heading=N_("Source title"),
          width=48, kind="plan_text", required=True),
        F("source_url", description="where the figure was read", heading=N_("Source URL"),
          width=40, kind="url", required=True),
        F("source_table", description="table id in the publication", heading=N_("Table"),
          width=12, kind="plan_text"),
        F("source_tier", description=TIERS, heading=N_("Source tier"), width=18, kind="tier",
          required=True),
        F("source_copy_url", description=COPY_URL, heading=N_("Read from (copy)"), width=30,
          kind="url"),
        F("release_date", "date", "date this figure (vintage) was published",
          heading=N_("Release date"), width=12, required=True),
        F("note", description="the phrase read at the source, and notes", heading=N_("Note"),
          width=60, kind="plan_text"),
        F(
            "dimensions",
            description='the breakdown as sorted JSON, e.g. {"Sex":"Female"}; empty for the '
            "series' total line",
            heading=N_("Breakdown"),
            width=30,
        ),
    ),
    title="Observations",
    description="Every release (vintage) of every figure known on the edition date, with its "
    "provenance. The columns are the import format of docs/plan-format.md: the file can be "
    "imported with `blueprint import`.",
    sheet=N_("Observations"),
    primary_key=("series", "period", "dimensions", "release_date"),
    foreign_keys=(("series", "series", "id"),),
)


def _n(key: str, kind: str, description: str, heading: str, width: float = 11) -> F:
    """A method's number: ``kind`` is the Table Schema type, or ``percent`` (a fraction)."""
    if kind == "percent":
        return F(key, "number", description, heading, width, kind="percent")
    return F(key, kind, description, heading, width)


NUMBER_FIELDS = (
    _n("t0", "integer", "start year of the growth window", N_("t0"), 7),
    _n("t1", "integer", "latest year with data", N_("t1"), 7),
    _n("base_year", "integer", "base year", N_("Base year"), 8),
    _n("x0", "number", "value at t0", N_("x0"), 12),
    _n("x1", "number", "value at t1", N_("x1"), 12),
    _n("cagr_actual", "percent", "actual compound annual growth (fraction)", N_("Actual CAGR")),
    _n("cagr_required", "percent", "required compound annual growth (fraction)",
       N_("Required CAGR")),
    _n("ratio", "number", "actual over required growth", N_("Ratio"), 9),
    _n("slope_actual", "number", "actual change a year", N_("Actual slope")),
    _n("slope_required", "number", "required change a year", N_("Required slope")),
    _n("score", "number", "Open SDG score (-5 to 5)", N_("Score"), 9),
    _n("progress_value", "number", "Open SDG progress value", N_("Progress value"), 10),
    _n("projection", "number", "projected value in the target year", N_("Projection"), 12),
    _n("anticipated_progress", "number", "ESCAP anticipated progress",
       N_("Anticipated progress")),
    _n("current_status", "number", "ESCAP current status", N_("Current status"), 10),
    _n("expected_fraction", "number", "share of the period elapsed", N_("Expected fraction"),
       10),
    _n("probability", "percent", "probability of meeting the target (trend)",
       N_("Probability"), 10),
    _n("probability_bootstrap", "percent", "the same by a seeded bootstrap of annual growth",
       N_("Probability (bootstrap)"), 12),
    F("bootstrap_rates", "integer", "annual growth rates the bootstrap resampled",
      N_("Bootstrap rates"), 10, kind="number"),
    F("bootstrap_draws", "integer", "bootstrap draws", N_("Bootstrap draws"), 10,
      kind="number"),
    _n("final_value", "number", "value in the target year, once it has passed",
       N_("Final value")),
    _n("required_cagr_from_latest", "percent", "growth needed a year from the latest value",
       N_("Required CAGR from latest"), 14),
    _n("required_slope_from_latest", "number", "change needed a year from the latest value",
       N_("Required slope from latest"), 14),
    _n("interval80_low", "number", "80% prediction interval, low", N_("80% low")),
    _n("interval80_high", "number", "80% prediction interval, high", N_("80% high")),
    _n("interval95_low", "number", "95% prediction interval, low", N_("95% low")),
    _n("interval95_high", "number", "95% prediction interval, high", N_("95% high")),
    F("fallback", description="'linear' when a linear rule replaced an undefined growth rate",
      heading=N_("Fallback"), width=9),
    F("trend_flag", description="trend reading attached to a met target",
      heading=N_("Trend flag"), width=12),
    F("milestone_passed", "boolean", "the target year has passed", N_("Milestone passed"), 10),
    F("ahead_of_schedule", "boolean", "ESCAP: current status ahead of the elapsed fraction",
      N_("Ahead of schedule"), 10),
    F("numbers_json", description="every number the method returned, as a JSON object", on=P),
)

ASSESSMENTS = Table(
    "assessments",
    (
        F("indicator", description="indicator id", heading=N_("Indicator ID"), width=9,
          required=True),
        F("milestone_year", "integer", "target year", N_("Target year"), 10, required=True),
        F("comparator", description=">=, <= or ~ (about)", heading=N_("Comparator"), width=8),
        F("target", "number", "target value", N_("Target value"), 12),
        F("tolerance", "number", "relative tolerance of an 'about' target", on=P),
        F("method", description="eurostat, statcan, escap or trend", heading=N_("Method"),
          width=10, required=True),
        F("headline", "boolean", "the report's headline method", N_("Headline method"), 9),
        F("status", description="status code (METHODS §8)", heading=N_("Status code"), width=22,
          required=True, status_word=(N_("Status"), 20)),
        F("verdict", description="good, fair, poor, bad or unknown: the status's tone, as shown",
          heading=N_("Verdict"), width=9),
        F("disagree", "boolean", "the methods reach different verdicts on this milestone",
          N_("Methods disagree"), 10),
        F("explanation", description="one-sentence explanation", heading=N_("Explanation"),
          width=80, bilingual=True),
        *NUMBER_FIELDS,
    ),
    title="Assessments",
    description="Every indicator milestone assessed by every method on the edition date.",
    sheet=N_("Assessments"),
    # the workbook shows the prediction intervals before the final value
    sheet_order=(
        "indicator", "milestone_year", "comparator", "target", "method", "headline", "status",
        "verdict", "disagree", "explanation",
        "t0", "t1", "base_year", "x0", "x1", "cagr_actual", "cagr_required", "ratio",
        "slope_actual", "slope_required", "score", "progress_value", "projection",
        "anticipated_progress", "current_status", "expected_fraction", "probability",
        "probability_bootstrap", "bootstrap_rates", "bootstrap_draws",
        "interval80_low", "interval80_high", "interval95_low", "interval95_high",
        "final_value", "required_cagr_from_latest", "required_slope_from_latest",
        "fallback", "trend_flag", "milestone_passed", "ahead_of_schedule",
    ),
    primary_key=("indicator", "milestone_year", "method"),
    foreign_keys=(("indicator", "indicators", "id"),),
)

COMMITMENT_STATUSES = (
    "DONE, DONE_LATE, IN_PROGRESS, NOT_STARTED, OVERDUE, NO_EVIDENCE, MODIFIED or NOT_PURSUED"
)

COMMITMENTS = Table(
    "commitments",
    (
        F("id", description="commitment id", heading=N_("ID"), width=26, required=True),
        F("node", description="the plan node it belongs to", heading=N_("Plan item"),
          required=True),
        F("ref", description="where it stands in the plan's text", heading=N_("Reference"),
          width=24, bilingual=True, translated=True),
        F("text", description="original wording", heading=N_("Commitment (wording)"), width=70,
          bilingual=True, translated=True),
        F("due", description="due date at its precision (YYYY, YYYY-Hn, YYYY/YY, ...)",
          heading=N_("Due"), width=10),
        F("due_precision",
          description="year, half, quarter, month, day, school or financial year",
          heading=N_("Due precision"), width=10),
        F("due_kind", description="by (deadline), from (start) or in (during)",
          heading=N_("Due kind"), width=8),
        F("due_start", "date", "first day of the due period", N_("Due period starts"), 12),
        F("due_end", "date", "last day of the due period", N_("Due period ends"), 12),
        F("due_text", description="due date as worded in the plan", heading=N_("Due (wording)"),
          width=24, bilingual=True),
        F("owner", description="responsible body", heading=N_("Owner"), width=28,
          bilingual=True),
        F("milestone_series", description="series of a quantitative target",
          heading=N_("Target series"), width=16),
        F("milestone_value", "number", "target value", N_("Target value"), 12),
        F("milestone_comparator", description=">=, <= or ~", heading=N_("Comparator"), width=8),
        F("milestone_year", "integer", "target year", N_("Target year"), 10),
        F("status", description=COMMITMENT_STATUSES, heading=N_("Status code"), width=14,
          required=True, status_word=(N_("Status"), 16)),
        F("evidence_count", "integer", "evidence items released by the edition date",
          N_("Evidence items"), 9),
        F("deciding_evidence",
          description="';'-separated evidence numbers that decided the status",
          heading=N_("Deciding evidence"), width=10),
    ),
    title="Commitments",
    description="Dated, checkable promises in the plan and their status on the edition date.",
    sheet=N_("Commitments"),
    primary_key=("id",),
    foreign_keys=(("node", "plan_nodes", "id"),),
)

EVIDENCE = Table(
    "evidence",
    (
        F("commitment", description="commitment id", heading=N_("Commitment ID"), width=26,
          required=True),
        F("number", "integer", "number of the item within its commitment", N_("No."), 6,
          required=True),
        F("date", description="when it happened (YYYY-MM-DD, YYYY-MM or YYYY)",
          heading=N_("Date"), width=12),
        F("outcome",
          description="completed, in_progress, not_started, delayed, modified or not_pursued",
          heading=N_("Outcome"), width=12, kind="outcome"),
        F("summary", description="what happened", heading=N_("Summary"), width=80,
          bilingual=True),
        F("source_agency", description="source agency", heading=N_("Source agency"), width=28,
          kind="agency", required=True),
        F("source_title", description="source title", heading=N_("Source title"), width=40,
          kind="plan_text", required=True),
        F("source_url", description="source URL", heading=N_("Source URL"), width=40,
          kind="url", required=True),
        F("release_date", "date", "when the source was published", N_("Release date"), 12,
          required=True),
        F("flags", description="';'-separated: third_party, approximate", heading=N_("Flags"),
          width=12, kind="flags"),
        F("deciding", "boolean", "this item decided the commitment's status",
          N_("Decides the status"), 10),
    ),
    title="Evidence",
    description="Dated evidence on the commitments, released by the edition date.",
    sheet=N_("Evidence"),
    primary_key=("commitment", "number"),
    foreign_keys=(("commitment", "commitments", "id"),),
)

SOURCES = Table(
    "sources",
    (
        F("agency", heading=N_("Agency"), width=28, kind="agency", required=True),
        F("title", heading=N_("Title"), width=56, kind="plan_text", required=True),
        F("url", heading=N_("URL"), width=40, kind="url", required=True),
        F("tier", description="source tier (see observations.source_tier)",
          heading=N_("Source tier"), width=18, kind="tier", required=True),
        F("copy_url", description=COPY_URL, heading=N_("Read from (copy)"), width=30,
          kind="url"),
        F("tables", description="';'-separated table ids", heading=N_("Tables"),
          kind="plan_texts"),
        F("series", description="';'-separated series ids", heading=N_("Series"), width=30),
        F("figures", "integer", "figures (releases) from this source", N_("Figures"), 9),
        F("third_party", "boolean", "some figures are third-party", N_("Third party"), 9),
        F("first_release", "date", heading=N_("First release"), width=12),
        F("last_release", "date", heading=N_("Last release"), width=12),
    ),
    title="Sources",
    description="Every publication the figures come from, with how many figures and which "
    "series.",
    sheet=N_("Sources"),
)

#: an economy's figure with its source, as the Peers and Context measures tables give it
PEER_FIGURE_FIELDS: tuple[F, ...] = (
    F("economy", description="economy id", heading=N_("Economy"), width=9, required=True),
    F("economy_name", description="economy name", heading=N_("Economy name"), width=18,
      bilingual=True),
    F("year", "integer", heading=N_("Year"), width=7, required=True),
    F("value", "number", heading=N_("Value"), width=10, required=True),
    F("source_agency", heading=N_("Source agency"), width=28, kind="agency", required=True),
    F("source_title", heading=N_("Source title"), width=56, kind="plan_text", required=True),
    F("source_url", heading=N_("Source URL"), width=40, kind="url", required=True),
    F("source_table", on=P),
    F("source_tier", description="see observations.source_tier", heading=N_("Source tier"),
      width=18, kind="tier", required=True),
    F("source_copy_url", description=COPY_URL, heading=N_("Read from (copy)"), width=30,
      kind="url"),
    F("release_date", "date", heading=N_("Release date"), width=12, required=True),
    F("note", heading=N_("Note"), width=50, kind="plan_text"),
)
#: the workbook shows the tier first among the source's columns
PEER_FIGURE_ORDER = (
    "economy", "economy_name", "year", "value", "source_tier",
    "source_agency", "source_title", "source_url", "source_copy_url", "release_date", "note",
)

PEERS = Table(
    "peers",
    (
        F("indicator", description="indicator id", heading=N_("Indicator ID"), width=9,
          required=True),
        *PEER_FIGURE_FIELDS,
    ),
    title="Peer economies",
    description="Other economies' figures for the indicators with an international definition, "
    "each with its source and tier. Context only: they never change a status.",
    sheet=N_("Peers"),
    sheet_order=("indicator", *PEER_FIGURE_ORDER),
    primary_key=("indicator", "economy", "year", "release_date"),
    foreign_keys=(("indicator", "indicators", "id"),),
)

PEER_CONTEXT = Table(
    "peer_context",
    (
        F("measure", description="context measure id (peers.yaml context)",
          heading=N_("Measure"), width=22, required=True),
        F("measure_name", description="context measure name", heading=N_("Measure name"),
          width=30, bilingual=True),
        F("shown_on", description="id of the indicator whose page shows the measure",
          heading=N_("Shown with indicator"), width=10, required=True),
        *PEER_FIGURE_FIELDS,
    ),
    title="Context measures",
    description="Measures with an international definition that are not indicators of the "
    "plan (such as researchers per million people), for the plan's own economy and its peers "
    "from one source each, shown beside the indicator they belong to. Context only: they "
    "never change a status.",
    sheet=N_("Context measures"),
    sheet_order=("measure", "measure_name", "shown_on", *PEER_FIGURE_ORDER),
    primary_key=("measure", "economy", "year", "release_date"),
    foreign_keys=(("shown_on", "indicators", "id"),),
)

#: every table, in the order of the data package's resources and of the workbook's sheets
TABLES: tuple[Table, ...] = (
    PLAN_NODES,
    SERIES,
    INDICATORS,
    INDICATOR_VALUES,
    MILESTONES,
    OBSERVATIONS,
    ASSESSMENTS,
    COMMITMENTS,
    EVIDENCE,
    SOURCES,
    PEERS,
    PEER_CONTEXT,
)
