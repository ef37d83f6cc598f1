"""Benchmark: a 250-indicator Open SDG repository with breakdowns, imported and assessed.

Builds a synthetic repository (17 goals, 250 indicators, 2010–2024, up to three breakdowns:
Sex × Age × Location, some with a Units column, every indicator with a progress setting), then
prints: the ``blueprint opensdg import`` time (goal < 30 s), the first store load of the figures,
and the full status report time (every indicator, every method; goal < 2 s, median of --runs),
and the served indicator page (first request, then from the page cache).
Figures only, no assertions.

    PYTHONPATH=src python bench/opensdg_scale.py [--indicators 250] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

YEARS = range(2010, 2025)
SEXES = ("Female", "Male")
AGES = ("0-14", "15-24", "25-64", "65+")
PLACES = ("Urban", "Rural")


def _rows(rng: random.Random, dims: int, units: bool) -> list[str]:
    columns = ["Year", *(["Units"] if units else []), *("Sex", "Age", "Location")[:dims], "Value"]
    lines = [",".join(columns)]
    groups: list[tuple[str, ...]] = [()]
    if dims >= 1:
        groups += [(s,) for s in SEXES]
    if dims >= 2:
        groups += [(s, a) for s in SEXES for a in AGES]
    if dims >= 3:
        groups += [(s, a, p) for s in SEXES for a in AGES for p in PLACES]
    for unit in ("Percent", "Number") if units else ("",):
        for group in groups:
            cells = [*group, *[""] * (dims - len(group))]
            level, slope = rng.uniform(10, 90), rng.uniform(-0.03, 0.03)
            for year in YEARS:
                value = round(level * (1 + slope) ** (year - YEARS[0]), 2)
                lines.append(",".join([str(year), *([unit] if units else []), *cells, str(value)]))
    return lines


def build(root: Path, count: int) -> int:
    rng = random.Random(20251201)
    (root / "data").mkdir(parents=True)
    (root / "indicator-config").mkdir()
    (root / "config_data.yml").write_text("languages:\n  - en\n  - fr\n")
    figures = 0
    for n in range(count):
        goal, target, number = n % 17 + 1, n // 17 % 9 + 1, n // 153 + 1
        file_id = f"{goal}-{target}-{number}"
        dims, units = n % 4, n % 5 == 0
        lines = _rows(rng, dims, units)
        figures += len(lines) - 1
        (root / "data" / f"indicator_{file_id}.csv").write_text("\n".join(lines) + "\n")
        target_line = f"    target: {rng.uniform(20, 80):.1f}\n" if n % 2 else ""
        unit_line = "    unit: Percent\n" if units else ""
        (root / "indicator-config" / f"{file_id}.yml").write_text(
            f"indicator_number: '{file_id.replace('-', '.')}'\n"
            f"indicator_name: Indicator {file_id}\n"
            "reporting_status: complete\n"
            "source_organisation_1: Synthetic statistics office\n"
            "source_url_1: https://stats.example.org/sdg\n"
            "auto_progress_calculation: true\n"
            "progress_calculation_options:\n"
            f"  - direction: {'positive' if n % 3 else 'negative'}\n"
            f"{target_line}{unit_line}"
        )
    return figures


def _pages(settings: object, ids: list[str]) -> None:
    """The served indicator page (with its breakdown selector): the first request builds the
    edition's page data; later ones read the page cache."""
    from fastapi.testclient import TestClient

    from blueprint_tracker.web.app import create_app

    with TestClient(create_app(settings)) as client:  # type: ignore[arg-type]
        start = time.perf_counter()
        client.get(f"/en/indicators/{ids[0]}/")
        first = time.perf_counter() - start
        seconds = []
        for indicator_id in ids[1:]:
            start = time.perf_counter()
            assert client.get(f"/fr/indicators/{indicator_id}/").status_code == 200
            seconds.append(time.perf_counter() - start)
    print(f"indicator page: first {first:.2f} s, then median {statistics.median(seconds):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--indicators", type=int, default=250)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.opensdg import default_options, import_repository
    from blueprint_tracker.services.status import status_report
    from blueprint_tracker.services.workspace import open_workspace

    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        figures = build(root / "repo", args.indicators)
        print(f"repository: {args.indicators} indicators, {figures} figures")
        start = time.perf_counter()
        options = default_options(root / "repo", source_url="https://stats.example.org/sdg")
        report = import_repository(root / "repo", root / "plan", options)
        took = time.perf_counter() - start
        print(
            f"opensdg import: {took:.2f} s (goal < 30 s); {report['observations']} figures, "
            f"{report['breakdown_observations']} in breakdowns"
        )
        settings = Settings(data_dir=root / "data", plan=str(root / "plan"))
        start = time.perf_counter()
        ws = open_workspace(settings)
        print(f"first load into the store: {time.perf_counter() - start:.2f} s")
        seconds = []
        for _ in range(args.runs):
            start = time.perf_counter()
            status = status_report(ws)
            seconds.append(time.perf_counter() - start)
        readings = sum(len(i["progress"]) for i in status["indicators"])
        _pages(settings, [i["id"] for i in status["indicators"][: args.runs + 1]])
        print(f"full status report: median {statistics.median(seconds):.2f} s, fastest "
              f"{min(seconds):.2f} s (goal < 2 s); {readings} progress readings × "
              f"{len(status['methods'])} methods")  # fmt: skip


if __name__ == "__main__":
    main()
