"""Bad tables: one error naming the row and column of every problem (nothing half done)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pytest

from blueprint_tracker.assess import AssessmentInputError
from blueprint_tracker.errors import TableRejectedError
from blueprint_tracker.tables.frame import assess_frame


def _table(**columns: list[Any]) -> pa.Table:
    base: dict[str, list[Any]] = {
        "series_id": ["a", "a", "b", "b"],
        "year": [2018, 2020, 2018, 2020],
        "value": [1.0, 2.0, 3.0, 4.0],
    }
    return pa.table({**base, **columns})  # fmt: skip


def _problems(table: pa.Table, **kw: Any) -> list[str]:
    with pytest.raises(TableRejectedError) as caught:
        assess_frame(table, **{"method": "eurostat", "direction": "increase", **kw})
    return [str(problem) for problem in caught.value.problems]


def test_a_year_twice_in_one_series() -> None:
    problems = _problems(_table(year=[2018, 2018, 2018, 2020]))
    assert problems == ["table: row 1, column year: year 2018 appears twice in one series"]


def test_text_where_a_number_belongs_names_each_row() -> None:
    problems = _problems(_table(value=["1.0", "n/a", "3", "x"]))
    assert problems == ["table: row 2, column value: 'n/a' is not a number",
                        "table: row 4, column value: 'x' is not a number"]  # fmt: skip


def test_bad_years_and_infinite_values() -> None:
    problems = _problems(_table(year=[2018.5, 2020, None, 2020], value=[1, float("inf"), 1, 1]))
    assert "table: row 1, column year: 2018.5 is not a whole year" in problems
    assert "table: row 3, column year: year is empty" in problems
    assert "table: row 2, column value: inf is not a finite number" in problems


def test_missing_columns() -> None:
    assert _problems(pa.table({"series_id": ["a"], "year": [2020]})) == ["table: no column 'value'"]
    assert _problems(pa.table({"year": [2020], "value": [1.0]})) == ["table: no column 'series_id'"]


def test_option_columns_checked_per_series() -> None:
    problems = _problems(
        _table(direction=["increase", "increase", "up", "up"], target=[2.0, 3.0, None, None]),
        direction=None, target_year=2030,
    )  # fmt: skip
    assert any(p.startswith("table: row 3, column direction: direction must be") for p in problems)
    assert "table: row 2, column target: target differs between the rows of one series" in problems


def test_contradictions_and_a_target_without_year() -> None:
    problems = _problems(_table(target=[5.0, 5.0, 1.0, 1.0], comparator=["<=", "<=", ">=", ">="],
                                target_year=[2030, 2030, None, None]))  # fmt: skip
    assert problems == [
        "table: row 3, column target: a target needs a target_year",
        "table: row 1, column comparator: the comparator contradicts the direction",
    ]


def test_a_stream_must_keep_series_together() -> None:
    table = pa.table({"series_id": ["a", "b", "a"], "year": [2018, 2018, 2020],
                      "value": [1.0, 2.0, 3.0]})  # fmt: skip
    with pytest.raises(TableRejectedError, match="column series_id: the rows of series 'a'"):
        assess_frame(iter([table.slice(0, 2), table.slice(2)]), method="statcan", direction=1)
    within = pa.table({"series_id": ["a", "b", "a", "c"], "year": [2018, 2018, 2020, 2018],
                       "value": [1.0, 2.0, 3.0, 4.0]})  # fmt: skip
    with pytest.raises(TableRejectedError, match="row 3, column series_id: the rows of series 'a'"):
        assess_frame(iter([within]), method="statcan", direction=1)


def test_bad_keyword_arguments_raise_before_any_work() -> None:
    with pytest.raises(AssessmentInputError, match="method"):
        assess_frame(_table(), method="oecd", direction=1)
    with pytest.raises(AssessmentInputError, match="direction"):
        assess_frame(_table(), method="trend", direction="up")
    with pytest.raises(AssessmentInputError, match="bootstrap"):
        assess_frame(_table(), method="eurostat", direction=1, bootstrap=100)
    with pytest.raises(AssessmentInputError, match="pandas, Polars or Arrow"):
        assess_frame({"series_id": ["a"]}, method="trend", direction=1)
