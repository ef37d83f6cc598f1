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
from frictionless import validate
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from blueprint_tracker.config import Settings
from blueprint_tracker.i18n import gettext
from blueprint_tracker.present.reports import table_catalogue
from blueprint_tracker.present.reports.datapackage import write_datapackage
from blueprint_tracker.present.reports.package_schema import (
    RESOURCES,
    package_resources,
    resource_of,
)
from blueprint_tracker.present.reports.report_xlsx import write_xlsx
from blueprint_tracker.present.reports.table_catalogue import TABLES
from blueprint_tracker.present.reports.tables import (
    PACKAGE,
    PACKAGE_ONLY,
    WORKBOOK,
    WORKBOOK_ONLY,
    Table,
)
from blueprint_tracker.present.reports.tables import Field as CatalogueField
from blueprint_tracker.present.reports.xlsx_columns import SHEETS, sheet_of, workbook_sheets
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


def test_the_writers_use_the_catalogue_and_nothing_else() -> None:
    assert SHEETS == workbook_sheets() == tuple(sheet_of(t) for t in TABLES if t.sheet)
    assert RESOURCES == package_resources() == tuple(resource_of(t) for t in TABLES if t.title)
    for table in TABLES:
        assert table.surfaces, table.name
        on_sheet = {f.key for f in table.carried_on(WORKBOOK)}
        assert all(f.heading for f in table.carried_on(WORKBOOK)), table.name
        if table.sheet_order:  # a different order, never a different set of columns
            assert sorted(table.sheet_order) == sorted(on_sheet), table.name
        if table.sheet:
            keys = {c.key.rstrip("@") for c in sheet_of(table).columns}
            assert keys == on_sheet, table.name
        if table.title:
            names = set(resource_of(table).field_names())
            for f in table.fields:
                assert (f.key in names or f"{f.key}_en" in names) == (PACKAGE in f.on), f.key


def _with_fields(
    monkeypatch: pytest.MonkeyPatch, table: Table, *fields: CatalogueField
) -> None:
    grown = dataclasses.replace(table, fields=(*table.fields, *fields))
    tables = tuple(grown if t is table else t for t in TABLES)
    monkeypatch.setattr(table_catalogue, "TABLES", tables)


def test_a_field_added_to_the_catalogue_appears_in_both(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_fields(
        monkeypatch,
        table_catalogue.OBSERVATIONS,
        CatalogueField("checked_on", "date", "when a second person checked the figure",
                       heading="Checked on", width=13),
        CatalogueField("checker_note", description="the checker's words", on=PACKAGE_ONLY),
        CatalogueField("reader_hint", heading="Hint", kind="url", on=WORKBOOK_ONLY),
    )
    now = surfaces(ws, tmp_path)
    sheet = next(s for s in now["workbook"]["en"] if s["name"] == "Observations")
    assert sheet["headings"][-2:] == ["Checked on", "Hint"]
    assert sheet["widths"][-2:] == [13, 14]
    resource = next(r for r in now["datapackage"] if r["name"] == "observations")
    assert resource["schema"]["fields"][-2:] == [
        {
            "name": "checked_on",
            "type": "date",
            "format": "%Y-%m-%d",
            "description": "when a second person checked the figure",
        },
        {"name": "checker_note", "type": "string", "description": "the checker's words"},
    ]
    assert resource["csv_header"].endswith(",checked_on,checker_note")
    report = validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_a_bilingual_field_is_two_package_columns_and_one_sheet_column(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_fields(
        monkeypatch,
        table_catalogue.SOURCES,
        CatalogueField("remark", description="remark", heading="Remark", bilingual=True,
                       translated=True),
    )
    now = surfaces(ws, tmp_path)
    for lang, title in (("en", "Sources"), ("zh-Hant", gettext("zh-Hant", "Sources"))):
        sheet = next(s for s in now["workbook"][lang] if s["name"] == title)
        assert sheet["headings"][-1] == gettext(lang, "Remark")
    resource = next(r for r in now["datapackage"] if r["name"] == "sources")
    assert [f["name"] for f in resource["schema"]["fields"][-3:]] == [
        "remark_zh_hant",
        "remark_en",
        "remark_en_translated",
    ]
