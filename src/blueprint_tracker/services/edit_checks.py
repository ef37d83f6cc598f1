"""Checks on a proposed figure or evidence beyond its format: the period lies within the plan's
span, the value within the series' sane range, evidence dates not before the plan's baseline."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.domain.series import Observation, period_year
from blueprint_tracker.errors import InputError, Problem
from blueprint_tracker.services.workspace import Workspace

YEARS_BEFORE_BASELINE = 10  # history a plan's indicators look back on (the HK plan: from 2013)
SANE_FACTOR = 10_000  # a figure 10,000 times the largest one stored is a slip of the unit


def plan_years(ws: Workspace, series: str | None = None) -> tuple[int, int]:
    """The years a figure may be for: from ten years before the plan's baseline (or the
    series' earliest stored year, if earlier) to the plan's last target year (or this year)."""
    plan = ws.plan
    first = plan.header.baseline_year - YEARS_BEFORE_BASELINE
    if series is not None:
        stored = [o.year for o in ws.store.latest(plan.id, [series])]
        first = min([first, *stored])
    targets = [m.year for i in plan.indicators for m in i.milestones]
    targets += [g.year for g in plan.header.development_goals]
    targets += [c.milestone.year for c in plan.commitments if c.milestone and c.milestone.year]
    return first, max([dt.date.today().year, *targets])


def check_period(ws: Workspace, series: str, period: str) -> None:
    """InputError for a period whose year lies outside the plan's span."""
    try:
        year = period_year(period)
    except ValueError as exc:
        raise InputError(f"period: {exc}") from None
    first, last = plan_years(ws, series)
    if not first <= year <= last:
        raise InputError(f"period: {period} is outside the plan's span ({first} to {last})")


def figure_problems(ws: Workspace, observation: Observation) -> list[Problem]:
    """The period within the plan's span; the value within the series' sane range."""
    found = []
    first, last = plan_years(ws, observation.series)
    if not first <= observation.year <= last:
        why = f"{observation.period} is outside the plan's span ({first} to {last})"
        found.append(Problem("form", "period", why))
    stored = [abs(o.value) for o in ws.store.latest(ws.plan.id, [observation.series])]
    largest = max(stored, default=0.0)
    if largest and abs(observation.value) > SANE_FACTOR * largest:
        found.append(
            Problem(
                "form",
                "value",
                f"{observation.value:g} is more than {SANE_FACTOR} times the largest figure "
                f"stored for {observation.series} ({largest:g}): check the unit",
            )
        )
    return found


def evidence_problems(ws: Workspace, evidence: Evidence) -> list[Problem]:
    """Evidence dates are not before the plan's baseline year."""
    start = dt.date(ws.plan.header.baseline_year, 1, 1)
    found = []
    try:
        happened = dt.date.fromisoformat(evidence.date)
    except ValueError:
        found.append(Problem("form", "date", f"{evidence.date!r} is not a date YYYY-MM-DD"))
        happened = start
    for field, day in (("date", happened), ("release_date", evidence.release_date)):
        if day < start:
            why = f"{day.isoformat()} is before the plan's baseline ({start.isoformat()})"
            found.append(Problem("form", field, why))
    return found
