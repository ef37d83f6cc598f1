"""Required pace (section 5) and milestones whose year has passed (section 6)."""

from __future__ import annotations

import pytest

from blueprint_tracker.assess import assess_series
from blueprint_tracker.domain.assessment import Status

METHODS = ["eurostat", "statcan", "escap", "trend"]


@pytest.mark.parametrize("method", METHODS)
def test_required_pace_from_latest(method: str) -> None:
    series = {2014: 0.74, 2017: 0.8, 2018: 0.86, 2019: 0.92, 2020: 0.99}
    result = assess_series(
        series, method=method, direction="increase", target=2.0, target_year=2030, base_year=2014
    )
    assert result.numbers["required_cagr_from_latest"] == pytest.approx((2 / 0.99) ** 0.1 - 1)
    assert result.numbers["required_slope_from_latest"] == pytest.approx(0.101)


def test_required_pace_is_linear_only_for_a_zero_latest_value() -> None:
    result = assess_series(
        {2018: 0.0, 2020: 0.0}, method="escap", direction=1, target=10.0, target_year=2030
    )
    assert "required_cagr_from_latest" not in result.numbers
    assert result.numbers["required_slope_from_latest"] == pytest.approx(1.0)


SETTLED = {2020: 1.0, 2023: 1.2, 2025: 1.25, 2026: 1.3}


@pytest.mark.parametrize("method", METHODS)
def test_passed_milestone_is_judged_by_its_final_value(method: str) -> None:
    kw = {"method": method, "direction": "increase", "target_year": 2025, "base_year": 2020}
    missed = assess_series(SETTLED, target=1.3, evaluation_year=2026, **kw)  # type: ignore[arg-type]
    met = assess_series(SETTLED, target=1.2, evaluation_year=2026, **kw)  # type: ignore[arg-type]
    assert missed.status is Status.TARGET_MISSED  # 2025 = 1.25 < 1.3, though 2026 reaches it
    assert missed.numbers["final_value"] == 1.25
    assert missed.numbers["milestone_passed"] is True
    assert met.status is Status.TARGET_MET


def test_milestone_not_passed_before_or_without_its_data() -> None:
    kw = {"method": "eurostat", "direction": "increase", "target": 1.3, "target_year": 2025}
    during = assess_series(SETTLED, evaluation_year=2025, **kw)  # type: ignore[arg-type]
    assert during.numbers["milestone_passed"] is False
    assert during.status is Status.TARGET_MET  # the latest value (2026) already meets it
    no_data = assess_series({2020: 1.0, 2024: 1.1}, evaluation_year=2027, **kw)  # type: ignore[arg-type]
    assert no_data.numbers["milestone_passed"] is False
    assert no_data.status is not Status.TARGET_MISSED
