"""Reading observation files: CSV and XLSX, every bad cell reported with row and column."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from blueprint_tracker.formats.observations_file import COLUMNS, read_observations

GOOD = {
    "series": "gdp",
    "period": "2020",
    "value": "2675700",
    "unit": "HK$ million",
    "flags": "provisional",
    "source_agency": "C&SD",
    "source_title": "GDP 2020",
    "source_url": "https://example.gov/gdp",
    "source_table": "030",
    "source_tier": "official_release",
    "source_copy_url": "",
    "release_date": "2021-02-26",
    "note": "按當時市價計算",
    "dimensions": "",
}
TODAY = dt.date(2026, 11, 28)


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_good_row_becomes_an_observation(tmp_path: Path) -> None:
    [o], problems = read_observations(write_csv(tmp_path / "f.csv", [GOOD]), {"gdp"}, TODAY)
    assert problems == []
    assert (o.series, o.year, o.value, o.flags) == ("gdp", 2020, 2675700.0, ("provisional",))
    assert o.source.table == "030" and o.release_date == dt.date(2021, 2, 26)
    assert o.note == "按當時市價計算"


def test_every_bad_cell_is_reported_with_row_and_column(tmp_path: Path) -> None:
    rows = [
        GOOD,
        {**GOOD, "value": "2,675,700"},
        {**GOOD, "series": "gpd", "release_date": "2021-13-01"},
        {**GOOD, "source_url": "", "period": "20/21"},
        {**GOOD, "flags": "guess", "release_date": "2027-01-01"},
    ]
    found, problems = read_observations(write_csv(tmp_path / "f.csv", rows), {"gdp"}, TODAY)
    assert len(found) == 1
    assert [(p.location, p.message) for p in problems] == [
        ("row 3, column value", "'2,675,700' is not a number"),
        ("row 4, column series", "unknown series 'gpd'"),
        ("row 4, column release_date", "'2021-13-01' is not a date YYYY-MM-DD"),
        ("row 5, column source_url", "is required but empty"),
        ("row 5, column period", "period '20/21' is not YYYY, YYYY/YY or YYYY-MM"),
        (
            "row 6, column flags",
            "unknown flag(s) guess; use provisional, revised, estimate, third_party, break, "
            "approximate",
        ),
        ("row 6, column release_date", "2027-01-01 is after today (2026-11-28)"),
    ]
    assert all(p.file == "f.csv" for p in problems)


def test_a_source_tier_is_read_and_checked(tmp_path: Path) -> None:
    copy = {
        **GOOD,
        "source_tier": "official_table_copy",
        "source_copy_url": "https://mirror.example.org/table-030.csv",
    }
    rows = [
        copy,
        {**GOOD, "source_tier": "blog"},
        {**copy, "source_copy_url": ""},
        {**GOOD, "source_tier": ""},
    ]
    found, problems = read_observations(write_csv(tmp_path / "f.csv", rows), {"gdp"}, TODAY)
    assert [(o.source.tier, o.source.copy_url) for o in found] == [
        ("official_table_copy", "https://mirror.example.org/table-030.csv"),
        ("third_party", ""),  # a row that does not say its tier counts as the least trusted
    ]
    assert [p.location for p in problems] == [
        "row 3, column source_tier",
        "row 4, column source_copy_url",
    ]
    assert "official_release" in problems[0].message
    assert "source_table" in problems[1].message and "source_copy_url" in problems[1].message


def test_a_missing_column_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("series,period,value\ngdp,2020,1\n", encoding="utf-8")
    [], [problem] = read_observations(path, None, TODAY)
    assert problem.location == "row 1 (header)"
    assert "source_agency" in problem.message and "release_date" in problem.message


def test_xlsx_reads_like_csv(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append([GOOD[c] if c not in ("value", "release_date") else None for c in COLUMNS])
    sheet.cell(row=2, column=COLUMNS.index("value") + 1, value=2675700)
    sheet.cell(row=2, column=COLUMNS.index("release_date") + 1, value=dt.datetime(2021, 2, 26))
    book.save(tmp_path / "f.xlsx")
    [o], problems = read_observations(tmp_path / "f.xlsx", {"gdp"}, TODAY)
    assert problems == []
    assert (o.value, o.release_date) == (2675700.0, dt.date(2021, 2, 26))


def test_a_broken_xlsx_is_a_message_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "f.xlsx").write_bytes(b"not a zip")
    [], [problem] = read_observations(tmp_path / "f.xlsx", None, TODAY)
    assert "not a readable XLSX workbook" in problem.message


@settings(max_examples=60, deadline=None)
@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda v: round(v, 4)),
    year=st.integers(min_value=1990, max_value=2026),
    note=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
)
def test_csv_round_trip(tmp_path_factory, value: float, year: int, note: str) -> None:
    row = {**GOOD, "value": repr(value), "period": str(year), "note": note}
    path = write_csv(tmp_path_factory.mktemp("rt") / "f.csv", [row])
    [o], problems = read_observations(path, {"gdp"}, TODAY)
    assert problems == []
    assert (o.value, o.year, o.note) == (value, year, note.strip())
