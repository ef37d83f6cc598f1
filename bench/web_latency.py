"""Web latency: start `blueprint serve` on loopback and load it with concurrent clients.

Prints requests per second and p50/p95 latency for the overview and an indicator page.
Usage: python bench/web_latency.py [--clients 20] [--requests 25]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
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


async def _load(base: str, path: str, clients: int, count: int) -> tuple[float, list[float]]:
    times: list[float] = []
    start = time.perf_counter()
    await asyncio.gather(*(_client(base, path, count, times) for _ in range(clients)))
    return time.perf_counter() - start, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    args = parser.parse_args()
    env = dict(os.environ, BLUEPRINT_DATA_DIR=tempfile.mkdtemp(prefix="blueprint-bench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(serve_command(port), f"{base}/zh-hant/", env):
        for name, path in PAGES.items():
            httpx.get(base + path, timeout=60).raise_for_status()  # warm the page cache
            elapsed, times = asyncio.run(_load(base, path, args.clients, args.requests))
            cuts = statistics.quantiles(times, n=100)
            print(
                f"{name:10s} {len(times):5d} requests, {args.clients} clients: "
                f"{len(times) / elapsed:7.1f} req/s  p50 {cuts[49] * 1000:6.1f} ms  "
                f"p95 {cuts[94] * 1000:6.1f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
