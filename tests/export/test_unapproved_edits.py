"""Pending and rejected edits never reach the reports, the workbook or the data package."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.present.reports.datapackage import write_datapackage
from blueprint_tracker.present.reports.report_xlsx import write_xlsx
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import Workspace, open_workspace

PASSWORD = "correct horse battery"
MARK = "https://example.gov/pending-figure"
FIGURE = {
    "series": "gerd",
    "period": "2025",
    "value": "99999",
    "unit": "HK$ million",
    "flags": "",
    "source_agency": "C&SD",
    "source_title": "Pending release",
    "source_url": MARK,
    "source_table": "207",
    "release_date": "2026-01-01",
    "note": "",
}
EVIDENCE = {
    "commitment": "c-cdeg",
    "date": "2026-01-01",
    "outcome": "completed",
    "summary_zh": "待審批的證據",
    "summary_en": "Evidence awaiting review",
    "source_agency": "OGCIO",
    "source_title": "Pending",
    "source_url": MARK,
    "release_date": "2026-01-02",
}


@pytest.fixture
def ws(data_dir: Path) -> Workspace:
    workspace = open_workspace(Settings(plan="hk-itb-2022"))
    accounts.add_user(workspace, "ed", Role.EDITOR, PASSWORD)
    accounts.add_user(workspace, "rev", Role.REVIEWER, PASSWORD)
    editor = accounts.authenticate(workspace, "ed", PASSWORD)
    review.propose(workspace, editor, "observation", FIGURE, "pending", 0)
    rejected = review.propose(workspace, editor, "evidence", EVIDENCE, "will be rejected", 0)
    reviewer = accounts.authenticate(workspace, "rev", PASSWORD)
    review.decide(workspace, reviewer, rejected.id, False, "not an official source")
    return workspace


def _text_of(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.csv")))


def test_the_data_package_has_only_approved_content(ws: Workspace, tmp_path: Path) -> None:
    write_datapackage(ws, tmp_path / "package")
    text = _text_of(tmp_path / "package")
    assert MARK not in text and "99999" not in text and "待審批的證據" not in text
    with (tmp_path / "package" / "observations.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == ws.store.count("hk-itb-2022")


def test_the_workbook_has_only_approved_content(ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(ws, tmp_path / "report.xlsx", "en")
    cells = [
        str(cell)
        for sheet in load_workbook(path, read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert not any(MARK in c or "Evidence awaiting review" in c for c in cells)
    assert not any(c in ("99999", "99999.0") for c in cells)


def test_once_approved_the_figure_is_exported(ws: Workspace, tmp_path: Path) -> None:
    reviewer = accounts.authenticate(ws, "rev", PASSWORD)
    [pending] = review.queue(ws)
    review.decide(ws, reviewer, pending.id, True, "checked")
    write_datapackage(ws, tmp_path / "package")
    assert MARK in _text_of(tmp_path / "package")
