"""Indicator values keep the chain of observations that fed them."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.compute.formula import parse_formula
from blueprint_tracker.compute.indicator_values import by_series_year, compute_indicator
from blueprint_tracker.domain.series import Observation, Source

SRC = Source(agency="C&SD", title="t", url="https://x.gov")


def o(series: str, period: str, value: float, released: str, flags=()) -> Observation:
    return Observation(
        series=series,
        period=period,
        value=value,
        source=SRC,
        flags=flags,
        release_date=dt.date.fromisoformat(released),
    )


def test_only_years_with_every_input_get_a_value() -> None:
    index = by_series_year(
        [
            o("a", "2019", 1, "2020-01-01"),
            o("a", "2020", 2, "2021-01-01"),
            o("b", "2020", 4, "2021-02-01"),
            o("b", "2021", 5, "2022-01-01"),
        ]
    )
    [value] = compute_indicator(parse_formula("a / b"), index)
    assert (value.year, value.value, value.released) == (2020, 0.5, "2021-02-01")
    assert [i.series for i in value.inputs] == ["a", "b"]


def test_later_release_wins_and_flags_are_carried() -> None:
    index = by_series_year(
        [o("a", "2020", 2, "2021-01-01"), o("a", "2020", 3, "2022-01-01", ("revised",))]
    )
    [value] = compute_indicator(parse_formula("a * 10"), index)
    assert value.value == 30 and value.flags == ("revised",)


def test_academic_year_counts_in_its_first_year() -> None:
    index = by_series_year([o("places", "2024/25", 7200, "2025-01-01")])
    assert compute_indicator(parse_formula("places"), index)[0].year == 2024
