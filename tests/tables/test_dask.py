"""blueprint_tracker.dask: assess_frame per partition, on a two-process LocalCluster."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from blueprint_tracker import assess_frame  # noqa: E402
from blueprint_tracker.dask import assess, by_series  # noqa: E402

YEARS = np.arange(2011, 2021)


def _table(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    values = 10 * np.exp(rng.normal(0.02, 0.1, (n, YEARS.size)).cumsum(axis=1))
    values[rng.random(values.shape) < 0.2] = np.nan
    frame = pd.DataFrame({
        "series_id": np.repeat([f"s{i:04d}" for i in range(n)], YEARS.size),
        "year": np.tile(YEARS, n), "value": values.ravel(),
        "target": np.repeat(np.where(rng.random(n) < 0.3, np.nan, rng.uniform(5, 30, n)),
                            YEARS.size),
    })  # fmt: skip
    return frame.sample(frac=1.0, random_state=3)  # rows scattered over the partitions


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as running:
        yield running


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("series_id").reset_index(drop=True)


@pytest.mark.parametrize("method", ["eurostat", "trend"])
def test_a_cluster_gives_the_single_process_results(client: distributed.Client,
                                                    method: str) -> None:  # fmt: skip
    table = _table(400)
    ddf = dd.from_pandas(table, npartitions=6)
    result = assess(ddf, method=method, direction="increase", target_year=2030).compute()
    single = assess_frame(table, method=method, direction="increase", target_year=2030)
    assert len(result) == 400 and result["series_id"].is_unique
    pd.testing.assert_frame_equal(_sorted(result), _sorted(single), check_categorical=False)
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes did the work


def test_by_series_keeps_each_series_in_one_partition() -> None:
    ddf = by_series(dd.from_pandas(_table(200), npartitions=5))
    ids = [set(ddf.get_partition(i).compute()["series_id"]) for i in range(ddf.npartitions)]
    assert sum(len(s) for s in ids) == 200  # no series in two partitions


def test_without_the_shuffle_a_split_series_would_be_assessed_twice() -> None:
    table = _table(50).sort_values(["series_id", "year"])
    ddf = dd.from_pandas(table, npartitions=4, sort=False)
    grouped = assess(ddf, method="statcan", direction=1, target_year=2030).compute()
    assert grouped["series_id"].is_unique and len(grouped) == 50
    split = assess(ddf, method="statcan", direction=1, target_year=2030, shuffle=False)
    split = split.compute()
    assert not split["series_id"].is_unique  # why by_series exists
