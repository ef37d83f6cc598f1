"""Benchmark: how long the ``blueprint`` CLI takes to start and answer, beside bare Python.

Runs each command in a fresh process (as a user would) and prints the median and the fastest of
``--runs`` runs, and the median minus the median of ``python3 -c pass``. Goals (issue 11):
``--help`` within 0.3 s of bare Python, ``indicators`` within 0.6 s. Figures only, no assertions.
The store is a temporary SQLite file, opened (and seeded) once before timing.

    PYTHONPATH=src python bench/cli_latency.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("--version",),
    ("indicators",),
    ("indicators", "--json"),
    ("show", "1.2"),
    ("status",),
)
CLI = ("-c", "from blueprint_tracker.cli.app import run; run()")


def timed(argv: list[str], env: dict[str, str], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "BLUEPRINT_DATA_DIR": data_dir}
        subprocess.run([sys.executable, *CLI, "sources"], env=env, stdout=subprocess.DEVNULL)
        bare = statistics.median(timed([sys.executable, "-c", "pass"], env, runs))
        print(f"{'command':<24} {'median s':>9} {'fastest s':>9} {'minus bare':>10}")
        print(f"{'python3 -c pass':<24} {bare:9.3f}")
        for command in COMMANDS:
            seconds = timed([sys.executable, *CLI, *command], env, runs)
            median = statistics.median(seconds)
            name = "blueprint " + " ".join(command)
            print(f"{name:<24} {median:9.3f} {min(seconds):9.3f} {median - bare:+10.3f}")
    print(f"({runs} runs each; goals: --help within +0.300, indicators within +0.600)")


if __name__ == "__main__":
    main()
