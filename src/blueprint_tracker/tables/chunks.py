"""Cut a long table into chunks of whole series (a series never straddles two chunks).

A table held in memory is regrouped by ``series_id`` when its rows are not grouped already;
a stream of pieces (an iterator of tables, a Parquet or CSV reader) must hold each series'
rows together, and a piece may end in the middle of a series (its rows are carried over).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from blueprint_tracker.errors import Problem
from blueprint_tracker.tables.problems import TableProblems

ID = "series_id"
MAX_SERIES = 131_072  # series per chunk
SORT_HINT = f"sort the input by {ID} (or pass it as one table)"
MAX_CELLS = 1 << 22  # series x years per chunk (bounds the dense matrix: 32 MiB of float64)


@dataclass(frozen=True)
class Chunk:
    """Rows of whole series, each series' rows together."""

    table: pa.Table
    starts: NDArray[np.int64]  # first row of each series (len = series + 1, last = rows)
    origin: NDArray[np.int64]  # 0-based row number in the input of each row

    @property
    def series(self) -> int:
        return int(self.starts.size - 1)

    def row_number(self, row: int) -> int:
        """1-based row number in the input (for messages)."""
        return int(self.origin[row]) + 1


def run_starts(ids: pa.ChunkedArray | pa.Array) -> NDArray[np.int64]:
    """Start of every run of equal ids, and the number of rows at the end."""
    array = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    if pa.types.is_dictionary(array.type):
        array = array.dictionary_decode()
    if len(array) == 0:
        return np.zeros(1, dtype=np.int64)
    ends = pc.run_end_encode(array, run_end_type=pa.int64()).run_ends.to_numpy()
    return np.concatenate([[0], ends]).astype(np.int64)


def _check_ids(table: pa.Table, origin: NDArray[np.int64], problems: TableProblems) -> None:
    if ID not in table.column_names:
        problems.add(Problem(problems.file, "", f"no column {ID!r}"), fatal=True)
    nulls = table.column(ID).is_null()
    if pc.any(nulls).as_py():
        row = int(np.flatnonzero(nulls.to_numpy(zero_copy_only=False))[0])
        problems.add(Problem(problems.file, f"row {origin[row] + 1}, column {ID}",
                             "series_id is empty"), fatal=True)  # fmt: skip


def grouped(
    table: pa.Table, problems: TableProblems
) -> tuple[pa.Table, NDArray[np.int64], NDArray[np.int64]]:
    """The table with each series' rows together (stable), each row's input row number and
    the runs' starts."""
    origin = np.arange(table.num_rows, dtype=np.int64)
    _check_ids(table, origin, problems)
    ids = table.column(ID)
    starts = run_starts(ids)
    firsts = ids.take(pa.array(starts[:-1]))  # one id per run: grouped if all differ
    if table.num_rows == 0 or starts.size - 1 == pc.count_distinct(firsts).as_py():
        return table, origin, starts
    order = pc.sort_indices(table, sort_keys=[(ID, "ascending")])
    table = table.take(order)
    return table, order.to_numpy().astype(np.int64), run_starts(table.column(ID))


def split(
    table: pa.Table,
    origin: NDArray[np.int64],
    years_span: int,
    starts: NDArray[np.int64] | None = None,
) -> Iterator[Chunk]:
    """Chunks of at most MAX_SERIES series and MAX_CELLS series x years."""
    starts = run_starts(table.column(ID)) if starts is None else starts
    per_chunk = max(1, min(MAX_SERIES, MAX_CELLS // max(years_span, 1)))
    for first in range(0, starts.size - 1, per_chunk):
        bounds = starts[first : first + per_chunk + 1]
        lo, hi = int(bounds[0]), int(bounds[-1])
        yield Chunk(table.slice(lo, hi - lo), bounds - lo, origin[lo:hi])


def year_span(table: pa.Table) -> int:
    """Width of the year axis of `table` (max - min + 1), 1 when it has no usable years."""
    if "year" not in table.column_names or table.num_rows == 0:
        return 1
    bounds = pc.min_max(table.column("year"))
    low, high = bounds["min"].as_py(), bounds["max"].as_py()
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return 1
    return int(high - low) + 1


def in_memory(table: pa.Table, problems: TableProblems) -> Iterator[Chunk]:
    """Chunks of one table held in memory (regrouped by series_id if need be)."""
    table, origin, starts = grouped(table, problems)
    yield from split(table, origin, year_span(table), starts)


def streamed(pieces: Iterator[pa.Table], problems: TableProblems) -> Iterator[Chunk]:
    """Chunks of a stream of pieces whose series' rows are together; the rows of the last series
    of a piece wait for the next piece."""
    carry: pa.Table | None = None
    offset = 0  # input row number of carry's (or the piece's) first row
    seen_last: object = None
    for piece in pieces:
        table = piece if carry is None else pa.concat_tables([carry, piece.cast(carry.schema)])
        origin = np.arange(offset, offset + table.num_rows, dtype=np.int64)
        _check_ids(table, origin, problems)
        starts = run_starts(table.column(ID))
        keep = int(starts[-2]) if starts.size > 1 else 0
        carry, complete = table.slice(keep), table.slice(0, keep)
        _check_stream_order(complete, origin, seen_last, problems)
        if complete.num_rows:
            seen_last = complete.column(ID)[-1].as_py()
        yield from split(complete, origin[:keep], year_span(complete))
        offset += keep
    if carry is not None and carry.num_rows:
        origin = np.arange(offset, offset + carry.num_rows, dtype=np.int64)
        _check_stream_order(carry, origin, seen_last, problems)
        yield from split(carry, origin, year_span(carry))


def _check_stream_order(
    table: pa.Table, origin: NDArray[np.int64], before: object, problems: TableProblems
) -> None:
    """A stream must keep each series' rows together: an id may not come back later."""
    if table.num_rows == 0:
        return
    ids = table.column(ID)
    starts = run_starts(ids)
    firsts = ids.take(pa.array(starts[:-1]))
    if pc.count_distinct(firsts).as_py() == starts.size - 1 and firsts[0].as_py() != before:
        return
    values = firsts.to_pylist()
    seen: set[object] = {before}
    for index, value in enumerate(values):
        if value in seen:
            row = origin[starts[index]] + 1
            message = f"the rows of series {value!r} are not together; {SORT_HINT}"
            problems.add(Problem(problems.file, f"row {row}, column {ID}", message), fatal=True)
        seen.add(value)


def check_unique(ids: list[pa.Array], problems: TableProblems) -> None:
    """After a stream: every series came in one block of rows (else its results would be
    split); names one series that did not."""
    if not ids:
        return
    every = pa.chunked_array(ids)
    if pc.count_distinct(every).as_py() == len(every):
        return
    counts = pc.value_counts(every)
    twice = counts.filter(pc.greater(counts.field("counts"), 1))[0]["values"].as_py()
    message = f"the rows of series {twice!r} are not together; {SORT_HINT}"
    problems.add(Problem(problems.file, f"column {ID}", message), fatal=True)
