"""Columns of a chunk as numpy arrays, with the rows that cannot be read reported."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from blueprint_tracker.errors import Problem
from blueprint_tracker.tables.chunks import Chunk
from blueprint_tracker.tables.problems import TableProblems

FloatArray = NDArray[np.float64]
_NUMERIC = (pa.types.is_integer, pa.types.is_floating, pa.types.is_decimal, pa.types.is_null)
_TEXT = (pa.types.is_string, pa.types.is_large_string, pa.types.is_string_view)


def _plain(column: pa.ChunkedArray) -> pa.ChunkedArray:
    if pa.types.is_dictionary(column.type):
        return pc.cast(column, column.type.value_type)
    return column


def is_text(column: pa.ChunkedArray) -> bool:
    return any(test(_plain(column).type) for test in _TEXT)


def where(chunk: Chunk, row: int, name: str) -> str:
    return f"row {chunk.row_number(row)}, column {name}"


def numbers(chunk: Chunk, name: str, problems: TableProblems) -> FloatArray:
    """The column as float64, NaN where empty; text is read as numbers where it is one."""
    column = _plain(chunk.table.column(name))
    if any(test(column.type) for test in _NUMERIC):
        out: FloatArray = pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False)
        return out
    if any(test(column.type) for test in _TEXT):
        return _parse_text(chunk, name, column, problems)
    problems.add(Problem(problems.file, f"column {name}",
                         f"{name} must hold numbers, not {column.type}"), fatal=True)  # fmt: skip
    raise AssertionError  # unreachable: a fatal problem raises


def _parse_text(
    chunk: Chunk, name: str, column: pa.ChunkedArray, problems: TableProblems
) -> FloatArray:
    out = np.full(len(column), np.nan)
    for row, text in enumerate(column.to_pylist()):
        if text is None or not text.strip():
            continue
        try:
            out[row] = float(text)
        except ValueError:
            problems.add(Problem(problems.file, where(chunk, row, name),
                                 f"{text!r} is not a number"))  # fmt: skip
    problems.raise_if_any()
    return out


def whole(chunk: Chunk, name: str, values: FloatArray, problems: TableProblems, what: str) -> None:
    """Report rows whose value is not a whole number (years, window lengths)."""
    with np.errstate(invalid="ignore"):
        bad = ~np.isnan(values) & (np.floor(values) != values)
    for row in np.flatnonzero(bad)[:20]:
        problems.add(Problem(problems.file, where(chunk, int(row), name),
                             f"{float(values[row])!r} is not {what}"))  # fmt: skip


def words(
    chunk: Chunk, name: str, parse: Callable[[object], float], problems: TableProblems
) -> FloatArray:
    """A column of words (or numbers) mapped to codes by `parse` (which raises ValueError for a
    bad value); NaN where empty."""
    column = _plain(chunk.table.column(name))
    if not is_text(column):
        raw = numbers(chunk, name, problems)
        distinct = [v for v in np.unique(raw) if not math.isnan(v)]
        return _mapped(chunk, name, raw, parse, {v: _code(parse, v) for v in distinct}, problems)
    encoded = pc.dictionary_encode(column).combine_chunks()
    index = pc.fill_null(encoded.indices, -1).to_numpy()
    dictionary = encoded.dictionary.to_pylist()
    codes = np.array([_code(parse, value) for value in dictionary] + [np.nan])
    for slot, value in enumerate(dictionary):
        if math.isinf(codes[slot]):
            row = int(np.flatnonzero(index == slot)[0])
            problems.add(Problem(problems.file, where(chunk, row, name), _why(parse, value)))
    out: FloatArray = codes[np.asarray(index, dtype=np.int64)]
    return out


def _mapped(
    chunk: Chunk,
    name: str,
    raw: FloatArray,
    parse: Callable[[object], float],
    mapping: dict[float, float],
    problems: TableProblems,
) -> FloatArray:
    out = raw.copy()
    for value, coded in mapping.items():
        if math.isinf(coded):
            row = int(np.flatnonzero(raw == value)[0])
            problems.add(Problem(problems.file, where(chunk, row, name), _why(parse, value)))
        out[raw == value] = coded
    return out


def _code(parse: Callable[[object], float], value: object) -> float:
    try:
        return parse(value)
    except ValueError:
        return math.inf  # marks a bad value (never a valid code)


def _why(parse: Callable[[object], float], value: object) -> str:
    try:
        parse(value)
    except ValueError as exc:
        return str(exc)
    return f"{value!r} is not valid"
