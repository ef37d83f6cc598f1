"""The indicator page's breakdown selector in a real browser (Debian Chromium, Playwright) on
`blueprint serve` of the imported Open SDG fixture: a selector per dimension, a chart line per
chosen category (the total line always), no console errors, no serious axe violations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.opensdg.conftest import REPO, SOURCE_URL
from tests.web.browser_support import (
    PageWatch,
    axe_source,
    free_port,
    running,
    serious_violations,
    serve_command,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, asset_cache: Path) -> Iterator[str]:
    from blueprint_tracker.services.opensdg import default_options, import_repository

    work = tmp_path_factory.mktemp("opensdg-browser")
    import_repository(REPO, work / "plan", default_options(REPO, source_url=SOURCE_URL))
    env = dict(os.environ)
    env.update(BLUEPRINT_DATA_DIR=str(work / "data"), BLUEPRINT_PLAN=str(work / "plan"),
               BLUEPRINT_CACHE_DIR=str(asset_cache))  # fmt: skip
    env.pop("BLUEPRINT_DATABASE_URL", None)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running(serve_command(port), f"{base}/en/", env):
        httpx.get(f"{base}/static/vendor/vega-bundle.js", timeout=120)
        yield base


def _open(browser: Any, url: str, **options: Any) -> tuple[Any, PageWatch]:
    page = browser.new_page(**options)
    watch = PageWatch(url.split("://", 1)[1].split("/", 1)[0])
    watch.attach(page)
    page.goto(url, wait_until="load")
    page.wait_for_selector("#breakdown-chart[data-lines]", timeout=20_000)
    return page, watch


def _legend(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#breakdown-legend li").all_inner_texts()]


def test_a_line_per_chosen_category_beside_the_total(browser: Any, server: str) -> None:
    page, watch = _open(browser, f"{server}/en/indicators/1.2.1/")
    try:
        assert page.locator("fieldset[data-dimension='Sex'] input").count() == 2
        assert page.locator("#breakdown-chart polyline").count() == 1
        assert _legend(page) == ["Total"]
        page.get_by_label("Female").check()
        assert page.locator("#breakdown-chart polyline").count() == 2
        assert _legend(page) == ["Total", "Sex: Female"]
        page.get_by_label("Male", exact=True).check()
        assert _legend(page) == ["Total", "Sex: Female", "Sex: Male"]
        page.get_by_label("Female").uncheck()
        assert _legend(page) == ["Total", "Sex: Male"]
        assert watch.errors == [] and watch.foreign == []
    finally:
        page.close()


def test_choices_in_several_dimensions_combine(browser: Any, server: str) -> None:
    page, watch = _open(browser, f"{server}/es/indicators/4.1.1/")
    try:
        assert page.locator("fieldset.breakdown-dimension").count() == 3
        page.get_by_label("Female").check()
        page.get_by_label("Urban").check()
        page.get_by_label("Primary").check()
        assert _legend(page) == ["Total", "Education level: Primary; Location: Urban; Sex: Female"]
        assert page.locator("#breakdown-chart polyline").count() == 2
        assert watch.errors == []
    finally:
        page.close()


def test_the_breakdown_page_is_accessible_and_screenshots(browser: Any, server: str) -> None:
    source = axe_source()
    ARTIFACTS.mkdir(exist_ok=True)
    for lang, width in (("en", 1280), ("es", 390)):
        page, _ = _open(browser, f"{server}/{lang}/indicators/3.1.1/",
                        viewport={"width": width, "height": 900})  # fmt: skip
        try:
            page.get_by_label("15-24").check()
            assert _legend(page) == ["Total", "Age: 15-24"]
            page.get_by_label("Female").check()
            assert _legend(page) == ["Total", "Age: 15-24; Sex: Female"]
            page.locator(".breakdowns").screenshot(
                path=str(ARTIFACTS / f"breakdowns-{lang}-{width}.png")
            )
            if source is not None:
                assert serious_violations(page, source) == []
        finally:
            page.close()
