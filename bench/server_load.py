"""Server mode under load: `blueprint serve --workers N` on PostgreSQL, with concurrent readers,
editors and a reviewer on loopback for a bounded time.

Prints throughput, latency percentiles, errors, conflicts (a stale version, answered 409 by
design) and lost writes: every proposal and approval the server accepted must be in the store
afterwards. Goal: 0 errors and 0 lost writes.

    python bench/server_load.py [--workers 4] [--seconds 20] [--readers 16] [--editors 8]
                                [--reviewers 0|1]

PostgreSQL: BLUEPRINT_TEST_POSTGRES_URL (an admin URL), else a private throwaway cluster from
Debian's `postgresql` package (as in the tests).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSWORD = "correct horse battery"
SERVE = "import sys; from blueprint_tracker.main.app import main; sys.exit(main(sys.argv[1:]))"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    proposed: list[int] = field(default_factory=list)
    approved: list[int] = field(default_factory=list)


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    return found.group(1) if found else ""


@contextlib.contextmanager
def database() -> Iterator[str]:
    from tests.support.postgres import fresh_database, server

    with server() as admin, fresh_database(admin) as url:
        yield url


def prepare(env: dict[str, str], editors: int) -> list[str]:
    """Seed the store, add the users; return the commitment ids editors will write to."""
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services import accounts
    from blueprint_tracker.services.workspace import open_workspace

    ws = open_workspace(Settings())
    for i in range(editors):
        accounts.add_user(ws, f"editor{i}", "editor", PASSWORD)
    accounts.add_user(ws, "reviewer", "reviewer", PASSWORD)
    pages = [c.id for c in ws.plan.commitments][:6]  # few items: editors collide on purpose
    ws.store.engine.dispose()
    return pages


async def timed(
    client: httpx.AsyncClient, tally: Tally, method: str, url: str, **kw: object
) -> httpx.Response | None:
    start = time.perf_counter()
    try:
        response = await client.request(method, url, **kw)  # type: ignore[arg-type]
    except httpx.HTTPError as exc:
        tally.errors.append(f"{method} {url}: {exc!r}")
        return None
    tally.latencies.append(time.perf_counter() - start)
    return response


async def log_in(client: httpx.AsyncClient, tally: Tally, name: str) -> bool:
    page = await timed(client, tally, "GET", "/en/login/")
    data = {"name": name, "password": PASSWORD, "csrf_token": hidden(page.text, "csrf_token")}
    response = await timed(client, tally, "POST", "/en/login/", data=data)
    ok = response is not None and response.status_code == 303
    if not ok:
        tally.errors.append(f"login {name}: {response.status_code if response else 'none'}")
    return ok


async def reader(base: str, tally: Tally, pages: list[str], until: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            response = await timed(client, tally, "GET", random.choice(pages))
            if response is not None and response.status_code != 200:
                tally.errors.append(f"GET {response.url}: {response.status_code}")


async def editor(base: str, tally: Tally, name: str, items: list[str], until: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        if not await log_in(client, tally, name):
            return
        while time.monotonic() < until:
            url = f"/en/edit/evidence/{random.choice(items)}/"
            page = await timed(client, tally, "GET", url)
            if page is None or page.status_code != 200:
                tally.errors.append(f"GET {url}: {page.status_code if page else 'none'}")
                continue
            data = {
                "csrf_token": hidden(page.text, "csrf_token"),
                "version": hidden(page.text, "version"),
                "date": "2026-01-15",
                "outcome": "in_progress",
                "summary_zh": f"{name} 的進展 {secrets.token_hex(3)}",
                "summary_en": f"progress reported by {name}",
                "source_agency": "ITIB",
                "source_title": "Press release",
                "source_url": "https://example.gov/p",
                "release_date": "2026-01-16",
                "reason": "load test",
            }
            response = await timed(client, tally, "POST", url, data=data)
            _count_proposal(tally, url, response)


def _count_proposal(tally: Tally, url: str, response: httpx.Response | None) -> None:
    if response is None:
        return
    if response.status_code == 303:
        tally.proposed.append(int(response.headers["location"].rsplit("=", 1)[1]))
    elif response.status_code == 409:
        tally.conflicts += 1
    else:
        tally.errors.append(f"POST {url}: {response.status_code}")


async def reviewer(base: str, tally: Tally, until: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        if not await log_in(client, tally, "reviewer"):
            return
        while time.monotonic() < until:
            queue = await timed(client, tally, "GET", "/en/review/")
            ids = re.findall(r'id="change-(\d+)"', queue.text if queue else "")
            if not ids:
                await asyncio.sleep(0.2)
                continue
            data = {
                "comment": "ok",
                "decision": "approve",
                "csrf_token": hidden(queue.text, "csrf_token"),
            }
            response = await timed(client, tally, "POST", f"/en/review/{ids[0]}/", data=data)
            if response is not None and response.status_code == 303:
                tally.approved.append(int(ids[0]))
            elif response is not None and response.status_code != 409:
                tally.errors.append(f"approve {ids[0]}: {response.status_code}")


def lost_writes(tally: Tally) -> tuple[int, int]:
    """Accepted proposals missing from the store, and accepted approvals not recorded."""
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.workspace import open_workspace

    ws = open_workspace(Settings())
    stored = {c.id: c.status.value for c in ws.review.changes(ws.plan.id)}
    approved_in_audit = {r["item_key"] for r in ws.review.audit() if r["action"] == "approved"}
    lost = sum(1 for i in tally.proposed if i not in stored)
    unrecorded = sum(1 for i in tally.approved if stored.get(i) != "approved")
    ws.store.engine.dispose()
    return lost, unrecorded + (0 if approved_in_audit or not tally.approved else 1)


async def load(base: str, args: argparse.Namespace, items: list[str]) -> Tally:
    tally = Tally()
    pages = [
        "/en/",
        "/zh-hant/",
        "/en/commitments/",
        "/en/indicators/1.1/",
        "/zh-hant/indicators/3.2/",
        "/en/plan/",
        "/api/v1/indicators",
        "/api/v1/commitments",
        f"/en/commitments/{items[0]}/",
    ]
    until = time.monotonic() + args.seconds
    tasks = [reader(base, tally, pages, until) for _ in range(args.readers)]
    tasks += [editor(base, tally, f"editor{i}", items, until) for i in range(args.editors)]
    tasks += [reviewer(base, tally, until) for _ in range(args.reviewers)]
    await asyncio.gather(*tasks)
    return tally


def report(tally: Tally, seconds: float, args: argparse.Namespace) -> None:
    lost, unrecorded = lost_writes(tally)
    ms = sorted(x * 1000 for x in tally.latencies)
    p95 = ms[int(len(ms) * 0.95) - 1] if ms else float("nan")
    print(
        f"workers {args.workers}, {args.readers} readers, {args.editors} editors, "
        f"{args.reviewers} reviewer, "
        f"{seconds:.1f} s on PostgreSQL"
    )
    print(f"requests {len(ms)}  throughput {len(ms) / seconds:.1f} req/s")
    print(f"latency ms: median {statistics.median(ms):.1f}  p95 {p95:.1f}  max {ms[-1]:.1f}")
    print(
        f"proposals accepted {len(tally.proposed)}  conflicts (409, by design) "
        f"{tally.conflicts}  approvals {len(tally.approved)}"
    )
    print(f"errors {len(tally.errors)}  lost writes {lost + unrecorded}")
    for line in tally.errors[:10]:
        print("  ", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--editors", type=int, default=8)
    parser.add_argument("--reviewers", type=int, default=1, choices=(0, 1))
    args = parser.parse_args()
    from tests.web.browser_support import free_port, wait_for

    with database() as url, tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "BLUEPRINT_DATABASE_URL": url,
            "BLUEPRINT_DATA_DIR": tmp,
            "BLUEPRINT_SERVER_MODE": "1",
            "BLUEPRINT_SECRET_KEY": secrets.token_urlsafe(40),
            "BLUEPRINT_PASSWORD_PROFILE": "CHEAPEST",
            "BLUEPRINT_PLAN": "hk-itb-2022",
        }
        os.environ.update(env)
        items = prepare(env, args.editors)
        port = free_port()
        command = [
            sys.executable,
            "-c",
            SERVE,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(f"{base}/en/", server)
            for path in ("/en/", "/en/indicators/1.1/", "/en/commitments/"):  # warm every worker
                for _ in range(args.workers * 2):
                    httpx.get(base + path, timeout=60)
            start = time.monotonic()
            tally = asyncio.run(load(base, args, items))
            seconds = time.monotonic() - start
        finally:
            server.terminate()
            server.wait(timeout=30)
        report(tally, seconds, args)
        return 0 if not tally.errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
