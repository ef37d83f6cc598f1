"""Long tables of series for the bulk-assessment tests, and a row-by-row comparison with
:func:`blueprint_tracker.assess_series`."""

from __future__ import annotations

import math
from typing import Any

import pyarrow as pa

from blueprint_tracker.assess import AssessmentInputError, assess_many, assess_series, prepare

OPTION_KEYS = ("direction", "target", "target_year", "comparator", "base_year", "limit")


def long_table(series: dict[str, tuple[dict[int, float], dict[str, Any]]]) -> pa.Table:
    """series_id, year, value and every option column (null where a series has no value)."""
    rows: dict[str, list[Any]] = {"series_id": [], "year": [], "value": []}
    rows.update({key: [] for key in OPTION_KEYS})
    for sid, (points, options) in series.items():
        for year, value in points.items():
            rows["series_id"].append(sid)
            rows["year"].append(year)
            rows["value"].append(value)
            for key in OPTION_KEYS:
                rows[key].append(options.get(key))
    types = {"direction": pa.string(), "comparator": pa.string(), "target": pa.float64(),
             "target_year": pa.int64(), "base_year": pa.int64(), "limit": pa.float64()}  # fmt: skip
    return pa.table({k: pa.array(v, type=types.get(k)) for k, v in rows.items()})


def same_number(ours: Any, theirs: Any, key: str) -> bool:
    if key == "fallback":
        return bool(ours) == (theirs == "linear")
    if theirs is None:
        return ours is None or (isinstance(ours, float) and math.isnan(ours))
    return bool(ours == theirs)


def check_row(row: dict[str, Any], points: dict[int, float], method: str, **options: Any) -> None:
    """One output row against assess_series on the same series: status, trend flag, numbers."""
    try:
        expected = assess_series(points, method=method, **options)
    except AssessmentInputError as exc:  # assess_series refuses it; a bulk run assesses it
        assert "before the first year" in str(exc)
        expected = assess_many([prepare(points, method=method, **options)])[0]
    assert row["status"] == expected.status.value
    assert row["trend_flag"] == expected.numbers.get("trend_flag")
    for key, value in expected.numbers.items():
        if key == "trend_flag":
            continue
        if isinstance(value, list):
            assert same_number(row[f"{key}_lo"], value[0], key), key
            assert same_number(row[f"{key}_hi"], value[1], key), key
            continue
        assert same_number(row.get(key), value, key), (key, row.get(key), value)
    numbers = {k for k in expected.numbers if k not in ("interval80", "interval95", "trend_flag")}
    for key, value in row.items():  # a number we give is one assess_series gives too
        if key in ("series_id", "status", "trend_flag") or key.startswith(("interval", "expl")):
            continue
        if value is not None and value is not False and key not in numbers:
            raise AssertionError(f"{key}={value!r} not in assess_series' numbers")
