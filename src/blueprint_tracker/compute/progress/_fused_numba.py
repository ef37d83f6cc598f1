"""`eurostat` as compiled loops (numba backend): every step of eurostat.py, pace.py and
special.py for one series at a time, in two loops around one numpy call for the powers, so that
the powers are numpy's own and the result equals the numpy path to the bit (tested)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numba
import numpy as np

from blueprint_tracker.compute.progress._batch import GE, LE, NO_CODE, Batch, Result, code
from blueprint_tracker.compute.progress.statcan import LIMIT_EXPONENT, ZERO_STANDIN
from blueprint_tracker.domain.assessment import Status

_jit = numba.njit(cache=True, nogil=True, error_model="numpy")
S = np.array([code(s) for s in (
    Status.SIGNIFICANT_PROGRESS, Status.MODERATE_PROGRESS, Status.INSUFFICIENT_PROGRESS,
    Status.MOVING_AWAY, Status.TARGET_MET, Status.TARGET_MISSED, Status.MODERATE_MOVEMENT_AWAY,
    Status.SIGNIFICANT_MOVEMENT_AWAY, Status.INSUFFICIENT_DATA, Status.ON_TRACK,
    Status.ACCELERATE, Status.REVERSE, Status.OSDG_TARGET_ACHIEVED,
    Status.OSDG_SUBSTANTIAL_PROGRESS, Status.OSDG_MODERATE_PROGRESS, Status.OSDG_LIMITED_PROGRESS,
    Status.OSDG_DETERIORATION, Status.OSDG_NOT_AVAILABLE,
)], dtype=np.int64)  # fmt: skip


@_jit
def _meets(x: float, tv: float, tol: float, d: float, comp: int) -> bool:  # pragma: no cover
    if comp == GE:
        return x >= tv
    if comp == LE:
        return x <= tv
    return abs(x - tv) <= tol * abs(tv) or d * (x - tv) >= 0


@_jit
def _scan(values: Any, years: Any, window: Any, tv: Any, ty: Any, lasts: Any, bases: Any,
          exps: Any) -> None:  # fmt: skip  # pragma: no cover - compiled
    """t1, x1, t0, x0, x_T per series and the three powers' bases and exponents."""
    rows, width = values.shape
    for i in range(rows):
        t1 = x1 = t0 = x0 = final = np.nan
        for j in range(width - 1, -1, -1):
            if not np.isnan(values[i, j]):
                t1, x1 = years[j], values[i, j]
                break
        low = t1 - window[i]
        for j in range(width):
            year = years[j]
            if not year < t1:
                break
            if year >= low and not np.isnan(values[i, j]):
                t0, x0 = year, values[i, j]
                break
        for j in range(width):
            if years[j] == ty[i] and not np.isnan(values[i, j]):
                final = values[i, j]
                break
        lasts[0, i], lasts[1, i], lasts[2, i], lasts[3, i], lasts[4, i] = t1, x1, t0, x0, final
        bases[0, i], exps[0, i] = x1 / x0, 1.0 / (t1 - t0)
        bases[1, i], exps[1, i] = tv[i] / x0, 1.0 / (ty[i] - t0)
        bases[2, i], exps[2, i] = tv[i] / x1, 1.0 / (ty[i] - t1)


@_jit
def _cagr(power: float, start: float, end: float, span: float) -> float:  # pragma: no cover
    return power - 1.0 if start > 0 and end > 0 and span > 0 else np.nan


@_jit
def _slope(start: float, end: float, span: float) -> float:  # pragma: no cover
    return (end - start) / span if span > 0 else np.nan


@_jit
def _trend_only(g: float, s: Any) -> Any:  # pragma: no cover - compiled
    if g >= 0.01:
        return s[0]
    if g >= 0:
        return s[1]
    if g > -0.01:
        return s[6]
    if g <= -0.01:
        return s[7]
    return s[8]


@_jit
def _ratio_status(r: float, s: Any) -> Any:  # pragma: no cover - compiled
    if r >= 0.95:
        return s[0]
    if r >= 0.6:
        return s[1]
    if r >= 0:
        return s[2]
    if r < 0:
        return s[3]
    return s[8]


@_jit
def _judge(lasts: Any, powers: Any, d: Any, tv: Any, ty: Any, comp: Any, tol: Any, span_min: Any,
           evaluation: Any, s: Any, f: Any, flags: Any, codes: Any) -> None:  # fmt: skip
    for i in range(lasts.shape[1]):
        t1, x1, t0, x0, final = lasts[0, i], lasts[1, i], lasts[2, i], lasts[3, i], lasts[4, i]
        targeted = np.isfinite(tv[i]) and np.isfinite(ty[i])
        span, to_target = t1 - t0, ty[i] - t0
        enough = span >= span_min[i]
        rate = _cagr(powers[0, i], x0, x1, span)
        required = _cagr(powers[1, i], x0, tv[i], to_target)
        s_act, s_req = _slope(x0, x1, span), _slope(x0, tv[i], to_target)
        linear = np.isnan(rate) or np.isnan(required)
        ratio = s_act / s_req if linear else rate / required
        relative = s_act / abs(x0) if np.isnan(rate) else rate
        trend = _trend_only(d[i] * relative, s)
        met1 = _meets(x1, tv[i], tol[i], d[i], comp[i])
        status = _ratio_status(ratio, s)
        if _meets(x0, tv[i], tol[i], d[i], comp[i]) and not met1:
            status = s[3]
        if not ty[i] > t0:
            status = s[8]
        if not targeted:
            status = trend
        if not enough:
            status = s[8]
        if targeted and met1:
            status = s[4]
        codes[1, i] = trend if targeted and met1 and enough else NO_CODE
        flags[0, i] = (linear if targeted else np.isnan(rate)) and enough
        remaining = ty[i] - t1
        after = np.isnan(evaluation[i]) or evaluation[i] > ty[i]
        passed = targeted and not np.isnan(final) and after
        flags[1, i] = passed
        if passed:
            status = s[4] if _meets(final, tv[i], tol[i], d[i], comp[i]) else s[5]
        codes[0, i] = status
        f[0, i], f[1, i], f[2, i], f[3, i], f[4, i] = t0, x0, rate, required, s_act
        f[5, i], f[6, i], f[7, i] = s_req, ratio, _cagr(powers[2, i], x1, tv[i], remaining)
        f[8, i] = _slope(x1, tv[i], remaining)
        f[9, i] = final if passed else np.nan
        f[10, i], f[11, i] = t1, x1


KEYS = (
    "t0", "x0", "cagr_actual", "cagr_required", "slope_actual", "slope_required", "ratio",
    "required_cagr_from_latest", "required_slope_from_latest", "final_value", "t1", "x1",
)  # fmt: skip


def eurostat(batch: Batch, f: Any, flags: Any, codes: Any) -> None:
    """``_assess_chunk`` for eurostat, written into f (KEYS), flags and codes."""
    n = len(batch)
    lasts, bases, exps = np.empty((5, n)), np.empty((3, n)), np.empty((3, n))
    values = np.ascontiguousarray(batch.values)
    _scan(values, batch.years, batch.window, batch.target, batch.target_year, lasts, bases, exps)
    with np.errstate(all="ignore"):
        powers = np.power(bases, exps)
    _judge(lasts, powers, batch.direction, batch.target, batch.target_year, batch.comparator,
           batch.tolerance, batch.min_span, batch.evaluation_year, S, f, flags, codes)  # fmt: skip


@_jit
def _escap_scan(values: Any, years: Any, base: Any, tv: Any, ty: Any, lasts: Any, bases: Any,
                exps: Any) -> None:  # fmt: skip  # pragma: no cover - compiled
    """t1, x1, the base year b and x_b, x_T; the bases and exponents of the growth from b and
    of the required pace."""
    rows, width = values.shape
    for i in range(rows):
        t1 = x1 = first = xb = final = np.nan
        for j in range(width - 1, -1, -1):
            if not np.isnan(values[i, j]):
                t1, x1 = years[j], values[i, j]
                break
        for j in range(width):
            if not np.isnan(values[i, j]):
                first = years[j]
                break
        b = first if np.isnan(base[i]) else base[i]
        for j in range(width):
            if years[j] == b and not np.isnan(values[i, j]):
                xb = values[i, j]
                break
        for j in range(width):
            if years[j] == ty[i] and not np.isnan(values[i, j]):
                final = values[i, j]
                break
        lasts[0, i], lasts[1, i], lasts[2, i], lasts[3, i], lasts[4, i] = t1, x1, b, xb, final
        bases[0, i], exps[0, i] = x1 / xb, 1.0 / (t1 - b)
        bases[1, i], exps[1, i] = tv[i] / x1, 1.0 / (ty[i] - t1)


@_jit
def _escap_status(xb: float, projection: float, tv: float, tol: float, d: float, comp: int,
                  s: Any) -> tuple[Any, float]:  # fmt: skip  # pragma: no cover - compiled
    progress = (projection - xb) / (tv - xb)
    reaches = _meets(projection, tv, tol, d, comp)
    if _meets(xb, tv, tol, d, comp):
        return (s[9] if reaches else s[11]), progress
    if reaches or progress >= 1:
        return s[9], progress
    if progress >= 0:
        return s[10], progress
    if progress < 0:
        return s[11], progress
    return s[8], progress


@_jit
def _escap_judge(lasts: Any, powers: Any, rate: Any, compound: Any, linear_option: Any, d: Any,
                 tv: Any, ty: Any, comp: Any, tol: Any, evaluation: Any, s: Any, f: Any,
                 flags: Any, codes: Any) -> None:  # fmt: skip  # pragma: no cover - compiled
    for i in range(lasts.shape[1]):
        t1, x1, b, xb, final = lasts[0, i], lasts[1, i], lasts[2, i], lasts[3, i], lasts[4, i]
        targeted = np.isfinite(tv[i]) and np.isfinite(ty[i])
        usable = not np.isnan(xb) and t1 > b
        per_year = _slope(xb, x1, t1 - b)
        linear = linear_option[i] or np.isnan(rate[i])
        ahead = ty[i] - t1
        projection = x1 + per_year * ahead if linear else compound[i]
        judged, progress = _escap_status(xb, projection, tv[i], tol[i], d[i], comp[i], s)
        growth = per_year / abs(xb) if linear else rate[i]
        status = judged if targeted and ty[i] > b else s[8]
        if not targeted:
            status = _trend_only(d[i] * growth, s)
        if not usable:
            status = s[8]
        keep = usable and targeted
        met1 = _meets(x1, tv[i], tol[i], d[i], comp[i])
        current = (x1 - xb) / (tv[i] - xb)
        current = 1.0 if met1 else (1.0 if current > 1.0 else current)
        expected = (t1 - b) / (ty[i] - b)
        schedule = np.nan if np.isnan(current) else (1.0 if current >= expected else 0.0)
        after = np.isnan(evaluation[i]) or evaluation[i] > ty[i]
        passed = targeted and not np.isnan(final) and after
        if passed:
            status = s[4] if _meets(final, tv[i], tol[i], d[i], comp[i]) else s[5]
        codes[0, i], codes[1, i] = status, NO_CODE
        flags[0, i], flags[1, i] = linear and usable, passed
        f[0, i], f[1, i], f[2, i] = b, b, xb
        f[3, i] = rate[i] if usable else np.nan
        f[4, i] = per_year if usable else np.nan
        f[5, i] = projection if usable else np.nan
        f[6, i] = progress if keep else np.nan
        f[7, i] = current if keep else np.nan
        f[8, i] = expected if keep else np.nan
        f[9, i] = schedule if keep else np.nan
        f[10, i] = _cagr(powers[1, i], x1, tv[i], ty[i] - t1)
        f[11, i] = _slope(x1, tv[i], ty[i] - t1)
        f[12, i] = final if passed else np.nan
        f[13, i], f[14, i] = t1, x1


ESCAP_KEYS = (
    "base_year", "t0", "x0", "cagr_actual", "slope_actual", "projection", "anticipated_progress",
    "current_status", "expected_fraction", "ahead_of_schedule", "required_cagr_from_latest",
    "required_slope_from_latest", "final_value", "t1", "x1",
)  # fmt: skip


def escap(batch: Batch, f: Any, flags: Any, codes: Any) -> None:
    """``_assess_chunk`` for escap (two numpy power calls: the growth from the base year, then
    the projection that compounds it)."""
    n = len(batch)
    lasts, bases, exps = np.empty((5, n)), np.empty((2, n)), np.empty((2, n))
    values = np.ascontiguousarray(batch.values)
    _escap_scan(values, batch.years, batch.base_year, batch.target, batch.target_year, lasts,
                bases, exps)  # fmt: skip
    x1, b, xb = lasts[1], lasts[2], lasts[3]
    with np.errstate(all="ignore"):
        powers = np.power(bases, exps)
        ok = (xb > 0) & (x1 > 0) & (lasts[0] - b > 0)
        rate = np.where(ok, powers[0] - 1.0, np.nan)
        compound = x1 * np.power(1.0 + rate, batch.target_year - lasts[0])
    _escap_judge(lasts, powers, rate, compound, batch.linear, batch.direction, batch.target,
                 batch.target_year, batch.comparator, batch.tolerance, batch.evaluation_year, S,
                 f, flags, codes)  # fmt: skip


@_jit
def _statcan_scan(values: Any, years: Any, base: Any, tv: Any, ty: Any, limit: Any, lasts: Any,
                  bases: Any, exps: Any, angle: Any) -> None:  # fmt: skip  # pragma: no cover
    """t1, x1, the base year and value (Open SDG: the configured year, else the next observed),
    x_T; the bases and exponents of every power, the angle of the complex root."""
    rows, width = values.shape
    for i in range(rows):
        t1 = x1 = b = raw = final = np.nan
        for j in range(width - 1, -1, -1):
            if not np.isnan(values[i, j]):
                t1, x1 = years[j], values[i, j]
                break
        wanted = -np.inf if np.isnan(base[i]) else base[i]
        for j in range(width):
            if years[j] >= wanted and not np.isnan(values[i, j]):
                b, raw = years[j], values[i, j]
                break
        for j in range(width):
            if years[j] == ty[i] and not np.isnan(values[i, j]):
                final = values[i, j]
                break
        lasts[0, i], lasts[1, i], lasts[2, i], lasts[3, i], lasts[4, i] = t1, x1, b, raw, final
        safe = ZERO_STANDIN if raw == 0 else raw
        target = ZERO_STANDIN if tv[i] == 0 else tv[i]
        span2 = ty[i] - b
        bases[0, i], exps[0, i] = x1 / safe, 1.0 / (t1 - b)
        bases[1, i], exps[1, i] = target / safe, 1.0 / span2
        bases[2, i], exps[2, i] = abs(target / safe), 1.0 / span2
        lim = abs(limit[i])
        bases[3, i], exps[3, i] = abs(raw) / lim, LIMIT_EXPONENT
        bases[4, i], exps[4, i] = (2.0 * lim - abs(raw)) / lim, LIMIT_EXPONENT
        bases[5, i], exps[5, i] = tv[i] / x1, 1.0 / (ty[i] - t1)
        angle[i] = np.pi / span2


@_jit
def _osdg_status(v: float, achieved: bool, high: float, med: float, low: float, s: Any) -> Any:
    if achieved:  # pragma: no cover - compiled
        return s[12]
    if v >= high:
        return s[13]
    if v >= med:
        return s[14]
    if v >= low:
        return s[15]
    if v < low:
        return s[16]
    return s[17]


@_jit
def _score_with_target(v: float) -> float:  # pragma: no cover - compiled
    if v >= 0.6:
        upper = (v - 0.6) * (2.5 / (0.95 - 0.6))
        return 5.0 if upper > 5.0 else upper
    if v < 0.6:
        lower = (v - 0.6) * (2.5 / (0.6 - 0.0))
        return -5.0 if lower < -5.0 else lower
    return np.nan


@_jit
def _score_without_target(
    v: float, high: float, med: float, low: float
) -> float:  # pragma: no cover
    below = 2.5 / (2.0 * (0.015 - 0.005))
    if v < low:
        line = (v - low) * below - 2.5
        return -5.0 if line < -5.0 else line
    if high - low == 0:
        return 5.0
    if v < med:
        return (v - low) * (2.5 / (med - low)) - 2.5
    if v < high:
        return (v - med) * (2.5 / (high - med))
    if v >= high:
        line = (v - high) * (2.5 / (med - low)) + 2.5
        return 5.0 if line > 5.0 else line
    return np.nan


@_jit
def _statcan_judge(lasts: Any, powers: Any, cosine: Any, d: Any, tv: Any, ty: Any, comp: Any,
                   tol: Any, limit: Any, evaluation: Any, s: Any, f: Any, flags: Any,
                   codes: Any) -> None:  # fmt: skip  # pragma: no cover - compiled
    for i in range(lasts.shape[1]):
        t1, x1, b, raw, final = lasts[0, i], lasts[1, i], lasts[2, i], lasts[3, i], lasts[4, i]
        targeted = np.isfinite(tv[i]) and np.isfinite(ty[i])
        sign = -1.0 if raw < 0 else 1.0
        safe = ZERO_STANDIN if raw == 0 else raw
        target = ZERO_STANDIN if tv[i] == 0 else tv[i]
        mismatch = (safe > 0 and x1 < 0) or (safe < 0 and x1 > 0)
        valid = not np.isnan(b) and not mismatch and t1 - b >= 1
        observed, required, root = powers[0, i] - 1.0, powers[1, i] - 1.0, powers[2, i]
        ratio = target / safe
        if ratio < 0:
            abs_required = np.sqrt(root * root - 2.0 * root * cosine[i] + 1.0)
        else:
            abs_required = abs(root - 1.0)
        value = sign * d[i] * observed
        if targeted:
            value = value / abs_required
        if not (valid and (not targeted or ty[i] != b)):
            value = np.nan
        achieved = targeted and _meets(x1, target, tol[i], d[i], comp[i])
        lim = np.nan if targeted else limit[i]
        coefficient = 1.0
        if not (np.isnan(lim) or np.isnan(raw)):
            if abs(raw) >= 2.0 * abs(lim):
                coefficient = 1.0
            elif abs(raw) <= abs(lim):
                coefficient = 1.0 - powers[3, i]
            else:
                coefficient = 1.0 - powers[4, i]
        high, med, low = 0.015 * coefficient, 0.005 * coefficient, 0.0 * coefficient
        if targeted:
            status = _osdg_status(value, achieved, 0.95, 0.6, 0.0, s)
            score = _score_with_target(value)
        else:
            status = _osdg_status(value, achieved, high, med, low, s)
            score = _score_without_target(value, high, med, low)
        after = np.isnan(evaluation[i]) or evaluation[i] > ty[i]
        passed = targeted and not np.isnan(final) and after
        if passed:
            status = s[4] if _meets(final, tv[i], tol[i], d[i], comp[i]) else s[5]
        codes[0, i], codes[1, i] = status, NO_CODE
        flags[0, i] = passed
        f[0, i] = 5.0 if achieved else score
        f[1, i] = coefficient if not targeted and not np.isnan(limit[i]) else np.nan
        f[2, i], f[3, i], f[4, i] = b, b, raw
        f[5, i] = observed if valid else np.nan
        f[6, i] = required if valid and ratio > 0 else np.nan
        f[7, i] = value
        f[8, i] = value if targeted else np.nan
        f[9, i] = _cagr(powers[5, i], x1, tv[i], ty[i] - t1)
        f[10, i] = _slope(x1, tv[i], ty[i] - t1)
        f[11, i] = final if passed else np.nan
        f[12, i], f[13, i] = t1, x1


STATCAN_KEYS = (
    "score", "limit_coefficient", "base_year", "t0", "x0", "cagr_actual", "cagr_required",
    "progress_value", "ratio", "required_cagr_from_latest", "required_slope_from_latest",
    "final_value", "t1", "x1",
)  # fmt: skip


def statcan(batch: Batch, f: Any, flags: Any, codes: Any) -> None:
    """``_assess_chunk`` for statcan (one numpy call for the powers, one for the cosine of
    Open SDG's complex root)."""
    n = len(batch)
    lasts, bases, exps = np.empty((5, n)), np.empty((6, n)), np.empty((6, n))
    angle = np.empty(n)
    values = np.ascontiguousarray(batch.values)
    _statcan_scan(values, batch.years, batch.base_year, batch.target, batch.target_year,
                  batch.limit, lasts, bases, exps, angle)  # fmt: skip
    with np.errstate(all="ignore"):
        powers, cosine = np.power(bases, exps), np.cos(angle)
    _statcan_judge(lasts, powers, cosine, batch.direction, batch.target, batch.target_year,
                   batch.comparator, batch.tolerance, batch.limit, batch.evaluation_year, S, f,
                   flags, codes)  # fmt: skip


Run = Callable[[Batch, Any, Any, Any], None]
#: method -> (its number keys, its flag keys, the function writing them)
FUSED: dict[str, tuple[tuple[str, ...], tuple[str, ...], Run]] = {
    "eurostat": (KEYS, ("fallback", "milestone_passed"), eurostat),
    "escap": (ESCAP_KEYS, ("fallback", "milestone_passed"), escap),
    "statcan": (STATCAN_KEYS, ("milestone_passed",), statcan),
}


def run(method: str, batch: Batch, chunk: int) -> Result:
    """Every series of `batch`, chunk by chunk, written straight into the result arrays."""
    keys, flag_keys, function = FUSED[method]
    n = len(batch)
    f, flags = np.empty((len(keys), n)), np.empty((len(flag_keys), n), dtype=np.bool_)
    codes = np.empty((2, n), dtype=np.int8)
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        function(batch.rows(start, stop), f[:, start:stop], flags[:, start:stop],
                 codes[:, start:stop])  # fmt: skip
    result: Result = dict(zip(keys, f, strict=True))
    result.update(zip(flag_keys, flags, strict=True))
    result.update(status=codes[0], trend_flag=codes[1])
    return result
