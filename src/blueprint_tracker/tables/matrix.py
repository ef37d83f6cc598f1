"""A chunk's ``year`` and ``value`` columns as the engine's dense (series x years) matrix."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from blueprint_tracker.errors import Problem
from blueprint_tracker.tables.chunks import Chunk
from blueprint_tracker.tables.columns import FloatArray, numbers, where, whole
from blueprint_tracker.tables.problems import TableProblems

IntArray = NDArray[np.int64]


def _require(chunk: Chunk, problems: TableProblems) -> None:
    for name in ("year", "value"):
        if name not in chunk.table.column_names:
            problems.add(Problem(problems.file, "", f"no column {name!r}"), fatal=True)


def _years(chunk: Chunk, problems: TableProblems) -> FloatArray:
    column = chunk.table.column("year")
    if pa.types.is_integer(column.type) and column.null_count == 0:  # the usual case: no checks
        return np.asarray(pc.cast(column, pa.float64()).to_numpy())
    years = numbers(chunk, "year", problems)
    whole(chunk, "year", years, problems, "a whole year")
    for row in np.flatnonzero(np.isnan(years))[:5]:
        problems.add(Problem(problems.file, where(chunk, int(row), "year"), "year is empty"))
    return years


def _values(chunk: Chunk, problems: TableProblems) -> FloatArray:
    values = numbers(chunk, "value", problems)
    for row in np.flatnonzero(np.isinf(values))[:5]:
        problems.add(Problem(problems.file, where(chunk, int(row), "value"),
                             f"{values[row]} is not a finite number"))  # fmt: skip
    return values


def dense(chunk: Chunk, problems: TableProblems) -> tuple[FloatArray, FloatArray]:
    """The year axis (first to last year of the chunk) and the (series x years) values, NaN
    where a series has no value (an empty or NaN value is a gap, never filled)."""
    _require(chunk, problems)
    years, values = _years(chunk, problems), _values(chunk, problems)
    problems.raise_if_any()
    n = chunk.series
    if years.size == 0:
        return np.array([0.0]), np.full((n, 1), np.nan)
    first, last = int(years.min()), int(years.max())
    width = last - first + 1
    series = np.repeat(np.arange(n, dtype=np.int64), np.diff(chunk.starts))
    cell = series * width + (years.astype(np.int64) - first)
    if cell.size > 1 and not np.all(cell[1:] > cell[:-1]):  # not sorted: look for repeats
        _repeated_years(chunk, cell, years, n * width, problems)
    matrix = np.full(n * width, np.nan)
    matrix[cell] = values
    return np.arange(first, last + 1, dtype=np.float64), matrix.reshape(n, width)


def _repeated_years(
    chunk: Chunk, cell: IntArray, years: FloatArray, size: int, problems: TableProblems
) -> None:
    owner = np.full(size, -1, dtype=np.int64)
    owner[cell] = np.arange(cell.size, dtype=np.int64)
    for row in np.flatnonzero(owner[cell] != np.arange(cell.size))[:5]:
        problems.add(Problem(problems.file, where(chunk, int(row), "year"),
                             f"year {int(years[row])} appears twice in one series"))  # fmt: skip
    problems.raise_if_any()
