"""Run any assessment method over a batch of series, vectorised, in chunks.

`assess_batch` returns a dict of arrays, one value per series: ``status`` (int8 index into
:data:`blueprint_tracker.domain.assessment.STATUS_ORDER`), ``trend_flag`` (int8, -1 = none),
the boolean ``fallback`` / ``milestone_passed`` and every number of METHODS.md section 8 as
float64 (NaN where it does not apply; intervals as ``interval80_lo`` / ``interval80_hi``...).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np

from blueprint_tracker.compute.progress import _scan
from blueprint_tracker.compute.progress._batch import (
    NO_CODE,
    Batch,
    Latest,
    Result,
    latest,
    make_batch,
)
from blueprint_tracker.compute.progress.bootstrap import DEFAULT_SEED, bootstrap_reading
from blueprint_tracker.compute.progress.escap import assess_escap
from blueprint_tracker.compute.progress.eurostat import assess_eurostat
from blueprint_tracker.compute.progress.pace import required_pace
from blueprint_tracker.compute.progress.special import milestone_passed, settle
from blueprint_tracker.compute.progress.statcan import assess_statcan
from blueprint_tracker.compute.progress.trend import assess_trend

MethodFn = Callable[[Batch, Latest], Result]

METHODS: dict[str, MethodFn] = {
    "eurostat": assess_eurostat,
    "statcan": assess_statcan,
    "escap": assess_escap,
    "trend": assess_trend,
}

FLOAT_KEYS: tuple[str, ...] = (
    "t0", "t1", "base_year", "x0", "x1", "cagr_actual", "cagr_required", "ratio",
    "slope_actual", "slope_required", "score", "progress_value", "projection",
    "anticipated_progress", "current_status", "expected_fraction", "ahead_of_schedule",
    "probability", "interval80_lo", "interval80_hi", "interval95_lo", "interval95_hi",
    "required_cagr_from_latest", "required_slope_from_latest", "final_value",
    "probability_bootstrap", "bootstrap_rates", "bootstrap_draws", "limit_coefficient",
)  # fmt: skip
BOOL_KEYS: tuple[str, ...] = ("fallback", "milestone_passed")
CHUNK = 16_384


def _assess_chunk(method: MethodFn, batch: Batch, draws: int, seed: int) -> Result:
    name = method.__name__.removeprefix("assess_")
    fused = _scan.fused(name)
    if fused is not None:  # numba: the whole method in compiled loops, the same numbers
        done: Result = fused(name, batch, len(batch))
        return done
    obs = latest(batch)
    result = method(batch, obs)
    if draws and "probability" in result:  # trend: the bootstrap as a second reading
        result.update(bootstrap_reading(batch, obs, result["fallback"], draws=draws, seed=seed))
    result.update(required_pace(batch, obs))
    passed = milestone_passed(batch, obs)
    result.update(passed)
    result["status"] = settle(result["status"], batch, passed)
    result["t1"] = obs.t1
    result["x1"] = obs.x1
    return result


def _allocate(n: int, produced: tuple[str, ...]) -> Result:
    """Output arrays for the numbers `produced`; the others are one shared read-only NaN /
    False (no memory, no fill: a method leaves them so anyway)."""
    nan = np.broadcast_to(np.float64(np.nan), (n,))
    out: Result = {key: np.empty(n) if key in produced else nan for key in FLOAT_KEYS}
    false = np.broadcast_to(np.False_, (n,))
    out.update({key: np.empty(n, dtype=np.bool_) if key in produced else false
                for key in BOOL_KEYS})  # fmt: skip
    out["status"] = np.empty(n, dtype=np.int8)
    out["trend_flag"] = np.full(n, NO_CODE, dtype=np.int8)
    return out


def assess_batch(
    method: str, batch: Batch, *, chunk: int = CHUNK, bootstrap: int = 0, seed: int = DEFAULT_SEED
) -> Result:
    """Assess every series of `batch` with `method` (eurostat, statcan, escap or trend).

    `bootstrap` > 0 adds, for `trend`, the bootstrap reading with that many draws (`seed`)."""
    try:
        function = METHODS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(METHODS)}") from None
    n = len(batch)
    fused = _scan.fused(method) if not bootstrap else None
    if fused is not None:  # numba: written straight into the result, no copies
        done = _allocate(n, ())
        done.update(fused(method, batch, chunk))
        return done
    out = _allocate(n, result_keys(method, bootstrap))
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        part = _assess_chunk(function, batch.rows(start, stop), bootstrap, seed)
        for key, array in part.items():
            out[key][start:stop] = array
    return out


@cache
def result_keys(method: str, bootstrap: int = 0) -> tuple[str, ...]:
    """The numbers `method` gives (FLOAT_KEYS and BOOL_KEYS order); the rest stay NaN/False."""
    probe = make_batch([2000.0, 2001.0, 2002.0], [[1.0, 2.0, 3.0]], target=4.0, target_year=2005)
    part = _assess_chunk(METHODS[method], probe, bootstrap, DEFAULT_SEED)
    return tuple(key for key in (*FLOAT_KEYS, *BOOL_KEYS) if key in part)
