"""Bulk assessment past one machine: :func:`assess` runs ``assess_frame`` on every partition
of a Dask DataFrame, on a laptop or on a ``dask.distributed`` cluster alike.

A series must not be split across partitions; :func:`by_series` (a shuffle on ``series_id``)
puts each series' rows in one partition, and :func:`assess` calls it unless told the data is
partitioned by series already. Needs the ``dask`` extra (``dask[distributed]``, pandas,
pyarrow). See docs/bulk.md.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from blueprint_tracker.tables.frame import assess_frame

__all__ = ["assess", "by_series"]

ID = "series_id"


def by_series(ddf: Any, npartitions: int | None = None) -> Any:
    """`ddf` shuffled so that all the rows of a series are in one partition (hash of
    ``series_id``); `npartitions` as Dask's ``shuffle``."""
    return ddf.shuffle(ID, npartitions=npartitions)


def _assess_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    out = assess_frame(part, **options)
    return out if isinstance(out, pd.DataFrame) else out.to_pandas()


def assess(ddf: Any, *, method: str, shuffle: bool = True, **options: Any) -> Any:
    """A lazy Dask DataFrame, one row per series: ``assess_frame`` on every partition.

    The keyword arguments are those of :func:`blueprint_tracker.assess_frame`. With
    `shuffle` (the default) the rows are first grouped by series with :func:`by_series`; pass
    ``shuffle=False`` when every series is already within one partition (e.g. a Parquet
    dataset written by series). Call ``.compute()`` or ``.to_parquet(...)`` on the result.
    """
    options = {"method": method, **options}
    meta = assess_frame(ddf._meta, **options)  # checks the arguments before any work
    source = by_series(ddf) if shuffle else ddf
    return source.map_partitions(_assess_partition, options, meta=meta)
