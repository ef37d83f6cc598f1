"""The reader's audit of issue 13 in Chromium: checks the issue asks for that no browser test
made yet — the chart's PNG and SVG downloads, "cite this" in both languages, the tracker's
filters by status, owner and due year (server and static site), and print of the tracker and of
an indicator page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from tests.web.browser_support import CHROMIUM
from tests.web.test_browser import _host, _open, site_dir  # noqa: F401  (site_dir: a fixture)

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) absent"),
]


def _download(page: Any, selector: str) -> tuple[str, bytes]:
    """What a click on the link saves: the file's suggested name and its bytes."""
    page.wait_for_selector(f"{selector}:not([hidden])", timeout=20_000)
    with page.expect_download() as saved:
        page.click(selector)
    return saved.value.suggested_filename, Path(saved.value.path()).read_bytes()


def test_the_chart_downloads_as_png_and_svg(browser: Any, server: str) -> None:
    page, watch = _open(browser, f"{server}/en/indicators/1.3/", _host(server))
    name, png = _download(page, "#chart-png")
    assert name == "indicator-1.3.png" and png.startswith(b"\x89PNG")
    name, svg = _download(page, "#chart-svg")
    assert name == "indicator-1.3.svg" and b"<svg" in svg
    assert b"2025 target: 50% (private share)" in svg  # the chart as drawn, labels and all
    assert watch.errors == []
    page.close()


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("en", "Blueprint Tracker, “1.1 Gross domestic expenditure on R&D (GERD) as a percentage "
         "of GDP”, edition of 30 June 2024. "),
        ("zh-hant", "藍圖追蹤，「1.1 本地研發總開支相對本地生產總值的比率」，2024年6月30日版。"),
    ],
)
def test_cite_this_gives_title_edition_and_address_in_the_page_language(
    browser: Any, server: str, slug: str, expected: str
) -> None:
    url = f"{server}/{slug}/indicators/1.1/?as_of=2024-06-30"
    page, _ = _open(browser, url, _host(server))
    assert page.inner_text("#cite-text") == expected + url
    page.close()


def _shown(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "li.commitment:not([hidden])",
        "ls => ls.map(l => ({status: l.dataset.status, owner: l.dataset.owner,"
        " year: l.dataset.dueYear}))",
    )


FILTERS = {"status": "OVERDUE", "owner": "Innovation and Technology Commission", "due_year": "2024"}


def _check_each_filter(page: Any, apply: Any) -> None:
    total = page.locator("li.commitment").count()
    for field, value in FILTERS.items():
        apply(field, value)
        shown = _shown(page)
        key = "year" if field == "due_year" else field
        assert shown and len(shown) < total and all(c[key] == value for c in shown), field
        count = page.inner_text("#commitment-count")
        assert count.startswith(f"Showing {len(shown)} of "), count
        apply(field, "")


def test_the_tracker_filters_by_status_owner_and_due_year_on_the_server(
    browser: Any, server: str
) -> None:
    page, _ = _open(browser, f"{server}/en/commitments/", _host(server))

    def apply(field: str, value: str) -> None:
        page.select_option(f"#commitment-filters [name={field}]", value)
        with page.expect_navigation():
            page.click("#commitment-filters button[type=submit]")

    _check_each_filter(page, apply)
    page.close()


def test_the_tracker_filters_by_status_owner_and_due_year_on_the_static_site(
    browser: Any, site_dir: Path  # noqa: F811
) -> None:
    page, watch = _open(browser, (site_dir / "en/commitments/index.html").as_uri(), None)

    def apply(field: str, value: str) -> None:  # filtered in the page as the choice changes
        page.select_option(f"#commitment-filters [name={field}]", value)

    _check_each_filter(page, apply)
    assert watch.errors == []
    page.close()
    # an address with the status in lower case filters as the server does
    url = (site_dir / "en/commitments/index.html").as_uri() + "?status=overdue"
    page, _ = _open(browser, url, None)
    shown = _shown(page)
    assert shown and all(c["status"] == "OVERDUE" for c in shown)
    page.close()


def _pdf_pages(page: Any) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)


@pytest.mark.parametrize("slug", ["en", "zh-hant"])
def test_the_tracker_prints_every_commitment_compactly(
    browser: Any, server: str, slug: str
) -> None:
    page, _ = _open(browser, f"{server}/{slug}/commitments/", _host(server))
    page.emulate_media(media="print")
    assert page.locator("#commitment-filters").is_hidden()
    visible = page.eval_on_selector_all(
        "li.commitment", "ls => ls.filter(l => l.checkVisibility()).length"
    )
    assert visible == page.locator("li.commitment").count() == 51
    assert _pdf_pages(page) <= 6  # 11 pages before the print rules for the tracker
    page.close()


def test_an_indicator_page_prints_no_script_data_and_uses_the_full_width(
    browser: Any, server: str
) -> None:
    page, _ = _open(browser, f"{server}/en/indicators/1.1/", _host(server))
    page.emulate_media(media="print")
    # the disclosures print opened, but the data behind the charts is not text for paper
    assert page.eval_on_selector_all(
        "main script", "ss => ss.filter(s => s.checkVisibility()).map(s => s.id)"
    ) == []
    assert page.locator(".embed-box").is_hidden()
    assert page.locator("#values").is_visible()
    main = page.eval_on_selector("main", "m => m.getBoundingClientRect().width")
    widths = page.eval_on_selector_all(
        ".page-foot > section", "ss => ss.map(s => s.getBoundingClientRect().width)"
    )
    assert widths and all(w >= main - 2 for w in widths), (main, widths)
    page.close()


# words of a table cell split over two lines ("Mar / k"): code (series ids) may break anywhere
SPLIT_WORDS = """() => [...document.querySelectorAll('main table th, main table td')]
  .filter(c => c.checkVisibility()).flatMap(c => {
    const out = []; const walk = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.parentElement.closest('code')) continue;
      for (const m of n.data.matchAll(/[A-Za-z]{3,}/g)) {
        const r = document.createRange();
        r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(m[0]);
      }
    }
    return out; })"""


@pytest.mark.parametrize("width", [1280, 390])
def test_no_word_in_a_table_is_split_over_two_lines(browser: Any, server: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 844})
    split = {}
    for path in ("methodology/", "data/", "indicators/1.1/", "commitments/c-rpg-places/"):
        page.goto(f"{server}/en/{path}", wait_until="load")
        split[path] = page.evaluate(SPLIT_WORDS)
    page.close()
    assert {k: v for k, v in split.items() if v} == {}


@pytest.mark.parametrize("slug", ["en", "zh-hant"])
def test_the_error_page_is_accessible_and_marks_no_menu_item(
    browser: Any, server: str, axe: str, slug: str
) -> None:
    from tests.web.browser_support import serious_violations

    page, _ = _open(browser, f"{server}/{slug}/no-such-page/", _host(server))
    assert page.locator("h1").inner_text().endswith("404")
    assert page.locator("nav [aria-current]").count() == 0
    assert serious_violations(page, axe) == []
    page.close()


def test_short_chinese_table_headings_stay_on_one_line(browser: Any, server: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/zh-hant/methodology/", wait_until="load")
    broken = page.eval_on_selector_all(
        "main table th",
        """ths => ths.filter(th => th.textContent.trim().length <= 4).filter(th => {
            const r = document.createRange(); r.selectNodeContents(th);
            return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1;
        }).map(th => th.textContent.trim())""",
    )
    assert broken == []  # "符號" was set as 符 / 號
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


@pytest.mark.parametrize("slug", ["en", "zh-hant"])
def test_the_scorecards_direction_of_travel_is_one_line_on_a_phone(
    browser: Any, server: str, slug: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/{slug}/", wait_until="load")
    lines = page.eval_on_selector_all(
        "#scorecard td.travel .travel-mark",
        """ms => ms.map(m => { const r = document.createRange(); r.selectNodeContents(m);
            return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })""",
    )
    assert len(lines) == 8 and set(lines) == {1}, lines  # was "↑ 較2023年上 / 升"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_the_static_sites_search_gives_an_indicator_its_number(
    browser: Any, site_dir: Path  # noqa: F811
) -> None:
    url = (site_dir / "en/search/index.html").as_uri() + "?q=startups"
    page, watch = _open(browser, url, None)
    page.wait_for_selector(".results li")
    first = page.locator('.results li[data-kind="indicator"] a').first.inner_text()
    assert first.startswith("2.1 Number of start-ups"), first
    assert watch.errors == []
    page.close()
