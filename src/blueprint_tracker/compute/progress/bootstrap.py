"""`trend`, second reading: a bootstrap of annual growth rates (METHODS.md section 4).

For each series the annual growth rates between consecutive observed years (ln x, or x for
series that use `linear`) are resampled with replacement: one draw of h = T - t1 rates is one
possible path from the latest value to the target year, and the probability is the share of
draws whose end point meets the target. A gap between two observed years gives one rate (the
average change per year over the gap); it is never split into interpolated years.

Reproducible and independent of batching: one stream of uniform numbers of shape
(draws, horizon) comes from `seed`, and every series maps the same numbers onto its own rates
(common random numbers). The same series therefore gets the same reading alone or in a batch
of a million, in any chunk.
"""

from __future__ import annotations

import numpy as np

from blueprint_tracker.compute.progress._batch import (
    GE,
    LE,
    Batch,
    BoolArray,
    FloatArray,
    IntArray,
    Latest,
    Result,
    has_target,
)

DEFAULT_DRAWS = 2_000
DEFAULT_SEED = 20221222  # the Blueprint's publication date
MAX_DRAWS = 100_000
MIN_RATES = 2  # as the trend fit: at least three observed values
CELLS = 4_000_000  # rows x draws x horizon gathered at once (bounds the memory used)


def _rates(batch: Batch, obs: Latest, log: BoolArray) -> tuple[FloatArray, IntArray]:
    """Per row: the growth rates per year between consecutive observed values, packed to the
    left (NaN after them), and how many there are."""
    with np.errstate(all="ignore"):
        y = np.where(log[:, None], np.log(batch.values), batch.values)
    y = np.where(obs.observed, y, np.nan)
    width = y.shape[1]
    column = np.broadcast_to(np.arange(width), y.shape)
    last_seen = np.maximum.accumulate(np.where(obs.observed, column, -1), axis=1)
    previous = np.concatenate([np.full((y.shape[0], 1), -1), last_seen[:, :-1]], axis=1)
    has_previous = obs.observed & (previous >= 0)
    y_previous = np.take_along_axis(y, np.maximum(previous, 0), axis=1)
    gap = batch.years[None, :] - batch.years[np.maximum(previous, 0)]
    with np.errstate(all="ignore"):
        rate = np.where(has_previous, (y - y_previous) / gap, np.nan)
    rate = np.where(np.isfinite(rate), rate, np.nan)
    order = np.argsort(np.isnan(rate), axis=1, kind="stable")
    packed = np.take_along_axis(rate, order, axis=1)
    return packed, (~np.isnan(rate)).sum(axis=1).astype(np.int64)


def _meets(end: FloatArray, batch: Batch, rows: IntArray) -> BoolArray:
    """Whether each draw's end value (rows x draws) meets its row's target."""
    tv = batch.target[rows, None]
    tol = batch.tolerance[rows, None]
    direction = batch.direction[rows, None]
    kind = batch.comparator[rows, None]
    with np.errstate(invalid="ignore"):
        about = (np.abs(end - tv) <= tol * np.abs(tv)) | (direction * (end - tv) >= 0)
        met = np.where(kind == GE, end >= tv, np.where(kind == LE, end <= tv, about))
    return np.asarray(met, dtype=np.bool_)


def _end_values(
    packed: FloatArray,
    count: IntArray,
    start: FloatArray,
    horizon: IntArray,
    uniform: FloatArray,
) -> FloatArray:
    """End values of every draw (rows x draws), in the transformed space."""
    steps = uniform.shape[1]
    index = np.floor(uniform[None, :, :] * np.maximum(count, 1)[:, None, None]).astype(np.int64)
    drawn = np.take_along_axis(packed[:, None, :], index, axis=2)  # rows x draws x steps
    inside = np.arange(steps)[None, None, :] < horizon[:, None, None]
    end: FloatArray = start[:, None] + np.where(inside, drawn, 0.0).sum(axis=2)
    return end


def bootstrap_reading(
    batch: Batch, obs: Latest, linear: BoolArray, *, draws: int, seed: int
) -> Result:
    """``probability_bootstrap`` (share of draws meeting the target), ``bootstrap_rates`` (how
    many annual rates were resampled) and ``bootstrap_draws``; NaN where it does not apply."""
    n = len(batch)
    log = ~linear
    packed, count = _rates(batch, obs, log)
    with np.errstate(invalid="ignore"):
        horizon_f = batch.target_year - obs.t1
    usable = has_target(batch) & (count >= MIN_RATES) & (horizon_f >= 1) & obs.has_any
    horizon = np.where(usable, horizon_f, 0).astype(np.int64)
    steps = int(horizon.max(initial=0))
    probability = np.full(n, np.nan)
    if steps > 0 and draws > 0:
        # column-major, so draw b's j-th number does not depend on the longest horizon here
        uniform = np.random.default_rng(seed).random((steps, draws)).T
        with np.errstate(all="ignore"):
            start = np.where(log, np.log(obs.x1), obs.x1)
        candidates = np.flatnonzero(usable)
        per_chunk = max(1, CELLS // (draws * steps))
        for first in range(0, candidates.size, per_chunk):
            rows = candidates[first : first + per_chunk]
            end = _end_values(packed[rows], count[rows], start[rows], horizon[rows], uniform)
            with np.errstate(all="ignore"):
                end = np.where(log[rows, None], np.exp(end), end)
            probability[rows] = _meets(end, batch, rows).mean(axis=1)
    return {
        "probability_bootstrap": probability,
        "bootstrap_rates": np.where(usable, count, np.nan).astype(np.float64),
        "bootstrap_draws": np.where(usable, float(draws), np.nan),
    }

