"""Benchmark: how long the ``blueprint`` CLI takes to start and answer, beside bare Python.

Runs each command in a fresh process (as a user would) and prints the median wall-clock time and
the median CPU time (user + system of the child: steadier on a busy machine) of ``--runs`` runs,
each minus the same median of ``python3 -c pass``. Goals (issue 11):
``--help`` within 0.3 s of bare Python, ``indicators`` within 0.6 s. Figures only, no assertions.
The store is a temporary SQLite file, opened (and seeded) once before timing.

    PYTHONPATH=src python bench/cli_latency.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import resource
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
CLI = ("-c", "from blueprint_tracker.main.app import run; run()")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of ``runs`` runs of ``argv``."""
    wall, cpu = [], []
    for _ in range(runs):
        start, used = time.perf_counter(), _cpu()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - start)
        cpu.append(_cpu() - used)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "BLUEPRINT_DATA_DIR": data_dir}
        subprocess.run([sys.executable, *CLI, "sources"], env=env, stdout=subprocess.DEVNULL)
        bare_wall, bare_cpu = timed([sys.executable, "-c", "pass"], env, runs)
        print(f"{'command':<28} {'wall s':>7} {'- bare':>7} {'CPU s':>7} {'- bare':>7}")
        print(f"{'python3 -c pass':<28} {bare_wall:7.3f} {'':>7} {bare_cpu:7.3f}")
        for command in COMMANDS:
            wall, cpu = timed([sys.executable, *CLI, *command], env, runs)
            name = "blueprint " + " ".join(command)
            print(
                f"{name:<28} {wall:7.3f} {wall - bare_wall:+7.3f} {cpu:7.3f} {cpu - bare_cpu:+7.3f}"
            )
    print(f"({runs} runs each, medians; goals: --help within +0.300 s, indicators within +0.600 s;")
    print(f" load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
