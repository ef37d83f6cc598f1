"""The PDF progress report: it opens, says what it must in each language, embeds its fonts."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from blueprint_tracker.config import Settings
from blueprint_tracker.errors import ConfigError
from blueprint_tracker.present.dates import long_date
from blueprint_tracker.present.reports import fonts
from blueprint_tracker.present.reports.report_pdf import write_pdf
from blueprint_tracker.present.reports.report_text import tr
from blueprint_tracker.services.pages import changes_since
from blueprint_tracker.services.reports import most_behind
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace, open_workspace

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
AS_OF = dt.date(2026, 11, 28)
LANGS = ("zh-Hant", "en")
CJK = re.compile(r"[\u3400-\u9fff]")
#: the edition date as Hong Kong readers write it in each language
EDITION = {"zh-Hant": "2026年11月28日", "en": "28 November 2026"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
URL = re.compile(r"https?://\S+")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data = tmp_path_factory.mktemp("report-data")
    return open_workspace(Settings(data_dir=data, database_url=None, plan="hk-itb-2022"))


@pytest.fixture(scope="module")
def pdfs(ws: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both languages at once, each by ``blueprint report`` in its own process (two cores)."""
    folder = tmp_path_factory.mktemp("pdf")
    env = {
        **os.environ,
        "BLUEPRINT_DATA_DIR": str(ws.settings.data_dir),
        "BLUEPRINT_PLAN": "hk-itb-2022",
    }
    env.pop("BLUEPRINT_DATABASE_URL", None)
    paths = {lang: folder / f"report-{lang}.pdf" for lang in LANGS}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from blueprint_tracker.main.app import run; run()",
                "report",
                "--lang",
                lang,
                "-o",
                str(path),
                "--as-of",
                AS_OF.isoformat(),
                "--json",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for lang, path in paths.items()
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
        assert json.loads(out)["format"] == "pdf"
    return paths


def pdf_text(path: Path) -> str:
    """The PDF's text by poppler's pdftotext when installed (it reads the CMap-encoded CID CFF
    fonts that fpdf2 writes for Noto Sans CJK; pypdf and pdfminer do not), else by pypdf."""
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
        return run.stdout.decode("utf-8")
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _squash(text: str) -> str:
    """Text without any whitespace (a table cell or heading may wrap a name anywhere)."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_text_has_the_title_edition_and_every_indicator_name(
    ws: Workspace, pdfs: dict[str, Path], lang: str
) -> None:
    reader = PdfReader(pdfs[lang])
    assert len(reader.pages) > 2 * len(ws.plan.indicators)
    text = _squash(pdf_text(pdfs[lang]))
    assert _squash(ws.plan.header.title.get(lang)) in text
    assert _squash(EDITION[lang]) in text
    for indicator in ws.plan.indicators:
        assert _squash(indicator.name.get(lang)) in text, indicator.id
    for key in ("summary", "methodology", "sources_annex"):
        assert _squash(tr(key, lang)) in text
    # what changed since the edition a quarter before: every status that moved is listed
    changes = changes_since(ws, AS_OF)
    since = long_date(changes["since"], lang)
    assert _squash(tr("changes", lang, since=since)) in text
    moved = changes["statuses"]["targets"] + changes["statuses"]["commitments"]
    for item in moved:
        assert _squash(item.get("commitment") or item["indicator"]) in text


@pytest.mark.parametrize("lang", LANGS)
def test_dates_are_written_as_hong_kong_readers_write_them(
    pdfs: dict[str, Path], lang: str
) -> None:
    """Cover, running header, evidence, release dates, annex: never 2026-11-28 (URLs aside)."""
    text = URL.sub("", pdf_text(pdfs[lang]))
    assert not ISO_DATE.findall(text)
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", str(pdfs[lang]), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    edition = _squash(tr("edition", lang))
    assert any(
        line.startswith(edition) and line.endswith(EDITION[lang].replace(" ", ""))
        for line in map(_squash, cover.splitlines())
    ), cover
    # the running header of every page after the cover carries the edition date too
    pages = len(PdfReader(pdfs[lang]).pages)
    assert _squash(pdf_text(pdfs[lang])).count(_squash(EDITION[lang])) >= pages - 1


def _fonts(reader: PdfReader) -> Iterator[DictionaryObject]:
    seen: set[int] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in (font_dict.get_object() if font_dict else {}).values():
            font = ref.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                yield font


def _descriptor(font: DictionaryObject) -> Any:
    if font["/Subtype"] == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    return font.get("/FontDescriptor").get_object()


def _maps_cjk(font: DictionaryObject) -> bool:
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return False
    codes = re.findall(rb"<([0-9A-Fa-f]{4})>", cmap.get_object().get_data())
    return any(0x4E00 <= int(code, 16) <= 0x9FFF for code in codes)


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded_and_one_covers_chinese(pdfs: dict[str, Path], lang: str) -> None:
    reader = PdfReader(pdfs[lang])
    found = list(_fonts(reader))
    assert found
    for font in found:
        descriptor = _descriptor(font)
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
    if lang == "zh-Hant":
        assert any(_maps_cjk(font) for font in found)


def test_the_english_report_has_no_chinese_left(pdfs: dict[str, Path]) -> None:
    """Issue 13: references, source titles and agencies are in English (translations/en.yaml,
    agencies.yaml), so the English report needs no Chinese glyph at all."""
    assert CJK.findall(pdf_text(pdfs["en"])) == []


def test_chinese_report_is_in_chinese(pdfs: dict[str, Path]) -> None:
    text = pdf_text(pdfs["zh-Hant"])
    assert len(CJK.findall(text)) > 5000
    assert "進度報告" in text and "附錄一" in text


def test_outline_has_a_bookmark_per_indicator(ws: Workspace, pdfs: dict[str, Path]) -> None:
    reader = PdfReader(pdfs["en"])
    titles = [item.title for item in _flatten(reader.outline)]
    for indicator in ws.plan.indicators:
        assert any(title.startswith(f"{indicator.id} ") for title in titles)


def _flatten(outline: list[Any]) -> Iterator[Any]:
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_a_page_renders_to_png(ws: Workspace, pdfs: dict[str, Path]) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    for lang in LANGS:
        reader = PdfReader(pdfs[lang])
        first = ws.plan.indicators[0].id
        item = next(i for i in _flatten(reader.outline) if i.title.startswith(f"{first} "))
        page = reader.get_destination_page_number(item) + 1
        stem = ARTIFACTS / f"report-{lang}-indicator-{first}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdfs[lang]),
                str(stem),
            ],
            check=True,
        )
        assert Path(f"{stem}.png").stat().st_size > 20_000


def test_most_behind_lists_poor_before_fair(ws: Workspace) -> None:
    status = status_report(ws, AS_OF)
    rows = most_behind(status)
    kinds = [{"bad": "poor"}.get(v, v) for v in (row["assessment"]["verdict"] for row in rows)]
    assert kinds and set(kinds) <= {"poor", "fair"}  # poor: the tones bad and poor
    assert kinds == sorted(kinds, key=["poor", "fair"].index)


def test_missing_cjk_font_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.find_cjk_font.cache_clear()
    monkeypatch.setattr(fonts, "FONT_DIRS", ())
    monkeypatch.setenv(fonts.ENV_VAR, "/nonexistent/font.ttc")
    try:
        with pytest.raises(ConfigError, match="fonts-noto-cjk"):
            fonts.find_cjk_font()
    finally:
        fonts.find_cjk_font.cache_clear()


def test_progress_is_reported_per_indicator(mini_plan: Path, tmp_path: Path) -> None:
    ws = open_workspace(Settings())
    steps: list[tuple[int, int, str]] = []
    path = write_pdf(ws, tmp_path / "r.pdf", "en", AS_OF, progress=lambda *a: steps.append(a))
    assert steps == [(n, len(ws.plan.indicators), i.id) for n, i in enumerate(ws.plan.indicators)]
    assert PdfReader(path).pages


def test_cli_rejects_an_unknown_format(
    mini_plan: Path, cli: Callable[..., Any], tmp_path: Path
) -> None:
    bad = cli("report", "-o", str(tmp_path / "r.docx"))
    assert bad.code == 2 and "pdf or xlsx" in bad.err
    assert not (tmp_path / "r.docx").exists()


MARGIN_PT = 18 / 25.4 * 72  # the report's 18 mm margins in PDF points
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)
UNITS = "%％年月日億萬元個名倍"
#: a number at the end of a line: after a space, a Chinese character or a sign, not inside an id
#: or a web address ("internet-2023", "ENG-2018?p=431")
TRAILING_NUMBER = re.compile(r"(?:^|[\s\u3000-\u9fff\uff00-\uffef(:≥≤≈$])[-+−]?[\d,]*\d\.?$")


def _layout(path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed to read the layout"
    run = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True)
    return run.stdout.decode("utf-8")


def _pages(path: Path) -> list[tuple[float, str]]:
    pages = _layout(path).split("<page ")[1:]
    return [(float(re.search(r'width="([\d.]+)"', page)[1]), page) for page in pages]  # type: ignore[index]


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_sits_outside_the_margins(pdfs: dict[str, Path], lang: str) -> None:
    outside = [
        (number, word)
        for number, (width, page) in enumerate(_pages(pdfs[lang]), start=1)
        for left, right, word in WORD.findall(page)
        if float(left) < MARGIN_PT - 1 or float(right) > width - MARGIN_PT + 1
    ]
    assert outside == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_number_is_split_from_its_digits_or_unit(pdfs: dict[str, Path], lang: str) -> None:
    split = []
    for number, (_, page) in enumerate(_pages(pdfs[lang]), start=1):
        for block in page.split("<block ")[1:]:
            lines = [
                "".join(w[2] for w in WORD.findall(line)) for line in block.split("<line ")[1:]
            ]
            for end, start in pairwise(lines):
                if (
                    TRAILING_NUMBER.search(end)
                    and start[:1]
                    and (start[0].isdigit() or start[0] in UNITS)
                ):
                    split.append((number, end[-10:], start[:10]))
    assert split == []


def test_section_references_are_in_the_reports_language(
    ws: Workspace, pdfs: dict[str, Path]
) -> None:
    """The plan stores references in Chinese; the English report gives translations/en.yaml's
    words, marked as our translation, and never the Chinese."""
    english = ws.plan.header.translations["en"]
    refs = [n.ref for n in ws.plan.header.nodes if n.ref]
    assert refs
    zh, en = _squash(pdf_text(pdfs["zh-Hant"])), _squash(pdf_text(pdfs["en"]))
    assert any(_squash(ref) in zh for ref in refs)
    assert [ref for ref in refs if _squash(ref) in en] == []
    shown = [ref for ref in refs if _squash(f"{english[ref]} (our translation)") in en]
    assert "Chapter 4, Strategy (1)" in [english[ref] for ref in shown]


def test_a_context_measure_is_printed_beside_the_indicator_it_belongs_to(
    pdfs: dict[str, Path],
) -> None:
    """3.2 is not compared; researchers per million people (one definition for Hong Kong and
    its peers) is printed as context, each economy's latest year with its source."""
    text = _squash(pdf_text(pdfs["en"]))
    assert _squash("Researchers in R&D per million people (full-time equivalent)") in text
    assert _squash("Hong Kong 2024 5,874") in text
    zh = _squash(pdf_text(pdfs["zh-Hant"]))
    assert _squash("每百萬人口研究人員（全時當量）") in zh


def test_peer_sources_are_named_in_the_reports_language(
    ws: Workspace, pdfs: dict[str, Path]
) -> None:
    """The peers tables give each source's title from translations/zh-Hant.yaml in the Chinese
    report (the NCSES and World Bank titles are stored in English)."""
    chinese = ws.plan.header.translations["zh-Hant"]
    title = "World Development Indicators: Research and development expenditure (% of GDP)"
    [stored] = [k for k in chinese if k.startswith(title)]
    zh, en = _squash(pdf_text(pdfs["zh-Hant"])), _squash(pdf_text(pdfs["en"]))
    assert _squash(stored) in en
    assert _squash(stored) not in zh and _squash(chinese[stored]) in zh


def test_chinese_source_notes_join_with_full_width_punctuation(pdfs: dict[str, Path]) -> None:
    """[n] agency，title，table。URL in the Chinese report; [n] agency, title, table. URL in the
    English one."""
    zh, en = _squash(pdf_text(pdfs["zh-Hant"])), _squash(pdf_text(pdfs["en"]))
    assert re.search(r"\[\d+\]政府統計處，", zh) and not re.search(r"\[\d+\]政府統計處,", zh)
    assert re.search(r"\[\d+\]CensusandStatisticsDepartment,", en)
