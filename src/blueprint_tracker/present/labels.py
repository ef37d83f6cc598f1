"""Coded values as words: method names, outcomes, flags, kinds and number names. Status words,
icons and tones are the one table of :mod:`blueprint_tracker.compute.vocabulary` (the CLI, the
explanations and the API read it too), re-exported here for templates and reports."""

from __future__ import annotations

from blueprint_tracker.compute.vocabulary import STATUS_LABELS, UNKNOWN, StatusLabel, status_label
from blueprint_tracker.domain.marks import N_

__all__ = [
    "COMPARATOR_SIGNS",
    "FLAGS",
    "KINDS",
    "METHOD_NAMES",
    "NUMBER_NAMES",
    "N_",
    "OUTCOMES",
    "STATUS_LABELS",
    "UNKNOWN",
    "StatusLabel",
    "status_label",
]  # fmt: skip

METHOD_NAMES: dict[str, str] = {
    "eurostat": N_("Eurostat: actual vs required growth"),
    "statcan": N_("Open SDG (Statistics Canada) progress measure"),
    "escap": N_("ESCAP anticipated progress"),
    "trend": N_("Trend projection: probability of meeting the target"),
}

OUTCOMES: dict[str, str] = {
    "completed": N_("completed"),
    "in_progress": N_("in progress"),
    "not_started": N_("not started"),
    "delayed": N_("delayed"),
    "modified": N_("modified"),
    "not_pursued": N_("not pursued"),
}

FLAGS: dict[str, str] = {
    "provisional": N_("provisional"),
    "revised": N_("revised"),
    "estimate": N_("estimate"),
    "third_party": N_("third party"),
    "break": N_("break in series"),
    "approximate": N_("approximate"),
}

TIERS: dict[str, str] = {
    "official_release": N_("official release"),
    "official_table_copy": N_("official table, read from a copy"),
    "official_statement": N_("official statement"),
    "media_report": N_("media report"),
    "third_party": N_("third party"),
}

BASES: dict[str, str] = {
    "formula": N_("computed from the official series"),
    "published": N_("as published by the agency"),
    "plan_table": N_("as published in the plan's own table"),
}

KINDS: dict[str, str] = {
    "node": N_("Plan item"),
    "indicator": N_("Indicator"),
    "commitment": N_("Commitment"),
}

NUMBER_NAMES: dict[str, str] = {
    "t0": N_("start year"),
    "t1": N_("latest year"),
    "base_year": N_("base year"),
    "x0": N_("start value"),
    "x1": N_("latest value"),
    "cagr_actual": N_("actual annual growth"),
    "cagr_required": N_("required annual growth"),
    "ratio": N_("ratio of actual to required"),
    "slope_actual": N_("actual annual change"),
    "slope_required": N_("required annual change"),
    "fallback": N_("fallback"),
    "trend_flag": N_("trend flag"),
    "score": N_("score"),
    "projection": N_("projection"),
    "anticipated_progress": N_("anticipated progress"),
    "current_status": N_("current status"),
    "expected_fraction": N_("expected fraction"),
    "probability": N_("probability"),
    "probability_bootstrap": N_("probability, bootstrap of annual growth"),
    "bootstrap_rates": N_("annual growth rates resampled"),
    "bootstrap_draws": N_("bootstrap draws"),
    "limit_coefficient": N_("threshold reduction near the limit"),
    "interval80": N_("80% interval"),
    "interval95": N_("95% interval"),
    "required_cagr_from_latest": N_("required annual growth from latest"),
    "required_slope_from_latest": N_("required annual change from latest"),
    "progress_value": N_("progress value"),
    "milestone_passed": N_("milestone year passed"),
    "ahead_of_schedule": N_("ahead of schedule"),
}


PRECISIONS: dict[str, str] = {
    "year": N_("a year"),
    "half": N_("half a year"),
    "quarter": N_("a quarter"),
    "month": N_("a month"),
    "day": N_("a day"),
    "school_year": N_("a school year"),
    "financial_year": N_("a financial year"),
}

#: Why a commitment has its status when no single piece of evidence decided it.
STATUS_REASONS: dict[str, str] = {
    "NO_EVIDENCE": N_("No evidence on it was released in the last year."),
    "OVERDUE": N_("The due date has passed and no evidence of delivery has been released."),
    "NOT_STARTED": N_("The latest evidence says work has not started."),
}

#: The one number that decided each method's status (shown in the compact methods table).
DECIDING_NUMBER: dict[str, str] = {
    "eurostat": "ratio",
    "statcan": "ratio",
    "escap": "anticipated_progress",
    "trend": "probability",
}

#: Sorting a scorecard column worst first: the tone of the headline status.
TONE_RANK = {"bad": 0, "poor": 1, "fair": 2, "good": 3, "unknown": 4}


#: How a milestone's comparator is shown to a reader.
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "~": "≈"}
