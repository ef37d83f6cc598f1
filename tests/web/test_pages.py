"""HTML pages: every page type in both languages, the language switch, as-of, filters, search."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from blueprint_tracker.i18n.extract import missing, ui_strings

PAGES = [
    "",
    "plan/",
    "indicators/1.1/",
    "commitments/",
    "commitments/c-raise-plus/",
    "methodology/",
    "data/",
    "search/?q=研發",
]
LANGS = {"zh-hant": "zh-Hant-HK", "en": "en"}


@pytest.mark.parametrize("slug", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_type_renders_in_both_languages(client, slug: str, page: str) -> None:
    response = client.get(f"/{slug}/{page}")
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{LANGS[slug]}">' in html
    assert 'class="skip-link" href="#main"' in html and '<main id="main"' in html
    assert 'class="edition"' in html
    assert '<script src="http' not in html and "cdn" not in html.lower()


def test_root_redirects_to_chinese(client) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/zh-hant/"


def test_language_switch_keeps_the_page_and_date(client) -> None:
    html = client.get("/en/indicators/1.1/?as_of=2024-01-01").text
    switch = re.search(r'href="([^"]+)"[^>]*data-lang-switch', html)
    assert switch is not None
    assert switch.group(1) == "../../../zh-hant/indicators/1.1/?as_of=2024-01-01"


def test_ui_is_translated(client) -> None:
    zh = client.get("/zh-hant/").text
    en = client.get("/en/").text
    assert "跳至主要內容" in zh and "Skip to main content" in en
    assert "概覽" in zh and "Overview" in en


def test_every_ui_string_has_a_chinese_translation() -> None:
    assert len(ui_strings()) > 100
    assert missing("zh-Hant") == []


def test_as_of_changes_the_latest_value(client) -> None:
    def latest(url: str) -> str:
        match = re.search(r'data-latest="1.1">([^<]+)<', client.get(url).text)
        assert match is not None
        return match.group(1)

    assert latest("/en/indicators/1.1/?as_of=2023-06-30") != latest("/en/indicators/1.1/")


def test_overview_shows_the_scorecard_commitment_counts_and_changes(client) -> None:
    html = client.get("/en/").text
    count = len(client.get("/api/v1/indicators").json()["indicators"])
    rows = re.findall(r'<tr data-indicator="([^"]+)"', html)
    assert count >= 8 and len(rows) == count
    assert "What changed since the last edition" in html
    if client.get("/api/v1/overview").json()["has_status"]:
        # one headline per target year in each row, and the counts link to the filtered tracker
        assert html.count('class="status-cell"') == 2 * count
        assert re.search(r'href="commitments/\?status=DONE"', html)


def test_indicator_page_sections(client) -> None:
    html = client.get("/en/indicators/1.1/").text
    for needle in (
        'id="chart-spec"',
        'id="chart-data"',
        'id="chart-summary"',
        'id="values"',
        'id="vintages"',
        "gerd / gdp_current * 100",
        "vendor/vega-bundle.js",
        "downloads/indicators/1.1.csv",
        "api/v1/indicators/1.1",
    ):
        assert needle in html, needle


def test_commitment_filters_on_the_page(client) -> None:
    everything = client.get("/en/commitments/").text.count('class="commitment"')
    filtered = client.get("/en/commitments/?under=s1").text.count('class="commitment"')
    assert 0 < filtered < everything


def test_search_page_finds_chinese(client) -> None:
    html = client.get("/zh-hant/search/", params={"q": "數據"}).text
    assert 'id="result-count"' in html and html.count("<li data-kind=") > 0


def test_unknown_pages_and_bad_dates(client) -> None:
    assert client.get("/en/indicators/9.9/").status_code == 404
    assert client.get("/fr/").status_code == 404
    response = client.get("/zh-hant/?as_of=2023-02-30")
    assert response.status_code == 422 and '<html lang="zh-Hant-HK">' in response.text
    assert client.get("/en/commitments/?due_year=x").status_code == 422


def test_vega_bundle_is_served_from_the_package(client) -> None:
    response = client.get("/static/vendor/vega-bundle.js")
    assert response.status_code == 200 and "vegaEmbed" in response.text
    assert client.get("/static/site.css").status_code == 200


def test_data_page_links_the_reports_and_the_data_package(client) -> None:
    html = client.get("/zh-hant/data/").text
    assert "downloads/report-zh-Hant.pdf" in html and "downloads/report-zh-Hant.xlsx" in html
    assert "downloads/datapackage.zip" in html and "進度報告（PDF）" in html


def test_the_workbook_and_data_package_download_from_the_server(client) -> None:
    import io
    import zipfile

    from openpyxl import load_workbook

    workbook = client.get("/downloads/report-en.xlsx")
    assert workbook.status_code == 200
    assert workbook.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert load_workbook(io.BytesIO(workbook.content)).sheetnames
    package = client.get("/downloads/datapackage.zip")
    assert package.status_code == 200
    assert "datapackage.json" in zipfile.ZipFile(io.BytesIO(package.content)).namelist()
    again = client.get("/downloads/datapackage.zip")
    assert again.content == package.content  # built once, then served from the cache
    assert client.get("/downloads/report-fr.pdf").status_code == 404
    assert client.get("/downloads/report-en.xlsx?as_of=soon").status_code == 422


def test_the_methodology_is_for_readers_in_the_page_language(client) -> None:
    zh = client.get("/zh-hant/methodology/").text
    en = client.get("/en/methodology/").text
    assert "預期進展" in zh and "預期進展" not in en
    for page in (zh, en):  # plain words, no status codes or engineering notes
        for anchor in ("statuses", "headline", "commitments", "stale", "sources"):
            assert f'id="{anchor}"' in page, anchor
        assert "INSUFFICIENT_DATA" not in page and "SIGNIFICANT_PROGRESS" not in page
        assert "vectorised" not in page and "Python loop" not in page
    assert "How the headline is chosen" in en and "主要判斷如何選出" in zh


def test_indicator_page_shows_eurostat_long_term_reading(client) -> None:
    html = client.get("/zh-hant/indicators/1.2/").text
    assert 'data-method="eurostat-long-term"' in html and "長期讀數（15年時窗）" in html


def test_currency_unit_before_the_number_in_english_only(client) -> None:
    """GERD per capita reads HK$4,769 in English and 4,769 港元 in Chinese, on both page types."""
    for page in ("/en/", "/en/indicators/1.2/"):
        html = client.get(page).text
        assert re.search(r'data-latest="1.2">HK\$[\d,]+<', html), page
        if "indicators" in page:  # the chart's text summary too
            assert re.search(r"Latest value HK\$[\d,]+ for \d{4}", html)
    zh = client.get("/zh-hant/indicators/1.2/").text
    assert re.search(r'data-latest="1.2">[\d,]+港元<', zh)
    percent = client.get("/en/indicators/1.3/").text  # a % unit is written without a space
    assert re.search(r'data-latest="1.3">[\d,]+% \(private share\)<', percent)
    assert re.search(r"最新數值為\d{4}年的[\d,]+港元", zh)


def test_overview_lists_what_changed_between_two_editions(client) -> None:
    html = client.get("/en/?as_of=2026-03-31").text
    item = re.search(r'<li class="status-change" data-indicator="2.1">(.*?)</li>', html, re.S)
    assert item, "the 2.1 status change is listed"
    assert "target for 2025" in item.group(1) and "→ <strong>Target met</strong>" in item.group(1)
    assert "compared with the one a quarter before" in html
    zh = client.get("/zh-hant/?as_of=2026-03-31").text
    assert "2025年目標" in zh and "與前一季版本" in zh
    revised = client.get("/en/?as_of=2020-12-25").text
    assert "revised value 0.84 for 2017 (was 0.80)" in revised


def test_the_updates_feed_is_atom_in_each_language_and_its_links_work(client) -> None:
    import xml.etree.ElementTree as ET
    from urllib.parse import urljoin

    atom = {"a": "http://www.w3.org/2005/Atom"}
    overview = client.get("/en/").text
    assert 'type="application/atom+xml"' in overview and 'href="feed.xml"' in overview
    for slug, word in (("en", "Commitment"), ("zh-hant", "承諾")):
        response = client.get(f"/{slug}/feed.xml?as_of=2026-03-31")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        root = ET.fromstring(response.text)
        entries = root.findall("a:entry", atom)
        titles = [e.findtext("a:title", namespaces=atom) or "" for e in entries]
        assert any(t.startswith(f"{word} ") for t in titles)
        for entry in entries[:5]:
            href = entry.find("a:link", atom).get("href")
            assert client.get(urljoin(f"/{slug}/feed.xml", href)).status_code == 200, href


def test_language_switch_keeps_the_search_words_and_filters(client) -> None:
    for page, kept in (
        ("/en/search/?q=start-ups", "q=start-ups"),
        ("/zh-hant/commitments/?status=OVERDUE&due_year=2024", "status=OVERDUE&due_year=2024"),
    ):
        switch = re.search(r'href="([^"]+)"[^>]*data-lang-switch', client.get(page).text)
        assert switch is not None and html.unescape(switch.group(1)).endswith("?" + kept), switch


def test_dates_follow_hong_kong_style_in_each_language(client) -> None:
    en = client.get("/en/").text
    zh = client.get("/zh-hant/").text
    assert re.search(
        r"Edition of \d{1,2} (January|February|March|April|May|June|July|August|"
        r"September|October|November|December) \d{4}",
        en,
    )
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日版", zh)
    assert not re.search(r"(January|December) \d{1,2}, \d{4}", en)


def test_each_commitment_has_a_public_page_with_its_title_status_and_due_date(client) -> None:
    html = client.get("/en/commitments/c-rpg-places/").text
    assert (
        '<h1 id="commitment-heading">Research postgraduate places up to 7,200 by 2024/25</h1>'
        in html
    )
    assert "precision: a school year" in html and 'data-status="' in html
    zh = client.get("/zh-hant/commitments/c-rpg-places/").text
    assert "研究院研究課程學額增至7200個" in zh and "精確至學年" in zh
    assert client.get("/en/commitments/c-no-such-thing/").status_code == 404


def test_tracker_lists_short_titles_grouped_by_strategy(client) -> None:
    html = client.get("/en/commitments/").text
    titles = re.findall(r'class="commitment-title"><a href="[^"]+">([^<]+)</a>', html)
    assert len(titles) == 51 and len(set(titles)) == 51
    assert not any(t.startswith("and ") or t.endswith("…") for t in titles)
    assert html.count('class="group-heading"') == 8


def test_search_results_carry_titles_and_statuses_but_no_internal_ids(client) -> None:
    html = client.get("/en/search/?q=startups").text
    results = re.search(r'<ul class="results">(.*?)</ul>', html, re.S)
    assert results is not None
    assert "c-" not in re.sub(r'(href|data-[a-z]+)="[^"]*"', "", results.group(1))
    assert 'class="status status-' in results.group(1)


def test_the_chart_summary_writes_the_release_date_as_readers_do(client) -> None:
    released = client.get("/api/v1/indicators/1.1").json()["indicator"]["latest"]["released"]
    year, month, day = (int(part) for part in released.split("-"))
    zh = client.get("/zh-hant/indicators/1.1/").text
    en = client.get("/en/indicators/1.1/").text
    assert f"{year}年{month}月{day}日公布。" in zh  # Hong Kong style, as elsewhere on the page
    assert f"released {day} {dt.date(year, month, day):%B} {year}." in en
    assert f"{released}公布" not in zh and f"released {released}" not in en


def test_indicator_data_carries_its_components_without_filling_gaps(client) -> None:
    page = client.get("/api/v1/indicators/1.1").json()
    assert [c["id"] for c in page["components"]] == [
        "gerd_business", "gerd_higher_education", "gerd_government",
    ]  # fmt: skip
    years = {v["year"] for v in page["component_values"]}
    rows = client.get("/downloads/observations.csv").text.splitlines()
    observed = {int(line.split(",")[1]) for line in rows[1:] if line.startswith("gerd_business,")}
    assert years and years <= observed  # only years with a released figure
    assert client.get("/api/v1/indicators/2.2").json()["components"] == []


def _date_selects(page: str) -> list[tuple[str, str, str]]:
    """The date control's selects in page order: (name, its word, the selected option's text)."""
    form = page[page.index('<form class="as-of"') :]
    form = form[: form.index("</form>")]
    found = []
    for label in re.findall(r'<label class="as-of-\w+">.*?</label>', form, re.S):
        name = re.search(r'name="(as_of_\w+)"', label).group(1)
        word = re.search(r'<span class="as-of-word">([^<]*)</span>', label).group(1)
        chosen = re.search(r"<option value=\"\w+\" selected>([^<]*)</option>", label).group(1)
        found.append((name, word, chosen))
    return found


def test_the_date_control_follows_the_page_language(client) -> None:
    zh = client.get("/zh-hant/indicators/1.1/?as_of=2025-12-23").text
    en = client.get("/en/indicators/1.1/?as_of=2025-12-23").text
    # three selects, never the browser's own (US-style) date picker nor a typed date
    assert 'type="date"' not in zh and 'type="date"' not in en
    assert _date_selects(zh) == [
        ("as_of_year", "年", "2025"), ("as_of_month", "月", "12"), ("as_of_day", "日", "23")
    ]
    assert _date_selects(en) == [
        ("as_of_day", "Day", "23"), ("as_of_month", "Month", "December"),
        ("as_of_year", "Year", "2025"),
    ]
    assert zh.index('<span class="as-of-word">年</span>') > zh.index('name="as_of_year"')
    assert en.index('<span class="as-of-word">Day</span>') < en.index('name="as_of_day"')
    assert "現顯示2025年12月23日" in zh and "Showing 23 December 2025" in en


def test_the_date_control_works_without_javascript(client) -> None:
    """The three fields go to the page's one ?as_of= URL (other query kept); a bad day gets the
    as-of parser's own message; an empty control returns to today."""
    sent = client.get(
        "/en/commitments/?status=DONE&as_of_year=2024&as_of_month=6&as_of_day=30",
        follow_redirects=False,
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == "/en/commitments/?status=DONE&as_of=2024-06-30"
    shown = client.get("/en/indicators/1.1/?as_of_year=2023&as_of_month=6&as_of_day=30")
    assert shown.url.query == b"as_of=2023-06-30" and "Showing 30 June 2023" in shown.text
    bad = client.get("/en/indicators/1.1/?as_of_year=2023&as_of_month=2&as_of_day=30")
    assert bad.status_code == 422 and "as_of: &#39;2023-02-30&#39; is not a date" in bad.text
    empty = client.get("/en/indicators/1.1/?as_of_year=&as_of_month=&as_of_day=",
                       follow_redirects=False)
    assert empty.headers["location"] == "/en/indicators/1.1/"


def test_the_methodology_explains_every_status_a_page_can_show(client) -> None:
    from blueprint_tracker.i18n import translations
    from blueprint_tracker.present.labels import STATUS_LABELS

    for slug, lang in (("en", "en"), ("zh-hant", "zh-Hant")):
        page = client.get(f"/{slug}/methodology/").text
        words = {str(translations(lang).gettext(label.word)) for label in STATUS_LABELS.values()}
        assert sorted(w for w in words if w not in page) == [], slug


def test_every_figure_on_the_indicator_page_carries_its_source_tier(client) -> None:
    html = client.get("/en/indicators/1.3/").text
    values = html.split('id="values"')[1].split("</table>")[0]
    rows = values.count("<tr data-year=")
    assert rows > 0 and values.count('class="tier tier-') >= rows
    assert "official table, read from a copy" in values and "read from a copy</a>" in values
    vintages = html.split('id="vintages"')[1].split("</table>")[0]
    assert vintages.count('class="tier tier-') == vintages.count("<tr") - 1  # every release
    zh = client.get("/zh-hant/indicators/1.3/").text
    assert "官方統計表（從副本讀取）" in zh


def test_indicator_page_says_when_the_plans_own_value_is_shown(client) -> None:
    html = client.get("/en/indicators/1.2/?as_of=2023-06-30").text
    assert 'data-latest="1.2">HK$3,575<' in html
    assert 'data-basis="plan_table"' in html and "as published in the plan&#39;s own table" in html


def test_data_page_counts_figures_by_tier_and_lists_what_is_not_official(client) -> None:
    html = client.get("/en/data/").text
    counts = html.split('id="tier-counts"')[1].split("</table>")[0]
    row = counts.split('data-indicator="1.3"')[1].split("</tr>")[0]
    assert int(re.search(r'data-tier="official_table_copy">(\d+)<', row).group(1)) > 0
    listed = html.split('id="not-official"')[1].split("</table>")[0]
    assert "gerd_higher_education" in listed and "Why it stays" in html
    assert "government-world.com/statistics-on-innovation-activities-for-2022" not in listed


def test_indicator_page_shows_hong_kong_among_its_peers_with_sources(client) -> None:
    html = client.get("/en/indicators/1.1/").text
    table = html.split('id="peers-latest"')[1].split("</table>")[0]
    assert 'data-economy="HKG" class="home"' in table
    singapore = table.split('data-economy="SGP"')[1].split("</tr>")[0]
    assert "<td>2022</td><td>1.81</td>" in singapore and 'class="tier tier-' in singapore
    shenzhen = table.split('data-economy="SZX"')[1].split("</tr>")[0]
    assert "<td>2024</td><td>6.67</td>" in shenzhen and "tier-media_report" in shenzhen
    gap = client.get("/en/indicators/1.3/").text.split('id="peers-latest"')[1].split("</table>")[0]
    assert "No figure found (a gap, not estimated)" in gap.split('data-economy="SGP"')[1]
    assert 'id="peers-spec"' in html and 'id="peers-chart"' in html
    zh = client.get("/zh-hant/indicators/1.1/").text
    assert "與其他經濟體比較" in zh and "新加坡" in zh
    left_out = client.get("/en/indicators/1.2/").text
    assert 'class="peers-left-out"' in left_out and "PPP" in left_out


def test_indicator_page_shows_a_context_measure_on_one_definition(client) -> None:
    html = client.get("/en/indicators/3.2/").text
    assert 'class="peers-left-out"' in html  # 3.2 itself is not compared
    table = html.split('id="peers-context-researchers-per-million"')[1].split("</table>")[0]
    home = table.split('data-economy="HKG" class="home"')[1].split("</tr>")[0]
    assert "<td>2024</td><td>5,874</td>" in home and "tier-official_table_copy" in home
    assert "No figure found (a gap, not estimated)" in table.split('data-economy="OECD"')[1]
    assert 'id="peers-spec"' in html and 'id="peers-chart"' in html
    zh = client.get("/zh-hant/indicators/3.2/").text
    assert "每百萬人口研究人員" in zh and "香港：5,874（2024年）" in zh


def test_each_indicator_has_an_embeddable_view_other_sites_may_frame(client) -> None:
    embed = client.get("/en/embed/indicators/1.1/")
    assert embed.status_code == 200
    assert 'id="chart-spec"' in embed.text and 'class="verdict-line"' in embed.text
    assert "<nav" not in embed.text and "<footer" not in embed.text  # verdict and chart alone
    assert "x-frame-options" not in embed.headers
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    page = client.get("/en/indicators/1.1/")
    assert page.headers["x-frame-options"] == "DENY"
    assert 'href="../../embed/indicators/1.1/"' in page.text


def test_indicator_pages_carry_a_card_with_their_chart_image(client) -> None:
    html = client.get("/zh-hant/indicators/1.1/").text
    for tag in (
        'property="og:title"',
        'property="og:image" content="http://testserver/zh-hant/indicators/1.1/chart.png"',
        'property="og:url" content="http://testserver/zh-hant/indicators/1.1/"',
        'name="twitter:card" content="summary_large_image"',
    ):
        assert tag in html, tag
    assert re.search(r'property="og:description" content="[^"]*2025[^"]*"', html)
    image = client.get("/zh-hant/indicators/1.1/chart.png")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")


def _sources_line(page: str) -> str:
    line = re.search(r"<p>(?:Sources|資料來源)[:：][^<]*</p>", page)
    assert line, "the indicator page has a sources line"
    return html.unescape(line.group(0))


def test_sources_line_names_agencies_in_the_page_language(client) -> None:
    """agencies.yaml: the Chinese page names C&SD 政府統計處, the English page in English."""
    zh = client.get("/zh-hant/indicators/1.1/").text
    en = client.get("/en/indicators/1.1/").text
    assert "政府統計處" in _sources_line(zh)
    assert "Census and Statistics Department" not in _sources_line(zh)
    assert "Census and Statistics Department" in _sources_line(en)
    assert "政府統計處" not in _sources_line(en)
