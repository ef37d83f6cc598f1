"""Server mode on a real `blueprint serve`: script in stored text never runs in Chromium (with the
Content-Security-Policy on), logging in and proposing an edit in the browser, several worker
processes on PostgreSQL, and the refusal to start without a proper secret key."""

from __future__ import annotations

import concurrent.futures
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.browser_support import CHROMIUM, CHROMIUM_ARGS, PageWatch, free_port, running
from tests.web.server_support import (
    EVIDENCE,
    MINI_PLAN,
    PASSWORD,
    add_users,
    hidden,
    login,
    propose,
)

from blueprint_tracker.config import Settings
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import open_workspace

XSS = '<script>alert("xss")</script><img src=x onerror="alert(2)">'
SERVE = "import sys; from blueprint_tracker.main.app import main; sys.exit(main(sys.argv[1:]))"


def server_env(tmp: Path, database_url: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        BLUEPRINT_DATA_DIR=str(tmp),
        BLUEPRINT_PLAN=str(MINI_PLAN),
        BLUEPRINT_SERVER_MODE="1",
        BLUEPRINT_SECRET_KEY=secrets.token_urlsafe(40),
        BLUEPRINT_PASSWORD_PROFILE="CHEAPEST",
    )
    env.pop("BLUEPRINT_DATABASE_URL", None)
    if database_url:
        env["BLUEPRINT_DATABASE_URL"] = database_url
    return env


def serve(port: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        SERVE,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *extra,
    ]


def prepare(env: dict[str, str]) -> None:
    """Users, and approved evidence whose every text field carries a script."""
    settings = Settings(
        data_dir=Path(env["BLUEPRINT_DATA_DIR"]),
        database_url=env.get("BLUEPRINT_DATABASE_URL"),
        plan=env["BLUEPRINT_PLAN"],
        password_profile="CHEAPEST",
    )
    ws = open_workspace(settings)
    add_users(ws)
    fields = ("summary_zh", "summary_en", "source_agency", "source_title")
    payload = {**EVIDENCE, "commitment": "c-places", **{k: f"{XSS} {k}" for k in fields}}
    editor = accounts.authenticate(ws, "ed", PASSWORD)
    change = review.propose(ws, editor, "evidence", payload, XSS, 0)
    reviewer = accounts.authenticate(ws, "rev", PASSWORD)
    review.decide(ws, reviewer, change.id, True, XSS)
    ws.store.engine.dispose()


# --- the secret key ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", [None, "too-short", "change-me-" * 4])
def test_serve_refuses_to_start_without_a_proper_secret_key(
    tmp_path: Path, key: str | None
) -> None:
    env = server_env(tmp_path)
    env.pop("BLUEPRINT_SECRET_KEY")
    if key:
        env["BLUEPRINT_SECRET_KEY"] = key
    done = subprocess.run(serve(free_port()), env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "BLUEPRINT_SECRET_KEY" in done.stderr and "Traceback" not in done.stderr


# --- Chromium ---------------------------------------------------------------------------------

browser_only = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, asset_cache: Path) -> Iterator[str]:
    env = server_env(tmp_path_factory.mktemp("server-mode"))
    env["BLUEPRINT_CACHE_DIR"] = str(asset_cache)
    prepare(env)
    base = f"http://127.0.0.1:{free_port()}"
    with running(serve(int(base.rsplit(":", 1)[1])), f"{base}/en/", env):
        httpx.get(f"{base}/static/vendor/vega-bundle.js", timeout=120)
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _open(context: Any, url: str) -> tuple[Any, PageWatch, list[str]]:
    page = context.new_page()
    watch = PageWatch(url.split("://", 1)[1].split("/", 1)[0])
    watch.attach(page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url, wait_until="load")
    return page, watch, dialogs


@browser_only
@pytest.mark.parametrize(
    "path",
    [
        "en/commitments/",
        "zh-hant/commitments/c-places/",
        "en/search/?q=" + XSS,
        "en/indicators/1.1/?as_of=" + XSS,
        "en/login/?next=" + XSS,
    ],
)
def test_stored_and_reflected_script_never_runs(browser: Any, server: str, path: str) -> None:
    context = browser.new_context()
    page, watch, dialogs = _open(context, f"{server}/{path}")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('main script, main img[src=x]').length") == 0
    if "commitments" in path:
        assert '<script>alert("xss")</script>' in page.locator("main").text_content()
    assert watch.foreign == []
    context.close()


@browser_only
def test_log_in_and_propose_evidence_in_the_browser_with_the_csp_on(
    browser: Any, server: str
) -> None:
    context = browser.new_context()
    page, watch, dialogs = _open(context, f"{server}/en/login/?next=/en/commitments/c-places/")
    page.fill("#name", "ed")
    page.fill("#password", PASSWORD)
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url("**/en/commitments/c-places/")
    assert "Logged in as ed" in page.locator(".account").inner_text()
    assert XSS in page.locator("#audit-trail").inner_text()  # the trail shows it as text
    page.click("text=Add commitment evidence")
    page.wait_for_url("**/edit/evidence/c-places/")
    for name, value in EVIDENCE.items():
        if name == "outcome":
            page.select_option("#f-outcome", value)
        else:
            page.fill(f"#f-{name}", value)
    page.fill("#f-summary_en", "Typed in Chromium " + XSS)
    page.click("form.edit-form button[type=submit]")
    page.wait_for_url("**/en/commitments/c-places/?proposed=*")
    assert "waits for review" in page.locator(".notice").inner_text()
    page.goto(f"{server}/en/indicators/1.1/", wait_until="load")
    page.wait_for_selector("#chart[data-rendered] svg", timeout=20_000)  # Vega, under the CSP
    assert dialogs == [] and watch.errors == [] and watch.foreign == []
    context.close()


# --- several workers on PostgreSQL ------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.add(int(entry.name))
    return found


def test_serve_with_workers_on_postgresql(postgres_server: str, tmp_path: Path) -> None:
    from tests.support.postgres import fresh_database

    with fresh_database(postgres_server) as url:
        env = server_env(tmp_path, url)
        prepare(env)
        port = free_port()
        command = serve(port, "--workers", "3")
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            from tests.web.browser_support import wait_for

            wait_for(f"{base}/en/", process)
            assert len(_children(process.pid) - {process.pid}) >= 3  # workers (and a helper)
            proposals = _editors_in_parallel(base, 12)
            ws = open_workspace(Settings(database_url=url, plan=str(MINI_PLAN)))
            queued = {c.id for c in review.queue(ws)}
            assert set(proposals) <= queued and len(proposals) == 12  # no lost write
            ws.store.engine.dispose()
        finally:
            process.terminate()
            process.wait(timeout=30)


def _editors_in_parallel(base: str, count: int) -> list[int]:
    """``count`` logged-in editors each propose a figure for a different year, at once."""

    def one(year: int) -> int:
        with httpx.Client(base_url=base, timeout=30) as client:
            login(client, "ed" if year % 2 else "ed2")
            figure = {
                "value": str(year),
                "unit": "HK$ million",
                "source_agency": "C&SD",
                "source_title": "T",
                "source_url": "https://x.gov/t",
                "source_table": "1",
                "release_date": "2024-01-02",
                "reason": f"year {year}",
            }
            url = f"/en/edit/observation/?series=gerd&period={year}"
            for _ in range(5):  # pages come from any worker; sessions live in the database
                assert client.get("/en/commitments/").status_code == 200
            response = propose(client, url, figure)
            assert response.status_code == 303, response.text
            return int(response.headers["location"].rsplit("=", 1)[1])

    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(2012, 2012 + count)))  # years within the plan


def test_hidden_fields_helper_sanity() -> None:
    assert hidden('<input name="version" value="3">', "version") == "3"
