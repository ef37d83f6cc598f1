"""Plan text in the page language (issue 13): notes, source titles and refs stored in one
language are shown in the reader's, from the plan's catalogues (translations/<lang>.yaml), and
marked as our translation; Chinese quoted in English text is marked lang="zh-Hant"."""

from __future__ import annotations

import html
import shutil

import pytest
import yaml
from tests.support.languages import chinese_outside_chinese_elements

from blueprint_tracker.config import BUNDLED_PLANS

NOTE = "Total column, 2015: '18,270.7'. Pre-2018 method."
NOTE_ZH = "總額欄，2015年：「18,270.7」。2018年前的方法。"
TITLE = "C&SD Table 710-86001: Gross domestic expenditure on R&D by performing sector"
TITLE_ZH = "政府統計處表710-86001：按執行機構劃分的本地研究及發展總開支"


@pytest.fixture(scope="module")
def plan_text_client(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.app import create_app

    folder = tmp_path_factory.mktemp("plan") / "hk"
    shutil.copytree(BUNDLED_PLANS / "hk-itb-2022", folder)
    catalogue = folder / "translations" / "zh-Hant.yaml"
    entries = yaml.safe_load(catalogue.read_text(encoding="utf-8")) if catalogue.exists() else {}
    entries = {**(entries or {}), NOTE: NOTE_ZH, TITLE: TITLE_ZH}
    catalogue.parent.mkdir(exist_ok=True)
    catalogue.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), plan=str(folder))
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_chinese_page_shows_the_catalogues_words_marked_as_ours(plan_text_client) -> None:
    page = html.unescape(plan_text_client.get("/zh-hant/indicators/1.1/").text)
    assert NOTE_ZH in page and NOTE not in page
    assert TITLE_ZH in page and TITLE not in page
    assert f"{NOTE_ZH}<span class=\"translated\">（本網站翻譯）</span>" in page


def test_an_english_page_shows_the_original_and_marks_quoted_chinese(plan_text_client) -> None:
    raw = plan_text_client.get("/en/indicators/1.1/").text
    page = html.unescape(raw)
    assert NOTE in page and TITLE in page and NOTE_ZH not in page
    assert "&#39;<span lang=\"zh-Hant\">本地生产总值(按当年价格计算) ... 28616</span>&#39;" in raw
    assert chinese_outside_chinese_elements(raw) == []


def test_a_commitments_reference_is_shown_in_english_on_english_pages(plan_text_client) -> None:
    en = html.unescape(plan_text_client.get("/en/commitments/c-raise-plus/").text)
    zh = html.unescape(plan_text_client.get("/zh-hant/commitments/c-raise-plus/").text)
    assert "Chapter 4, 4.1, Strategy (1), Goal 02, Recommendation i" in en
    assert "第四章 4.1 策略（一） 目標02 建議 i" not in en
    assert "第四章 4.1 策略（一） 目標02 建議 i" in zh


def test_media_outlets_are_named_in_the_page_language(plan_text_client) -> None:
    en = plan_text_client.get("/en/commitments/c-itland-from-2024/").text
    zh = plan_text_client.get("/zh-hant/commitments/c-itland-from-2024/").text
    assert ">Ming Pao</a>" in en and "明報" not in html.unescape(en)
    assert ">明報</a>" in zh


def test_the_english_feed_names_sources_in_english(plan_text_client) -> None:
    """The Atom feed's evidence summaries: agencies and source titles in the feed's language."""
    import re
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    summaries = {}
    for slug in ("en", "zh-hant"):
        feed = ET.fromstring(plan_text_client.get(f"/{slug}/feed.xml").content)
        summaries[slug] = [s.text or "" for s in feed.iter(f"{atom}summary")]
    sources = [s.split(" — ", 1)[1] for s in summaries["en"] if " — " in s]
    assert sources, "the feed has evidence entries"
    assert [s for s in sources if re.search(r"[\u3400-\u9fff]", s)] == []
    assert any(s.startswith("HK01, ") for s in sources)
    assert any(" — 香港01，" in s for s in summaries["zh-hant"])
