"""Invariants of the progress methods, checked with Hypothesis."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint_tracker.assess import assess_series
from blueprint_tracker.compute.progress._batch import GE, LE, make_batch
from blueprint_tracker.compute.progress.engine import assess_batch
from blueprint_tracker.domain.assessment import STATUS_ORDER, Status

YEARS = list(range(2010, 2021))
METHODS = ["eurostat", "statcan", "escap", "trend"]

positive = st.floats(min_value=0.01, max_value=1e4, allow_nan=False, allow_infinity=False)
anything = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)


@st.composite
def series(draw: st.DrawFn, values: st.SearchStrategy[float] = positive) -> dict[int, float]:
    years = draw(st.lists(st.sampled_from(YEARS), min_size=1, max_size=len(YEARS), unique=True))
    return {year: draw(values) for year in sorted(years)}


@st.composite
def settings_(draw: st.DrawFn) -> dict[str, Any]:
    direction = draw(st.sampled_from([1, -1]))
    comparator = ">=" if direction == 1 else "<="
    return {
        "direction": direction,
        "comparator": draw(st.sampled_from([comparator, "~"])),
        "target": draw(positive),
        "target_year": draw(st.sampled_from([2025, 2030])),
        "base_year": draw(st.sampled_from([2010, 2012, 2015])),
    }


@settings(max_examples=150, deadline=None)
@given(series(), settings_(), st.sampled_from(METHODS), st.integers(min_value=-20, max_value=20))
def test_scaling_by_a_positive_constant_changes_no_status(
    data: dict[int, float], kw: dict[str, Any], method: str, power: int
) -> None:
    # powers of two scale floats exactly, so only the maths (not rounding) is under test
    c = 2.0**power
    scaled = {year: c * value for year, value in data.items()}
    first = assess_series(data, method=method, **kw)
    second = assess_series(scaled, method=method, **{**kw, "target": c * kw["target"]})
    assert first.status is second.status


ORDER = {
    "eurostat": [Status.MOVING_AWAY, Status.INSUFFICIENT_PROGRESS, Status.MODERATE_PROGRESS,
                 Status.SIGNIFICANT_PROGRESS, Status.TARGET_MET],
    "statcan": [Status.OSDG_DETERIORATION, Status.OSDG_LIMITED_PROGRESS,
                Status.OSDG_MODERATE_PROGRESS, Status.OSDG_SUBSTANTIAL_PROGRESS,
                Status.OSDG_TARGET_ACHIEVED],
}  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    series(),
    settings_(),
    st.sampled_from(["eurostat", "statcan"]),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_moving_the_latest_value_toward_the_target_never_worsens(
    data: dict[int, float], kw: dict[str, Any], method: str, step: float
) -> None:
    kw = {**kw, "comparator": ">=" if kw["direction"] == 1 else "<="}
    last = max(data)
    # a point between the latest value and the target, kept inside that interval: the float
    # sum alone can land a rounding error beyond the target (a met target then reads as unmet)
    between = (1 - step) * data[last] + step * kw["target"]
    low, high = sorted((data[last], kw["target"]))
    closer = {**data, last: min(max(between, low), high)}
    before = assess_series(data, method=method, **kw).status
    after = assess_series(closer, method=method, **kw).status
    if before in ORDER[method]:
        assert ORDER[method].index(after) >= ORDER[method].index(before)


@settings(max_examples=150, deadline=None)
@given(
    series(st.integers(min_value=-1000, max_value=1000).map(float)),
    st.sampled_from([1, -1]),
    st.integers(min_value=-1000, max_value=1000),
    st.integers(min_value=-5000, max_value=5000),
    st.sampled_from(["escap", "trend"]),
)
def test_linear_modes_ignore_an_added_constant(
    data: dict[int, float], direction: int, target: int, shift: int, method: str
) -> None:
    kw = {"direction": direction, "comparator": ">=" if direction == 1 else "<=",
          "target_year": 2030, "base_year": min(data), "projection": "linear"}  # fmt: skip
    moved = {year: value + shift for year, value in data.items()}
    first = assess_series(data, method=method, target=float(target), **kw)  # type: ignore[arg-type]
    second = assess_series(moved, method=method, target=float(target + shift), **kw)  # type: ignore[arg-type]
    assert first.status is second.status


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1), st.sampled_from(METHODS))
def test_engine_equals_the_single_series_call(seed: int, method: str) -> None:
    rng = np.random.default_rng(seed)
    n, years = 30, np.arange(2010, 2021)
    values = rng.lognormal(2.0, 0.5, (n, years.size)) * rng.choice([1, 1, 1, -1], (n, 1))
    values[rng.random(values.shape) < 0.35] = np.nan
    values[rng.random(values.shape) < 0.05] = 0.0
    direction = rng.choice([1.0, -1.0], n)
    target = np.where(rng.random(n) < 0.2, np.nan, rng.lognormal(2.0, 0.7, n))
    target_year = rng.choice([2020.0, 2025.0, 2030.0], n)
    base_year = rng.choice([2010.0, 2013.0], n)
    linear = rng.random(n) < 0.3
    batch = make_batch(
        years, values, direction=direction, target=target, target_year=target_year,
        comparator=np.where(direction > 0, GE, LE), base_year=base_year, linear=linear,
    )  # fmt: skip
    result = assess_batch(method, batch, chunk=7)  # small chunks: chunking must not matter
    for i in range(n):
        data = {int(y): float(v) for y, v in zip(years, values[i], strict=True) if not np.isnan(v)}
        single = assess_series(
            data, method=method, direction=int(direction[i]),
            comparator=">=" if direction[i] > 0 else "<=",
            target=None if np.isnan(target[i]) else float(target[i]),
            target_year=int(target_year[i]), base_year=int(base_year[i]),
            projection="linear" if linear[i] else "cagr",
        )  # fmt: skip
        assert single.status is STATUS_ORDER[result["status"][i]]
        for key in ("ratio", "projection", "probability", "score", "anticipated_progress"):
            got = single.numbers.get(key)
            expected = result[key][i]
            assert (got is None and np.isnan(expected)) or np.isclose(got, expected)
