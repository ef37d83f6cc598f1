"""The one-sentence verdict per milestone (issue 13, point 2)."""

from __future__ import annotations

from typing import Any

import pytest

from blueprint_tracker.services.verdicts import milestone_sentence


def indicator(latest: tuple[int, float], projection: str = "cagr") -> dict[str, Any]:
    return {
        "latest": {"year": latest[0], "value": latest[1]},
        "projection": projection,
        "direction": "increase",
    }


def milestone(year: int, target: float, **numbers: Any) -> dict[str, Any]:
    return {
        "year": year,
        "target": target,
        "comparator": ">=",
        "headline_method": "escap",
        "pace": {"required_cagr_from_latest": 0.15, "required_slope_from_latest": 0.17},
        "assessments": {"escap": {"status": "ACCELERATE", "numbers": numbers}},
    }


def test_slow_pace_says_when_the_target_is_reached_and_what_the_deadline_needs() -> None:
    s = milestone_sentence(
        indicator((2024, 1.13)), milestone(2025, 1.3, t0=2020, t1=2024, cagr_actual=0.033)
    )
    assert s["kind"] == "too_slow"
    # 1.13 * 1.033^n = 1.3  ->  n = 4.3 years after 2024
    assert s["reach"] == 2028
    assert (s["t0"], s["t1"], s["needed"]) == (2020, 2024, 0.15)


def test_fast_enough_pace_is_on_pace() -> None:
    s = milestone_sentence(
        indicator((2024, 1.13)), milestone(2030, 1.3, t0=2020, t1=2024, cagr_actual=0.033)
    )
    assert (s["kind"], s["reach"]) == ("on_pace", 2028)


def test_falling_value_is_moving_the_wrong_way() -> None:
    s = milestone_sentence(
        indicator((2020, 1.0)), milestone(2025, 1.5, t0=2016, t1=2020, cagr_actual=-0.02)
    )
    assert s["kind"] == "wrong_way"


def test_linear_indicators_use_the_annual_change() -> None:
    s = milestone_sentence(
        indicator((2022, 12.0), "linear"),
        milestone(2030, 20, t0=2020, t1=2022, slope_actual=2.0),
    )
    assert (s["kind"], s["reach"], s["rate_kind"]) == ("on_pace", 2026, "change")


@pytest.mark.parametrize(
    ("latest", "kind"), [((2023, 1.4), "met"), ((2025, 1.2), "missed"), ((2020, 1.0), "no_data")]
)
def test_met_missed_and_too_few_figures(latest: tuple[int, float], kind: str) -> None:
    assert milestone_sentence(indicator(latest), milestone(2025, 1.3))["kind"] == kind


def test_travel_compares_with_the_previous_figure_across_a_gap() -> None:
    from blueprint_tracker.services.verdicts import travel

    values = [
        {"year": 2014, "value": 0.0, "display": "0"},
        {"year": 2020, "value": 12.0, "display": "12"},
    ]
    way = travel({"values": values, "direction": "increase"})
    assert way == {"way": "up", "since": 2014, "good": True, "previous": "0"}
    assert travel({"values": values[:1]}) is None
