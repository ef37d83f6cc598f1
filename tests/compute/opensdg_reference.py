"""A faithful, per-series, plain-Python port of Open SDG's progress measure.

Source: open-sdg/sdg-build, ``sdg/ProgressMeasure.py`` (class ``SeriesProgress`` and the
module functions ``growth_calculation``, ``get_progress_status``; ``get_score`` and
``get_progress_thresholds`` for both methods, with the `limit` reduction of method 1). Data
filtering (pandas, disaggregations) is replaced by a ``{year: value}`` mapping with the missing
years absent; everything else follows the original line by line, including its crashes
(``ValueError`` when all data precede the base year, ``ZeroDivisionError`` when the target
equals the base value or the target year equals the base year) and Python's complex result of a
negative number to a fractional power. Used as the oracle for the vectorised `statcan` method.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def growth_calculation(val1: float, val2: float, t1: float, t2: float) -> Any:
    return ((val1 / val2) ** (1 / (t1 - t2))) - 1


def get_progress_status(
    value: float | None, thresholds: Mapping[str, float], achieved: bool
) -> str:
    x, y, z = float(thresholds["high"]), float(thresholds["med"]), float(thresholds["low"])
    if achieved:
        return "target_achieved"
    if value is not None:
        if value >= x:
            return "substantial_progress"
        elif y <= value < x:
            return "moderate_progress"
        elif z <= value < y:
            return "limited_progress"
        elif value < z:
            return "deterioration"
    return "not_available"


def _thresholds(
    method: int, user: Mapping[str, float], limit: float | None, base_value: float
) -> dict[str, float]:
    if method == 1:
        thresholds = {"high": 0.015, "med": 0.005, "low": 0.0}
        thresholds.update(user)
        if limit is not None:  # reduce thresholds when near limit
            b, lim = abs(base_value), abs(limit)
            a = 4.44
            if b >= 2 * lim:
                coeff = 1.0
            elif b <= lim:
                coeff = 1 - (b / lim) ** a
            else:
                coeff = 1 - ((2 * lim - b) / lim) ** a
            for key in ["high", "med", "low"]:
                thresholds[key] *= coeff
            thresholds["coefficient"] = coeff
    else:
        thresholds = {"high": 0.95, "med": 0.6, "low": 0.0}
        thresholds.update(user)
    return thresholds


def _score(method: int, value: float | None, achieved: bool, t: Mapping[str, float]) -> Any:  # noqa: C901 -- kept as in the original
    if achieved:
        return 5
    if value is None:
        return None
    high, med, low = t["high"], t["med"], t["low"]
    if method == 1:
        coeff = t.get("coefficient", 1)
        if value < low:
            return max(125 * value - 2.5, -5)
        if coeff == 0:
            return 5
        if value >= high:
            return min(500 * value / coeff - 5, 5)
        if value >= med:
            return 250 * value / coeff - 1.25
        if value >= low:
            return 500 * value / coeff - 2.5
        return None
    if value >= high:
        return min((7.1429 * value) - 4.2857, 5)
    if value >= med:
        return min((7.1429 * value) - 4.2857, 5)
    if value >= low:
        return max((4.1667 * value) - 2.5, -5)
    if value < low:
        return max((4.1667 * value) - 2.5, -5)
    return None


def _progress_value(
    method: int, cfg: dict[str, Any], base_year: int, base_value: float, cy: int, cv: float
) -> Any:
    if base_value == 0:
        base_value = 0.001
    if (base_value > 0 and cv < 0) or (base_value < 0 and cv > 0):
        return None
    if base_year > cy:
        return None
    if cy - base_year < 1:
        return None
    sign = cfg["sign"]
    direction = cfg["direction"]
    if method == 1:
        return sign * direction * growth_calculation(cv, base_value, cy, base_year)
    cagr_o = growth_calculation(cv, base_value, cy, base_year)
    cagr_r = growth_calculation(cfg["target"], base_value, cfg["target_year"], base_year)
    return sign * direction * cagr_o / abs(cagr_r)


def series_progress(data: Mapping[int, float], config: Mapping[str, Any]) -> tuple[str, Any]:
    """(status, score) as ``SeriesProgress(indicator, config)`` gives them."""
    base_year = config.get("base_year", 2015)
    target = config.get("target")
    if target == 0:
        target = 0.001
    target_year = config.get("target_year", 2030)
    direction = 1 if config.get("direction") == "positive" else -1
    method = 1 if target is None else 2
    user = config.get("progress_thresholds", {})
    points = {int(y): float(v) for y, v in data.items() if v == v}
    if not points:
        return "not_available", None
    years = sorted(points)
    current_year = max(years)
    current_value = points[current_year]
    if base_year not in points:
        later = [y for y in years if y > base_year]
        if not later:  # pandas: .item() on an empty selection
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        base_year = min(later)
    base_value = points[base_year]
    sign = -1 if base_value < 0 else 1
    thresholds = _thresholds(method, user, config.get("limit"), base_value)
    achieved = target is not None and (
        (direction == -1 and current_value <= target)
        or (direction == 1 and current_value >= target)
    )
    cfg = {"sign": sign, "direction": direction, "target": target, "target_year": target_year}
    value = _progress_value(method, cfg, base_year, base_value, current_year, current_value)
    status = get_progress_status(value, thresholds, achieved)
    return status, _score(method, value, achieved, thresholds)
