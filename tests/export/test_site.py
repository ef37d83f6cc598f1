"""The static site: every page in both languages, JSON, downloads, relative links, edition stamp."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.export.site import build_site
from blueprint_tracker.present import registry
from blueprint_tracker.services import models
from blueprint_tracker.services.workspace import Workspace, open_workspace

LINK = re.compile(r'(?:href|src)="([^"]+)"')


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    os.environ.setdefault("BLUEPRINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return open_workspace(Settings(data_dir=tmp_path_factory.mktemp("data"), plan="hk-itb-2022"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, ws: Workspace) -> Path:
    folder = tmp_path_factory.mktemp("site")
    steps: list[tuple[int, int]] = []
    result = build_site(
        ws, folder, progress=lambda done, total, _label: steps.append((done, total))
    )
    assert steps and steps[-1][0] == steps[-1][1]
    assert result["edition"] == dt.date.today().isoformat()
    return folder


def _pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_every_page_in_both_languages(site: Path) -> None:
    for slug in ("zh-hant", "en"):
        for page in ("", "plan/", "commitments/", "methodology/", "data/", "search/"):
            assert (site / slug / page / "index.html").exists(), (slug, page)
        assert (site / slug / "indicators" / "1.1" / "index.html").exists()
    assert (site / "index.html").exists()


def test_json_and_downloads(site: Path) -> None:
    indicator = json.loads((site / "api/v1/indicators/1.1.json").read_text(encoding="utf-8"))
    assert indicator["indicator"]["id"] == "1.1"
    assert json.loads((site / "api/v1/plan.json").read_text(encoding="utf-8"))["nodes"]
    assert "entries" in json.loads((site / "api/v1/updates.json").read_text(encoding="utf-8"))
    statuses = json.loads((site / "api/v1/statuses.json").read_text(encoding="utf-8"))
    reverse = next(w for w in statuses["statuses"] if w["code"] == "REVERSE")
    assert reverse["label"] == {"zh-Hant": "需要扭轉趨勢", "en": "Trend needs reversing"}
    assert (site / "api/v1/nodes/s1.json").exists()
    assert (site / "downloads/observations.csv").read_text(encoding="utf-8").startswith("series,")
    assert (site / "downloads/indicators/1.1.csv").exists()
    assert (site / "static/vendor/vega-bundle.js").stat().st_size > 100_000



def test_the_site_holds_every_document_the_registry_declares(site: Path, ws: Workspace) -> None:
    """Each API document (for every id) is a file of the site, exactly of its type."""
    written = 0
    for document in registry.DOCUMENTS:
        ids = list(document.ids(ws)) if document.ids else [""]
        for arg in ids:
            path = site / "api" / "v1" / (document.path.replace("{arg}", arg) + ".json")
            assert path.exists() == document.static, path
            if document.static:
                body = json.loads(path.read_text(encoding="utf-8"))
                assert models.page_json(document.model, body) == body, path
                written += 1
    assert written > len(ws.plan.indicators) + len(ws.plan.header.nodes)


def test_every_page_has_its_json_twin_beside_it(site: Path) -> None:
    """Each page folder holds index.json, its data; the same document as the API file."""
    for page in _pages(site):
        if page.parent == site:
            continue  # the root language chooser is not a page
        twin = page.parent / "index.json"
        assert twin.exists(), page
        assert json.loads(twin.read_text(encoding="utf-8")), twin
    for slug in ("zh-hant", "en"):
        folder = site / slug
        indicator = json.loads((folder / "indicators/1.1/index.json").read_text(encoding="utf-8"))
        api = json.loads((site / "api/v1/indicators/1.1.json").read_text(encoding="utf-8"))
        assert indicator == api
        plan = json.loads((folder / "plan/index.json").read_text(encoding="utf-8"))
        assert plan == json.loads((site / "api/v1/plan.json").read_text(encoding="utf-8"))

def test_the_reports_and_data_package_are_in_the_site(site: Path) -> None:
    for lang in ("zh-Hant", "en"):
        assert (site / f"downloads/report-{lang}.pdf").read_bytes().startswith(b"%PDF")
        assert zipfile.is_zipfile(site / f"downloads/report-{lang}.xlsx")
    with zipfile.ZipFile(site / "downloads/datapackage.zip") as package:
        names = package.namelist()
    assert "datapackage.json" in names and "observations.csv" in names
    data_page = (site / "en/data/index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/report-en.pdf"' in data_page
    assert 'href="../../downloads/datapackage.zip"' in data_page


def test_every_relative_link_resolves(site: Path) -> None:
    broken = []
    for page in _pages(site):
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or link.startswith("#") or not parts.path:
                continue
            assert not link.startswith("/"), f"{page}: absolute link {link}"
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert broken == []


def test_every_page_has_an_edition_stamp_and_language(site: Path) -> None:
    today = dt.date.today().isoformat()
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        assert f'data-edition="{today}"' in html, page
        assert re.search(r'<html lang="(zh-Hant-HK|en)">', html), page


def test_static_pages_link_to_index_files_and_have_no_server_forms(site: Path) -> None:
    html = (site / "en/indicators/1.1/index.html").read_text(encoding="utf-8")
    assert 'href="../../../zh-hant/indicators/1.1/index.html"' in html
    assert 'name="as_of"' not in html
    search = (site / "zh-hant/search/index.html").read_text(encoding="utf-8")
    assert 'id="search-index"' in search


def test_as_of_edition(tmp_path: Path, data_dir: Path) -> None:
    os.environ.setdefault("BLUEPRINT_CACHE_DIR", str(tmp_path / "cache"))
    ws = open_workspace(Settings(data_dir=data_dir, plan="hk-itb-2022"))
    build_site(ws, tmp_path / "old", as_of=dt.date(2023, 6, 30), publications=False)
    html = (tmp_path / "old/en/index.html").read_text(encoding="utf-8")
    assert 'data-edition="2023-06-30"' in html
    old = json.loads((tmp_path / "old/api/v1/indicators/1.1.json").read_text(encoding="utf-8"))
    assert old["indicator"]["latest"]["released"] <= "2023-06-30"


def test_the_updates_feeds_are_valid_atom_with_working_links(site: Path) -> None:
    import xml.etree.ElementTree as ET

    atom = {"a": "http://www.w3.org/2005/Atom"}
    for slug, lang in (("en", "en"), ("zh-hant", "zh-Hant-HK")):
        path = site / slug / "feed.xml"
        root = ET.fromstring(path.read_text(encoding="utf-8"))
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = root.findall("a:entry", atom)
        ids = [e.findtext("a:id", namespaces=atom) for e in entries]
        assert entries and len(set(ids)) == len(ids)
        for entry in entries:
            href = entry.find("a:link", atom).get("href")  # type: ignore[union-attr]
            target = (path.parent / urlsplit(href).path).resolve()
            assert target.exists() and target.name == "index.html", href


def test_every_static_page_carries_a_content_security_policy_meta(site: Path) -> None:
    from blueprint_tracker.present.csp import META_CSP

    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    pages = _pages(site)
    assert len(pages) > 20
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        found = meta.search(head)
        assert found, page
        policy = found.group(1).replace("&#39;", "'")
        assert policy == META_CSP and "script-src 'self'" in policy, page
        assert "unsafe-inline" not in policy and "frame-ancestors" not in policy
        assert head.index("Content-Security-Policy") < head.index("<link"), page  # before assets


def test_card_links_are_relative_without_a_base_url_and_absolute_with_one(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    page = (site / "en" / "indicators" / "1.1" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:image" content="chart.png"' in page and 'property="og:url"' not in page
    ws = open_workspace(Settings(data_dir=tmp_path_factory.mktemp("data"), plan="hk-itb-2022"))
    folder = tmp_path_factory.mktemp("published")
    build_site(ws, folder, publications=False, base_url="https://example.org/blueprint/")
    page = (folder / "en" / "indicators" / "1.1" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:url" content="https://example.org/blueprint/en/indicators/1.1/"' in page
    assert (
        'property="og:image" content="https://example.org/blueprint/en/indicators/1.1/chart.png"'
        in page
    )


def test_english_pages_show_chinese_only_inside_elements_marked_chinese(site: Path) -> None:
    """Issue 13: every word an English reader sees is English, except the sources' own Chinese
    words, which are marked lang="zh-Hant" (screen readers switch voice)."""
    from tests.support.languages import chinese_outside_chinese_elements

    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 50
    offending = {
        str(page.relative_to(site)): found[:2]
        for page in pages
        if (found := chinese_outside_chinese_elements(page.read_text(encoding="utf-8")))
    }
    assert offending == {}


def test_chinese_pages_show_no_english_text_the_catalogue_translates(site: Path) -> None:
    """translations/zh-Hant.yaml: a note or source title with Chinese words is shown in them."""
    import html as html_module

    from blueprint_tracker.formats.plan_folder import load_plan_folder

    plan, _ = load_plan_folder(Settings(plan="hk-itb-2022").plan_path())
    assert plan is not None
    catalogue = plan.header.translations.get("zh-Hant", {})
    english = [text for text in catalogue if len(text) > 12]
    # a Chinese name may keep the brand it translates ("Marketing-Interactive（市場推廣媒體）")
    chinese = sorted(set(catalogue.values()), key=len, reverse=True)
    for page in sorted((site / "zh-hant").rglob("*.html")):
        shown = html_module.unescape(page.read_text(encoding="utf-8"))
        for words in chinese:
            shown = shown.replace(words, "")
        assert [text for text in english if text in shown] == [], page.relative_to(site)
