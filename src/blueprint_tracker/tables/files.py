"""Files in, file out: a CSV or Parquet long table assessed chunk by chunk into a Parquet or
CSV result, written to a temporary file and moved into place only when every chunk passed."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from blueprint_tracker.errors import InputError, Problem, TableRejectedError
from blueprint_tracker.tables.frame import FrameRequest, iter_assess

READ_ROWS = 1 << 20  # rows per Parquet read
CSV_BLOCK = 16 << 20  # bytes per CSV block
SUFFIXES = (".csv", ".parquet")
Progress = Callable[[int, int], None]  # (done, total) in the input's units


@dataclass
class Summary:
    """What one run did, for people and for --json."""

    input: str
    output: str
    method: str
    rows: int = 0
    series: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"input": self.input, "output": self.output, "method": self.method,
                "rows": self.rows, "series": self.series, "statuses": dict(self.statuses),
                "seconds": round(self.seconds, 3)}  # fmt: skip


def _kind(path: Path, what: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: the {what} must be a .csv or .parquet file")
    return suffix


class _Counting:
    """A binary file that tells how far it has been read (for the CSV progress bar)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle, self.position = handle, 0
        self.closed = False

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.position += len(data)
        return data

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True


def _csv_pieces(path: Path, handle: _Counting) -> Iterator[pa.Table]:
    convert = pacsv.ConvertOptions(column_types={"series_id": pa.string()},
                                   strings_can_be_null=True)  # fmt: skip
    try:
        reader = pacsv.open_csv(handle, read_options=pacsv.ReadOptions(block_size=CSV_BLOCK),
                                convert_options=convert)  # fmt: skip
        for batch in reader:
            yield pa.Table.from_batches([batch])
    except pa.ArrowInvalid as exc:
        raise TableRejectedError(f"{path}: cannot be read as CSV",
                                 [Problem(str(path), "", str(exc).strip())]) from None  # fmt: skip


def _parquet_pieces(path: Path) -> tuple[Iterator[pa.Table], int]:
    try:
        source = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: cannot be read as Parquet ({exc})") from None
    batches = source.iter_batches(batch_size=READ_ROWS)
    return (pa.Table.from_batches([b]) for b in batches), source.metadata.num_rows


class _Writer:
    """Parquet or CSV, written chunk by chunk to a temporary file beside the output."""

    def __init__(self, path: Path) -> None:
        self.path, self.suffix = path, _kind(path, "output")
        self.partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
        self.writer: Any = None

    def write(self, table: pa.Table) -> None:
        if self.suffix == ".csv":
            table = table.cast(_plain_schema(table.schema))
        if self.writer is None:
            make = pq.ParquetWriter if self.suffix == ".parquet" else pacsv.CSVWriter
            self.writer = make(str(self.partial), table.schema)
        self.writer.write_table(table)

    def finish(self, empty: pa.Table) -> None:
        if self.writer is None:
            self.write(empty)
        self.writer.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        if self.writer is not None:
            with suppress(Exception):
                self.writer.close()
        with suppress(FileNotFoundError):
            self.partial.unlink()


def _plain_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([
        pa.field(f.name, f.type.value_type) if pa.types.is_dictionary(f.type) else f
        for f in schema
    ])  # fmt: skip


def assess_file(
    source: Path, target: Path, req: FrameRequest, progress: Progress | None = None
) -> Summary:
    """Assess every series of `source` into `target`; nothing is left at `target` on error."""
    from blueprint_tracker.tables.output import empty_table

    if not source.is_file():
        raise InputError(f"{source}: no such file")
    suffix, started = _kind(source, "input"), time.perf_counter()
    summary = Summary(str(source), str(target), req.method)
    writer = _Writer(target)
    with source.open("rb") as raw:
        counting = _Counting(raw)
        if suffix == ".csv":
            parts, total = _csv_pieces(source, counting), source.stat().st_size
        else:
            parts, total = _parquet_pieces(source)
        try:
            for out, rows in iter_assess(parts, req):
                writer.write(out)
                summary.rows += rows
                summary.series += out.num_rows
                summary.statuses.update(_counts(out))
                if progress is not None:
                    done = counting.position if suffix == ".csv" else summary.rows
                    progress(min(done, total), total)
            writer.finish(empty_table(req.method, req.bootstrap, pa.string(), req.languages))
        except BaseException:
            writer.abandon()
            raise
    summary.seconds = time.perf_counter() - started
    return summary


def _counts(out: pa.Table) -> dict[str, int]:
    counts = pc.value_counts(out.column("status").combine_chunks().dictionary_decode())
    return {item["values"].as_py(): item["counts"].as_py() for item in counts}
