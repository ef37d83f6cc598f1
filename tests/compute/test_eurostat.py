"""`eurostat` (METHODS.md section 1) on hand-computed series."""

from __future__ import annotations

import pytest

from blueprint_tracker.assess import assess_series
from blueprint_tracker.domain.assessment import Status


def eurostat(series: dict[int, float], **kw: object) -> object:
    kw.setdefault("direction", "increase")
    return assess_series(series, method="eurostat", **kw)  # type: ignore[arg-type]


# 100 in 2016 growing 5 % a year: 115.7625 in 2019 (t0 = 2016, t1 = 2019, span 3).
GROWING = {2016: 100.0, 2019: 115.7625}


@pytest.mark.parametrize(
    ("target", "status"),
    [
        (200.0, Status.SIGNIFICANT_PROGRESS),  # r = 2^(1/14) - 1 = 5.076 %, R = 0.985
        (300.0, Status.MODERATE_PROGRESS),  # r = 3^(1/14) - 1 = 8.163 %, R = 0.6125
        (400.0, Status.INSUFFICIENT_PROGRESS),  # r = 4^(1/14) - 1 = 10.41 %, R = 0.480
    ],
)
def test_ratio_classes(target: float, status: Status) -> None:
    result = eurostat(GROWING, target=target, target_year=2030)
    required = (target / 100) ** (1 / 14) - 1
    assert result.status is status
    assert result.numbers["t0"] == 2016 and result.numbers["t1"] == 2019
    assert result.numbers["cagr_actual"] == pytest.approx(0.05)
    assert result.numbers["cagr_required"] == pytest.approx(required)
    assert result.numbers["ratio"] == pytest.approx(0.05 / required)
    assert result.numbers["fallback"] is None


def test_falling_value_moves_away() -> None:
    result = eurostat({2016: 100.0, 2019: 90.0}, target=200.0, target_year=2030)
    assert result.status is Status.MOVING_AWAY
    assert result.numbers["ratio"] < 0


def test_window_starts_at_earliest_year_in_last_five() -> None:
    series = {2010: 50.0, 2016: 100.0, 2019: 115.7625}  # 2010 lies outside [2014, 2019)
    assert eurostat(series, target=200.0, target_year=2030).numbers["t0"] == 2016
    gappy = {2014: 1.0, 2017: 1.2, 2019: 1.3}  # gaps are not interpolated
    numbers = eurostat(gappy, target=2.0, target_year=2030).numbers
    assert numbers["t0"] == 2014
    assert numbers["cagr_actual"] == pytest.approx(1.3 ** (1 / 5) - 1)


@pytest.mark.parametrize(
    "series", [{2018: 1.0, 2019: 2.0}, {2019: 2.0}, {}, {2010: 1.0, 2019: 2.0}]
)
def test_short_spans_are_insufficient_data(series: dict[int, float]) -> None:
    result = eurostat(series, target=5.0, target_year=2030)
    assert result.status is Status.INSUFFICIENT_DATA


def test_long_term_reading_needs_ten_years() -> None:
    series = {2005: 1.0, 2012: 1.5, 2019: 2.0}
    long_term = eurostat(series, target=4.0, target_year=2030, window=15, min_span=10)
    assert long_term.numbers["t0"] == 2005
    assert long_term.numbers["cagr_actual"] == pytest.approx(2 ** (1 / 14) - 1)
    short = eurostat({2012: 1.5, 2019: 2.0}, target=4.0, target_year=2030, window=15, min_span=10)
    assert short.status is Status.INSUFFICIENT_DATA


def test_target_already_met_keeps_trend_flag() -> None:
    result = eurostat({2016: 2.5, 2019: 2.2}, target=2.0, target_year=2030)
    # met at t1, but g = (2.2/2.5)^(1/3) - 1 = -4.2 % a year: the flag stays visible
    assert result.status is Status.TARGET_MET
    assert result.numbers["trend_flag"] == "SIGNIFICANT_MOVEMENT_AWAY"
    assert result.numbers["cagr_actual"] == pytest.approx((2.2 / 2.5) ** (1 / 3) - 1)


def test_target_met_on_a_single_point() -> None:
    result = eurostat({2019: 3.0}, target=2.0, target_year=2030)
    assert result.status is Status.TARGET_MET
    assert "trend_flag" not in result.numbers


def test_met_at_t0_but_lost_is_moving_away() -> None:
    result = eurostat({2016: 2.1, 2019: 1.9}, target=2.0, target_year=2030)
    assert result.status is Status.MOVING_AWAY


def test_zero_start_uses_linear_ratio() -> None:
    result = eurostat({2016: 0.0, 2019: 30.0}, target=100.0, target_year=2030)
    # s = 30/3 = 10 a year; required (100 - 0)/14 = 7.142857; R = 1.4
    assert result.status is Status.SIGNIFICANT_PROGRESS
    assert result.numbers["fallback"] == "linear"
    assert result.numbers["slope_actual"] == pytest.approx(10.0)
    assert result.numbers["slope_required"] == pytest.approx(100 / 14)
    assert result.numbers["ratio"] == pytest.approx(1.4)


def test_negative_values_use_linear_ratio() -> None:
    result = eurostat({2016: -10.0, 2019: -7.0}, target=5.0, target_year=2026)
    # s = 1 a year; required 15/10 = 1.5; R = 0.6667 -> moderate
    assert result.status is Status.MODERATE_PROGRESS
    assert result.numbers["ratio"] == pytest.approx(2 / 3)
    assert result.numbers["fallback"] == "linear"


def test_decrease_target() -> None:
    result = eurostat(
        {2016: 100.0, 2019: 85.7375}, direction="decrease", comparator="<=",
        target=50.0, target_year=2030,
    )  # fmt: skip
    # a = -5 %, r = 0.5^(1/14) - 1 = -4.83 %, R = 1.035
    assert result.status is Status.SIGNIFICANT_PROGRESS
    assert result.numbers["ratio"] == pytest.approx(-0.05 / (0.5 ** (1 / 14) - 1))


@pytest.mark.parametrize(
    ("series", "direction", "status"),
    [
        ({2016: 100.0, 2019: 102.0}, "increase", Status.MODERATE_PROGRESS),  # g = +0.66 %
        ({2016: 100.0, 2019: 102.0}, "decrease", Status.MODERATE_MOVEMENT_AWAY),
        ({2016: 100.0, 2019: 110.0}, "increase", Status.SIGNIFICANT_PROGRESS),  # g = +3.2 %
        ({2016: 100.0, 2019: 110.0}, "decrease", Status.SIGNIFICANT_MOVEMENT_AWAY),
    ],
)
def test_trend_only_reading(series: dict[int, float], direction: str, status: Status) -> None:
    result = eurostat(series, direction=direction)
    assert result.status is status
    assert result.numbers["cagr_actual"] == pytest.approx((series[2019] / 100) ** (1 / 3) - 1)


def test_ratio_target_on_private_share_can_differ_from_public_form() -> None:
    # 56:44 -> 40:60, assessed on the private share (44 -> 60, increase), the canonical form.
    private = eurostat({2016: 44.0, 2019: 46.0}, target=60.0, target_year=2030)
    public = eurostat(
        {2016: 56.0, 2019: 54.0}, direction="decrease", comparator="<=",
        target=40.0, target_year=2030,
    )  # fmt: skip
    # private: a = (46/44)^(1/3) - 1 = 1.49 %, r = (60/44)^(1/14) - 1 = 2.24 %, R = 0.667
    assert private.status is Status.MODERATE_PROGRESS
    assert private.numbers["ratio"] == pytest.approx(
        ((46 / 44) ** (1 / 3) - 1) / ((60 / 44) ** (1 / 14) - 1)
    )
    # the public form gives R = 0.51: another class, which is why one form is canonical
    assert public.status is Status.INSUFFICIENT_PROGRESS


def test_about_comparator_uses_tolerance() -> None:
    kw = {"comparator": "~", "target": 5000.0, "target_year": 2030, "tolerance": 0.02}
    assert eurostat({2016: 4000.0, 2019: 4950.0}, **kw).status is Status.TARGET_MET
    assert eurostat({2016: 4000.0, 2019: 4890.0}, **kw).status is not Status.TARGET_MET
    assert eurostat({2016: 4000.0, 2019: 5100.0}, **kw).status is Status.TARGET_MET
    # beyond "about 5,000" in the wanted direction is met too (5,221 start-ups in 2025)
    assert eurostat({2016: 4000.0, 2019: 5221.0}, **kw).status is Status.TARGET_MET


def test_about_a_decrease_target_is_missed_only_on_the_wrong_side() -> None:
    kw = {"comparator": "~", "direction": "decrease", "target": 50.0, "target_year": 2030}
    assert eurostat({2016: 70.0, 2019: 51.0}, **kw).status is Status.TARGET_MET  # within 2%
    assert eurostat({2016: 70.0, 2019: 40.0}, **kw).status is Status.TARGET_MET  # below
    assert eurostat({2016: 70.0, 2019: 52.0}, **kw).status is not Status.TARGET_MET


def test_not_less_than_comparator() -> None:
    kw = {"comparator": ">=", "target": 100_000.0, "target_year": 2030}
    assert eurostat({2016: 90_000.0, 2019: 100_000.0}, **kw).status is Status.TARGET_MET
    assert eurostat({2016: 90_000.0, 2019: 99_999.0}, **kw).status is not Status.TARGET_MET
