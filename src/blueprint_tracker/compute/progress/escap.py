"""`escap`: anticipated progress from the base year (METHODS.md section 3)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from blueprint_tracker.compute.progress._batch import (
    Batch,
    FloatArray,
    Latest,
    Result,
    cagr,
    code,
    everywhere,
    first_observed,
    has_target,
    meets,
    slope,
    trend_only_status,
    value_at_year,
)
from blueprint_tracker.domain.assessment import Status


def _base(batch: Batch, obs: Latest) -> tuple[FloatArray, FloatArray]:
    """b (the configured base year, else the earliest observed year) and x_b (NaN if missing)."""
    every = everywhere(len(batch))
    found, index, _ = first_observed(batch, -every, every)
    first = np.where(found, batch.years[index], np.nan)
    base_year = np.where(np.isnan(batch.base_year), first, batch.base_year)
    return base_year, value_at_year(batch, obs, base_year)


def _project(batch: Batch, obs: Latest, base_year: FloatArray, xb: FloatArray) -> Result:
    span = obs.t1 - base_year
    rate = cagr(xb, obs.x1, span)
    per_year = slope(xb, obs.x1, span)
    linear = batch.linear | np.isnan(rate)
    ahead = batch.target_year - obs.t1
    with np.errstate(all="ignore"):
        compound = obs.x1 * np.power(1.0 + rate, ahead)
    projection = np.where(linear, obs.x1 + per_year * ahead, compound)
    return {
        "cagr_actual": rate,
        "slope_actual": per_year,
        "fallback": linear,
        "projection": projection,
    }


def _progress(batch: Batch, obs: Latest, base_year: FloatArray, xb: FloatArray) -> Result:
    """Anticipated progress, current status (capped at 1 when met) and the elapsed fraction."""
    with np.errstate(all="ignore"):
        gap = batch.target - xb
        current = np.where(meets(obs.x1, batch), 1.0, np.minimum((obs.x1 - xb) / gap, 1.0))
        expected = (obs.t1 - base_year) / (batch.target_year - base_year)
    return {
        "current_status": current,
        "expected_fraction": expected,
        "ahead_of_schedule": np.where(np.isnan(current), np.nan, current >= expected),
    }


def _status(batch: Batch, xb: FloatArray, projection: FloatArray) -> Result:
    with np.errstate(all="ignore"):
        progress = (projection - xb) / (batch.target - xb)
    reaches = meets(projection, batch)
    choices = [meets(xb, batch), reaches | (progress >= 1), progress >= 0, progress < 0]
    codes: list[ArrayLike] = [
        np.where(reaches, code(Status.ON_TRACK), code(Status.REVERSE)),
        code(Status.ON_TRACK),
        code(Status.ACCELERATE),
        code(Status.REVERSE),
    ]
    status = np.select(choices, codes, default=code(Status.INSUFFICIENT_DATA))
    return {"status": status, "anticipated_progress": progress}


def assess_escap(batch: Batch, obs: Latest) -> Result:
    base_year, xb = _base(batch, obs)
    usable = ~np.isnan(xb) & (obs.t1 > base_year)
    target = has_target(batch)
    numbers = _project(batch, obs, base_year, xb)
    judged = _status(batch, xb, numbers["projection"])
    with np.errstate(all="ignore"):
        relative = numbers["slope_actual"] / np.abs(xb)
        growth = np.where(numbers["fallback"], relative, numbers["cagr_actual"])
        trend = trend_only_status(batch.direction * growth)
    status = np.where(
        target & (batch.target_year > base_year), judged["status"], code(Status.INSUFFICIENT_DATA)
    )
    status = np.where(target, status, trend)
    status = np.where(usable, status, code(Status.INSUFFICIENT_DATA))
    progress = _progress(batch, obs, base_year, xb)
    keep = usable & target
    return {
        "status": status.astype(np.int8),
        "base_year": base_year,
        "t0": base_year,
        "x0": xb,
        **{k: np.where(usable, v, np.nan) for k, v in numbers.items() if k != "fallback"},
        "fallback": numbers["fallback"] & usable,
        "anticipated_progress": np.where(keep, judged["anticipated_progress"], np.nan),
        **{k: np.where(keep, v, np.nan) for k, v in progress.items()},
    }
