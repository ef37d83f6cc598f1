"""Read one series from a ``year,value`` CSV file, reporting every bad row (row, field, why)."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

from blueprint_tracker.errors import InputError, Problem, ProblemsError

HEADER = ("year", "value")


@dataclass(frozen=True)
class SeriesFile:
    """The points of a series file and the row each year came from (the header is row 1)."""

    name: str
    points: dict[int, float]
    rows: dict[int, int]


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); otherwise the row of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        why = f"not UTF-8 text (byte {data[exc.start]:#04x}); save the file as CSV UTF-8"
        problem = Problem(name, f"row {row}", why)
        raise ProblemsError(f"{name}: cannot read the file", [problem]) from None


def _point(row: dict[str | None, str | None], where: str, name: str) -> tuple[int, float] | Problem:
    year_text, value_text = (row.get("year") or "").strip(), (row.get("value") or "").strip()
    for field, text in (("year", year_text), ("value", value_text)):
        if not text:
            return Problem(name, f"{where}, field {field}", "is empty")
    try:
        year = int(year_text)
    except ValueError:
        return Problem(name, f"{where}, field year", f"{year_text!r} is not a whole year")
    try:
        value = float(value_text)
    except ValueError:
        return Problem(name, f"{where}, field value", f"{value_text!r} is not a number")
    if not math.isfinite(value):
        return Problem(name, f"{where}, field value", f"{value_text!r} is not a finite number")
    return year, value


def read_series_csv(data: bytes, name: str) -> SeriesFile:
    """Every point of the file, or a :class:`ProblemsError` listing every bad row."""
    reader = csv.DictReader(io.StringIO(decode(data, name), newline=""))
    if reader.fieldnames is None or set(HEADER) - {f.strip() for f in reader.fieldnames}:
        raise InputError(f"{name}: needs a header 'year,value' and at least one row")
    reader.fieldnames = [f.strip() for f in reader.fieldnames]
    points: dict[int, float] = {}
    rows: dict[int, int] = {}
    problems: list[Problem] = []
    for row in reader:
        number = reader.line_num  # the file's line, so blank lines do not shift the count
        read = _point(row, f"row {number}", name)
        if isinstance(read, Problem):
            problems.append(read)
        elif read[0] in rows:
            again = f"year {read[0]} is already given on row {rows[read[0]]}"
            problems.append(Problem(name, f"row {number}, field year", again))
        else:
            points[read[0]], rows[read[0]] = read[1], number
    if problems:
        raise ProblemsError(f"{name}: {len(problems)} bad row(s); nothing was assessed", problems)
    if not points:
        raise InputError(f"{name}: needs a header 'year,value' and at least one row")
    return SeriesFile(name, points, rows)
