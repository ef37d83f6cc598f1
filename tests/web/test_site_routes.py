"""What a browser or crawler asks of any site: an icon, robots.txt, /docs; slugs in any case."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from blueprint_tracker.web.security import HEADERS


def test_favicon_is_an_icon(client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO signature
    page = client.get("/en/").text
    assert 'rel="icon" href="../static/favicon.ico"' in page
    assert client.get("/static/favicon.ico").status_code == 200


def test_robots_keeps_crawlers_off_report_builds_and_as_of_variants(client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /downloads/report-" in lines and "Disallow: /*?as_of=" in lines


def test_docs_leads_to_the_api_description(client) -> None:
    response = client.get("/docs", follow_redirects=True)
    assert response.status_code == 200 and response.url.fragment == "api"
    assert 'id="api"' in response.text and "openapi.json" in response.text


def test_a_language_slug_in_another_case_redirects_keeping_the_query(client) -> None:
    response = client.get("/zh-Hant/plan/?as_of=2024-06-30", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "/zh-hant/plan/?as_of=2024-06-30"
    assert response.headers["x-content-type-options"] == HEADERS["x-content-type-options"]
    assert client.get("/EN/indicators/1.2/", follow_redirects=True).status_code == 200
    assert client.get("/zh-Hant", follow_redirects=False).headers["location"] == "/zh-hant/"
    assert client.get("/Fr/", follow_redirects=False).status_code == 404


def _get_when_up(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=2, follow_redirects=True)
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serve_prints_the_url_it_listens_on(tmp_path: Path) -> None:
    env = {**os.environ, "BLUEPRINT_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    env.pop("BLUEPRINT_SERVER_MODE", None)
    command = [sys.executable, "-c", "from blueprint_tracker.main.app import run; run()"]
    process = subprocess.Popen(
        [*command, "serve", "--port", "0"], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("Serving at http://127.0.0.1:"), line
        url = line.split()[2]
        response = _get_when_up(url, process)
        assert response.status_code == 200 and str(response.url) == url + "zh-hant/"
    finally:
        process.terminate()
        process.wait(10)


def test_chinese_pages_put_a_full_width_colon_after_a_linked_name(client) -> None:
    for path in ("/zh-hant/data/", "/zh-hant/"):
        page = client.get(path).text
        assert "</a>: " not in page and "</a>:\n" not in page, path
    assert "</a>：" in client.get("/zh-hant/data/").text
    assert "</a>: " in client.get("/en/data/").text
