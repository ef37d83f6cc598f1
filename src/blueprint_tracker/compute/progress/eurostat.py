"""`eurostat`: ratio of actual to required growth over a window (METHODS.md section 1)."""

from __future__ import annotations

import numpy as np

from blueprint_tracker.compute.progress._batch import (
    NO_CODE,
    Batch,
    CodeArray,
    FloatArray,
    Latest,
    Result,
    cagr,
    code,
    first_observed,
    has_target,
    meets,
    slope,
    trend_only_status,
)
from blueprint_tracker.domain.assessment import Status


def ratio_status(ratio: FloatArray) -> CodeArray:
    """R >= 0.95 significant, >= 0.6 moderate, >= 0 insufficient, < 0 moving away; NaN: no data."""
    choices = [ratio >= 0.95, ratio >= 0.6, ratio >= 0, ratio < 0]
    codes = [
        code(Status.SIGNIFICANT_PROGRESS),
        code(Status.MODERATE_PROGRESS),
        code(Status.INSUFFICIENT_PROGRESS),
        code(Status.MOVING_AWAY),
    ]
    return np.select(choices, codes, default=code(Status.INSUFFICIENT_DATA)).astype(np.int8)


def _window_start(batch: Batch, obs: Latest) -> tuple[FloatArray, FloatArray]:
    """t0: the earliest observed year in [t1 - P, t1), and x_t0 (NaN when there is none)."""
    found, index, x0 = first_observed(batch, obs.t1 - batch.window, obs.t1, closed=False)
    return np.where(found, batch.years[index], np.nan), x0


def _growth(batch: Batch, obs: Latest, t0: FloatArray, x0: FloatArray) -> Result:
    """Actual and required rates (compound, or linear when CAGR is undefined) and their ratio."""
    span = obs.t1 - t0
    to_target = batch.target_year - t0
    rate = cagr(x0, obs.x1, span)
    required = cagr(x0, batch.target, to_target)
    s_act = slope(x0, obs.x1, span)
    s_req = slope(x0, batch.target, to_target)
    linear = np.isnan(rate) | np.isnan(required)
    with np.errstate(all="ignore"):
        ratio = np.where(linear, s_act / s_req, rate / required)
        relative = np.where(np.isnan(rate), s_act / np.abs(x0), rate)
    return {
        "cagr_actual": rate,
        "cagr_required": required,
        "slope_actual": s_act,
        "slope_required": s_req,
        "ratio": ratio,
        "fallback": linear,
        "growth": batch.direction * relative,
    }


def assess_eurostat(batch: Batch, obs: Latest) -> Result:
    t0, x0 = _window_start(batch, obs)
    enough = (obs.t1 - t0) >= batch.min_span
    target = has_target(batch)
    met1 = meets(obs.x1, batch)
    met0 = meets(x0, batch)
    growth = _growth(batch, obs, t0, x0)
    trend = trend_only_status(growth["growth"])
    status = ratio_status(growth["ratio"])
    status = np.where(met0 & ~met1, code(Status.MOVING_AWAY), status)
    status = np.where(batch.target_year > t0, status, code(Status.INSUFFICIENT_DATA))
    status = np.where(target, status, trend)
    status = np.where(enough, status, code(Status.INSUFFICIENT_DATA))
    status = np.where(target & met1, code(Status.TARGET_MET), status)
    flag = np.where(target & met1 & enough, trend, NO_CODE)
    growth.pop("growth")
    no_rate = np.isnan(growth["cagr_actual"])
    growth["fallback"] = np.where(target, growth["fallback"], no_rate) & enough
    return {
        "status": status.astype(np.int8),
        "trend_flag": flag.astype(np.int8),
        "t0": t0,
        "x0": x0,
        **growth,
    }
