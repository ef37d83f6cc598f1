"""Assess one series against one milestone: ``assess_series(...) -> Assessment``.

It builds a batch of one and runs the vectorised engine, so a single call and a batch of a
million series always agree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Required, TypedDict, Unpack

import numpy as np

from blueprint_tracker import i18n
from blueprint_tracker.compute.explain import explain
from blueprint_tracker.compute.progress._batch import NO_CODE, Batch, Result, make_batch
from blueprint_tracker.compute.progress.bootstrap import DEFAULT_SEED, MAX_DRAWS
from blueprint_tracker.compute.progress.engine import METHODS, assess_batch
from blueprint_tracker.domain.assessment import (
    COMPARATOR_ORDER,
    STATUS_ORDER,
    Assessment,
    Comparator,
    Method,
    MilestoneSpec,
    NumberValue,
)
from blueprint_tracker.errors import InputError

__all__ = [
    "AssessmentInputError", "Options", "Prepared", "assess_many", "assess_series", "numbers_of",
    "prepare",
]  # fmt: skip

YEAR_KEYS = ("t0", "t1", "base_year", "bootstrap_rates", "bootstrap_draws")  # whole numbers
FLAG_KEYS = ("ahead_of_schedule",)
_DIRECTIONS: dict[object, int] = {"increase": 1, "decrease": -1, 1: 1, -1: -1}


class AssessmentInputError(InputError, ValueError):
    """A bad argument to :func:`assess_series` (the message says which and why)."""


def _direction(value: object) -> int:
    key = value.strip().lower() if isinstance(value, str) else value
    if isinstance(key, bool) or key not in _DIRECTIONS:
        raise AssessmentInputError(
            f"direction must be 'increase', 'decrease', 1 or -1, not {value!r}"
        )
    return _DIRECTIONS[key]


def _comparator(value: str | None, direction: int, targeted: bool) -> int:
    if value is None:  # the default follows the direction: at least / at most the target
        return COMPARATOR_ORDER.index(Comparator.AT_MOST if direction < 0 else Comparator.AT_LEAST)
    try:
        comparator = Comparator(value)
    except ValueError:
        raise AssessmentInputError(f"comparator must be '>=', '<=' or '~', not {value!r}") from None
    expected = {Comparator.AT_LEAST: 1, Comparator.AT_MOST: -1}.get(comparator, direction)
    if targeted and expected != direction:
        wanted = "increase" if direction > 0 else "decrease"
        raise AssessmentInputError(f"comparator {value!r} contradicts direction {wanted}")
    return COMPARATOR_ORDER.index(comparator)


def _finite(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AssessmentInputError(f"{name} must be a finite number, not {value!r}")
    return float(value)


def _year(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise AssessmentInputError(f"{name} must be an integer year, not {value!r}")
    return int(value)


def _check_options(
    method: str, projection: str, window: int, min_span: int, tolerance: float
) -> None:
    if method not in METHODS:
        raise AssessmentInputError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if projection not in ("cagr", "linear"):
        raise AssessmentInputError(f"projection must be 'cagr' or 'linear', not {projection!r}")
    if _year("window", window) < 1 or _year("min_span", min_span) < 1:
        raise AssessmentInputError("window and min_span must be at least 1 year")
    if _finite("tolerance", tolerance) < 0:
        raise AssessmentInputError("tolerance must not be negative")


def _check_bootstrap(method: str, draws: int, seed: int) -> None:
    if _year("bootstrap", draws) < 0 or draws > MAX_DRAWS:
        raise AssessmentInputError(f"bootstrap must be 0 (off) to {MAX_DRAWS:,} draws, not {draws}")
    if draws and method != "trend":
        raise AssessmentInputError("bootstrap is a second reading of the trend method only")
    if _year("seed", seed) < 0:
        raise AssessmentInputError(f"seed must be a non-negative integer, not {seed}")


def _target(target: float | None, target_year: int | None) -> tuple[float, float]:
    if target is None:
        return math.nan, (math.nan if target_year is None else _year("target_year", target_year))
    if target_year is None:
        raise AssessmentInputError("a target needs a target_year")
    return _finite("target", target), _year("target_year", target_year)


def _as_number(key: str, value: Any) -> NumberValue:
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    number = float(value)
    if math.isnan(number):
        return None
    if key in FLAG_KEYS:
        return bool(number)
    return int(number) if key in YEAR_KEYS else number


def numbers_of(result: Result, row: int, method: str) -> dict[str, NumberValue]:
    """The numbers of one row of an engine result, as plain Python (only those that apply;
    `score` always for statcan, None where Open SDG gives none)."""
    numbers: dict[str, NumberValue] = {}
    for key, array in result.items():
        if key in ("status", "trend_flag") or key.endswith(("_lo", "_hi")):
            continue
        value = _as_number(key, array[row])
        if value is not None or (key == "score" and method == "statcan"):
            numbers[key] = value
    for level in ("interval80", "interval95"):
        low, high = float(result[f"{level}_lo"][row]), float(result[f"{level}_hi"][row])
        if not (math.isnan(low) or math.isnan(high)):
            numbers[level] = [low, high]
    numbers["fallback"] = "linear" if result["fallback"][row] else None
    flag = int(result["trend_flag"][row])
    if flag != NO_CODE:
        numbers["trend_flag"] = STATUS_ORDER[flag].value
    return numbers


@dataclass(frozen=True)
class Prepared:
    """One checked request: the series' points and its per-series engine parameters."""

    method: str
    points: dict[int, float]
    params: dict[str, float]
    milestone: MilestoneSpec
    name: Mapping[str, str] | None
    unit: Mapping[str, str] | None
    bootstrap: int
    seed: int


class Options(TypedDict, total=False):
    """The keyword arguments of :func:`assess_series` and :func:`prepare`."""

    direction: Required[str | int]  # "increase" / "decrease" / 1 / -1
    method: Required[str]  # eurostat, statcan, escap, trend
    target: float | None
    target_year: int | None
    comparator: str | None  # ">=", "<=", "~"; default: ">=" to increase, "<=" to decrease
    base_year: int | None
    projection: str  # "cagr" (default) or "linear"
    window: int  # eurostat window, 5
    min_span: int  # eurostat minimum span, 3
    tolerance: float  # for "~", 0.02
    evaluation_year: int | None
    name: Mapping[str, str] | None  # words the explanation
    unit: Mapping[str, str] | None
    bootstrap: int  # trend: draws of the bootstrap reading (0 = off)
    seed: int
    limit: float | None  # statcan without a target: a natural limit (Open SDG `limit`)


def prepare(series: Mapping[int, float], **options: Unpack[Options]) -> Prepared:
    """Check the arguments of one assessment (the same ones as :func:`assess_series`)."""
    method = options["method"]
    target, target_year = options.get("target"), options.get("target_year")
    projection = options.get("projection", "cagr")
    window, min_span = options.get("window", 5), options.get("min_span", 3)
    tolerance = options.get("tolerance", 0.02)
    bootstrap, seed = options.get("bootstrap", 0), options.get("seed", DEFAULT_SEED)
    base_year, evaluation_year = options.get("base_year"), options.get("evaluation_year")
    limit = options.get("limit")
    sign = _direction(options["direction"])
    _check_options(method, projection, window, min_span, tolerance)
    _check_bootstrap(method, bootstrap, seed)
    kind = _comparator(options.get("comparator"), sign, target is not None)
    tv, year = _target(target, target_year)
    points = {_year("a series year", y): _finite(f"value for {y}", v) for y, v in series.items()}
    evaluation = math.nan if evaluation_year is None else _year("evaluation_year", evaluation_year)
    params = {
        "direction": float(sign), "target": tv, "target_year": year, "comparator": float(kind),
        "tolerance": float(tolerance), "linear": float(projection == "linear"),
        "window": float(window), "min_span": float(min_span), "evaluation_year": evaluation,
        "base_year": math.nan if base_year is None else float(_year("base_year", base_year)),
        "limit": math.nan if limit is None else _finite("limit", limit),
    }  # fmt: skip
    milestone = MilestoneSpec(
        target=None if target is None else tv,
        target_year=None if math.isnan(year) else int(year),
        comparator=COMPARATOR_ORDER[kind],
        tolerance=tolerance,
    )
    name, unit = options.get("name"), options.get("unit")
    return Prepared(method, points, params, milestone, name, unit, bootstrap, seed)


def _batch_of(group: Sequence[Prepared]) -> Batch:
    """One batch on the union of the group's years (NaN where a series has no value)."""
    every = sorted({year for item in group for year in item.points})
    years = np.arange(every[0], every[-1] + 1, dtype=np.float64) if every else np.array([0.0])
    values = np.full((len(group), years.size), np.nan)
    for row, item in enumerate(group):
        for year, value in item.points.items():
            values[row, year - int(years[0])] = value
    column = {key: np.array([item.params[key] for item in group]) for key in group[0].params}
    column["linear"] = column["linear"].astype(np.bool_)
    column["comparator"] = column["comparator"].astype(np.int64)
    return make_batch(years, values, **column)


def assess_many(requests: Sequence[Prepared]) -> list[Assessment]:
    """Assess many prepared requests: one vectorised engine run per method (and bootstrap
    setting), whatever the number of series. Row for row the same as :func:`assess_series`."""
    groups: dict[tuple[str, int, int], list[int]] = {}
    for index, item in enumerate(requests):
        groups.setdefault((item.method, item.bootstrap, item.seed), []).append(index)
    out: list[Assessment | None] = [None] * len(requests)
    for (method, draws, seed), indices in groups.items():
        group = [requests[i] for i in indices]
        result = assess_batch(method, _batch_of(group), bootstrap=draws, seed=seed)
        for row, (index, item) in enumerate(zip(indices, group, strict=True)):
            status = STATUS_ORDER[int(result["status"][row])]
            numbers = numbers_of(result, row, method)
            text = i18n.words(
                explain(
                    Method(method), status, item.milestone, numbers, name=item.name, unit=item.unit
                ),
                tuple(item.name) if item.name else i18n.KEYS,  # the plan's languages
            )
            out[index] = Assessment(
                status=status, method=Method(method), milestone=item.milestone,
                numbers=numbers, explanation=text,
            )  # fmt: skip
    return [a for a in out if a is not None]


def assess_series(series: Mapping[int, float], **options: Unpack[Options]) -> Assessment:
    """Assess `series` (year -> value; missing years absent) for one milestone.

    Options (:class:`Options`): `direction` and `method` (eurostat, statcan, escap, trend) are
    required; `target`, `target_year`, `comparator` (">=", "<=", "~" with `tolerance`; by
    default ">=" when the direction is increase, "<=" when it is decrease),
    `base_year`, `projection` ("cagr" or "linear"), `window`, `min_span`, `evaluation_year`;
    `name` and `unit` ({language: words}) only word the explanation, in their languages; `bootstrap`
    (trend only) adds a bootstrap of the annual growth rates with that many draws, `seed`;
    `limit` (statcan without a target) reduces the thresholds near a natural limit.
    """
    prepared = prepare(series, **options)
    _check_target_year(prepared)
    return assess_many([prepared])[0]


def _check_target_year(prepared: Prepared) -> None:
    """A target year before the first value cannot be assessed: say so, not "too few years"."""
    year = prepared.milestone.target_year
    if year is not None and prepared.points and year < min(prepared.points):
        raise AssessmentInputError(
            f"target_year {year} is before the first year of the series ({min(prepared.points)})"
        )
