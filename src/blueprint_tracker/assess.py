"""Assess one series against one milestone: ``assess_series(...) -> Assessment``.

It builds a batch of one and runs the vectorised engine, so a single call and a batch of a
million series always agree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

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

__all__ = ["AssessmentInputError", "assess_series", "numbers_of"]

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


def _comparator(value: str, direction: int, targeted: bool) -> int:
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


def _axis(series: Mapping[int, float]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    points = {
        _year("a series year", year): _finite(f"value for {year}", v) for year, v in series.items()
    }
    if not points:
        return np.array([0.0]), np.array([[np.nan]])
    years = np.arange(min(points), max(points) + 1, dtype=np.float64)
    values = np.full((1, years.size), np.nan)
    for year, value in points.items():
        values[0, year - int(years[0])] = value
    return years, values


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


def assess_series(
    series: Mapping[int, float],
    *,
    direction: str | int,
    method: str,
    target: float | None = None,
    target_year: int | None = None,
    comparator: str = ">=",
    base_year: int | None = None,
    projection: str = "cagr",
    window: int = 5,
    min_span: int = 3,
    tolerance: float = 0.02,
    evaluation_year: int | None = None,
    name: Mapping[str, str] | None = None,
    unit: Mapping[str, str] | None = None,
    bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
) -> Assessment:
    """Assess `series` (year -> value; missing years absent) for one milestone with `method`.

    `name` and `unit` ({"zh-Hant": ..., "en": ...}) only word the explanation. `bootstrap`
    (trend only) adds a bootstrap of the annual growth rates with that many draws, seeded.
    """
    sign = _direction(direction)
    _check_options(method, projection, window, min_span, tolerance)
    _check_bootstrap(method, bootstrap, seed)
    kind = _comparator(comparator, sign, target is not None)
    tv, year = _target(target, target_year)
    years, values = _axis(series)
    evaluation = math.nan if evaluation_year is None else _year("evaluation_year", evaluation_year)
    batch: Batch = make_batch(
        years, values, direction=sign, target=tv, target_year=year, comparator=kind,
        tolerance=tolerance, linear=projection == "linear", window=window, min_span=min_span,
        base_year=math.nan if base_year is None else _year("base_year", base_year),
        evaluation_year=evaluation,
    )  # fmt: skip
    result = assess_batch(method, batch, bootstrap=bootstrap, seed=seed)
    status = STATUS_ORDER[int(result["status"][0])]
    milestone = MilestoneSpec(
        target=None if target is None else tv,
        target_year=None if math.isnan(year) else int(year),
        comparator=COMPARATOR_ORDER[kind],
        tolerance=tolerance,
    )
    numbers = numbers_of(result, 0, method)
    text = explain(Method(method), status, milestone, numbers, name=name, unit=unit)
    return Assessment(
        status=status, method=Method(method), milestone=milestone, numbers=numbers, explanation=text
    )
