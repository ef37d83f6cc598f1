"""The public single-series API: arguments, result shape, errors."""

from __future__ import annotations

from typing import Any

import pytest

from blueprint_tracker.assess import AssessmentInputError, assess_series
from blueprint_tracker.domain.assessment import Assessment, Comparator, Method, Status

SERIES = {2014: 0.74, 2016: 0.79, 2017: 0.8, 2018: 0.86, 2019: 0.92, 2020: 0.99}


def test_result_shape() -> None:
    result = assess_series(SERIES, direction="increase", method="eurostat", target=2.0,
                           target_year=2030)  # fmt: skip
    assert isinstance(result, Assessment)
    assert result.method is Method.EUROSTAT
    assert result.milestone.target == 2.0 and result.milestone.target_year == 2030
    assert result.milestone.comparator is Comparator.AT_LEAST
    assert set(result.explanation) == {"zh-Hant", "en"}
    # t0 = 2016 (earliest in [2015, 2020)); a = (0.99/0.79)^(1/4) - 1; r = (2/0.79)^(1/14) - 1
    a, r = (0.99 / 0.79) ** 0.25 - 1, (2 / 0.79) ** (1 / 14) - 1
    assert result.numbers["t0"] == 2016 and isinstance(result.numbers["t0"], int)
    assert result.numbers["ratio"] == pytest.approx(a / r)
    assert result.status is Status.MODERATE_PROGRESS  # R = 0.846
    assert result.model_dump(mode="json")["status"] == "MODERATE_PROGRESS"


@pytest.mark.parametrize("direction", ["increase", "Increase", 1])
def test_direction_spellings(direction: Any) -> None:
    result = assess_series(SERIES, direction=direction, method="statcan", target=2.0,
                           target_year=2030, base_year=2014)  # fmt: skip
    assert result.status is Status.OSDG_MODERATE_PROGRESS
    decrease = assess_series(SERIES, direction=-1, method="statcan", base_year=2014)
    assert decrease.status is Status.OSDG_DETERIORATION


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"direction": "up"}, "direction"),
        ({"direction": True}, "direction"),
        ({"method": "oecd"}, "method"),
        ({"target": 2.0}, "target_year"),
        ({"target": float("nan"), "target_year": 2030}, "target"),
        ({"comparator": "=="}, "comparator"),
        ({"comparator": "<=", "target": 2.0, "target_year": 2030}, "contradicts"),
        ({"projection": "spline"}, "projection"),
        ({"window": 0}, "window"),
        ({"tolerance": -0.1}, "tolerance"),
        ({"base_year": 2020.5}, "base_year"),
        ({"series": {2020: "1.0"}}, "value"),
        ({"series": {"2020": 1.0}}, "year"),
        ({"series": {2020: float("inf")}}, "value"),
    ],
)
def test_bad_arguments_raise_input_errors(kw: dict[str, Any], message: str) -> None:
    args: dict[str, Any] = {"direction": "increase", "method": "eurostat", **kw}
    data = args.pop("series", SERIES)
    with pytest.raises(AssessmentInputError, match=message) as caught:
        assess_series(data, **args)
    assert isinstance(caught.value, ValueError)


def test_empty_series_is_insufficient_for_every_method() -> None:
    for method, status in [("eurostat", Status.INSUFFICIENT_DATA),
                           ("statcan", Status.OSDG_NOT_AVAILABLE),
                           ("escap", Status.INSUFFICIENT_DATA),
                           ("trend", Status.INSUFFICIENT_DATA)]:  # fmt: skip
        result = assess_series({}, direction=1, method=method, target=1.0, target_year=2030)
        assert result.status is status
    statcan = assess_series({}, direction=1, method="statcan", target=1.0, target_year=2030)
    assert statcan.numbers["score"] is None


def test_many_requests_in_one_run_equal_one_call_each() -> None:
    """assess_many groups requests by method and runs the engine once per group, on the union
    of the years: every result must equal the single call (the status service relies on it)."""
    from blueprint_tracker.assess import assess_many, prepare

    requests: list[dict[str, Any]] = [
        {"direction": "increase", "method": "eurostat", "target": 2.0, "target_year": 2030},
        {"direction": "increase", "method": "statcan", "target": 1.0, "target_year": 2025,
         "base_year": 2016},
        {"direction": "decrease", "method": "escap", "target": 0.5, "target_year": 2030,
         "comparator": "<=", "projection": "linear"},
        {"direction": "increase", "method": "trend", "target": 1.2, "target_year": 2026,
         "bootstrap": 500},
        {"direction": "increase", "method": "eurostat", "window": 15, "min_span": 10},
        {"direction": 1, "method": "escap", "target": 5000, "target_year": 2025,
         "comparator": "~", "tolerance": 0.05},
    ]  # fmt: skip
    series = [SERIES, {2010: 0.7, 2012: 0.72, 2015: 0.76, 2021: 1.0}, {2019: 1.0, 2022: 0.8},
              {2016: 0.79, 2018: 0.86, 2020: 0.99, 2022: 1.07, 2024: 1.13}, SERIES,
              {2014: 1065.0, 2020: 3360.0, 2025: 5221.0}]  # fmt: skip
    together = assess_many([prepare(s, **o) for s, o in zip(series, requests, strict=True)])
    for s, o, result in zip(series, requests, together, strict=True):
        assert result == assess_series(s, **o), o


def test_the_comparator_follows_the_direction_by_default() -> None:
    falling = {2016: 20.0, 2018: 17.0, 2020: 15.0, 2022: 13.0}
    result = assess_series(falling, direction="decrease", method="eurostat", target=10.0,
                           target_year=2030)  # fmt: skip
    assert result.milestone.comparator is Comparator.AT_MOST
    rising = assess_series(SERIES, direction="increase", method="eurostat", target=2.0,
                           target_year=2030)  # fmt: skip
    assert rising.milestone.comparator is Comparator.AT_LEAST


def test_a_target_year_before_the_series_is_refused_plainly() -> None:
    with pytest.raises(AssessmentInputError, match="target_year 2010 is before the first year"):
        assess_series(SERIES, direction="increase", method="escap", target=2.0, target_year=2010)
