"""Gaps: indicator-years due by now but missing, and commitments without evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.compute.stale import stale_check
from blueprint_tracker.domain.indicator import Indicator
from blueprint_tracker.services.indicators import indicator_values
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace


def expected_latest_year(release_lag_months: int, evaluation: dt.date) -> int:
    """The latest year whose annual figure should have been released by ``evaluation``."""
    year = evaluation.year
    while stale_check(year - 1, release_lag_months, evaluation, grace_months=0).expected_by > (
        evaluation
    ):
        year -= 1
    return year


def _indicator_gaps(ws: Workspace, indicator: Indicator, evaluation: dt.date) -> dict[str, Any]:
    names = parse_formula(indicator.formula).names
    lags = [s.release_lag_months for s in ws.plan.series if s.id in names]
    last = min(expected_latest_year(lag, evaluation) for lag in lags) if lags else evaluation.year
    first = min(indicator.published) if indicator.published else ws.plan.header.baseline_year
    values = indicator_values(ws, indicator, evaluation)
    known = {v.year for v in values}
    held: dict[str, set[int]] = {}
    for observation in ws.store.latest(ws.plan.id, names, evaluation):
        held.setdefault(observation.series, set()).add(observation.year)
    missing = [
        {"year": year, "missing_inputs": [n for n in names if year not in held.get(n, set())]}
        for year in range(first, last + 1)
        if year not in known
    ]
    return {
        "id": indicator.id,
        "name": text(indicator.name),
        "years": [first, last],
        "expected_latest": last,
        "missing": missing,
    }


def gap_report(ws: Workspace, as_of: dt.date | None = None) -> dict[str, Any]:
    """Missing indicator-years up to the latest expected release; commitments with no evidence."""
    evaluation = as_of or dt.date.today()
    indicators = [_indicator_gaps(ws, i, evaluation) for i in ws.plan.indicators]
    no_evidence = [
        {"id": c.id, "node": c.node, "text": text(c.text), "due": c.due}
        for c in ws.plan.commitments
        if not [e for e in c.evidence if e.release_date <= evaluation]
    ]
    return {
        "evaluation_date": evaluation.isoformat(),
        "indicators": indicators,
        "missing_indicator_years": sum(len(i["missing"]) for i in indicators),
        "commitments_without_evidence": no_evidence,
    }
