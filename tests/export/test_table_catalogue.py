"""One table catalogue: the workbook's sheets and the data package's schemas come from it.

``snapshots/table_surfaces.json`` is what a user saw before the catalogue existed: every sheet's
name, headings and column widths in both languages, and every resource of ``datapackage.json``
(name, title, description, Table Schema), written by ``surfaces()`` below from the bundled plan.
Set ``BLUEPRINT_UPDATE_SNAPSHOT=1`` to rewrite it after a deliberate change to a surface.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from blueprint_tracker.config import Settings
from blueprint_tracker.present.reports.datapackage import write_datapackage
from blueprint_tracker.present.reports.report_xlsx import write_xlsx
from blueprint_tracker.services.workspace import Workspace, open_workspace

AS_OF = dt.date(2026, 11, 28)
LANGS = ("zh-Hant", "en")
SNAPSHOT = Path(__file__).parent / "snapshots" / "table_surfaces.json"
VOLATILE = {"rows"}  # the row counts follow the data, not the catalogue


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    data = tmp_path_factory.mktemp("catalogue-data")
    return open_workspace(Settings(data_dir=data, database_url=None, plan="hk-itb-2022"))


def workbook_surface(path: Path) -> list[dict[str, Any]]:
    """Every sheet as a reader sees it before any row: its name, headings and column widths."""
    book = load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        headings = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        widths = [
            sheet.column_dimensions[get_column_letter(i)].width
            for i in range(1, len(headings) + 1)
        ]
        sheets.append({"name": sheet.title, "headings": headings, "widths": widths})
    return sheets


def package_surface(descriptor: Path) -> list[dict[str, Any]]:
    """Every resource of ``datapackage.json`` with its schema, and each CSV file's header."""
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    resources = []
    for resource in data["resources"]:
        header = (descriptor.parent / resource["path"]).read_text(encoding="utf-8").split("\n")[0]
        kept = {k: v for k, v in resource.items() if k not in VOLATILE}
        resources.append({**kept, "csv_header": header})
    return resources


def surfaces(ws: Workspace, folder: Path) -> dict[str, Any]:
    """The workbook in both languages and the data package, as written for the bundled plan."""
    workbooks = {
        lang: workbook_surface(write_xlsx(ws, folder / f"{lang}.xlsx", lang, AS_OF))
        for lang in LANGS
    }
    package = package_surface(write_datapackage(ws, folder / "package", AS_OF))
    return {"workbook": workbooks, "datapackage": package}


def test_workbook_and_package_are_what_they_were(ws: Workspace, tmp_path: Path) -> None:
    now = surfaces(ws, tmp_path)
    if os.environ.get("BLUEPRINT_UPDATE_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        text = json.dumps(now, ensure_ascii=False, indent=1)
        SNAPSHOT.write_text(text + "\n", encoding="utf-8")
        pytest.skip("snapshot rewritten")
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for lang in LANGS:
        assert [s["name"] for s in now["workbook"][lang]] == [
            s["name"] for s in before["workbook"][lang]
        ]
        for sheet, old in zip(now["workbook"][lang], before["workbook"][lang], strict=True):
            assert sheet == old, (lang, sheet["name"])
    assert [r["name"] for r in now["datapackage"]] == [r["name"] for r in before["datapackage"]]
    for resource, old in zip(now["datapackage"], before["datapackage"], strict=True):
        assert resource == old, resource["name"]
