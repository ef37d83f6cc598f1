"""assess_frame: long tables in, one row per series out, the same results as assess_series."""

from __future__ import annotations

from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.tables.frames_support import OPTION_KEYS, check_row, long_table

import blueprint_tracker
from blueprint_tracker.assess import assess_series
from blueprint_tracker.tables import chunks

METHODS = ["eurostat", "statcan", "escap", "trend"]
YEARS = list(range(2010, 2022))
value = st.floats(min_value=-50, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def one_series(draw: st.DrawFn) -> tuple[dict[int, float], dict[str, Any]]:
    years = draw(st.lists(st.sampled_from(YEARS), min_size=0, max_size=len(YEARS), unique=True))
    points = {year: draw(value) for year in sorted(years)}
    direction = draw(st.sampled_from(["increase", "decrease"]))
    options: dict[str, Any] = {"direction": direction}
    if draw(st.booleans()):
        options["target"] = draw(value)
        options["target_year"] = draw(st.sampled_from([2015, 2020, 2025, 2030]))
        wanted = ">=" if direction == "increase" else "<="
        options["comparator"] = draw(st.sampled_from([wanted, "~"]))
    elif draw(st.booleans()):
        options["limit"] = draw(st.floats(min_value=1, max_value=1e4))
    if draw(st.booleans()):
        options["base_year"] = draw(st.sampled_from([2010, 2012, 2015]))
    return points, options


def _rows(result: Any) -> list[dict[str, Any]]:
    if isinstance(result, pd.DataFrame):
        result = pa.Table.from_pandas(result, preserve_index=False)
    elif isinstance(result, pl.DataFrame):
        result = result.to_arrow()
    return [{k: (v.as_py() if hasattr(v, "as_py") else v) for k, v in row.items()}
            for row in result.to_pylist()]  # fmt: skip


def _as(kind: str, table: pa.Table) -> Any:
    return {"arrow": table, "pandas": table.to_pandas(), "polars": pl.from_arrow(table)}[kind]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(one_series(), min_size=1, max_size=6),
    st.sampled_from(METHODS),
    st.sampled_from(["arrow", "pandas", "polars"]),
)
def test_every_row_equals_assess_series(
    drawn: list[tuple[dict[int, float], dict[str, Any]]], method: str, kind: str
) -> None:
    series = {f"s{i}": item for i, item in enumerate(drawn)}
    result = blueprint_tracker.assess_frame(_as(kind, long_table(series)), method=method)
    rows = _rows(result)
    assert [row["series_id"] for row in rows] == [sid for sid, (pts, _) in series.items()
                                                  if pts]  # fmt: skip
    for row in rows:
        points, options = series[row["series_id"]]
        check_row(row, points, method, **options)


@pytest.mark.parametrize("kind", ["arrow", "pandas", "polars"])
def test_the_same_kind_of_table_comes_back(kind: str) -> None:
    table = long_table({"a": ({2015: 1.0, 2018: 1.4, 2020: 1.9}, {"direction": "increase"})})
    result = blueprint_tracker.assess_frame(_as(kind, table), method="statcan")
    assert type(result) is type(_as(kind, table))
    assert _rows(result)[0]["status"] == "substantial_progress"


def test_keyword_arguments_apply_where_a_series_has_no_value_of_its_own() -> None:
    points = {2014: 0.74, 2016: 0.79, 2018: 0.86, 2020: 0.99}
    table = long_table({"own": (points, {"target": 1.0, "target_year": 2022}),
                        "default": (points, {})})  # fmt: skip
    rows = _rows(
        blueprint_tracker.assess_frame(
            table, method="eurostat", direction="increase", target=2.0, target_year=2030
        )
    )
    check_row(rows[0], points, "eurostat", direction="increase", target=1.0, target_year=2022)
    check_row(rows[1], points, "eurostat", direction="increase", target=2.0, target_year=2030)


def test_explanations_only_when_asked_and_as_assess_series_words_them() -> None:
    points = {2014: 0.74, 2016: 0.79, 2018: 0.86, 2020: 0.99}
    table = long_table({"a": (points, {"direction": "increase", "target": 2.0,
                                       "target_year": 2030})})  # fmt: skip
    plain = _rows(blueprint_tracker.assess_frame(table, method="escap"))[0]
    assert not [key for key in plain if key.startswith("explanation")]
    both = _rows(blueprint_tracker.assess_frame(table, method="escap", explanation=True))[0]
    expected = assess_series(points, method="escap", direction="increase", target=2.0,
                             target_year=2030).explanation  # fmt: skip
    assert both["explanation_en"] == expected["en"]
    assert both["explanation_zh_hant"] == expected["zh-Hant"]


def test_scattered_rows_are_regrouped_and_sorted_by_series() -> None:
    rows = pa.table({"series_id": [2, 1, 2, 1, 2, 1], "year": [2016, 2016, 2018, 2018, 2020, 2020],
                     "value": [3.0, 1.0, 2.0, 1.5, 1.0, 2.0]})  # fmt: skip
    result = _rows(blueprint_tracker.assess_frame(rows, method="statcan", direction=1))
    assert [row["series_id"] for row in result] == [1, 2]
    check_row(result[0], {2016: 1.0, 2018: 1.5, 2020: 2.0}, "statcan", direction=1)
    check_row(result[1], {2016: 3.0, 2018: 2.0, 2020: 1.0}, "statcan", direction=1)


def test_nan_and_empty_values_are_gaps_never_filled() -> None:
    table = pa.table({"series_id": ["a"] * 4, "year": [2014, 2016, 2018, 2020],
                      "value": [1.0, None, float("nan"), 2.0]})  # fmt: skip
    row = _rows(blueprint_tracker.assess_frame(table, method="escap", direction="increase"))[0]
    check_row(row, {2014: 1.0, 2020: 2.0}, "escap", direction="increase")


def test_bootstrap_reading_for_trend() -> None:
    points = {2012 + i: 1.0 + 0.1 * i + 0.03 * (-1) ** i for i in range(9)}
    table = long_table({"a": (points, {"direction": "increase", "target": 2.5,
                                       "target_year": 2030})})  # fmt: skip
    row = _rows(blueprint_tracker.assess_frame(table, method="trend", bootstrap=500, seed=7))[0]
    check_row(row, points, "trend", direction="increase", target=2.5, target_year=2030,
              bootstrap=500, seed=7)  # fmt: skip


def test_chunks_are_bounded_and_a_stream_may_cut_a_series(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunks, "MAX_SERIES", 3)
    series = {f"s{i:02d}": ({y: 1.0 + 0.05 * i * (y - 2010) for y in range(2010, 2021)},
                            {"direction": "increase", "target": 3.0, "target_year": 2030})
              for i in range(20)}  # fmt: skip
    table = long_table(series)
    whole = blueprint_tracker.assess_frame(table, method="eurostat")
    pieces = [table.slice(start, 7) for start in range(0, table.num_rows, 7)]  # cuts series
    streamed = blueprint_tracker.assess_frame(iter(pieces), method="eurostat")
    assert streamed.equals(whole)
    from blueprint_tracker.tables.frame import iter_assess, request

    sizes = [out.num_rows for out, _ in iter_assess(iter(pieces), request("eurostat"))]
    assert max(sizes) <= 3 and sum(sizes) == 20
    for row in _rows(whole):
        points, options = series[row["series_id"]]
        check_row(row, points, "eurostat", **options)


def test_an_empty_table_gives_an_empty_result() -> None:
    table = long_table({})
    result = blueprint_tracker.assess_frame(table.to_pandas(), method="trend", direction=1)
    assert isinstance(result, pd.DataFrame) and len(result) == 0 and "status" in result.columns


def test_option_columns_are_the_documented_ones() -> None:
    from blueprint_tracker.tables.options import OPTION_COLUMNS

    assert set(OPTION_KEYS) <= set(OPTION_COLUMNS)
