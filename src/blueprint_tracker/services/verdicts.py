"""One plain sentence per milestone: where the indicator stands against its target, and why.

The sentence is data (a kind and its numbers); the presentation layer words it in each language.
Its pace is that of the method behind the headline status, else of the first method that could
measure one; nothing is estimated that the methods did not compute.
"""

from __future__ import annotations

import math
from typing import Any

#: How far ahead a projection is still worth a year: further, the sentence says "not within".
HORIZON_YEARS = 50
_ORDER = ("escap", "eurostat", "statcan", "trend")


def _pace(milestone: dict[str, Any], linear: bool) -> dict[str, Any] | None:
    """The window and annual pace of the headline method, else of the first that has one."""
    assessments = milestone.get("assessments") or {}
    key = "slope_actual" if linear else "cagr_actual"
    for method in (milestone.get("headline_method"), *_ORDER):
        numbers = (assessments.get(method) or {}).get("numbers") or {}
        if numbers.get(key) is not None and numbers.get("t0") is not None:
            return {
                "t0": numbers["t0"],
                "t1": numbers["t1"],
                "rate": numbers[key],
                "method": method,
            }
    return None


def _years_to(x1: float, target: float, rate: float, linear: bool) -> float | None:
    """Years from x1 to the target at a constant pace (None when it never gets there)."""
    if linear:
        return (target - x1) / rate if rate else None
    if rate <= -1 or x1 <= 0 or target <= 0 or rate == 0:
        return None
    years = math.log(target / x1) / math.log(1 + rate)
    return years if years >= 0 else None


def _met(x: float, target: float, comparator: str, increase: bool, tolerance: float) -> bool:
    if comparator == "~":
        return abs(x - target) <= abs(target) * tolerance
    return x >= target if increase else x <= target


def milestone_sentence(indicator: dict[str, Any], milestone: dict[str, Any]) -> dict[str, Any]:
    """{kind, year, target, latest_year, latest_value, t0, t1, rate, rate_kind, reach, needed}.

    kind: met, missed, on_pace, too_slow, not_within, wrong_way, no_data.
    """
    latest = indicator.get("latest") or {}
    linear = indicator.get("projection") == "linear"
    increase = indicator.get("direction", "increase") == "increase"
    target, year = milestone["target"], milestone["year"]
    pace_key = "required_slope_from_latest" if linear else "required_cagr_from_latest"
    out: dict[str, Any] = {
        "year": year, "target": target, "latest_year": latest.get("year"),
        "latest_value": latest.get("value"), "rate_kind": "change" if linear else "growth",
        "needed": (milestone.get("pace") or {}).get(pace_key),
    }  # fmt: skip
    x1 = latest.get("value")
    if x1 is None:
        return {**out, "kind": "no_data"}
    if _met(x1, target, milestone.get("comparator") or ">=", increase, 0.02):
        return {**out, "kind": "met"}
    if latest["year"] >= year:
        return {**out, "kind": "missed"}
    pace = _pace(milestone, linear)
    if pace is None:
        return {**out, "kind": "no_data"}
    out.update(t0=pace["t0"], t1=pace["t1"], rate=pace["rate"], method=pace["method"])
    toward = pace["rate"] > 0 if increase else pace["rate"] < 0
    if not toward:
        return {**out, "kind": "wrong_way"}
    years = _years_to(x1, target, pace["rate"], linear)
    if years is None or years > HORIZON_YEARS:
        return {**out, "kind": "not_within", "horizon": HORIZON_YEARS}
    reach = round(latest["year"] + years)
    return {**out, "kind": "on_pace" if reach <= year else "too_slow", "reach": reach}


def indicator_sentences(indicator: dict[str, Any]) -> list[dict[str, Any]]:
    return [milestone_sentence(indicator, m) for m in indicator.get("statuses") or []]


def travel(indicator: dict[str, Any]) -> dict[str, Any] | None:
    """Direction of travel: the latest value against the one before it (the previous year with
    a figure, which may be several years back: a gap stays a gap)."""
    values = [v for v in indicator.get("values") or [] if v.get("value") is not None]
    if len(values) < 2:
        return None
    before, latest = values[-2], values[-1]
    change = latest["value"] - before["value"]
    way = "flat" if change == 0 else ("up" if change > 0 else "down")
    increase = indicator.get("direction", "increase") == "increase"
    good = None if way == "flat" else (way == "up") == increase
    return {"way": way, "since": before["year"], "good": good, "previous": before["display"]}
