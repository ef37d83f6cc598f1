"""Web latency: start `blueprint serve` on loopback and load it with concurrent clients.

Prints requests per second and p50/p95 latency for the overview and an indicator page, for
one and for two worker processes. The load comes from ApacheBench (`ab`, Debian's
apache2-utils) when it is installed, so that the client does not take the CPU the server
needs; otherwise from an httpx client in this process.
Usage: python bench/web_latency.py [--clients 20] [--requests 1000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.web.browser_support import free_port, running, serve_command

PAGES = {"overview": "/zh-hant/", "indicator": "/en/indicators/1.1/"}


async def _client(base: str, path: str, count: int, times: list[float]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(count):
            start = time.perf_counter()
            response = await client.get(path)
            times.append(time.perf_counter() - start)
            response.raise_for_status()


def _httpx_load(url: str, clients: int, total: int) -> tuple[float, float, float, int]:
    base, path = url.split("/", 3)[:3], "/" + url.split("/", 3)[3]
    times: list[float] = []

    async def run() -> float:
        start = time.perf_counter()
        per_client = max(1, total // clients)
        await asyncio.gather(
            *(_client("/".join(base), path, per_client, times) for _ in range(clients))
        )
        return time.perf_counter() - start

    elapsed = asyncio.run(run())
    cuts = statistics.quantiles(times, n=100)
    return len(times) / elapsed, cuts[49] * 1000, cuts[94] * 1000, 0


def _ab_load(url: str, clients: int, total: int) -> tuple[float, float, float, int]:
    out = subprocess.run(
        ["ab", "-q", "-c", str(clients), "-n", str(total), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def number(pattern: str) -> float:
        match = re.search(pattern, out, re.MULTILINE)
        return float(match.group(1)) if match else float("nan")

    return (
        number(r"Requests per second:\s+([\d.]+)"),
        number(r"^\s+50%\s+(\d+)"),
        number(r"^\s+95%\s+(\d+)"),
        int(number(r"Failed requests:\s+(\d+)")),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="requests per page")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    load = _ab_load if shutil.which("ab") else _httpx_load
    print(f"load generator: {'ApacheBench' if load is _ab_load else 'httpx (in process)'}")
    env = dict(os.environ, BLUEPRINT_DATA_DIR=tempfile.mkdtemp(prefix="blueprint-bench-"))
    for workers in args.workers:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with running(serve_command(port, workers), f"{base}/zh-hant/", env):
            for name, path in PAGES.items():
                for _ in range(4 * workers):  # warm every worker's page cache
                    httpx.get(base + path, timeout=60).raise_for_status()
                rate, p50, p95, failed = load(base + path, args.clients, args.requests)
                print(
                    f"workers {workers}  {name:9s} {args.requests} requests, {args.clients} "
                    f"clients: {rate:7.1f} req/s  p50 {p50:5.1f} ms  p95 {p95:5.1f} ms  "
                    f"failed {failed}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
