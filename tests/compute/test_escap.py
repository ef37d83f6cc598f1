"""`escap` anticipated progress (METHODS.md section 3), hand-computed."""

from __future__ import annotations

from typing import Any

import pytest

from blueprint_tracker.assess import assess_series
from blueprint_tracker.domain.assessment import Assessment, Status


def escap(series: dict[int, float], **kw: Any) -> Assessment:
    kw.setdefault("direction", "increase")
    kw.setdefault("base_year", 2020)
    kw.setdefault("target_year", 2030)
    return assess_series(series, method="escap", **kw)


GROWING = {2020: 100.0, 2022: 121.0}  # CAGR 10 % from the base year


def test_on_track_with_current_status_and_elapsed_fraction() -> None:
    result = escap(GROWING, target=200.0)
    projection = 121 * 1.1**8  # 259.37
    assert result.status is Status.ON_TRACK
    assert result.numbers["projection"] == pytest.approx(projection)
    assert result.numbers["anticipated_progress"] == pytest.approx((projection - 100) / 100)
    assert result.numbers["current_status"] == pytest.approx(0.21)
    assert result.numbers["expected_fraction"] == pytest.approx(0.2)
    assert result.numbers["ahead_of_schedule"] is True


def test_accelerate() -> None:
    result = escap(GROWING, target=400.0)
    assert result.status is Status.ACCELERATE
    assert result.numbers["anticipated_progress"] == pytest.approx((121 * 1.1**8 - 100) / 300)
    assert result.numbers["ahead_of_schedule"] is False  # CS = 21/300 = 0.07 < 0.2


def test_reverse() -> None:
    result = escap({2020: 100.0, 2022: 81.0}, target=200.0)
    assert result.status is Status.REVERSE
    assert result.numbers["projection"] == pytest.approx(81 * 0.9**8)


def test_counts_starting_at_zero_use_linear() -> None:
    result = escap({2020: 0.0, 2022: 4.0}, target=20.0, projection="linear")
    # s = 2 a year: 4 + 2 * 8 = 20 by 2030, AP = 1
    assert result.status is Status.ON_TRACK
    assert result.numbers["projection"] == pytest.approx(20.0)
    assert result.numbers["anticipated_progress"] == pytest.approx(1.0)
    assert result.numbers["fallback"] == "linear"
    # without the flag the zero base forces linear as well
    assert escap({2020: 0.0, 2022: 4.0}, target=20.0).numbers["fallback"] == "linear"


def test_negative_values_use_linear() -> None:
    result = escap({2020: -10.0, 2022: -6.0}, target=10.0)
    assert result.numbers["projection"] == pytest.approx(10.0)  # -6 + 2 * 8
    assert result.status is Status.ON_TRACK


def test_maintenance_when_the_base_already_meets_the_target() -> None:
    kept = escap({2020: 60.0, 2022: 58.0}, target=50.0)  # projects to 58 * (58/60)^4 = 50.6
    lost = escap({2020: 60.0, 2022: 50.0}, target=50.0)  # projects to 50 * (50/60)^4 = 24.1
    assert kept.numbers["projection"] == pytest.approx(58 * (58 / 60) ** 4)
    assert kept.status is Status.ON_TRACK
    assert lost.status is Status.REVERSE


@pytest.mark.parametrize(
    "series",
    [{2019: 1.0, 2021: 2.0}, {2020: 5.0}, {2018: 1.0, 2020: 2.0}, {}],
    ids=["no base-year value", "nothing after base", "base is latest", "empty"],
)
def test_insufficient_data(series: dict[int, float]) -> None:
    assert escap(series, target=10.0).status is Status.INSUFFICIENT_DATA


def test_decrease_target() -> None:
    result = escap({2020: 56.0, 2022: 54.0}, direction="decrease", comparator="<=", target=40.0)
    projection = 54 * (54 / 56) ** 4
    assert result.numbers["projection"] == pytest.approx(projection)
    assert result.numbers["anticipated_progress"] == pytest.approx((projection - 56) / (40 - 56))
    assert result.status is Status.ACCELERATE


def test_private_share_ratio_target() -> None:
    result = escap({2020: 44.0, 2022: 46.0}, target=60.0)
    projection = 46 * (46 / 44) ** 4
    assert result.numbers["anticipated_progress"] == pytest.approx((projection - 44) / 16)
    assert result.status is Status.ACCELERATE


def test_missing_base_year_defaults_to_first_observation() -> None:
    result = assess_series(
        {2018: 100.0, 2020: 121.0}, method="escap", direction=1, target=150.0, target_year=2025
    )
    assert result.numbers["base_year"] == 2018
    assert result.status is Status.ON_TRACK  # 121 * 1.1^5 = 194.9 >= 150
