"""Status codes as a word and an icon (never colour alone), and other coded values as words."""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated when rendered."""
    return message


@dataclass(frozen=True)
class StatusLabel:
    word: str  # an English msgid, translated when rendered
    icon: str
    tone: str  # good | fair | poor | bad | none: a CSS class, always next to the icon and word


_GOOD, _FAIR, _POOR, _BAD, _NONE = "good", "fair", "poor", "bad", "none"

STATUS_LABELS: dict[str, StatusLabel] = {
    "TARGET_MET": StatusLabel(N_("Target met"), "✔", _GOOD),
    "SIGNIFICANT_PROGRESS": StatusLabel(N_("Significant progress"), "▲", _GOOD),
    "ON_TRACK": StatusLabel(N_("On track"), "✔", _GOOD),
    "MODERATE_PROGRESS": StatusLabel(N_("Moderate progress"), "△", _FAIR),
    "ACCELERATE": StatusLabel(N_("Needs to accelerate"), "△", _FAIR),
    "INSUFFICIENT_PROGRESS": StatusLabel(N_("Insufficient progress"), "◇", _POOR),
    "MODERATE_MOVEMENT_AWAY": StatusLabel(N_("Moderate movement away"), "▽", _POOR),
    "MOVING_AWAY": StatusLabel(N_("Moving away"), "▼", _BAD),
    "SIGNIFICANT_MOVEMENT_AWAY": StatusLabel(N_("Significant movement away"), "▼", _BAD),
    "REVERSE": StatusLabel(N_("Needs to reverse"), "▼", _BAD),
    "TARGET_MISSED": StatusLabel(N_("Target missed"), "✖", _BAD),
    "INSUFFICIENT_DATA": StatusLabel(N_("Insufficient data"), "?", _NONE),
    "target_achieved": StatusLabel(N_("Target achieved"), "✔", _GOOD),
    "substantial_progress": StatusLabel(N_("Substantial progress"), "▲", _GOOD),
    "moderate_progress": StatusLabel(N_("Moderate progress"), "△", _FAIR),
    "limited_progress": StatusLabel(N_("Limited progress"), "◇", _POOR),
    "deterioration": StatusLabel(N_("Deterioration"), "▼", _BAD),
    "not_available": StatusLabel(N_("Not available"), "?", _NONE),
    "DONE": StatusLabel(N_("Done"), "✔", _GOOD),
    "DONE_LATE": StatusLabel(N_("Done late"), "✔", _FAIR),
    "IN_PROGRESS": StatusLabel(N_("In progress"), "…", _FAIR),
    "NOT_STARTED": StatusLabel(N_("Not started"), "○", _POOR),
    "OVERDUE": StatusLabel(N_("Overdue"), "✖", _BAD),
    "NO_EVIDENCE": StatusLabel(N_("No evidence"), "?", _NONE),
    "MODIFIED": StatusLabel(N_("Modified"), "≠", _FAIR),
    "NOT_PURSUED": StatusLabel(N_("Not pursued"), "⊘", _BAD),
}
UNKNOWN = StatusLabel(N_("Not assessed"), "–", _NONE)

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
TONE_RANK = {"bad": 0, "poor": 1, "fair": 2, "good": 3, "none": 4}


def status_label(code: str | None) -> StatusLabel:
    return STATUS_LABELS.get(code or "", UNKNOWN)


#: How a milestone's comparator is shown to a reader.
COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "~": "≈"}
