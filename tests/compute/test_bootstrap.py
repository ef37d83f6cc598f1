"""`trend`'s second reading: a seeded bootstrap of annual growth rates (METHODS.md section 4)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from blueprint_tracker.assess import AssessmentInputError, assess_series
from blueprint_tracker.compute.progress._batch import make_batch
from blueprint_tracker.compute.progress.engine import assess_batch


def _trend(series: dict[int, float], **options: object) -> dict[str, object]:
    options = {"direction": "increase", "method": "trend", **options}
    return dict(assess_series(series, **options).numbers)  # type: ignore[arg-type]


def test_matches_the_exact_binomial_probability() -> None:
    # linear changes +2 and -1, each drawn with probability 1/2; 4 years from 2022 to 2026:
    # 11 + (3a - 4) >= 15  <=>  a >= 3 of 4 draws are +2:  P = (4 + 1) / 16 = 0.3125
    numbers = _trend(
        {2020: 10.0, 2021: 12.0, 2022: 11.0}, target=15.0, target_year=2026,
        projection="linear", bootstrap=20_000,
    )  # fmt: skip
    se = math.sqrt(0.3125 * 0.6875 / 20_000)
    assert numbers["bootstrap_rates"] == 2
    assert numbers["bootstrap_draws"] == 20_000
    assert abs(float(numbers["probability_bootstrap"]) - 0.3125) < 4 * se  # type: ignore[arg-type]


def test_constant_growth_gives_certainty_either_side_of_the_projection() -> None:
    series = {2020: 100.0, 2021: 110.0, 2022: 121.0}  # +10 % a year: 146.41 in 2024
    assert _trend(series, target=146.0, target_year=2024, bootstrap=500)[
        "probability_bootstrap"
    ] == pytest.approx(1.0)
    assert _trend(series, target=147.0, target_year=2024, bootstrap=500)[
        "probability_bootstrap"
    ] == pytest.approx(0.0)


def test_a_gap_gives_one_average_rate_not_interpolated_years() -> None:
    # 2015 -> 2017 is one rate (10 % a year on average), 2017 -> 2018 another: two rates
    numbers = _trend({2015: 100.0, 2017: 121.0, 2018: 133.1}, target=161.0, target_year=2020,
                     bootstrap=200)  # fmt: skip
    assert numbers["bootstrap_rates"] == 2
    assert numbers["probability_bootstrap"] == pytest.approx(1.0)  # 133.1 * 1.21 = 161.05


def test_same_seed_same_reading_and_the_seed_matters() -> None:
    series = {2016: 0.79, 2017: 0.80, 2018: 0.86, 2019: 0.92, 2020: 0.99, 2021: 0.97,
              2022: 1.07, 2023: 1.11, 2024: 1.13}  # fmt: skip
    once = _trend(series, target=1.2, target_year=2026, bootstrap=2_000)
    again = _trend(series, target=1.2, target_year=2026, bootstrap=2_000)
    other = _trend(series, target=1.2, target_year=2026, bootstrap=2_000, seed=7)
    assert once["probability_bootstrap"] == again["probability_bootstrap"]
    assert once["probability_bootstrap"] != other["probability_bootstrap"]
    assert "resampling the 8 annual growth rates (2,000 draws)" in assess_series(
        series, direction=1, method="trend", target=1.2, target_year=2026, bootstrap=2_000
    ).explanation["en"]


def test_a_series_gets_the_same_reading_alone_or_in_any_batch() -> None:
    rng = np.random.default_rng(1)
    years = np.arange(2010, 2025, dtype=np.float64)
    values = 100 * np.cumprod(1 + rng.normal(0.04, 0.05, (40, years.size)), axis=1)
    values[rng.random(values.shape) < 0.2] = np.nan  # gaps
    target_year = rng.integers(2026, 2036, 40).astype(np.float64)  # horizons differ per row
    target = rng.uniform(180.0, 300.0, 40)
    batch = make_batch(years, values, target=target, target_year=target_year)
    whole = assess_batch("trend", batch, bootstrap=1_000)
    pieces = assess_batch("trend", batch, bootstrap=1_000, chunk=7)
    np.testing.assert_array_equal(whole["probability_bootstrap"], pieces["probability_bootstrap"])
    for row in (0, 13, 39):
        points = {int(y): float(v) for y, v in zip(years, values[row], strict=True) if v == v}
        alone = _trend(points, target=float(target[row]),
                       target_year=int(target_year[row]), bootstrap=1_000)  # fmt: skip
        assert alone.get("probability_bootstrap") == pytest.approx(
            whole["probability_bootstrap"][row], nan_ok=True
        )


def test_off_by_default_needs_three_values_and_only_for_trend() -> None:
    assert "probability_bootstrap" not in _trend({2020: 1.0, 2021: 2.0, 2022: 3.0},
                                                 target=5.0, target_year=2025)  # fmt: skip
    assert "probability_bootstrap" not in _trend({2021: 2.0, 2022: 3.0}, target=5.0,
                                                 target_year=2025, bootstrap=100)  # fmt: skip
    with pytest.raises(AssessmentInputError, match="trend method only"):
        assess_series({2020: 1.0}, direction=1, method="escap", target=2.0, target_year=2025,
                      bootstrap=100)  # fmt: skip
    with pytest.raises(AssessmentInputError, match="0 \\(off\\) to 100,000"):
        assess_series({2020: 1.0}, direction=1, method="trend", bootstrap=-1)
