"""The reader's experience in a real browser (issue 13): the scorecard fits the first screen,
indicator pages are short, nothing is wider than the screen, charts leave gaps, the language
switch keeps the query, the scorecard prints on one page. Chromium at 1280x800 and 390x844."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser_support import CHROMIUM
from tests.web.test_browser import ARTIFACTS, _host, _open

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) absent"),
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SLUGS = ("zh-hant", "en")
INDICATORS = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "4.1")
PAGE_TYPES = {
    "overview": "",
    "indicator": "indicators/1.1/",
    "tracker": "commitments/",
    "commitment": "commitments/c-rpg-places/",
    "plan": "plan/",
    "methodology": "methodology/",
    "data": "data/",
    "search": "search/?q=startups",
    "embed": "embed/indicators/1.1/",
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# Elements wider than the screen, ignoring what sits inside a scrolling region (a wide table a
# reader can scroll sideways) and what is not rendered (inside a closed disclosure).
OVERFLOW = """() => {
  const vw = document.documentElement.clientWidth;
  const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p).overflowX; if (s === 'auto' || s === 'scroll') return true; }
    return false; };
  return [...document.querySelectorAll('body *')]
    .filter(e => e.checkVisibility() && !scrolls(e)
      && !e.closest('.skip-link, .visually-hidden'))
    .filter(e => { const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > vw + 1 || r.left < -1); })
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + String(e.className))
    .slice(0, 5);
}"""


@pytest.mark.parametrize("slug", SLUGS)
def test_all_eight_scorecard_rows_and_both_statuses_fit_the_first_screen(
    browser: Any, server: str, slug: str
) -> None:
    page, watch = _open(browser, f"{server}/{slug}/", _host(server), viewport=DESKTOP)
    rows = page.locator("#scorecard tbody tr")
    assert rows.count() == 8
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td.status-cell .status")
        assert cells.count() == 2, rows.nth(i).get_attribute("data-indicator")
        for j in range(2):
            box = cells.nth(j).bounding_box()
            assert box is not None and box["y"] + box["height"] <= DESKTOP["height"]
            assert box["x"] + box["width"] <= DESKTOP["width"]
    # each headline is explained on hover, and the commitment counts link to the tracker
    method = {"en": "ESCAP", "zh-hant": "亞太經社會"}[slug]
    assert method in (rows.first.locator("td.status-cell").first.get_attribute("title") or "")
    assert page.locator(".cc-list a[href*='commitments/?status=']").count() >= 3
    assert watch.errors == []
    page.close()


def test_scorecard_sorts_by_a_target_column(browser: Any, server: str) -> None:
    page, _ = _open(browser, f"{server}/en/", _host(server), viewport=DESKTOP)
    order = lambda: page.eval_on_selector_all(  # noqa: E731
        "#scorecard tbody tr", "rows => rows.map(r => r.dataset.indicator)"
    )
    before = order()
    page.click("button.sort[data-sort='s2025']")
    ranks = page.eval_on_selector_all(
        "#scorecard tbody tr", "rows => rows.map(r => +r.dataset.s2025)"
    )
    assert ranks == sorted(ranks) and order() != before
    page.close()


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize(("viewport", "screens"), [(DESKTOP, 2.5), (PHONE, 5)])
def test_indicator_pages_are_short(
    browser: Any, server: str, slug: str, viewport: dict[str, int], screens: float
) -> None:
    page = browser.new_page(viewport=viewport)
    heights = {}
    for indicator in INDICATORS:
        page.goto(f"{server}/{slug}/indicators/{indicator}/", wait_until="load")
        page.wait_for_selector("#chart[data-rendered] svg", timeout=20_000)
        heights[indicator] = page.evaluate("document.documentElement.scrollHeight")
        # the verdict comes first: one sentence per milestone above the chart
        verdict = page.locator(".verdict-line").first.bounding_box()
        assert verdict is not None and verdict["y"] < viewport["height"]
    page.close()
    too_tall = {k: v for k, v in heights.items() if v > screens * viewport["height"]}
    assert too_tall == {}


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_nothing_is_wider_than_the_screen(
    browser: Any, server: str, slug: str, viewport: dict[str, int]
) -> None:
    page = browser.new_page(viewport=viewport)
    for name, path in PAGE_TYPES.items():
        page.goto(f"{server}/{slug}/{path}", wait_until="load")
        if page.locator("#chart-spec").count():
            page.wait_for_selector("#chart[data-rendered] svg", timeout=20_000)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (name, width)
        assert page.evaluate(OVERFLOW) == [], name
    page.close()


def _observed_paths(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#chart svg path[stroke='#0072B2']", "paths => paths.map(p => p.getAttribute('d'))"
    )


def test_chart_leaves_gaps_where_there_are_no_figures(browser: Any, server: str) -> None:
    # unicorns: figures for 2014 and 2020 only, so no observed line joins them
    page, _ = _open(browser, f"{server}/en/indicators/2.2/", _host(server), viewport=DESKTOP)
    paths = _observed_paths(page)
    assert paths and not any("L" in d for d in paths)
    # the legend names only what is drawn (there is no projection for the unicorns)
    legend = page.eval_on_selector("#chart svg .role-legend", "g => g.textContent")
    assert "Observed" in legend and "projection" not in legend
    page.close()
    # manufacturing: a missing 2015 and 2018-2019 split the observed line into runs
    page, _ = _open(browser, f"{server}/en/indicators/4.1/", _host(server), viewport=DESKTOP)
    assert len([d for d in _observed_paths(page) if d]) >= 2
    page.close()


def test_chart_text_is_at_least_12px_and_the_milestones_are_labelled(
    browser: Any, server: str
) -> None:
    page, _ = _open(browser, f"{server}/zh-hant/indicators/1.1/", _host(server), viewport=DESKTOP)
    sizes = page.eval_on_selector_all(
        "#chart svg text", "ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize))"
    )
    assert sizes and min(sizes) >= 12
    labels = page.eval_on_selector_all("#chart svg text", "ts => ts.map(t => t.textContent)")
    assert any("2025年目標" in t for t in labels) and any("2030年目標" in t for t in labels)
    page.close()


def test_language_switch_keeps_the_query(browser: Any, server: str) -> None:
    page, _ = _open(browser, f"{server}/en/search/?q=start-ups", _host(server))
    english = page.locator(".results li").count()
    page.click("[data-lang-switch]")
    page.wait_for_load_state("load")
    assert page.url.endswith("/zh-hant/search/?q=start-ups")
    assert page.locator(".results li").count() == english > 2
    page.close()


def _pdf_pages(page: Any) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False))).pages)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_scorecard_prints_on_one_a4_page(browser: Any, server: str, slug: str) -> None:
    page, _ = _open(browser, f"{server}/{slug}/", _host(server), viewport=DESKTOP)
    page.emulate_media(media="print")
    assert page.locator("#scorecard tbody tr").count() == 8
    assert _pdf_pages(page) == 1
    page.close()


def test_screenshots_of_every_page_type(browser: Any, server: str) -> None:
    """Written as test artifacts; `docs/screenshots/` holds a copy made from a run."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for slug in SLUGS:
        for viewport, suffix in ((DESKTOP, "1280"), (PHONE, "390")):
            for name, path in PAGE_TYPES.items():
                page, _ = _open(
                    browser, f"{server}/{slug}/{path}", _host(server), viewport=viewport
                )
                target = folder / f"{name}-{slug}-{suffix}.png"
                # the first screen (what a reader sees in ten seconds); short pages in full
                page.screenshot(path=str(target), full_page=name in ("indicator", "commitment"))
                page.close()
                assert target.stat().st_size > 5_000, target.name
    if SCREENSHOTS.is_dir() and (ARTIFACTS / "update-docs-screenshots").exists():
        for png in folder.glob("*.png"):
            shutil.copyfile(png, SCREENSHOTS / png.name)


def test_gerd_breakdown_is_a_stacked_chart_of_the_performing_sectors(
    browser: Any, server: str
) -> None:
    page, _ = _open(browser, f"{server}/en/indicators/1.1/", _host(server), viewport=DESKTOP)
    page.click("#components-box summary")
    page.wait_for_selector("#components[data-rendered] svg", timeout=20_000)
    colours = page.eval_on_selector_all(
        "#components svg .mark-rect path", "ps => [...new Set(ps.map(p => p.getAttribute('fill')))]"
    )
    assert len(colours) == 3
    legend = page.eval_on_selector("#components svg .role-legend", "g => g.textContent")
    assert "business sector" in legend and "higher education" in legend and "government" in legend
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.close()
