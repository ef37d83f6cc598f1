"""Real browser tests: Debian's Chromium driven by Playwright, on `blueprint serve` and on a
built static site (served on loopback and opened from file://)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.browser_support import (
    CHROMIUM,
    PageWatch,
    free_port,
    running,
    serious_violations,
)

playwright_sync = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) absent"),
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
PAGE_TYPES = [
    "",
    "plan/",
    "indicators/1.1/",
    "commitments/",
    "commitments/c-raise-plus/",
    "embed/indicators/2.2/",
    "methodology/",
    "data/",
    "search/?q=研發",
]
STATIC_PAGE_TYPES = [
    "index.html",
    "plan/index.html",
    "indicators/1.1/index.html",
    "commitments/index.html",
    "commitments/c-raise-plus/index.html",
    "embed/indicators/2.2/index.html",
    "methodology/index.html",
    "data/index.html",
    "search/index.html?q=研發",
]
SLUGS = ("zh-hant", "en")


@pytest.fixture(scope="module")
def site_dir(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.export.site import build_site
    from blueprint_tracker.services.workspace import open_workspace

    folder = tmp_path_factory.mktemp("static-site")
    settings = Settings(data_dir=Path(env["BLUEPRINT_DATA_DIR"]) / "site", plan="hk-itb-2022")
    build_site(open_workspace(settings), folder, publications=False)
    return folder


@pytest.fixture(scope="module")
def static_server(site_dir: Path, env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "http.server",
        str(port),
        "--bind",
        "127.0.0.1",
        "--directory",
        str(site_dir),
    ]
    with running(command, f"http://127.0.0.1:{port}/index.html", env) as url:
        yield url.rsplit("/", 1)[0]


def _open(browser: Any, url: str, host: str | None, **options: Any) -> tuple[Any, PageWatch]:
    page = browser.new_page(**options)
    watch = PageWatch(host)
    watch.attach(page)
    page.goto(url, wait_until="load")
    if page.locator("#chart-spec").count():
        page.wait_for_selector("#chart[data-rendered] svg", timeout=20_000)
    return page, watch


def _host(base: str) -> str:
    return base.split("://", 1)[1].split("/", 1)[0]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_served_pages_are_clean_and_accessible(
    browser: Any, server: str, axe: str, slug: str, path: str
) -> None:
    page, watch = _open(browser, f"{server}/{slug}/{path}", _host(server))
    try:
        assert watch.errors == []
        assert watch.foreign == []
        assert page.locator("html").get_attribute("lang") in ("zh-Hant-HK", "en")
        assert serious_violations(page, axe) == []
    finally:
        page.close()


def test_language_switch_keeps_the_page(browser: Any, server: str) -> None:
    page, _ = _open(browser, f"{server}/en/indicators/1.1/?as_of=2024-06-30", _host(server))
    page.click("[data-lang-switch]")
    page.wait_for_load_state("load")
    assert page.url == f"{server}/zh-hant/indicators/1.1/?as_of=2024-06-30"
    assert page.locator("html").get_attribute("lang") == "zh-Hant-HK"
    page.close()


def test_keyboard_skip_link_moves_focus_to_main(browser: Any, server: str) -> None:
    page, _ = _open(browser, f"{server}/en/", _host(server))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()


def test_print_view_is_content_only(browser: Any, server: str, tmp_path: Path) -> None:
    page, _ = _open(browser, f"{server}/zh-hant/indicators/1.1/", _host(server))
    page.emulate_media(media="print")
    assert page.locator("nav").first.is_hidden()
    assert page.locator("form").first.is_hidden()
    assert page.locator("main h1").is_visible()
    assert page.locator("#values").is_visible()  # the table of values and sources prints
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    page.close()


def _chart_marks(page: Any) -> int:
    return int(page.locator("#chart svg path, #chart svg .mark-symbol path").count())


def test_chart_renders_and_its_table_matches_the_api(browser: Any, server: str) -> None:
    page, _ = _open(browser, f"{server}/en/indicators/1.1/", _host(server))
    assert _chart_marks(page) > 3
    rows = page.locator('#chart-data tr[data-kind="observed"]')
    shown = {
        int(rows.nth(i).get_attribute("data-year")): float(rows.nth(i).get_attribute("data-value"))
        for i in range(rows.count())
    }
    api = httpx.get(f"{server}/api/v1/indicators/1.1").json()["indicator"]["values"]
    assert shown == {v["year"]: pytest.approx(v["value"]) for v in api}
    page.close()


def test_as_of_picker_changes_the_latest_value(browser: Any, server: str) -> None:
    page, _ = _open(browser, f"{server}/en/indicators/1.1/", _host(server))
    today = page.locator('[data-latest="1.1"]').inner_text()
    page.click("details.as-of-menu summary")  # the expert control sits in a menu
    page.select_option("#as-of-day", "30")
    page.select_option("#as-of-month", label="June")
    page.select_option("#as-of-year", "2023")
    page.click("form.as-of button[type=submit]")
    page.wait_for_url("**as_of=2023-06-30*")
    page.wait_for_selector("#chart[data-rendered] svg")
    then = page.locator('[data-latest="1.1"]').inner_text()
    assert then != today
    assert "Showing 30 June 2023" in (page.locator("form.as-of").text_content() or "")
    page.close()


def test_the_chinese_date_control_reads_year_month_day(browser: Any, server: str) -> None:
    """Issue 13: the Chinese page's date control is 年 月 日 with Chinese month names; picking a
    date shows that edition, with JavaScript off as well (the form alone does it)."""
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.goto(f"{server}/zh-hant/data/", wait_until="load")
        form = page.locator("form.as-of")
        names = form.locator("select").evaluate_all("els => els.map(e => e.name)")
        assert names == ["as_of_year", "as_of_month", "as_of_day"]
        words = form.locator(".as-of-word").all_inner_texts()
        assert words == ["年", "月", "日"]
        page.select_option("#as-of-year", "2024")
        page.select_option("#as-of-month", label="3")
        page.select_option("#as-of-day", "31")
        form.locator("button[type=submit]").click()
        page.wait_for_url("**/zh-hant/data/?as_of=2024-03-31")
        assert "現顯示2024年3月31日" in page.locator("form.as-of").inner_text()
        assert page.locator("p.edition").get_attribute("data-edition") == "2024-03-31"
        context.close()


def test_screenshots_and_narrow_screen(browser: Any, server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for slug in SLUGS:
        for name, path in (("overview", ""), ("indicator-1.1", "indicators/1.1/")):
            page, _ = _open(browser, f"{server}/{slug}/{path}", _host(server))
            page.screenshot(path=str(ARTIFACTS / f"{name}-{slug}.png"), full_page=True)
            page.close()
    for path in ("", "indicators/1.1/", "commitments/"):
        page, _ = _open(
            browser,
            f"{server}/zh-hant/{path}",
            _host(server),
            viewport={"width": 375, "height": 800},
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        page.close()
    assert (ARTIFACTS / "overview-en.png").stat().st_size > 10_000


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("path", STATIC_PAGE_TYPES)
def test_static_site_pages_over_http(
    browser: Any, static_server: str, axe: str, slug: str, path: str
) -> None:
    page, watch = _open(browser, f"{static_server}/{slug}/{path}", _host(static_server))
    try:
        assert watch.errors == [] and watch.foreign == []
        assert page.locator(".edition").count() == 1
        if path.startswith("search"):
            assert page.locator(".results li").count() > 0
        assert serious_violations(page, axe) == []
    finally:
        page.close()


def test_static_site_from_file_url(browser: Any, site_dir: Path) -> None:
    page, watch = _open(browser, (site_dir / "en/indicators/1.1/index.html").as_uri(), None)
    assert _chart_marks(page) > 3
    page.click("nav a[href$='commitments/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/en/commitments/index.html")
    total = page.locator("li.commitment").count()
    page.select_option("#f-under", "s1")
    visible = page.locator("li.commitment:not([hidden])").count()
    assert 0 < visible < total
    page.click("[data-lang-switch]")
    page.wait_for_load_state("load")
    assert page.url.endswith("/zh-hant/commitments/index.html")
    assert watch.errors == [] and watch.foreign == []
    page.close()
