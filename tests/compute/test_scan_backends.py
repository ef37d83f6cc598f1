"""The numba backend (the `fast` extra) and the numpy one give bit-identical results."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from blueprint_tracker.compute.progress import _scan
from blueprint_tracker.compute.progress._batch import GE, LE, Batch, make_batch
from blueprint_tracker.compute.progress.engine import METHODS, assess_batch

pytest.importorskip("numba")


def _mixed(n: int) -> Batch:
    """Positive, negative, zero-crossing, gappy and short series with random milestones."""
    rng = np.random.default_rng(11)
    years = np.arange(2003, 2025)
    values = 10.0 * np.exp(rng.normal(0.03, 0.08, (n, years.size)).cumsum(axis=1))
    kind = rng.random(n)
    values[kind < 0.1] -= 12.0
    values[(kind >= 0.1) & (kind < 0.15), :5] = 0.0
    values[rng.random(values.shape) < 0.2] = np.nan
    values[kind > 0.95, :-2] = np.nan
    values[kind > 0.99] = np.nan
    direction = rng.choice([1.0, -1.0], n)
    return make_batch(
        years, values, direction=direction,
        target=np.where(rng.random(n) < 0.15, np.nan, 10 * rng.uniform(0.3, 3, n)),
        target_year=rng.choice([2010.0, 2024.0, 2030.0, np.nan], n),
        comparator=np.where(rng.random(n) < 0.2, 2, np.where(direction > 0, GE, LE)),
        base_year=rng.choice([np.nan, 2000.0, 2008.0, 2015.0], n), linear=kind < 0.12,
        window=rng.choice([3.0, 5.0, 8.0], n), limit=np.where(rng.random(n) < 0.2, 30.0, np.nan),
        evaluation_year=rng.choice([np.nan, 2026.0], n),
    )  # fmt: skip


@pytest.fixture
def restore_backend() -> Iterator[None]:
    yield
    _scan.use(None)


@pytest.mark.parametrize("method", list(METHODS))
def test_numba_and_numpy_agree_to_the_bit(method: str, restore_backend: None) -> None:
    batch = _mixed(6_000)
    assert _scan.use("numpy") == "numpy"
    plain = assess_batch(method, batch, chunk=1_000, bootstrap=200 if method == "trend" else 0)
    assert _scan.use("numba") == "numba"
    fast = assess_batch(method, batch, chunk=1_000, bootstrap=200 if method == "trend" else 0)
    assert plain.keys() == fast.keys()
    for key in plain:
        a, b = np.ascontiguousarray(plain[key]), np.ascontiguousarray(fast[key])
        assert a.dtype == b.dtype and np.array_equal(a.view(np.uint8), b.view(np.uint8)), key


def test_a_wider_year_axis_changes_no_number(restore_backend: None) -> None:
    batch = _mixed(2_000)
    pad = np.full((len(batch), 4), np.nan)
    wide = make_batch(
        np.concatenate([batch.years[0] - np.arange(4, 0, -1), batch.years]),
        np.hstack([pad, batch.values]), direction=batch.direction, target=batch.target,
        target_year=batch.target_year, comparator=batch.comparator, base_year=batch.base_year,
        linear=batch.linear, window=batch.window, limit=batch.limit,
        evaluation_year=batch.evaluation_year,
    )  # fmt: skip
    for backend in _scan.BACKENDS:
        _scan.use(backend)
        for method in METHODS:
            narrow, padded = assess_batch(method, batch), assess_batch(method, wide)
            for key in narrow:
                assert np.array_equal(narrow[key], padded[key], equal_nan=True), (method, key)
