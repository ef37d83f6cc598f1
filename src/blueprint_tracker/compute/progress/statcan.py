"""`statcan`: Open SDG's progress measure (METHODS.md section 2), vectorised.

A port of ``SeriesProgress`` in open-sdg/sdg-build ``sdg/ProgressMeasure.py``: same base-year
rule, same sign/zero handling, same thresholds and statuses. Deliberate differences are listed
in docs/methods-notes.md: score bands follow the configured thresholds, `not_available` (never
a blank or a crash) where nothing can be computed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from blueprint_tracker.compute.progress._batch import (
    Batch,
    BoolArray,
    CodeArray,
    FloatArray,
    Latest,
    Result,
    code,
    everywhere,
    first_observed,
    has_target,
    meets,
)
from blueprint_tracker.domain.assessment import Status

ZERO_STANDIN = 0.001  # Open SDG replaces a zero target or base value by 0.001


@dataclass(frozen=True)
class Thresholds:
    """Progress thresholds (Open SDG's `progress_thresholds`: high, med, low); per series
    arrays where a limit reduces them."""

    high: float | FloatArray
    med: float | FloatArray
    low: float | FloatArray

    def scaled(self, coefficient: FloatArray) -> Thresholds:
        return Thresholds(self.high * coefficient, self.med * coefficient, self.low * coefficient)


WITH_TARGET = Thresholds(0.95, 0.6, 0.0)  # Open SDG method 2 defaults
WITHOUT_TARGET = Thresholds(0.015, 0.005, 0.0)  # Open SDG method 1 defaults


def _base(batch: Batch, obs: Latest) -> tuple[BoolArray, FloatArray, FloatArray]:
    """The base year: the configured one if observed, else the next observed year after it."""
    wanted = np.where(np.isnan(batch.base_year), -np.inf, batch.base_year)
    found, index, value = first_observed(batch, wanted, everywhere(len(batch)))
    return found, np.where(found, batch.years[index], np.nan), value


def _abs_growth_to_target(target: FloatArray, base: FloatArray, span: FloatArray) -> FloatArray:
    """|(target/base)^(1/span) - 1|, including Open SDG's complex power for a negative ratio.

    Python's float power gives the principal complex root when target/base < 0; its modulus
    minus one is sqrt(r^2 - 2 r cos(pi/span) + 1) with r = |target/base|^(1/span).
    """
    with np.errstate(all="ignore"):
        ratio = target / base
        root = np.power(np.abs(ratio), 1.0 / span)
        angle = np.pi / span
        complex_mod = np.sqrt(root * root - 2.0 * root * np.cos(angle) + 1.0)
        return np.where(ratio < 0, complex_mod, np.abs(root - 1.0))


def progress_value(batch: Batch, obs: Latest) -> Result:
    """Open SDG's `progress_value` (observed CAGR, or its ratio to the required one)."""
    found, base_year, raw_base = _base(batch, obs)
    sign = np.where(raw_base < 0, -1.0, 1.0)
    base = np.where(raw_base == 0, ZERO_STANDIN, raw_base)
    target = np.where(batch.target == 0, ZERO_STANDIN, batch.target)
    x1 = obs.x1
    mismatch = ((base > 0) & (x1 < 0)) | ((base < 0) & (x1 > 0))
    span = obs.t1 - base_year
    valid = found & ~mismatch & (span >= 1)
    with np.errstate(all="ignore"):
        observed = np.power(x1 / base, 1.0 / span) - 1.0
        required = np.power(target / base, 1.0 / (batch.target_year - base_year)) - 1.0
        abs_required = _abs_growth_to_target(target, base, batch.target_year - base_year)
        value = sign * batch.direction * observed
        value = np.where(has_target(batch), value / abs_required, value)
        positive_ratio = target / base > 0
    targeted = has_target(batch)
    usable = valid & (~targeted | (batch.target_year != base_year))
    value = np.where(usable, value, np.nan)
    return {
        "base_year": base_year,
        "t0": base_year,
        "x0": raw_base,
        "cagr_actual": np.where(valid, observed, np.nan),
        "cagr_required": np.where(valid & positive_ratio, required, np.nan),
        "progress_value": value,
        "ratio": np.where(targeted, value, np.nan),
    }


LIMIT_EXPONENT = 4.44  # Open SDG's `a` in the threshold reduction near a limit


def limit_coefficient(base: FloatArray, limit: FloatArray) -> FloatArray:
    """Open SDG's reduction of the no-target thresholds as the base value nears a natural
    limit: 1 - (b/L)^a below the limit, 1 - ((2L - b)/L)^a between L and 2L, else 1 (no limit:
    1)."""
    b, lim = np.abs(base), np.abs(limit)
    with np.errstate(all="ignore"):
        below = 1.0 - np.power(b / lim, LIMIT_EXPONENT)
        above = 1.0 - np.power((2.0 * lim - b) / lim, LIMIT_EXPONENT)
    coefficient = np.where(b >= 2.0 * lim, 1.0, np.where(b <= lim, below, above))
    return np.where(np.isnan(limit) | np.isnan(base), 1.0, coefficient)


def status_of(value: FloatArray, achieved: BoolArray, cut: Thresholds) -> CodeArray:
    """Open SDG's `get_progress_status`."""
    choices = [achieved, value >= cut.high, value >= cut.med, value >= cut.low, value < cut.low]
    codes = [
        code(Status.OSDG_TARGET_ACHIEVED),
        code(Status.OSDG_SUBSTANTIAL_PROGRESS),
        code(Status.OSDG_MODERATE_PROGRESS),
        code(Status.OSDG_LIMITED_PROGRESS),
        code(Status.OSDG_DETERIORATION),
    ]
    return np.select(choices, codes, default=code(Status.OSDG_NOT_AVAILABLE)).astype(np.int8)


def score_with_target(value: FloatArray, cut: Thresholds) -> FloatArray:
    """Score for a quantitative target: low -> -2.5, med -> 0, high -> +2.5, capped at +-5.

    Open SDG hard-codes 7.1429 v - 4.2857 (v >= med) and 4.1667 v - 2.5 (v < med), i.e. these
    lines for the default thresholds 0.95 / 0.6 / 0, rounded to four decimals.
    """
    with np.errstate(all="ignore"):
        upper = np.minimum((value - cut.med) * (2.5 / (cut.high - cut.med)), 5.0)
        lower = np.maximum((value - cut.med) * (2.5 / (cut.med - cut.low)), -5.0)
    return np.where(value >= cut.med, upper, np.where(value < cut.med, lower, np.nan))


def score_without_target(
    value: FloatArray, cut: Thresholds, reduced: Thresholds | None = None
) -> FloatArray:
    """Score for the no-target method: low -> -2.5, med -> 0, high -> +2.5, capped at +-5.

    With the default thresholds 0.015 / 0.005 / 0 these are Open SDG's 125 v - 2.5,
    500 v - 2.5, 250 v - 1.25 and 500 v - 5 exactly. Near a limit the lines above `low` run
    through the `reduced` thresholds (Open SDG's v / coefficient); the line below `low` keeps
    the unreduced slope, and a coefficient of 0 (the base is at the limit) scores +5.
    """
    near = reduced or cut
    below = 2.5 / (2.0 * (cut.high - cut.med))
    with np.errstate(all="ignore"):
        first = 2.5 / (near.med - near.low)
        second = 2.5 / (near.high - near.med)
    at_limit = np.asarray(near.high - near.low == 0)
    choices = [value < near.low, at_limit, value < near.med, value < near.high, value >= near.high]
    with np.errstate(all="ignore"):
        lines = [
            np.maximum((value - near.low) * below - 2.5, -5.0),
            np.full_like(value, 5.0),
            (value - near.low) * first - 2.5,
            (value - near.med) * second,
            np.minimum((value - near.high) * first + 2.5, 5.0),
        ]
    return np.asarray(np.select(choices, lines, default=np.nan), dtype=np.float64)


def assess_statcan(
    batch: Batch,
    obs: Latest,
    with_target: Thresholds = WITH_TARGET,
    without_target: Thresholds = WITHOUT_TARGET,
) -> Result:
    numbers = progress_value(batch, obs)
    value = numbers["progress_value"]
    targeted = has_target(batch)
    stand_in = np.where(batch.target == 0, ZERO_STANDIN, batch.target)
    achieved = targeted & meets(obs.x1, replace(batch, target=stand_in))
    # a limit only applies without a target (Open SDG ignores it when a target is given)
    coefficient = limit_coefficient(numbers["x0"], np.where(targeted, np.nan, batch.limit))
    reduced = without_target.scaled(coefficient)
    status = np.where(
        targeted,
        status_of(value, achieved, with_target),
        status_of(value, achieved, reduced),
    )
    with np.errstate(all="ignore"):
        score = np.where(
            targeted,
            score_with_target(value, with_target),
            score_without_target(value, without_target, reduced),
        )
    score = np.where(achieved, 5.0, score)
    limited = ~targeted & ~np.isnan(batch.limit)
    return {
        "status": status.astype(np.int8),
        "score": score,
        "limit_coefficient": np.where(limited, coefficient, np.nan),
        **numbers,
    }
