"""Status of every target and commitment on a date: the methods side by side, roll-ups as counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, cast

from blueprint_tracker.assess import Prepared, assess_many, prepare
from blueprint_tracker.compute.commitments import EvidenceItem, commitment_status
from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.compute.headline import headline
from blueprint_tracker.compute.progress.bootstrap import DEFAULT_DRAWS, DEFAULT_SEED
from blueprint_tracker.compute.progress.opensdg_overall import overall
from blueprint_tracker.compute.rollup import rollup_counts
from blueprint_tracker.compute.stale import stale_check
from blueprint_tracker.compute.verdict import disagree, verdict
from blueprint_tracker.domain.assessment import HeadlineRule, Method
from blueprint_tracker.domain.commitment import Commitment
from blueprint_tracker.domain.indicator import Indicator, Milestone
from blueprint_tracker.domain.series import dimension_key
from blueprint_tracker.errors import InputError
from blueprint_tracker.services.commitments import commitment_rows
from blueprint_tracker.services.indicators import indicator_summaries
from blueprint_tracker.services.models import IndicatorSummary, StatusReport
from blueprint_tracker.services.workspace import Workspace

METHODS: tuple[str, ...] = tuple(m.value for m in Method)


def _methods(method: str | None) -> tuple[str, ...]:
    if method is None:
        return METHODS
    if method not in METHODS:
        raise InputError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    return (method,)


LONG_WINDOW, LONG_MIN_SPAN = 15, 10


class _Readings:
    """Readings asked for while the report is built, assessed together at the end: one
    vectorised engine run per method instead of one per milestone and method."""

    def __init__(self) -> None:
        self._requests: list[Prepared] = []
        self._slots: list[dict[str, Any]] = []

    def ask(self, series: dict[int, float], method: str, options: dict[str, Any]) -> dict[str, Any]:
        """A reading to be filled in by :meth:`run` (status, verdict, numbers, explanation)."""
        if method == "trend":  # METHODS 4: the seeded bootstrap of annual growth, second reading
            options = {**options, "bootstrap": DEFAULT_DRAWS, "seed": DEFAULT_SEED}
        slot: dict[str, Any] = {}
        self._requests.append(prepare(series, method=method, **options))
        self._slots.append(slot)
        return slot

    def run(self) -> None:
        for slot, result in zip(self._slots, assess_many(self._requests), strict=True):
            slot.update(
                status=result.status.value,
                verdict=verdict(result.status),
                numbers=result.numbers,
                explanation=result.explanation,
            )


PACE_KEYS = (
    "required_cagr_from_latest", "required_slope_from_latest", "cagr_actual", "slope_actual",
)  # fmt: skip


def _assess_milestone(
    ws: Workspace,
    indicator: Indicator,
    milestone: Milestone,
    series: dict[int, float],
    evaluation: dt.date,
    methods: tuple[str, ...],
    readings: _Readings,
) -> dict[str, Any]:
    common = {
        "direction": indicator.direction,
        "target": milestone.value,
        "target_year": milestone.year,
        "comparator": milestone.comparator,
        "tolerance": milestone.tolerance,
        "base_year": ws.plan.header.baseline_year,
        "projection": indicator.projection,
        "evaluation_year": evaluation.year,
        "name": indicator.name.texts(ws.plan.header.languages),
        "unit": indicator.unit.texts(ws.plan.header.languages),
    }
    assessments = {method: readings.ask(series, method, common) for method in methods}
    if "eurostat" in assessments:  # METHODS 1: the 15-year window as a second reading
        long_term = {**common, "window": LONG_WINDOW, "min_span": LONG_MIN_SPAN}
        assessments["eurostat"]["long_term"] = readings.ask(series, "eurostat", long_term)
    return {
        "year": milestone.year,
        "target": milestone.value,
        "comparator": milestone.comparator,
        "tolerance": milestone.tolerance,
        "assessments": assessments,
    }


def _finish_milestone(row: dict[str, Any], rule: HeadlineRule) -> None:
    """Once the readings are in: the headline by the plan's rule, whether the methods
    disagree, and the pace."""
    assessments = row["assessments"]
    row["disagree"] = disagree(a["status"] for a in assessments.values())
    chosen = headline({m: a["status"] for m, a in assessments.items()}, rule)
    row["headline"] = {
        "status": chosen.status,
        "method": chosen.method,
        "verdict": chosen.verdict,
        "disagree": chosen.disagree,
        "split": chosen.split,
        "rule": rule.rule,
    }
    any_numbers = next(iter(assessments.values()))["numbers"] if assessments else {}
    row["pace"] = {key: any_numbers.get(key) for key in PACE_KEYS}


def _stale(
    ws: Workspace, indicator: Indicator, latest_year: int | None, evaluation: dt.date
) -> dict[str, Any]:
    names = set(parse_formula(indicator.formula).names)
    lag = max((s.release_lag_months for s in ws.plan.series if s.id in names), default=12)
    if latest_year is None:
        return {"stale": True, "expected_release": None, "next_period": None}
    check = stale_check(latest_year, lag, evaluation)
    return {
        "stale": check.stale,
        "expected_release": check.expected_by.isoformat(),
        "next_period": check.next_period,
    }


def indicator_status(
    ws: Workspace,
    indicator: Indicator,
    summary: IndicatorSummary,
    evaluation: dt.date,
    readings: _Readings,
    methods: tuple[str, ...] = METHODS,
) -> dict[str, Any]:
    """An indicator's values and milestones; the readings are filled in by ``readings.run()``."""
    row: dict[str, Any] = dict(summary)
    series = {v["year"]: v["value"] for v in summary["values"]}
    latest = summary["latest"]
    row.update(_stale(ws, indicator, latest["year"] if latest else None, evaluation))
    row["milestones"] = [
        _assess_milestone(ws, indicator, m, series, evaluation, methods, readings)
        for m in indicator.milestones
    ]
    return row


def _progress_rows(
    ws: Workspace,
    indicator: Indicator,
    totals: dict[str, dict[int, float]],
    evaluation: dt.date,
    methods: tuple[str, ...],
    readings: _Readings,
) -> list[dict[str, Any]]:
    """The indicator's configured progress readings (Open SDG's ``progress_calculation_options``):
    each on the total line (or the configured breakdown line) of its series, by every method
    (``statcan`` is Open SDG's own)."""
    langs = ws.plan.header.languages
    rows = []
    for setting in indicator.progress:
        series_id = setting.series or indicator.formula
        options: dict[str, Any] = {
            "direction": setting.direction, "base_year": setting.base_year,
            "limit": setting.limit, "evaluation_year": evaluation.year,
            "projection": indicator.projection,
            "name": indicator.name.texts(langs), "unit": indicator.unit.texts(langs),
        }  # fmt: skip
        if setting.target is not None:
            comparator = ">=" if setting.direction == "increase" else "<="
            options.update(
                target=setting.target, target_year=setting.target_year, comparator=comparator
            )
        series = totals.get(_line(series_id, setting.breakdown), {})
        definition = ws.plan.series_def(series_id)
        rows.append(
            {
                **setting.model_dump(),
                "series": series_id,
                "selection": dict(definition.selection) if definition else {},
                "assessments": {m: readings.ask(series, m, options) for m in methods},
            }
        )
    return rows


def _opensdg_overall(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    readings = [
        (r["assessments"]["statcan"]["numbers"].get("score"),
         r["assessments"]["statcan"]["status"] == "target_achieved")
        for r in rows
        if "statcan" in r["assessments"]
    ]  # fmt: skip
    if not readings:
        return None
    score, status = overall(readings)
    return {"score": score, "status": status}


def _line(series_id: str, breakdown: dict[str, str]) -> str:
    return f"{series_id}{dimension_key(breakdown)}"


def _totals(ws: Workspace, as_of: dt.date | None) -> dict[str, dict[int, float]]:
    """Year → value of each series' total line and of each breakdown a setting reads."""
    wanted = {_line(s.series or i.formula, s.breakdown) for i in ws.plan.indicators
              for s in i.progress}  # fmt: skip
    breakdowns = any(s.breakdown for i in ws.plan.indicators for s in i.progress)
    totals: dict[str, dict[int, float]] = {}
    for o in ws.store.latest(ws.plan.id, None, as_of, breakdowns=breakdowns):
        line = _line(o.series, o.dimensions)
        if not o.dimensions or line in wanted:
            totals.setdefault(line, {})[o.year] = o.value
    return totals


def _commitment_status(c: Commitment, evaluation: dt.date) -> dict[str, Any]:
    evidence = [
        EvidenceItem(e.date, e.outcome, e.release_date, ref=str(index))
        for index, e in enumerate(c.evidence)
    ]
    result = commitment_status(c.due, c.due_kind, evidence, evaluation)
    return {
        "status": result.status.value,
        "due_end": result.due_end.isoformat() if result.due_end else None,
        "deciding_evidence": [int(item.ref) for item in result.decided_by if item.ref],
    }


def _rollup(
    ws: Workspace, indicators: list[dict[str, Any]], commitments: list[dict[str, Any]], method: str
) -> dict[str, dict[str, dict[str, int]]]:
    parents: dict[str, str | None] = {n.id: n.parent for n in ws.plan.header.nodes}
    indicator_leaves: dict[str, list[str]] = {}
    for row in indicators:
        statuses = [
            m["assessments"][method]["status"]
            for m in row["milestones"]
            if method in m["assessments"]
        ]
        for node in row["measures"]:
            leaf = f"indicator:{row['id']}@{node}"
            parents[leaf] = node
            indicator_leaves[leaf] = statuses
    commitment_leaves: dict[str, list[str]] = {}
    for row in commitments:
        leaf = f"commitment:{row['id']}"
        parents[leaf] = row["node"]
        commitment_leaves[leaf] = [row["status"]]
    by_indicators = rollup_counts(parents, indicator_leaves)
    by_commitments = rollup_counts(parents, commitment_leaves)
    return {
        node.id: {"indicators": by_indicators[node.id], "commitments": by_commitments[node.id]}
        for node in ws.plan.header.nodes
    }


def status_report(
    ws: Workspace, as_of: dt.date | None = None, method: str | None = None
) -> StatusReport:
    """Every indicator milestone by each method, every commitment's status, counts and roll-ups.

    ``as_of`` uses only figures and evidence released by that date.
    """
    methods = _methods(method)
    evaluation = as_of or dt.date.today()
    readings = _Readings()
    summaries = indicator_summaries(ws, as_of)
    indicators = [
        indicator_status(ws, i, summaries[i.id], evaluation, readings, methods)
        for i in ws.plan.indicators
    ]
    totals = _totals(ws, as_of) if any(i.progress for i in ws.plan.indicators) else {}
    for row, indicator in zip(indicators, ws.plan.indicators, strict=True):
        row["progress"] = _progress_rows(ws, indicator, totals, evaluation, methods, readings)
    readings.run()
    for row in indicators:
        row["progress_overall"] = _opensdg_overall(row["progress"])
    rule = ws.plan.header.headline if method is None else HeadlineRule(method=Method(method))
    for row in indicators:
        for milestone in row["milestones"]:
            _finish_milestone(milestone, rule)
    by_id = {c.id: c for c in ws.plan.commitments}
    commitments: list[dict[str, Any]] = [
        {**row, **_commitment_status(by_id[row["id"]], evaluation)}
        for row in commitment_rows(ws.plan, as_of=evaluation)
    ]
    headline_method = method or rule.method.value
    indicator_counts = Counter(
        m["assessments"][headline_method]["status"] for row in indicators for m in row["milestones"]
    )
    report = {
        "as_of": as_of.isoformat() if as_of else None,
        "evaluation_date": evaluation.isoformat(),
        "methods": list(methods),
        "headline_method": headline_method,
        "headline_rule": rule.model_dump(mode="json"),
        "indicators": indicators,
        "commitments": commitments,
        "counts": {
            "indicators": dict(sorted(indicator_counts.items())),
            "commitments": dict(sorted(Counter(c["status"] for c in commitments).items())),
        },
        "rollup": _rollup(ws, indicators, commitments, headline_method),
    }
    return cast(StatusReport, report)  # its shape is checked in tests/services/test_models.py
