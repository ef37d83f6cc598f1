"""A batch of series on one year axis, and the array helpers every method shares.

Values are an (N, Y) float array with NaN for a missing year (never interpolated); the
per-series parameters are (N,) arrays. Every helper works on whole arrays: no per-series loop.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from blueprint_tracker.compute.progress._scan import Found, first_in, last_observed
from blueprint_tracker.domain.assessment import STATUS_INDEX, Status

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
CodeArray = NDArray[np.int8]
Result = dict[str, NDArray[Any]]

GE, LE, ABOUT = 0, 1, 2  # comparator codes (same order as domain.assessment.COMPARATOR_ORDER)
NO_CODE = -1  # "no status" in an int8 status array (e.g. no trend flag)


def code(status: Status) -> int:
    """The small-int code of a status in the engine's arrays."""
    return STATUS_INDEX[status]


@dataclass(frozen=True)
class Batch:
    """Series and their per-series parameters; build it with :func:`make_batch`."""

    years: FloatArray  # (Y,) ascending
    values: FloatArray  # (N, Y), NaN = missing
    direction: FloatArray  # +1 increase, -1 decrease
    target: FloatArray  # NaN = no target (trend-only reading)
    target_year: FloatArray  # NaN = none
    comparator: IntArray  # GE, LE, ABOUT
    tolerance: FloatArray  # relative, for ABOUT
    base_year: FloatArray  # NaN = earliest observed year
    linear: BoolArray  # linear projection (counts, non-positive series)
    window: FloatArray  # eurostat window P
    min_span: FloatArray  # eurostat minimum t1 - t0
    evaluation_year: FloatArray  # NaN = not given
    limit: FloatArray  # statcan without a target: a natural limit (Open SDG `limit`), NaN = none

    def __len__(self) -> int:
        return int(self.values.shape[0])

    @cached_property
    def targeted(self) -> BoolArray:
        """Whether each series has a target (a target value and a target year)."""
        both = np.isfinite(self.target) & np.isfinite(self.target_year)
        return np.asarray(both, dtype=np.bool_)

    def rows(self, start: int, stop: int) -> Batch:
        """The sub-batch of rows [start, stop) (views, no copy)."""
        changes = {
            f.name: getattr(self, f.name)[start:stop] for f in fields(self) if f.name != "years"
        }
        return replace(self, **changes)


def _column(value: ArrayLike, n: int, dtype: type[Any]) -> NDArray[Any]:
    array = np.asarray(value, dtype=dtype)
    if array.ndim == 0:
        return np.full(n, array, dtype=dtype)
    if array.shape != (n,):
        raise ValueError(f"a per-series parameter has shape {array.shape}, expected ({n},)")
    return array


def make_batch(
    years: ArrayLike,
    values: ArrayLike,
    *,
    direction: ArrayLike = 1,
    target: ArrayLike = np.nan,
    target_year: ArrayLike = np.nan,
    comparator: ArrayLike = GE,
    tolerance: ArrayLike = 0.02,
    base_year: ArrayLike = np.nan,
    linear: ArrayLike = False,
    window: ArrayLike = 5,
    min_span: ArrayLike = 3,
    evaluation_year: ArrayLike = np.nan,
    limit: ArrayLike = np.nan,
) -> Batch:
    """Check shapes and broadcast scalar parameters to one value per series."""
    axis = np.asarray(years, dtype=np.float64)
    data = np.asarray(values, dtype=np.float64)
    if axis.ndim != 1 or data.ndim != 2 or data.shape[1] != axis.shape[0]:
        raise ValueError(f"values {data.shape} do not match the year axis {axis.shape}")
    if axis.size > 1 and not np.all(np.diff(axis) > 0):
        raise ValueError("the year axis must be strictly increasing")
    n = data.shape[0]
    return Batch(
        years=axis,
        values=data,
        direction=_column(direction, n, np.float64),
        target=_column(target, n, np.float64),
        target_year=_column(target_year, n, np.float64),
        comparator=_column(comparator, n, np.int64),
        tolerance=_column(tolerance, n, np.float64),
        base_year=_column(base_year, n, np.float64),
        linear=_column(linear, n, np.bool_),
        window=_column(window, n, np.float64),
        min_span=_column(min_span, n, np.float64),
        evaluation_year=_column(evaluation_year, n, np.float64),
        limit=_column(limit, n, np.float64),
    )


@dataclass(frozen=True)
class Latest:
    """The latest observation of each series (t1, x_t1); the observed mask on request."""

    values: FloatArray  # the batch's values (N, Y)
    has_any: BoolArray
    index: IntArray
    t1: FloatArray
    x1: FloatArray

    @cached_property
    def observed(self) -> BoolArray:
        """(N, Y) True where a value is observed (built only by the steps that need it)."""
        return ~np.isnan(self.values)


def latest(batch: Batch) -> Latest:
    has_any, index, x1 = last_observed(batch.values)
    t1 = np.where(has_any, batch.years[index], np.nan)
    return Latest(batch.values, has_any, index, t1, x1)


def take(values: FloatArray, index: IntArray) -> FloatArray:
    """values[i, index[i]] for every row i."""
    return np.take_along_axis(values, index[:, None], axis=1)[:, 0]


def first_observed(batch: Batch, low: FloatArray, high: FloatArray, closed: bool = True) -> Found:
    """Per row, the first observed column with a year in [low, high] (`closed`) or [low, high):
    whether there is one, its column and its value (NaN when none)."""
    return first_in(batch.values, batch.years, low, high, closed)


def everywhere(n: int) -> FloatArray:
    """+inf for n rows (a bound that excludes no year), without allocating."""
    return np.broadcast_to(np.float64(np.inf), (n,))


def value_at_year(batch: Batch, obs: Latest, year: FloatArray) -> FloatArray:
    """x at `year` for each row (NaN when that year is not observed or not on the axis)."""
    return first_observed(batch, year, year)[2]


def meets(x: FloatArray, batch: Batch) -> BoolArray:
    """Whether x meets each series' target under its comparator (False where x or TV is NaN).

    "About TV" is met within the tolerance of TV, or beyond TV in the desired direction: a
    plan that wants "about 5,000" start-ups and gets 5,221 has not missed its target.
    """
    tv = batch.target
    at_least = batch.comparator == GE
    with np.errstate(invalid="ignore"):
        result = np.where(at_least, x >= tv, x <= tv)
        about = batch.comparator == ABOUT
        if about.any():  # most batches hold ">=" and "<=" only: skip the band
            within = np.abs(x - tv) <= batch.tolerance * np.abs(tv)
            result = np.where(about, within | (batch.direction * (x - tv) >= 0), result)
    return np.asarray(result, dtype=np.bool_)


def cagr(start: FloatArray, end: FloatArray, span: FloatArray) -> FloatArray:
    """Compound annual growth; NaN unless both values are > 0 and span > 0."""
    ok = (start > 0) & (end > 0) & (span > 0)
    with np.errstate(all="ignore"):
        rate = np.power(end / start, 1.0 / span) - 1.0
    return np.where(ok, rate, np.nan)


def slope(start: FloatArray, end: FloatArray, span: FloatArray) -> FloatArray:
    """Linear change per year; NaN unless span > 0."""
    with np.errstate(all="ignore"):
        return np.where(span > 0, (end - start) / span, np.nan)


def trend_only_status(growth: FloatArray) -> CodeArray:
    """The no-target rule of METHODS.md section 1: g = d * growth, thresholds +-1 %."""
    choices = [
        growth >= 0.01,
        growth >= 0,
        growth > -0.01,
        growth <= -0.01,
    ]
    codes = [
        code(Status.SIGNIFICANT_PROGRESS),
        code(Status.MODERATE_PROGRESS),
        code(Status.MODERATE_MOVEMENT_AWAY),
        code(Status.SIGNIFICANT_MOVEMENT_AWAY),
    ]
    return np.select(choices, codes, default=code(Status.INSUFFICIENT_DATA)).astype(np.int8)


def has_target(batch: Batch) -> BoolArray:
    return batch.targeted
