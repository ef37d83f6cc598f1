"""The data package's resources and their Table Schemas (field names, types, descriptions).

The rows come from ``services.reports.open_tables``; a test checks that every table has exactly
these fields, so the schema and the data cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"
    description: str = ""
    required: bool = False

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "date":
            out["format"] = "%Y-%m-%d"
        if self.description:
            out["description"] = self.description
        if self.required:
            out["constraints"] = {"required": True}
        return out


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, resource, field)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


F = Field


def bi(name: str, what: str, translated: bool = False) -> tuple[Field, ...]:
    """A text in both languages: ``{name}_zh_hant``, ``{name}_en`` (and whether it is ours)."""
    fields = [
        F(f"{name}_zh_hant", description=f"{what}, in Traditional Chinese (the source text)"),
        F(f"{name}_en", description=f"{what}, in English"),
    ]
    if translated:
        fields.append(
            F(
                f"{name}_en_translated",
                "boolean",
                "true when the English is our translation, not official wording",
            )
        )
    return tuple(fields)


PLAN_NODES = Resource(
    "plan_nodes",
    "Plan structure",
    "Every node of the plan's hierarchy, in tree order.",
    (
        F("id", description="node id, unique in the plan", required=True),
        F("level", description="the hierarchy level (named by the plan)", required=True),
        F("parent", description="the parent node's id (empty at the top level)"),
        F("depth", "integer", "0 at the top level"),
        F("ref", description="where the node stands in the plan's text"),
        *bi("title", "title", translated=True),
        *bi("body", "the node's text as written"),
    ),
    primary_key=("id",),
    foreign_keys=(("parent", "plan_nodes", "id"),),
)

SERIES = Resource(
    "series",
    "Base series",
    "The official statistical series the indicators are computed from.",
    (
        F("id", description="series id, named by observations", required=True),
        *bi("name", "series name", translated=True),
        *bi("unit", "unit"),
        F("frequency", description="annual, quarterly, monthly or irregular"),
        F("release_lag_months", "integer", "months after the period's end a figure is due"),
        *bi("definition", "definition"),
        F("third_party", "boolean", "true when no official source publishes the series"),
    ),
    primary_key=("id",),
)

INDICATORS = Resource(
    "indicators",
    "Indicators",
    "Indicators as formulas over base series, with their latest value on the edition date.",
    (
        F("id", description="indicator id", required=True),
        *bi("name", "indicator name", translated=True),
        *bi("group", "group"),
        *bi("unit", "unit"),
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
        *bi("definition_note", "definition note"),
    ),
    primary_key=("id",),
)

INDICATOR_VALUES = Resource(
    "indicator_values",
    "Indicator values",
    "Each indicator's value per year as known on the edition date, and what it rests on.",
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
    primary_key=("indicator", "year"),
    foreign_keys=(("indicator", "indicators", "id"),),
)

OBSERVATIONS = Resource(
    "observations",
    "Observations",
    "Every release (vintage) of every figure known on the edition date, with its provenance. "
    "The columns are the import format of docs/plan-format.md: the file can be imported with "
    "`blueprint import`.",
    (
        F("series", description="series id", required=True),
        F("period", description="YYYY, YYYY/YY or YYYY-MM", required=True),
        F("value", "number", required=True),
        F("unit", description="unit as published"),
        F(
            "flags",
            description="';'-separated: provisional, revised, estimate, third_party, "
            "break, approximate",
        ),
        F("source_agency", description="publishing agency", required=True),
        F("source_title", description="publication title", required=True),
        F("source_url", description="where the figure was read", required=True),
        F("source_table", description="table id in the publication"),
        F(
            "source_tier",
            description="official_release, official_table_copy (an agency's table read from "
            "a copy), official_statement, media_report or third_party",
            required=True,
        ),
        F("source_copy_url", description="the copy an official table was read from"),
        F("release_date", "date", "date this figure (vintage) was published", required=True),
        F("note", description="the phrase read at the source, and notes"),
        F(
            "dimensions",
            description='the breakdown as sorted JSON, e.g. {"Sex":"Female"}; empty for the '
            "series' total line",
        ),
    ),
    primary_key=("series", "period", "dimensions", "release_date"),
    foreign_keys=(("series", "series", "id"),),
)

NUMBER_FIELDS = (
    F("t0", "integer", "start year of the growth window"),
    F("t1", "integer", "latest year with data"),
    F("base_year", "integer", "base year"),
    F("x0", "number", "value at t0"),
    F("x1", "number", "value at t1"),
    F("cagr_actual", "number", "actual compound annual growth (fraction)"),
    F("cagr_required", "number", "required compound annual growth (fraction)"),
    F("ratio", "number", "actual over required growth"),
    F("slope_actual", "number", "actual change a year"),
    F("slope_required", "number", "required change a year"),
    F("score", "number", "Open SDG score (-5 to 5)"),
    F("progress_value", "number", "Open SDG progress value"),
    F("projection", "number", "projected value in the target year"),
    F("anticipated_progress", "number", "ESCAP anticipated progress"),
    F("current_status", "number", "ESCAP current status"),
    F("expected_fraction", "number", "share of the period elapsed"),
    F("probability", "number", "probability of meeting the target (trend)"),
    F("probability_bootstrap", "number", "the same by a seeded bootstrap of annual growth"),
    F("bootstrap_rates", "integer", "annual growth rates the bootstrap resampled"),
    F("bootstrap_draws", "integer", "bootstrap draws"),
    F("final_value", "number", "value in the target year, once it has passed"),
    F("required_cagr_from_latest", "number", "growth needed a year from the latest value"),
    F("required_slope_from_latest", "number", "change needed a year from the latest value"),
    F("interval80_low", "number", "80% prediction interval, low"),
    F("interval80_high", "number", "80% prediction interval, high"),
    F("interval95_low", "number", "95% prediction interval, low"),
    F("interval95_high", "number", "95% prediction interval, high"),
    F("fallback", description="'linear' when a linear rule replaced an undefined growth rate"),
    F("trend_flag", description="trend reading attached to a met target"),
    F("milestone_passed", "boolean", "the target year has passed"),
    F("ahead_of_schedule", "boolean", "ESCAP: current status ahead of the elapsed fraction"),
    F("numbers_json", description="every number the method returned, as a JSON object"),
)

ASSESSMENTS = Resource(
    "assessments",
    "Assessments",
    "Every indicator milestone assessed by every method on the edition date.",
    (
        F("indicator", description="indicator id", required=True),
        F("milestone_year", "integer", "target year", required=True),
        F("comparator", description=">=, <= or ~ (about)"),
        F("target", "number", "target value"),
        F("tolerance", "number", "relative tolerance of an 'about' target"),
        F("method", description="eurostat, statcan, escap or trend", required=True),
        F("headline", "boolean", "the report's headline method"),
        F("status", description="status code (METHODS §8)", required=True),
        F("verdict", description="good, fair, poor, bad or unknown: the status's tone, as shown"),
        F("disagree", "boolean", "the methods reach different verdicts on this milestone"),
        *bi("explanation", "one-sentence explanation"),
        *NUMBER_FIELDS,
    ),
    primary_key=("indicator", "milestone_year", "method"),
    foreign_keys=(("indicator", "indicators", "id"),),
)

COMMITMENTS = Resource(
    "commitments",
    "Commitments",
    "Dated, checkable promises in the plan and their status on the edition date.",
    (
        F("id", description="commitment id", required=True),
        F("node", description="the plan node it belongs to", required=True),
        F("ref", description="where it stands in the plan's text"),
        *bi("text", "original wording", translated=True),
        F("due", description="due date at its precision (YYYY, YYYY-Hn, YYYY/YY, ...)"),
        F("due_precision", description="year, half, quarter, month, day, school or financial year"),
        F("due_kind", description="by (deadline), from (start) or in (during)"),
        F("due_start", "date", "first day of the due period"),
        F("due_end", "date", "last day of the due period"),
        *bi("due_text", "due date as worded in the plan"),
        *bi("owner", "responsible body"),
        F("milestone_series", description="series of a quantitative target"),
        F("milestone_value", "number", "target value"),
        F("milestone_comparator", description=">=, <= or ~"),
        F("milestone_year", "integer", "target year"),
        F(
            "status",
            description=(
                "DONE, DONE_LATE, IN_PROGRESS, NOT_STARTED, OVERDUE, NO_EVIDENCE, MODIFIED"
                " or NOT_PURSUED"
            ),
            required=True,
        ),
        F("evidence_count", "integer", "evidence items released by the edition date"),
        F(
            "deciding_evidence",
            description="';'-separated evidence numbers that decided the status",
        ),
    ),
    primary_key=("id",),
    foreign_keys=(("node", "plan_nodes", "id"),),
)

EVIDENCE = Resource(
    "evidence",
    "Evidence",
    "Dated evidence on the commitments, released by the edition date.",
    (
        F("commitment", description="commitment id", required=True),
        F("number", "integer", "number of the item within its commitment", required=True),
        F("date", description="when it happened (YYYY-MM-DD, YYYY-MM or YYYY)"),
        F(
            "outcome",
            description=("completed, in_progress, not_started, delayed, modified or not_pursued"),
        ),
        *bi("summary", "what happened"),
        F("source_agency", description="source agency", required=True),
        F("source_title", description="source title", required=True),
        F("source_url", description="source URL", required=True),
        F("release_date", "date", "when the source was published", required=True),
        F("flags", description="';'-separated: third_party, approximate"),
        F("deciding", "boolean", "this item decided the commitment's status"),
    ),
    primary_key=("commitment", "number"),
    foreign_keys=(("commitment", "commitments", "id"),),
)

SOURCES = Resource(
    "sources",
    "Sources",
    "Every publication the figures come from, with how many figures and which series.",
    (
        F("agency", required=True),
        F("title", required=True),
        F("url", required=True),
        F("tier", description="source tier (see observations.source_tier)", required=True),
        F("copy_url", description="the copy an official table was read from"),
        F("tables", description="';'-separated table ids"),
        F("series", description="';'-separated series ids"),
        F("figures", "integer", "figures (releases) from this source"),
        F("third_party", "boolean", "some figures are third-party"),
        F("first_release", "date"),
        F("last_release", "date"),
    ),
)

PEERS = Resource(
    "peers",
    "Peer economies",
    "Other economies' figures for the indicators with an international definition, each with its "
    "source and tier. Context only: they never change a status.",
    (
        F("indicator", description="indicator id", required=True),
        F("economy", description="economy id", required=True),
        *bi("economy_name", "economy name"),
        F("year", "integer", required=True),
        F("value", "number", required=True),
        F("source_agency", required=True),
        F("source_title", required=True),
        F("source_url", required=True),
        F("source_table"),
        F("source_tier", description="see observations.source_tier", required=True),
        F("source_copy_url", description="the copy an official table was read from"),
        F("release_date", "date", required=True),
        F("note"),
    ),
    primary_key=("indicator", "economy", "year", "release_date"),
    foreign_keys=(("indicator", "indicators", "id"),),
)

RESOURCES: tuple[Resource, ...] = (
    PLAN_NODES,
    SERIES,
    INDICATORS,
    INDICATOR_VALUES,
    OBSERVATIONS,
    ASSESSMENTS,
    COMMITMENTS,
    EVIDENCE,
    SOURCES,
    PEERS,
)


def schema(resource: Resource) -> dict[str, Any]:
    """The resource's Table Schema."""
    out: dict[str, Any] = {
        "fields": [f.descriptor() for f in resource.fields],
        "missingValues": [""],
    }
    if resource.primary_key:
        out["primaryKey"] = list(resource.primary_key)
    if resource.foreign_keys:
        out["foreignKeys"] = [
            {
                "fields": [own],
                "reference": {
                    "resource": "" if target == resource.name else target,
                    "fields": [key],
                },
            }
            for own, target, key in resource.foreign_keys
        ]
    return out
