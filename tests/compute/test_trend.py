"""`trend`: OLS projection with a Student-t prediction interval (METHODS.md section 4)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from blueprint_tracker.assess import assess_series
from blueprint_tracker.compute.explain import likelihood
from blueprint_tracker.domain.assessment import Assessment, Status

# x = 1, 3, 2, 4 in 2016-2019: slope 0.8, fit 2.5 + 0.8 (t - 2017.5), SSE 1.8, s^2 = 0.9.
# At T = 2025: centre 8.5, se = sqrt(0.9) * sqrt(1 + 1/4 + 7.5^2/5) = sqrt(11.25) = 3.3541.
# With 2 degrees of freedom the t cdf is 1/2 + t / (2 sqrt(2 + t^2)) and the p quantile is
# (2p - 1) / sqrt(2 p (1 - p)).
ZIGZAG = {2016: 1.0, 2017: 3.0, 2018: 2.0, 2019: 4.0}
SE = math.sqrt(11.25)


def t2_cdf(t: float) -> float:
    return 0.5 + t / (2 * math.sqrt(2 + t * t))


def t2_quantile(p: float) -> float:
    return (2 * p - 1) / math.sqrt(2 * p * (1 - p))


def trend(series: dict[int, float], **kw: Any) -> Assessment:
    kw.setdefault("direction", "increase")
    kw.setdefault("target_year", 2025)
    return assess_series(series, method="trend", **kw)


def test_linear_fit_probability_and_intervals() -> None:
    result = trend(ZIGZAG, target=10.0, projection="linear")
    assert result.numbers["projection"] == pytest.approx(8.5)
    assert result.numbers["slope_actual"] == pytest.approx(0.8)
    assert result.numbers["probability"] == pytest.approx(1 - t2_cdf(1.5 / SE))  # 0.3492
    q80, q95 = t2_quantile(0.9), t2_quantile(0.975)
    assert result.numbers["interval80"] == pytest.approx([8.5 - q80 * SE, 8.5 + q80 * SE])
    assert result.numbers["interval95"] == pytest.approx([8.5 - q95 * SE, 8.5 + q95 * SE])
    assert result.status is Status.ACCELERATE  # unlikely-ish, but the trend points to it


def test_at_most_target_uses_the_lower_tail() -> None:
    result = trend(ZIGZAG, target=10.0, projection="linear", direction="decrease", comparator="<=")
    assert result.numbers["probability"] == pytest.approx(t2_cdf(1.5 / SE))  # 0.6508
    assert result.status is Status.REVERSE  # rising while it should fall, P < 0.66


def test_about_target_uses_the_band() -> None:
    result = trend(ZIGZAG, target=10.0, projection="linear", comparator="~", tolerance=0.1)
    # "about 10" is met from 9 upward: within the band or beyond it in the wanted direction
    expected = 1 - t2_cdf((9 - 8.5) / SE)
    assert result.numbers["probability"] == pytest.approx(expected)


def test_log_fit_of_exact_growth_is_certain() -> None:
    series = {2015 + k: 100 * 1.1**k for k in range(5)}
    result = trend(series, target=150.0)
    assert result.numbers["projection"] == pytest.approx(100 * 1.1**10)
    assert result.numbers["cagr_actual"] == pytest.approx(0.1)
    assert result.numbers["probability"] == 1.0
    assert result.status is Status.ON_TRACK
    assert trend(series, target=300.0).numbers["probability"] == 0.0


def test_non_positive_values_fall_back_to_linear() -> None:
    result = trend({2016: -1.0, 2017: 1.0, 2018: 0.0, 2019: 2.0}, target=7.0)
    assert result.numbers["fallback"] == "linear"
    assert result.numbers["projection"] == pytest.approx(8.5 - 2.0)  # ZIGZAG shifted by -2


def test_gaps_are_not_interpolated() -> None:
    gappy = trend({2016: 1.0, 2018: 2.0, 2019: 4.0}, target=10.0, projection="linear")
    # t = 2016, 2018, 2019: mean 2017.667, Sxx = 14/3; y mean 7/3, Sxy = 13/3 -> slope 13/14
    assert gappy.numbers["slope_actual"] == pytest.approx(13 / 14)


@pytest.mark.parametrize("series", [{2019: 1.0}, {2018: 1.0, 2019: 2.0}, {}])
def test_fewer_than_three_points_is_insufficient(series: dict[int, float]) -> None:
    assert trend(series, target=5.0).status is Status.INSUFFICIENT_DATA


def test_trend_only_reading() -> None:
    series = {2015 + k: 100 * 1.03**k for k in range(5)}
    assert trend(series).status is Status.SIGNIFICANT_PROGRESS
    assert trend(series, direction="decrease").status is Status.SIGNIFICANT_MOVEMENT_AWAY


@pytest.mark.parametrize(
    ("p", "words"),
    [(0.95, "very likely"), (0.9, "very likely"), (0.7, "likely"), (0.66, "likely"),
     (0.5, "about as likely as not"), (0.33, "unlikely"), (0.2, "unlikely"),
     (0.1, "very unlikely"), (0.0, "very unlikely")],
)  # fmt: skip
def test_ipcc_likelihood_words(p: float, words: str) -> None:
    assert likelihood(p) == words  # the English message id
