"""Benchmark: every assessment method over 1,000,000 synthetic series of 20 annual points.

Prints series per second per method and peak memory; checks that `statcan` gives the same
statuses as a plain-Python port of Open SDG's implementation on a shared sample, and times that
port. Figures only, no assertions.

    PYTHONPATH=src python bench/assess_scale.py [--n 1000000] [--sample 2000]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import resource
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from blueprint_tracker.compute.progress._batch import GE, LE, Batch, make_batch
from blueprint_tracker.compute.progress.engine import METHODS, assess_batch
from blueprint_tracker.domain.assessment import STATUS_ORDER

YEARS = np.arange(2005, 2025)
REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "compute" / "opensdg_reference.py"


def synthetic(n: int, seed: int = 20221222) -> Batch:
    """Positive, zero, negative, gappy and short series mixed, with random milestones."""
    rng = np.random.default_rng(seed)
    steps = rng.normal(0.03, 0.08, (n, YEARS.size)).cumsum(axis=1)
    values = 10.0 * np.exp(steps)
    kind = rng.random(n)
    values[kind < 0.10] -= 12.0  # crosses zero / negative
    values[(kind >= 0.10) & (kind < 0.15), :5] = 0.0  # counts starting at zero
    values[rng.random(values.shape) < 0.15] = np.nan  # gaps
    values[kind > 0.95, :-2] = np.nan  # short series
    direction = rng.choice([1.0, -1.0], n)
    target = np.where(rng.random(n) < 0.1, np.nan, values[:, 10] * rng.uniform(0.5, 2.5, n))
    return make_batch(
        YEARS, values, direction=direction, target=target,
        target_year=rng.choice([2025.0, 2030.0], n), comparator=np.where(direction > 0, GE, LE),
        base_year=rng.choice([2010.0, 2015.0], n), linear=kind < 0.15,
    )  # fmt: skip


def _load_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("opensdg_reference", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_inputs(batch: Batch, i: int) -> tuple[dict[int, float], dict[str, Any]]:
    row = batch.values[i]
    data = {int(y): float(v) for y, v in zip(batch.years, row, strict=True) if not math.isnan(v)}
    config: dict[str, Any] = {
        "direction": "positive" if batch.direction[i] > 0 else "negative",
        "target_year": int(batch.target_year[i]),
        "base_year": int(batch.base_year[i]),
    }
    if not math.isnan(batch.target[i]):
        config["target"] = float(batch.target[i])
    return data, config


def compare_with_open_sdg(batch: Batch, sample: int) -> None:
    reference = _load_reference()
    part = batch.rows(0, sample)
    ours = assess_batch("statcan", part)["status"]
    agree = crashed = 0
    start = time.perf_counter()
    for i in range(sample):
        try:
            status, _ = reference.series_progress(*_reference_inputs(part, i))
        except (ValueError, ZeroDivisionError):
            crashed += 1
            continue
        agree += status == STATUS_ORDER[ours[i]].value
    elapsed = time.perf_counter() - start
    compared = sample - crashed
    print(f"statcan vs Open SDG port: {agree}/{compared} identical statuses "
          f"({crashed} series where Open SDG raises)")  # fmt: skip
    print(f"Open SDG port (plain Python, per series): {sample / elapsed:,.0f} series/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--bootstrap-n", type=int, default=20_000,
                        help="series for the trend + bootstrap (2,000 draws) timing")  # fmt: skip
    args = parser.parse_args()
    start = time.perf_counter()
    batch = synthetic(args.n)
    print(
        f"{args.n:,} series x {YEARS.size} years generated in {time.perf_counter() - start:.1f} s"
    )
    for method in METHODS:
        start = time.perf_counter()
        result = assess_batch(method, batch)
        elapsed = time.perf_counter() - start
        counts = np.bincount(result["status"].astype(np.int64), minlength=len(STATUS_ORDER))
        top = ", ".join(f"{STATUS_ORDER[c].value} {counts[c]:,}" for c in np.argsort(-counts)[:3])
        print(f"{method:9s} {args.n / elapsed:12,.0f} series/s  ({elapsed:.2f} s; {top})")
        del result
    part = batch.rows(0, min(args.bootstrap_n, args.n))
    start = time.perf_counter()
    assess_batch("trend", part, bootstrap=2_000)
    elapsed = time.perf_counter() - start
    print(f"trend + bootstrap (2,000 draws) {len(part) / elapsed:,.0f} series/s "
          f"({len(part):,} series, {elapsed:.2f} s)")  # fmt: skip
    compare_with_open_sdg(batch, min(args.sample, args.n))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (max RSS): {peak_kib / 1024:,.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
