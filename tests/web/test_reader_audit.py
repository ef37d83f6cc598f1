"""What the reader's audit of issue 13 found on the served pages (HTML through the ASGI client):
units beside every target, a card image for each indicator that other sites can fetch, Chinese
punctuation in the lines the templates put together, and plan and error pages a reader can use."""

from __future__ import annotations

import html
import re

import pytest

INDICATORS = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "4.1")
CJK = "\u3400-\u9fff"


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_no_target_is_given_without_its_unit(client) -> None:
    """The methods table once headed its columns "Target 2025: ≥ 50" (no unit, while the key
    numbers above say 50% (private share)); the target with its unit stays in the key numbers."""
    for slug, target in (("en", "≥ 50% (private share)"), ("zh-hant", "≥ 50%（私營機構所佔）")):
        page = client.get(f"/{slug}/indicators/1.3/").text
        head = _text(re.search(r'<table [^>]*id="methods">.*?</thead>', page, re.S)[0])
        assert "≥" not in head and "2025" in head, head
        numbers = _text(re.search(r'<dl class="key-numbers">.*?</dl>', page, re.S)[0])
        assert target in numbers


@pytest.mark.parametrize("indicator", INDICATORS)
def test_each_indicator_card_names_an_image_other_sites_can_fetch(client, indicator: str) -> None:
    page = client.get(f"/en/indicators/{indicator}/").text
    image = f"http://testserver/en/indicators/{indicator}/chart.png"
    assert f'<meta property="og:image" content="{image}">' in page
    assert f'<meta name="twitter:image" content="{image}">' in page  # absolute, as cards need
    png = client.get(image)
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")


def test_the_chart_summary_gives_targets_and_projections_with_their_units(client) -> None:
    en = client.get("/en/indicators/1.3/").text
    zh = client.get("/zh-hant/indicators/1.3/").text
    alt_en = html.unescape(re.search(r'og:image:alt" content="([^"]*)"', en).group(1))
    alt_zh = html.unescape(re.search(r'og:image:alt" content="([^"]*)"', zh).group(1))
    assert "Target for 2025: ≥ 50% (private share)." in alt_en
    assert re.search(r"Trend projection for 2025: [\d.]+% \(private share\)", alt_en)
    assert "2025年目標：≥ 50%（私營機構所佔）。" in alt_zh
    # Chinese sentences follow each other without a space
    assert not re.search(rf"。 [\d{CJK}]", alt_zh)
    description = html.unescape(re.search(r'og:description" content="([^"]*)"', zh).group(1))
    assert not re.search(rf"。 [\d{CJK}]", description) and not description.endswith(" ")


def test_chinese_source_lines_use_full_width_brackets_commas_and_semicolons(client) -> None:
    zh = client.get("/zh-hant/indicators/1.1/").text
    assert "（<a href=" in zh and "從副本讀取</a>）" in zh
    assert " (<a href=" not in zh and "</a>, " not in zh
    assert re.search(r"</a>，\d{4}年\d{1,2}月\d{1,2}日公布", zh)  # peers: source, then date
    data = client.get("/zh-hant/data/").text
    assert re.search(r"個數字；<code>[^<]+</code>；最近於", data)
    en = client.get("/en/indicators/1.1/").text
    assert ' (<a href="' in en and "read from a copy</a>)" in en


def test_the_plan_page_cites_the_blueprints_numbering_not_internal_ids(client) -> None:
    en = client.get("/en/plan/").text
    zh = client.get("/zh-hant/plan/").text
    visible = re.sub(r'(id|href|data-[a-z-]+)="[^"]*"', "", zh)
    assert not re.search(r"\bs\d(-g\d\d)?(-r\d+)?\b|\bd\d\b", _text(visible))
    assert "第四章 策略（一）" in zh and "Chapter 4, Strategy (1)" in en
    # Chinese punctuation between the parts the template puts together
    assert "<strong>2027</strong>：" in zh and "</a>；<a" in zh
    assert "</a>; <a" in en and "<strong>2027</strong>: " in en


def test_the_plan_page_links_each_commitment_to_its_own_page_by_its_short_title(client) -> None:
    en = client.get("/en/plan/").text
    assert '<a href="../commitments/c-rpg-places/">Research postgraduate places up to 7,200' in en
    assert "commitments/#c-" not in en


def test_the_error_page_marks_no_menu_item_current_and_drops_the_bare_reason(client) -> None:
    missing = client.get("/zh-hant/no-such-page/")
    assert missing.status_code == 404 and "此頁不存在。" in missing.text
    assert 'aria-current="page"' not in missing.text and 'data-page="error"' in missing.text
    assert "Not Found" not in missing.text  # English words that add nothing on a Chinese page
    unknown = client.get("/en/indicators/9.9/")
    assert unknown.status_code == 404 and "no indicator has the id" in html.unescape(unknown.text)


def test_cite_this_gives_the_address_without_javascript(client) -> None:
    page = client.get("/en/indicators/1.1/?as_of=2024-06-30").text
    cite = _text(re.search(r'<p id="cite-text">.*?</p>', page, re.S)[0])
    assert cite.endswith(
        "edition of 30 June 2024. http://testserver/en/indicators/1.1/?as_of=2024-06-30"
    )


def test_observed_figures_are_shown_as_published_not_padded_to_three_decimals(client) -> None:
    data = client.get("/en/data/").text
    assert "<td>465,000</td>" in data  # data-centre floor area, m² (was "465,000.000")
    assert not re.search(r"<td>[\d,]+\.000</td>", data)
    en = client.get("/en/indicators/1.1/").text
    assert "gerd_pct_gdp</code> 1998: 0.43%" in en and "0.430" not in en
    assert re.search(r"gerd</code> 2014: 16,727\.3 HK\$ million", en)
    zh = client.get("/zh-hant/indicators/1.1/").text
    assert re.search(r"gerd</code> 2014：16,727\.3(<[^>]+>)?百萬港元", zh)
    assert re.search(r"</a>，\d{4}年\d{1,2}月\d{1,2}日</td>", client.get("/zh-hant/data/").text)


def test_the_formula_lists_series_with_chinese_punctuation(client) -> None:
    zh = client.get("/zh-hant/indicators/1.2/").text
    assert "<li><code>gerd</code>：本地研究及發展總開支（百萬港元）" in zh
    en = client.get("/en/indicators/1.2/").text
    assert "<li><code>gerd</code>: Gross domestic expenditure on R&amp;D (GERD) (HK$ million)" in en


def test_shortened_titles_end_with_an_ellipsis_not_three_dots(client) -> None:
    for page in ("/en/commitments/", "/en/commitments/c-rpg-places/", "/en/search/?q=startups"):
        text = client.get(page).text
        assert "…" in text and "..." not in _text(text), page


def test_a_status_in_the_trackers_address_is_read_in_any_case_and_checked(client) -> None:
    upper = client.get("/en/commitments/?status=OVERDUE").text
    lower = client.get("/en/commitments/?status=overdue")
    assert lower.status_code == 200
    shown = lower.text.count('class="commitment"')
    assert shown == upper.count('class="commitment"') > 0
    assert '<option value="OVERDUE" selected>' in lower.text
    wrong = client.get("/zh-hant/commitments/?status=late")
    assert wrong.status_code == 422 and "參數無效" in wrong.text
    assert "is not a commitment status" in html.unescape(wrong.text)
    api = client.get("/api/v1/commitments?status=nope")
    assert api.status_code == 422 and "status" in api.json()["error"]["message"]


@pytest.mark.parametrize(
    "page",
    ["", "commitments/", "commitments/c-rpg-places/", "indicators/1.1/", "indicators/2.1/"],
)
def test_no_space_before_a_full_width_bracket_on_chinese_pages(client, page: str) -> None:
    """Not '1.13% （2024年）', '2024/25學年 （2025年8月31日屆滿）', '預期進展 （主要判斷）'."""
    text = _text(client.get(f"/zh-hant/{page}").text)
    spaced = [text[max(0, m.start() - 12) : m.end() + 8] for m in re.finditer(r"\S\s+（", text)]
    assert spaced == []
    english = _text(client.get(f"/en/{page}").text)
    assert re.search(r"\w \(", english)  # English keeps its space before a bracket


def test_the_plan_counts_its_levels_without_reading_as_a_number(client) -> None:
    """'Direction 4 · Strategy 8' read as the fourth direction; now 'Direction: 4'."""
    en = client.get("/en/plan/").text
    zh = client.get("/zh-hant/plan/").text
    assert "Direction: 4 · Strategy: 8 · Goal: 16 · Recommendation: 42" in en
    assert "方向：4 · 策略：8 · 目標：16 · 建議：42" in zh


def test_the_data_page_lists_years_and_counts_with_chinese_punctuation(client) -> None:
    zh = client.get("/zh-hant/data/").text
    gaps = _text(re.search(r'<section aria-labelledby="gaps-heading">.*?</section>', zh, re.S)[0])
    assert re.search(r"：2021，2022，2023，2024，2025年沒有數值", gaps), gaps
    series = re.search(r'<section aria-labelledby="series-heading">.*?</section>', zh, re.S)[0]
    assert re.search(r"1998–2024（\d+）", _text(series)) and not re.search(r"\d \(\d+\)", series)
    assert '<td class="unit">百萬港元</td>' in series
    en = _text(client.get("/en/data/").text)
    assert re.search(r"no value for 2021, 2022, 2023", en) and re.search(r"1998–2024 \(\d+\)", en)


def test_a_commitment_page_states_the_rule_behind_its_status_beside_the_evidence(client) -> None:
    en = client.get("/en/commitments/c-rpg-places/").text  # overdue, with later evidence
    why = _text(re.search(r'aria-labelledby="deciding-heading">.*?</section>', en, re.S)[0])
    assert "The due date has passed and no evidence of delivery has been released." in why
    assert "17 September 2025" in why  # and the evidence that decided it
    zh = client.get("/zh-hant/commitments/c-rpg-places/").text
    assert 'class="status-reason"' in zh


def test_evidence_on_a_chinese_commitment_page_runs_on_to_its_source(client) -> None:
    text = _text(client.get("/zh-hant/commitments/c-rpg-places/").text)
    assert "實際學額數字。大學教育資助委員會（2025年9月17日公布）" in text
    assert not re.search(r"。\s+大學教育資助委員會", text)


def test_the_embedded_view_names_the_independent_tracker_not_only_the_plan(client) -> None:
    """A framed chart on another site must not read as the government's own widget."""
    en = _text(client.get("/en/embed/indicators/1.1/").text)
    zh = _text(client.get("/zh-hant/embed/indicators/1.1/").text)
    assert "Blueprint Tracker: Hong Kong Innovation and Technology Development Blueprint" in en
    assert "藍圖追蹤：香港創新科技發展藍圖" in zh


def test_search_results_give_an_indicator_its_number_in_the_plan(client) -> None:
    en = client.get("/en/search/?q=startups").text
    assert '">2.1 Number of start-ups operating in co-working spaces' in en
    zh = client.get("/zh-hant/search/?q=研发").text
    assert '">1.1 本地研發總開支相對本地生產總值的比率</a>' in zh


def test_every_page_says_in_its_header_that_it_is_the_independent_tracker(client) -> None:
    """Only the footer said so; a reader landing on a page could take it for the bureau's site."""
    for page, words in (
        ("/en/", "Blueprint Tracker: Hong Kong Innovation"),
        ("/zh-hant/plan/", "藍圖追蹤：香港創新科技發展藍圖"),
    ):
        header = _text(re.search(r'<p class="site-title">.*?</p>', client.get(page).text, re.S)[0])
        assert header.startswith(words), header
