"""The Excel workbook: typed cells, translated headings, the same numbers as the status service."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from blueprint_tracker.config import Settings
from blueprint_tracker.i18n import gettext
from blueprint_tracker.present.reports.report_format import status_word
from blueprint_tracker.present.reports.report_text import tr
from blueprint_tracker.present.reports.report_xlsx import write_xlsx
from blueprint_tracker.present.reports.xlsx_columns import (
    ASSESSMENTS,
    INDICATORS,
    NUMBER_COLUMNS,
    SHEETS,
)
from blueprint_tracker.services.status import status_report
from blueprint_tracker.services.workspace import Workspace, open_workspace

AS_OF = dt.date(2026, 11, 28)
LANGS = ("zh-Hant", "en")
CJK = re.compile(r"[\u3400-\u9fff]")


def tr_sheet(title: str, lang: str) -> str:
    return gettext(lang, title)


def _heading(heading: str, lang: str) -> str:
    return gettext(lang, heading)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data = tmp_path_factory.mktemp("xlsx-data")
    return open_workspace(Settings(data_dir=data, database_url=None, plan="hk-itb-2022"))


@pytest.fixture(scope="module")
def books(ws: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("xlsx")
    return {lang: write_xlsx(ws, folder / f"r-{lang}.xlsx", lang, AS_OF) for lang in LANGS}


@pytest.fixture(scope="module")
def status(ws: Workspace) -> dict[str, Any]:
    return status_report(ws, AS_OF)


def _records(sheet: Worksheet) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    return [dict(zip(head, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("lang", LANGS)
def test_sheets_headings_frozen_and_widths(books: dict[str, Path], lang: str) -> None:
    book = load_workbook(books[lang])
    assert book.sheetnames == [
        "關於" if lang == "zh-Hant" else "About this workbook",
        *(s.title(lang) for s in SHEETS),
    ]
    for spec in SHEETS:
        sheet = book[spec.title(lang)]
        headings = [c.value for c in sheet[1]]
        assert headings == [c.heading(lang) for c in spec.columns]
        if lang == "zh-Hant":  # every heading comes translated from the catalogue
            assert all(re.search(r"[\u3400-\u9fff]", h) for h in [spec.title(lang), *headings])
        else:
            assert headings == [c.en for c in spec.columns]
        assert sheet.freeze_panes == "B2"
        assert sheet.column_dimensions["B"].width == spec.columns[1].width


@pytest.mark.parametrize("lang", LANGS)
def test_assessments_have_the_status_services_numbers(
    books: dict[str, Path], status: dict[str, Any], lang: str
) -> None:
    sheet = load_workbook(books[lang])[ASSESSMENTS.title(lang)]
    heading = {c.key: c.heading(lang) for c in ASSESSMENTS.columns if c.kind != "status"}
    rows = {
        (r[heading["indicator"]], r[heading["milestone_year"]], r[heading["method"]]): r
        for r in _records(sheet)
    }
    expected = 0
    for indicator in status["indicators"]:
        for milestone in indicator["milestones"]:
            for method, a in milestone["assessments"].items():
                expected += 1
                row = rows[(indicator["id"], milestone["year"], method)]
                assert row[heading["status"]] == a["status"]
                assert row[heading["target"]] == pytest.approx(milestone["target"])
                for column in NUMBER_COLUMNS:
                    value = a["numbers"].get(column.key)
                    if column.kind in ("number", "percent", "int") and value is not None:
                        assert row[column.heading(lang)] == pytest.approx(value, rel=1e-12)
    assert len(rows) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_indicators_sheet_has_latest_values_and_each_methods_status(
    books: dict[str, Path], status: dict[str, Any], lang: str
) -> None:
    records = _records(load_workbook(books[lang])[INDICATORS.title(lang)])
    head = {c.key: c.heading(lang) for c in INDICATORS.columns}
    by_key = {(r[head["indicator"]], r[head["milestone_year"]]): r for r in records}
    for indicator in status["indicators"]:
        for milestone in indicator["milestones"]:
            row = by_key[(indicator["id"], milestone["year"])]
            latest = indicator["latest"]
            assert row[head["latest_value"]] == pytest.approx(latest["value"], rel=1e-12)
            assert row[head["latest_released"]].date().isoformat() == latest["released"]
            for method, a in milestone["assessments"].items():
                assert row[head[f"status_{method}"]] == status_word(a["status"], lang)


def test_cells_are_typed(books: dict[str, Path], ws: Workspace) -> None:
    book = load_workbook(books["en"])
    observations = _records(book["Observations"])
    assert len(observations) == len(ws.store.all_vintages(ws.plan.id, as_of=AS_OF))
    for row in observations:
        assert isinstance(row["Value"], int | float)
        assert isinstance(row["Release date"], dt.datetime)
        assert row["Source URL"]
    evidence = _records(book["Evidence"])
    assert all(isinstance(r["Decides the status"], bool) for r in evidence)
    keys = [c.key for c in INDICATORS.columns]
    sheet = book["Indicators"]
    # a real date, shown as a Hong Kong reader writes it (28 November 2026)
    assert sheet.cell(2, keys.index("latest_released") + 1).number_format == 'd" "mmmm" "yyyy'
    assert sheet.cell(2, keys.index("required_cagr_from_latest") + 1).number_format == "0.0%"
    assert isinstance(sheet.cell(2, keys.index("stale") + 1).value, bool)


def test_chinese_workbook_has_chinese_text(books: dict[str, Path], ws: Workspace) -> None:
    book = load_workbook(books["zh-Hant"])
    records = _records(book["指標"])
    names = {r["指標名稱"] for r in records}
    assert names == {i.name.get("zh-Hant") for i in ws.plan.indicators}
    commitments = _records(book["承諾"])
    texts = {c.text.get("zh-Hant") for c in ws.plan.commitments}
    assert {r["承諾原文"] for r in commitments} == texts


def test_cli_writes_xlsx(mini_plan: Path, cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = cli("report", "--lang", "en", "-o", str(out), "--json")
    assert result.code == 0, result.err
    assert result.json()["format"] == "xlsx"
    assert "Assessments" in load_workbook(out).sheetnames


def test_workbook_carries_source_tiers_and_the_peers(books: dict[str, Path]) -> None:
    book = load_workbook(books["en"])
    observations = _records(book["Observations"])
    assert observations and all(r["Source tier"] for r in observations)
    assert any(r["Source tier"] == "official table, read from a copy" for r in observations)
    peers = _records(book["Peers"])
    # every vintage is kept: Singapore 2018 as NCSES printed it (2022) and as the WDI file has it
    key = ("1.1", "SGP", 2018)
    singapore = {r["Value"] for r in peers if (r["Indicator ID"], r["Economy"], r["Year"]) == key}
    assert singapore == {1.84, 1.80836}
    assert all(r["Source tier"] and r["Source URL"] for r in peers)
    zh = _records(load_workbook(books["zh-Hant"])["其他經濟體"])
    assert {r["經濟體名稱"] for r in zh} >= {"新加坡", "韓國"}


@pytest.mark.parametrize(
    ("lang", "written", "shown"),
    [
        ("en", "28 November 2026", 'd" "mmmm" "yyyy'),
        ("zh-Hant", "2026年11月28日", 'yyyy"年"m"月"d"日"'),
    ],
)
def test_about_sheet_dates_read_as_in_hong_kong(
    books: dict[str, Path], lang: str, written: str, shown: str
) -> None:
    """The edition stays a real date shown in the reader's form; the note's text says it so."""
    sheet = load_workbook(books[lang])[tr("about", lang)]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    edition = next(c for c in cells if isinstance(c.value, dt.datetime))
    assert edition.value.date() == AS_OF
    assert edition.number_format == shown
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert any(written in text for text in texts)
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", text) for text in texts)


def test_sources_notes_and_references_are_in_the_workbooks_language(
    books: dict[str, Path],
) -> None:
    """Issue 13: the English workbook's Reference column is English (translations/en.yaml), its
    agencies English (agencies.yaml); the Chinese workbook gives notes in Chinese
    (translations/zh-Hant.yaml)."""
    en, zh = load_workbook(books["en"]), load_workbook(books["zh-Hant"])
    commitments = {r["ID"]: r for r in _records(en[tr_sheet("Commitments", "en")])}
    assert commitments["c-raise-plus"]["Reference"] == (
        "Chapter 4, 4.1, Strategy (1), Goal 02, Recommendation i"
    )
    evidence = _records(en[tr_sheet("Evidence", "en")])
    assert "Ming Pao" in {r["Source agency"] for r in evidence}
    assert not [r for r in evidence if CJK.search(r["Source agency"] or "")]
    zh_rows = _records(zh[tr_sheet("Observations", "zh-Hant")])
    en_rows = _records(en[tr_sheet("Observations", "en")])
    note_zh, note_en = zh_rows[0][_heading("Note", "zh-Hant")], en_rows[0]["Note"]
    assert note_en and note_zh and note_zh != note_en and CJK.search(note_zh)
    tables = {r["Tables"] for r in _records(en[tr_sheet("Sources", "en")]) if r["Tables"]}
    assert "Appendix 3" in tables and not [t for t in tables if CJK.search(t)]


def test_observation_units_are_in_the_workbooks_language(books: dict[str, Path]) -> None:
    """The Chinese workbook's units come from translations/zh-Hant.yaml (百萬港元, not HK$ million);
    the English one keeps them as published."""
    en, zh = load_workbook(books["en"]), load_workbook(books["zh-Hant"])
    zh_rows = _records(zh[tr_sheet("Observations", "zh-Hant")])
    zh_units = {r[_heading("Unit", "zh-Hant")] for r in zh_rows}
    en_units = {r["Unit"] for r in _records(en[tr_sheet("Observations", "en")])}
    assert "HK$ million" in en_units and "百萬港元" in zh_units
    assert [u for u in zh_units if u and re.search("[A-Za-z]", u)] == []

def test_workbook_carries_the_context_measures_with_their_sources(books: dict[str, Path]) -> None:
    """Researchers per million people (beside 3.2): Hong Kong and its peers from one table."""
    rows = _records(load_workbook(books["en"])["Context measures"])
    by_key = {(r["Measure"], r["Economy"], r["Year"]): r for r in rows}
    home = by_key[("researchers-per-million", "HKG", 2024)]
    assert home["Value"] == 5873.74436 and home["Shown with indicator"] == "3.2"
    assert home["Source tier"] == "official table, read from a copy"
    assert home["Source URL"] == "https://data.worldbank.org/indicator/SP.POP.SCIE.RD.P6"
    assert {r["Economy"] for r in rows} == {"HKG", "SGP", "KOR", "CHN"}
    zh = _records(load_workbook(books["zh-Hant"])["參考指標"])
    assert {r["經濟體名稱"] for r in zh} >= {"香港", "新加坡"}
