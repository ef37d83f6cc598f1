"""Benchmark: bulk assessment through ``assess_frame``, Dask and the raw engine.

Prints series per second and peak memory (max RSS) for 1 million and 10 million synthetic
series (20 annual points, gaps, mixed signs; the series of bench/assess_scale.py) through
``assess_frame`` with pandas and Arrow input, through ``blueprint_tracker.dask.assess`` on a
2-worker LocalCluster, and the raw engine per method with each scan backend (numpy, numba).
Each case runs in its own process, so each peak RSS is that case's own. Ten million series do
not fit in memory as one long table (~200 million rows), so that run streams the input in
chunks of 250,000 series, as a Parquet file or a CSV would be read.

Throughput is given twice: per wall-clock second and per CPU second of the process. The
machine is shared, so the CPU figure ("per core") is the steadier one; the engine runs on one
core, so per CPU second is per core.

With ``--opensdg DIR`` (a checkout of open-sdg/sdg-build, not shipped with this project) it
also runs Open SDG's own ``SeriesProgress`` on 2,000 of the same series and prints its speed,
the ratio to ours and how many statuses agree. Figures only, no assertions.

    PYTHONPATH=src python bench/assess_frame.py [--sizes 1000000,10000000] [--opensdg DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from assess_scale import YEARS, synthetic  # noqa: E402

CHUNK = 250_000  # series per streamed piece
METHOD = "eurostat"  # the method of the assess_frame and Dask cases


def long_piece(n: int, first_id: int, seed: int) -> Any:
    """An Arrow long table of `n` series (observed years only, options as columns)."""
    import pyarrow as pa

    batch = synthetic(n, seed=seed)
    observed = ~np.isnan(batch.values)
    rows, cols = np.nonzero(observed)
    per_series: dict[str, Any] = {
        "direction": batch.direction.astype(np.int8),
        "target": batch.target,
        "target_year": batch.target_year.astype(np.int16),
        "base_year": batch.base_year.astype(np.int16),
    }
    columns = {
        "series_id": pa.array(first_id + rows.astype(np.int64)),
        "year": pa.array(YEARS[cols].astype(np.int16)),
        "value": pa.array(batch.values[rows, cols]),
    }
    for name, values in per_series.items():
        columns[name] = pa.array(values[rows], from_pandas=True)
    return pa.table(columns)


def pieces(n: int, kind: str) -> Iterator[Any]:
    for index, start in enumerate(range(0, n, CHUNK)):
        piece = long_piece(min(CHUNK, n - start), start, seed=1000 + index)
        yield piece.to_pandas() if kind == "pandas" else piece


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(work: Callable[[], Any]) -> dict[str, float]:
    wall, cpu = time.perf_counter(), _cpu()
    work()
    return {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu}


def case_engine(n: int, method: str, backend: str) -> dict[str, float]:
    from blueprint_tracker.compute.progress import _scan
    from blueprint_tracker.compute.progress.engine import assess_batch

    _scan.use(backend)
    batch = synthetic(n)
    assess_batch(method, batch.rows(0, 2_000))  # compile (numba) and warm up
    runs = [_timed(lambda: assess_batch(method, batch)) for _ in range(3)]
    return min(runs, key=lambda r: r["cpu"])  # the least disturbed of three runs


def case_frame(n: int, kind: str) -> dict[str, float]:
    from blueprint_tracker import assess_frame

    assess_frame(long_piece(100, 0, 1), method=METHOD)  # warm up
    if n <= CHUNK * 4:  # one table in memory
        table = long_piece(n, 0, seed=1000)
        source: Any = table.to_pandas() if kind == "pandas" else table
        del table
        timing = _timed(lambda: assess_frame(source, method=METHOD))
    else:  # streamed: generating the pieces is timed too (see the note printed)
        timing = _timed(lambda: assess_frame(pieces(n, kind), method=METHOD))
    return timing


def _dask_partition(index: int, per: int, n: int) -> Any:
    return long_piece(min(per, n - index * per), index * per, seed=1000 + index).to_pandas()


def _worker_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def case_dask(n: int) -> dict[str, float]:
    """Partitions of whole series generated on the workers (so no data travels from here);
    the generation alone is timed too, and taken off in the "assessment" figure."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from blueprint_tracker.dask import assess

    parts = list(range((n + CHUNK - 1) // CHUNK))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, memory_limit="6GiB") as cluster, \
            Client(cluster) as client:  # fmt: skip
        ddf = dd.from_map(_dask_partition, parts, per=CHUNK, n=n)  # one partition = whole series
        out = Path(tempfile.mkdtemp(prefix="bench-dask-"))
        warm = dd.from_map(_dask_partition, [0], per=100, n=100)
        assess(warm, method=METHOD, shuffle=False).compute()
        generation = _timed(lambda: ddf.map_partitions(len).compute())["wall"]
        before = sum(client.run(_worker_cpu).values())
        timing = _timed(lambda: assess(ddf, method=METHOD, shuffle=False).to_parquet(out))
        timing["cpu"] = sum(client.run(_worker_cpu).values()) - before  # the workers' CPU
        timing["assess_only"] = timing["wall"] - generation
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        timing["worker_rss_mib"] = max(workers.values()) / 1024
    return timing


def run_case(args: list[str]) -> dict[str, Any]:
    """One case in a fresh process: its own peak RSS."""
    command = [sys.executable, __file__, "--case", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _one_case(name: str, n: int, extra: str) -> None:
    cases: dict[str, Callable[[], dict[str, float]]] = {
        "engine": lambda: case_engine(n, *extra.split(":")),
        "frame": lambda: case_frame(n, extra),
        "dask": lambda: case_dask(n),
    }
    result: dict[str, Any] = cases[name]()
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _line(label: str, n: int, result: dict[str, Any]) -> str:
    if "error" in result:
        return f"{label:42s} failed: {result['error']}"
    text = (
        f"{label:42s} {n / result['wall']:12,.0f} series/s wall "
        f"{n / result['cpu']:12,.0f} per CPU-s   peak RSS {result['peak_rss_mib']:7,.0f} MiB"
    )
    if "worker_rss_mib" in result:
        text += (
            f" (+ each worker ≤ {result['worker_rss_mib']:,.0f} MiB); without generating "
            f"the data: {n / max(result['assess_only'], 1e-9):,.0f} series/s wall"
        )
    return text  # fmt: skip


def main_cases(sizes: list[int], dask: bool) -> None:
    from blueprint_tracker.compute.progress.engine import METHODS

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    small = min(sizes)
    for method in METHODS:
        for backend in ("numpy", "numba"):
            label = f"engine {method} ({backend})"
            print(_line(label, small, run_case(["engine", str(small), f"{method}:{backend}"])))
    for n in sizes:
        for kind in ("arrow", "pandas"):
            mode = "in memory" if n <= CHUNK * 4 else "streamed"
            label = f"assess_frame {METHOD} {kind} {n:,} ({mode})"
            print(_line(label, n, run_case(["frame", str(n), kind])))
        if dask:
            label = f"dask 2 workers {METHOD} {n:,} -> parquet (CPU: workers)"
            print(_line(label, n, run_case(["dask", str(n), ""])))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--opensdg", type=Path, help="a checkout of open-sdg/sdg-build")
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--case", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        _one_case(args.case[0], int(args.case[1]), args.case[2])
        return
    if args.opensdg:
        from opensdg_compare import compare

        compare(args.opensdg, args.sample)
    main_cases([int(s) for s in args.sizes.split(",")], dask=not args.no_dask)


if __name__ == "__main__":
    main()
