"""`trend`: probability of meeting the target under an OLS trend (METHODS.md section 4).

Ordinary least squares of ln x (or x, for series that use `linear`) on the year over the
observed years, projected to T with a Student-t prediction interval (n - 2 degrees of freedom).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from blueprint_tracker.compute.progress._batch import (
    ABOUT,
    GE,
    Batch,
    BoolArray,
    FloatArray,
    Latest,
    Result,
    code,
    everywhere,
    has_target,
    meets,
    trend_only_status,
)
from blueprint_tracker.compute.progress._scan import first_in, fit_sums, non_positive
from blueprint_tracker.domain.assessment import Status

LIKELY = 0.66  # IPCC "likely": the probability from which a target counts as on track
PERFECT_FIT = 1e-9  # residual spread below this share of the level counts as an exact fit


@dataclass(frozen=True)
class Fit:
    """Per-series OLS fit in the transformed space (ln x or x)."""

    n: FloatArray
    slope: FloatArray
    intercept: FloatArray
    t_mean: FloatArray
    sxx: FloatArray
    sigma: FloatArray


def _use_linear(batch: Batch) -> BoolArray:
    bad_target = has_target(batch) & ~(batch.target > 0)
    return np.asarray(batch.linear | non_positive(batch.values) | bad_target, dtype=np.bool_)


def _fit(batch: Batch, log: BoolArray) -> tuple[Fit, FloatArray]:
    """OLS over each row's observed years (ln x where `log`, else x), and the sum of the
    observed values. The sums run column by column, so a wider year axis (NaN columns) leaves
    every number unchanged to the bit."""
    with np.errstate(all="ignore"):
        y = np.where(log[:, None], np.log(batch.values), batch.values)
    n, t_mean, sxx, beta, alpha, ss, total = fit_sums(batch.values, y, batch.years)
    with np.errstate(all="ignore"):
        sigma = np.sqrt(ss / (n - 2.0))
    return Fit(n, beta, alpha, t_mean, sxx, sigma), total


def _t_quantile(df: FloatArray, p: float) -> FloatArray:
    """Student-t quantile for integer df >= 1 via a small table (df takes few values)."""
    top = int(np.nanmax(df, initial=1.0))
    table = special.stdtrit(np.arange(1, top + 1, dtype=np.float64), p)
    index = np.clip(np.nan_to_num(df, nan=1.0).astype(np.int64), 1, top) - 1
    return np.where(df >= 1, table[index], np.nan)


def _transform(x: FloatArray, log: BoolArray) -> FloatArray:
    with np.errstate(all="ignore"):
        return np.where(log, np.log(x), x)


def _back(y: FloatArray, log: BoolArray) -> FloatArray:
    with np.errstate(all="ignore"):
        return np.where(log, np.exp(y), y)


def _z_scores(batch: Batch, log: BoolArray, centre: FloatArray, se: FloatArray) -> FloatArray:
    """Standardised distance of the target (and of the "about" band's ends) from the centre."""
    tv, tol = batch.target, batch.tolerance
    with np.errstate(all="ignore"):
        z_tv = (_transform(tv, log) - centre) / se
        z_hi = (_transform(tv + tol * np.abs(tv), log) - centre) / se
        z_lo = (_transform(tv - tol * np.abs(tv), log) - centre) / se
    z_lo = np.where(log & ~(tv - tol * np.abs(tv) > 0), -np.inf, z_lo)
    return np.stack([z_tv, z_hi, z_lo])


def _predict(batch: Batch, fit: Fit, log: BoolArray) -> Result:
    df = fit.n - 2.0
    horizon = batch.target_year
    with np.errstate(all="ignore"):
        centre = fit.intercept + fit.slope * horizon
        spread = np.sqrt(1.0 + 1.0 / fit.n + (horizon - fit.t_mean) ** 2 / fit.sxx)
        se = fit.sigma * spread
        z_tv, z_hi, z_lo = _z_scores(batch, log, centre, se)
        # one t distribution value per series: at the target (">=": above it, "<=": below
        # it); "about": within the band or beyond it in the wanted direction (see meets()),
        # i.e. above its low end to increase, below its high end to decrease
        kind, rising = batch.comparator, batch.direction > 0
        z = np.where(kind == ABOUT, np.where(rising, z_lo, z_hi), z_tv)
        cdf = special.stdtr(df, z)
    prob = np.where((kind == GE) | ((kind == ABOUT) & rising), 1.0 - cdf, cdf)
    projection = _back(centre, log)
    # a projection equal to the target but for rounding (exp(log x) != x) counts as equal
    tv = batch.target
    with np.errstate(invalid="ignore"):
        exact = np.abs(projection - tv) <= PERFECT_FIT * np.abs(tv)
    step = meets(np.where(exact, tv, projection), batch).astype(np.float64)
    perfect = ~(se > PERFECT_FIT * np.maximum(1.0, np.abs(centre)))
    prob = np.where(perfect, step, prob)  # a perfect fit: the projection decides
    result: Result = {"projection": projection, "probability": prob}
    for level, p in (("interval80", 0.9), ("interval95", 0.975)):
        half = _t_quantile(df, p) * se
        result[f"{level}_lo"] = _back(centre - half, log)
        result[f"{level}_hi"] = _back(centre + half, log)
    return result


def _status(batch: Batch, fit: Fit, obs: Latest, log: BoolArray, prob: FloatArray) -> FloatArray:
    """ON_TRACK when meeting the target is at least likely; else ACCELERATE while the trend
    points toward the target, REVERSE when it points away."""
    toward = batch.direction
    judged = np.select(
        [prob >= LIKELY, toward * fit.slope >= 0, toward * fit.slope < 0],
        [code(Status.ON_TRACK), code(Status.ACCELERATE), code(Status.REVERSE)],
        default=code(Status.INSUFFICIENT_DATA),
    )
    return np.asarray(judged, dtype=np.float64)


def assess_trend(batch: Batch, obs: Latest) -> Result:
    linear = _use_linear(batch)
    log = ~linear
    fit, total = _fit(batch, log)
    predicted = _predict(batch, fit, log)
    with np.errstate(all="ignore"):
        rate = np.where(log, np.expm1(fit.slope), np.nan)
        level = np.abs(total / fit.n)
        growth = np.where(log, rate, fit.slope / level)
    enough = fit.n >= 3
    status = np.where(
        has_target(batch),
        _status(batch, fit, obs, log, predicted["probability"]),
        trend_only_status(batch.direction * growth),
    )
    status = np.where(enough, status, code(Status.INSUFFICIENT_DATA))
    targeted = enough & has_target(batch)
    out: Result = {k: np.where(targeted, v, np.nan) for k, v in predicted.items()}
    out["projection"] = np.where(enough, predicted["projection"], np.nan)
    every = everywhere(len(batch))
    first = batch.years[first_in(batch.values, batch.years, -every, every, True)[1]]
    out.update(
        status=status.astype(np.int8),
        t0=np.where(enough, first, np.nan),
        cagr_actual=np.where(enough, rate, np.nan),
        slope_actual=np.where(enough & linear, fit.slope, np.nan),
        fallback=linear & enough,
    )
    return out
