"""Tables in and out: pandas, Polars and Arrow, with Arrow as the common currency."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyarrow as pa

from blueprint_tracker.assess import AssessmentInputError

KINDS = ("pandas", "polars", "arrow")


def kind_of(table: object) -> str | None:
    """ "pandas", "polars" or "arrow" for a table of that library; None for anything else."""
    module = type(table).__module__.split(".")[0]
    if module == "pandas" and hasattr(table, "columns"):
        return "pandas"
    if module == "polars" and hasattr(table, "to_arrow"):
        return "polars"
    if isinstance(table, pa.Table | pa.RecordBatch):
        return "arrow"
    return None


def to_arrow(table: Any) -> pa.Table:
    """An Arrow table over the same data (zero-copy from Polars and, for numeric columns,
    from pandas)."""
    kind = kind_of(table)
    if kind == "pandas":
        return pa.Table.from_pandas(table, preserve_index=False)
    if kind == "polars":
        return table.to_arrow()
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table])
    if isinstance(table, pa.Table):
        return table
    raise AssessmentInputError(
        f"assess_frame takes a pandas, Polars or Arrow table (or an iterable of them), "
        f"not {type(table).__name__}"
    )


def from_arrow(table: pa.Table, kind: str) -> Any:
    """The table as `kind` (pandas, polars or arrow)."""
    if kind == "pandas":  # whole years and flags keep their type when some are missing
        import pandas as pd

        types = {pa.int32(): pd.Int32Dtype(), pa.bool_(): pd.BooleanDtype()}
        return table.to_pandas(split_blocks=True, self_destruct=True, types_mapper=types.get)
    if kind == "polars":
        import polars as pl

        return pl.from_arrow(table, rechunk=False)
    return table


def pieces(source: Any) -> tuple[Iterator[pa.Table], str, bool]:
    """The input as Arrow pieces, the kind of table to give back and whether it is one table
    held in memory (which may be regrouped) rather than a stream (which must be grouped)."""
    kind = kind_of(source)
    if kind is not None:
        return iter([to_arrow(source)]), kind, True
    if isinstance(source, pa.RecordBatchReader):
        return (pa.Table.from_batches([b]) for b in source), "arrow", False
    if isinstance(source, Iterable) and not isinstance(source, str | bytes | Mapping):
        return _stream(iter(source))
    raise AssessmentInputError(
        f"assess_frame takes a pandas, Polars or Arrow table (or an iterable of them), "
        f"not {type(source).__name__}"
    )


def _stream(items: Iterator[Any]) -> tuple[Iterator[pa.Table], str, bool]:
    first = next(items, None)
    if first is None:
        return iter([]), "arrow", False
    kind = kind_of(first) or "arrow"

    def tables() -> Iterator[pa.Table]:
        yield to_arrow(first)
        for item in items:
            yield to_arrow(item)

    return tables(), kind, False
