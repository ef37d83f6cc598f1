"""Per-series options: a column of the table (one value per series, repeated on its rows) or
a keyword argument for every series; the same checks as :func:`blueprint_tracker.prepare`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from blueprint_tracker.assess import AssessmentInputError, _direction
from blueprint_tracker.compute.progress._batch import GE, LE
from blueprint_tracker.domain.assessment import COMPARATOR_ORDER, Comparator
from blueprint_tracker.errors import Problem
from blueprint_tracker.tables.chunks import Chunk
from blueprint_tracker.tables.columns import FloatArray, numbers, where, whole, words
from blueprint_tracker.tables.problems import TableProblems

NUMBER_OPTIONS = ("target", "limit", "tolerance")
YEAR_OPTIONS = ("target_year", "base_year", "evaluation_year", "window", "min_span")
WORD_OPTIONS = ("direction", "comparator", "projection")
OPTION_COLUMNS = NUMBER_OPTIONS + YEAR_OPTIONS + WORD_OPTIONS
DEFAULTS: dict[str, object] = {"tolerance": 0.02, "projection": "cagr", "window": 5, "min_span": 3}


def _comparator(value: object) -> float:
    try:
        return float(COMPARATOR_ORDER.index(Comparator(str(value).strip())))
    except ValueError:
        raise ValueError(f"comparator must be '>=', '<=' or '~', not {value!r}") from None


def _projection(value: object) -> float:
    key = str(value).strip().lower()
    if key not in ("cagr", "linear"):
        raise ValueError(f"projection must be 'cagr' or 'linear', not {value!r}")
    return float(key == "linear")


def _direction_code(value: object) -> float:
    try:
        return float(_direction(value))
    except AssessmentInputError as exc:
        raise ValueError(str(exc)) from None


PARSERS = {"direction": _direction_code, "comparator": _comparator, "projection": _projection}


def scalar_defaults(options: Mapping[str, Any]) -> dict[str, float]:
    """The keyword arguments as engine numbers (NaN = not given); a bad one raises at once."""
    given = {**DEFAULTS, **{k: v for k, v in options.items() if v is not None}}
    out: dict[str, float] = {}
    for name in OPTION_COLUMNS:
        value = given.get(name)
        if value is None:
            out[name] = math.nan
        elif name in PARSERS:
            try:
                out[name] = PARSERS[name](value)
            except ValueError as exc:
                raise AssessmentInputError(str(exc)) from None
        else:
            out[name] = _scalar_number(name, value)
    return out


def _scalar_number(name: str, value: object) -> float:
    whole_years = name in YEAR_OPTIONS
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        kind = "an integer" if whole_years else "a finite number"
        raise AssessmentInputError(f"{name} must be {kind}, not {value!r}")
    number = float(value)
    if not math.isfinite(number) or (whole_years and number != math.floor(number)):
        kind = "an integer" if whole_years else "a finite number"
        raise AssessmentInputError(f"{name} must be {kind}, not {value!r}")
    return number


@dataclass(frozen=True)
class SeriesOptions:
    """Engine parameters, one value per series, and where each came from (for messages)."""

    values: dict[str, FloatArray]
    from_column: dict[str, np.ndarray[Any, np.dtype[np.bool_]]]


def _row_values(chunk: Chunk, name: str, problems: TableProblems) -> FloatArray:
    if name in PARSERS:
        return words(chunk, name, PARSERS[name], problems)
    values = numbers(chunk, name, problems)
    if name in YEAR_OPTIONS:
        whole(chunk, name, values, problems, "a whole number")
    return values


def _per_series(chunk: Chunk, name: str, rows: FloatArray, problems: TableProblems) -> FloatArray:
    """The value on each series' first row; a series whose rows disagree is a problem."""
    firsts = chunk.starts[:-1]
    per_series = rows[firsts]
    again = np.repeat(per_series, np.diff(chunk.starts))
    with np.errstate(invalid="ignore"):
        differs = ~((rows == again) | (np.isnan(rows) & np.isnan(again)))
    for row in np.flatnonzero(differs)[:5]:
        problems.add(Problem(problems.file, where(chunk, int(row), name),
                             f"{name} differs between the rows of one series"))  # fmt: skip
    return per_series


def _constant_within_series(chunk: Chunk, name: str) -> bool:
    """Fast check: every change of value in the column falls on a series boundary."""
    column = chunk.table.column(name).combine_chunks()
    if pa.types.is_dictionary(column.type):
        column = column.dictionary_decode()
    if len(column) == 0:
        return True
    ends = pc.run_end_encode(column, run_end_type=pa.int64()).run_ends.to_numpy()
    bounds = chunk.starts[1:]
    at = np.minimum(np.searchsorted(bounds, ends), bounds.size - 1)
    return bool(np.all(bounds[at] == ends))


def _first_rows(chunk: Chunk, names: list[str]) -> Chunk:
    """The first row of every series (its options), row numbers kept."""
    firsts = chunk.starts[:-1]
    table = chunk.table.select(names).take(pa.array(firsts))
    return Chunk(table, np.arange(firsts.size + 1, dtype=np.int64), chunk.origin[firsts])


def series_options(
    chunk: Chunk, defaults: Mapping[str, float], problems: TableProblems
) -> SeriesOptions:
    values: dict[str, FloatArray] = {}
    from_column: dict[str, np.ndarray[Any, np.dtype[np.bool_]]] = {}
    present = [name for name in OPTION_COLUMNS if name in chunk.table.column_names]
    firsts = _first_rows(chunk, present)
    for name in OPTION_COLUMNS:
        if name in present:
            if not _constant_within_series(chunk, name):  # find the rows (slow, rare)
                _per_series(chunk, name, _row_values(chunk, name, problems), problems)
            own = _row_values(firsts, name, problems)
            from_column[name] = ~np.isnan(own)
            values[name] = np.where(np.isnan(own), defaults[name], own)
        else:
            from_column[name] = np.zeros(chunk.series, dtype=np.bool_)
            values[name] = np.full(chunk.series, defaults[name])
    found = SeriesOptions(values, from_column)
    _check(chunk, found, problems)
    problems.raise_if_any()
    return found


def _report(
    chunk: Chunk, found: SeriesOptions, name: str, bad: Any, message: str, problems: TableProblems
) -> None:
    for series in np.flatnonzero(bad)[:5]:
        if found.from_column[name][series]:
            location = where(chunk, int(chunk.starts[series]), name)
        else:
            location = f"series starting on row {chunk.row_number(int(chunk.starts[series]))}"
            location += f" (argument {name})" if not math.isnan(found.values[name][series]) else ""
        problems.add(Problem(problems.file, location, message))


def _check(chunk: Chunk, found: SeriesOptions, problems: TableProblems) -> None:
    v = found.values
    # no comparator: at least the target to increase, at most to decrease (as assess_series)
    v["comparator"] = np.where(
        np.isnan(v["comparator"]), np.where(v["direction"] < 0, LE, GE), v["comparator"]
    )
    with np.errstate(invalid="ignore"):
        _report(
            chunk,
            found,
            "direction",
            np.isnan(v["direction"]),
            "direction is required (a direction column or the direction argument)",
            problems,
        )
        for name in ("target", "limit", "tolerance"):
            _report(
                chunk, found, name, np.isinf(v[name]), f"{name} must be a finite number", problems
            )
        targeted = ~np.isnan(v["target"])
        _report(
            chunk,
            found,
            "target",
            targeted & np.isnan(v["target_year"]),
            "a target needs a target_year",
            problems,
        )
        _report(
            chunk,
            found,
            "tolerance",
            v["tolerance"] < 0,
            "tolerance must not be negative",
            problems,
        )
        for name in ("window", "min_span"):
            _report(chunk, found, name, v[name] < 1, f"{name} must be at least 1 year", problems)
        comparator = v["comparator"]
        expected = np.where(comparator == GE, 1.0, np.where(comparator == LE, -1.0, v["direction"]))
        _report(chunk, found, "comparator", targeted & (expected != v["direction"]),
                "the comparator contradicts the direction", problems)  # fmt: skip


def engine_parameters(found: SeriesOptions) -> dict[str, Any]:
    """Keyword arguments of :func:`make_batch`."""
    v = found.values
    params: dict[str, Any] = {
        name: v[name] for name in ("direction", "target", "target_year", "tolerance",
                                   "base_year", "window", "min_span", "evaluation_year", "limit")
    }  # fmt: skip
    params["comparator"] = v["comparator"].astype(np.int64)
    params["linear"] = v["projection"] == 1.0
    return params
