"""Read observation files (CSV or XLSX) in the documented columns, reporting every bad row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from blueprint_tracker.domain.series import (
    DEFAULT_TIER,
    FLAGS,
    TIERS,
    Observation,
    Source,
    parse_dimension_key,
    period_year,
)
from blueprint_tracker.domain.web_address import web_address_problem
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.spreadsheet_text import unescape

COLUMNS = (
    "series",
    "period",
    "value",
    "unit",
    "flags",
    "source_agency",
    "source_title",
    "source_url",
    "source_table",
    "source_tier",
    "source_copy_url",
    "release_date",
    "note",
    "dimensions",
)
REQUIRED = (
    "series",
    "period",
    "value",
    "source_agency",
    "source_title",
    "source_url",
    "release_date",
)


def observation_record(o: Observation) -> dict[str, Any]:
    """An observation in the import format's columns (a download can be imported again)."""
    return {
        "series": o.series,
        "period": o.period,
        "value": o.value,
        "unit": o.unit,
        "flags": ";".join(o.flags),
        "source_agency": o.source.agency,
        "source_title": o.source.title,
        "source_url": o.source.url,
        "source_table": o.source.table,
        "source_tier": o.source.tier,
        "source_copy_url": o.source.copy_url,
        "release_date": o.release_date.isoformat(),
        "note": o.note,
        "dimensions": o.dimension_key,
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value)) if not isinstance(value, bool) else str(value)
    return str(value).strip()


def _rows_csv(data: bytes, name: str) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _FileProblem(Problem(name, "", f"not UTF-8 text ({exc.reason})")) from exc
    for row in csv.reader(io.StringIO(text, newline="")):
        yield [unescape(cell) for cell in row]  # our own downloads escape formula-like text


def _rows_xlsx(data: bytes, name: str) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise _FileProblem(Problem(name, "", f"not a readable XLSX workbook ({exc})")) from exc
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield [_cell(value) for value in row]


class _FileProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# ASCII digits only: no 1_000, no full-width digits (U+FF10 to U+FF19), no inf/nan, no spaces inside
FILE_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
FORM_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")  # typed by hand: plain decimals
MAX_MAGNITUDE = 1e15  # larger than any official figure the product tracks


def _parse_value(raw: str, pattern: re.Pattern[str] = FILE_NUMBER) -> float:
    if not pattern.match(raw):
        raise ValueError(f"{raw!r} is not a number")  # ASCII digits, optional point
    value = float(raw)
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"{raw!r} is out of range (at most {MAX_MAGNITUDE:.0e} in size)")
    return value


def _parse_date(raw: str, today: dt.date) -> dt.date:
    day = dt.date.fromisoformat(raw)
    if day > today:
        raise ValueError(f"{raw} is after today ({today.isoformat()})")
    return day


def _row_problems(row: dict[str, str], known: set[str] | None) -> list[tuple[str, str]]:
    found = [(col, "is required but empty") for col in REQUIRED if not row.get(col)]
    if known is not None and row.get("series") and row["series"] not in known:
        found.append(("series", f"unknown series {row['series']!r}"))
    if row.get("period"):
        try:
            period_year(row["period"])
        except ValueError as exc:
            found.append(("period", str(exc)))
    url_problem = web_address_problem(row["source_url"]) if row.get("source_url") else None
    if url_problem:
        found.append(("source_url", url_problem))
    found += _dimension_problems(row)
    bad_flags = [f for f in _flags(row) if f not in FLAGS]
    if bad_flags:
        found.append(("flags", f"unknown flag(s) {', '.join(bad_flags)}; use {', '.join(FLAGS)}"))
    return found + _tier_problems(row)


def _tier_problems(row: dict[str, str]) -> list[tuple[str, str]]:
    tier = row.get("source_tier") or ""
    if tier and tier not in TIERS:
        return [("source_tier", f"unknown tier {tier!r}; use {', '.join(TIERS)}")]
    if tier == "official_table_copy" and not (
        row.get("source_copy_url") and row.get("source_table")
    ):
        return [
            (
                "source_copy_url",
                "an official table read from a copy names both the agency's table "
                "(source_table) and the copy it was read from (source_copy_url)",
            )
        ]
    copy_problem = (
        web_address_problem(row["source_copy_url"]) if row.get("source_copy_url") else None
    )
    if copy_problem:
        return [("source_copy_url", copy_problem)]
    return []


def _dimension_problems(row: dict[str, str]) -> list[tuple[str, str]]:
    if not row.get("dimensions"):
        return []
    try:
        parse_dimension_key(row["dimensions"])
    except ValueError as exc:
        return [("dimensions", str(exc).splitlines()[0])]
    return []


def _flags(row: dict[str, str]) -> list[str]:
    return [f.strip() for f in (row.get("flags") or "").split(";") if f.strip()]


def _build(
    row: dict[str, str], today: dt.date, number: re.Pattern[str] = FILE_NUMBER
) -> tuple[Observation | None, list[tuple[str, str]]]:
    found: list[tuple[str, str]] = []
    value = release = None
    if row.get("value"):
        try:
            value = _parse_value(row["value"], number)
        except ValueError as exc:
            found.append(("value", str(exc)))
    if row.get("release_date"):
        try:
            release = _parse_date(row["release_date"], today)
        except ValueError as exc:
            found.append(
                (
                    "release_date",
                    f"{exc}"
                    if "after" in str(exc)
                    else f"{row['release_date']!r} is not a date YYYY-MM-DD",
                )
            )
    if found or value is None or release is None or any(not row.get(c) for c in REQUIRED):
        return None, found
    if web_address_problem(row["source_url"]):  # reported by _row_problems
        return None, found
    try:
        dimensions = parse_dimension_key(row.get("dimensions", ""))
    except ValueError:  # reported by _row_problems
        return None, found
    if _tier_problems(row):  # reported by _row_problems
        return None, []
    source = Source(
        agency=row["source_agency"],
        title=row["source_title"],
        url=row["source_url"],
        table=row.get("source_table", ""),
        tier=row.get("source_tier") or DEFAULT_TIER,  # type: ignore[arg-type]  # checked above
        copy_url=row.get("source_copy_url", ""),
    )
    observation = Observation(
        series=row["series"],
        period=row["period"],
        value=value,
        unit=row.get("unit", ""),
        flags=tuple(_flags(row)),  # type: ignore[arg-type]
        source=source,
        release_date=release,
        note=row.get("note", ""),
        dimensions=dimensions,
    )
    return observation, []


def read_observations(
    path: Path, known_series: set[str] | None = None, today: dt.date | None = None
) -> tuple[list[Observation], list[Problem]]:
    """Every observation in a CSV or XLSX file and a problem for every bad cell."""
    rows, problems = read_observation_rows(path, known_series, today)
    return [observation for _, observation in rows], problems


def read_observation_rows(
    path: Path, known_series: set[str] | None = None, today: dt.date | None = None
) -> tuple[list[tuple[int, Observation]], list[Problem]]:
    """Like read_observations, with each observation's row number in the file."""
    today = today or dt.date.today()
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(name, "", f"cannot read the file ({exc.strerror})")]
    reader = _rows_xlsx if path.suffix.lower() in (".xlsx", ".xlsm") else _rows_csv
    try:
        rows = list(reader(data, name))
    except _FileProblem as exc:
        return [], [exc.problem]
    return _parse_rows(rows, name, known_series, today)


def parse_observation_row(
    row: dict[str, str], known: set[str] | None, today: dt.date | None = None
) -> tuple[Observation | None, list[tuple[str, str]]]:
    """One row in the import columns typed in a web form (plain ASCII decimals only): the
    observation, or every (column, reason) problem with it."""
    clean = {col: str(row.get(col) or "").strip() for col in COLUMNS}
    found = _row_problems(clean, known)
    observation, more = _build(clean, today or dt.date.today(), FORM_NUMBER)
    return (observation if not found and not more else None), found + more


def _parse_rows(
    rows: list[list[str]], name: str, known: set[str] | None, today: dt.date
) -> tuple[list[tuple[int, Observation]], list[Problem]]:
    if not rows:
        return [], [Problem(name, "", "the file is empty")]
    header = [h.strip() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [Problem(name, "row 1 (header)", f"missing columns: {', '.join(missing)}")]
    observations: list[tuple[int, Observation]] = []
    problems: list[Problem] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        row = {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(header)}
        found = _row_problems(row, known)
        observation, more = _build(row, today)
        found += more
        problems += [Problem(name, f"row {number}, column {col}", why) for col, why in found]
        if observation is not None and not found:
            observations.append((number, observation))
    return observations, problems
