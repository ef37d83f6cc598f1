"""The progress report as an Excel workbook in one language: typed cells, frozen headings.

Sheets: About, Indicators (latest value, milestones, status by each method, pace),
Observations (every release with its provenance), Assessments (every method's numbers),
Commitments, Evidence and Sources. Numbers are numbers, dates are dates (shown as a Hong Kong
reader writes them: 23 December 2025, or the Chinese form), yes/no are booleans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from blueprint_tracker import i18n
from blueprint_tracker.formats.spreadsheet_text import FORMULA_START
from blueprint_tracker.present.dates import sheet_day_format
from blueprint_tracker.present.plan_text import agency_words, plain_words
from blueprint_tracker.present.reports import report_format as fmt
from blueprint_tracker.present.reports.report_text import t, tr, untranslated_note
from blueprint_tracker.present.reports.xlsx_columns import Column, Sheet, workbook_sheets
from blueprint_tracker.services.reports import milestone_rows, open_tables, report_data
from blueprint_tracker.services.workspace import Workspace

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E8EEF4")
WRAP = Alignment(wrap_text=True, vertical="top")
FORMATS = {"percent": "0.0%", "number": "#,##0.######", "int": "0"}
WRAPPED_WIDTH = 40  # text columns at least this wide wrap


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def cell_value(
    row: dict[str, Any], column: Column, lang: str, plan: Mapping[str, Any] | None = None
) -> Any:
    """The typed value of one cell (None for an empty cell); ``plan`` the plan header, whose
    agency names and text catalogues put agencies, source titles and notes in ``lang``."""
    if column.key.endswith("@"):
        return row.get(f"{column.key[:-1]}_{i18n.column_suffix(lang)}") or None
    value = row.get(column.key)
    if value is None or value == "":
        return None
    converters: dict[str, Callable[[Any], Any]] = {
        "date": _date,
        "status": lambda v: fmt.status_word(v, lang),
        "outcome": lambda v: fmt.outcome_word(v, lang),
        "flags": lambda v: fmt.flag_words(v.split(";"), lang),
        "tier": lambda v: fmt.tier_words(v.split(";"), lang),
        "direction": lambda v: tr(v, lang),
        "plan_text": lambda v: plain_words(v, lang, (plan or {}).get("translations")),
        "plan_texts": lambda v: ";".join(
            plain_words(part, lang, (plan or {}).get("translations")) for part in v.split(";")
        ),
        "agency": lambda v: agency_words(v, lang, plan or {}),
        "int": int,
        "number": float,
        "percent": float,
        "bool": bool,
    }
    convert = converters.get(column.kind)
    return convert(value) if convert else value


def keep_text(ws: Worksheet) -> None:
    """Text that looks like a formula (``=HYPERLINK(...)``) is written as a string cell with a
    quote prefix, so that no spreadsheet runs it; numbers and dates are untouched."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"
                cell.quotePrefix = True


def _sheet(
    book: Workbook,
    sheet: Sheet,
    rows: list[dict[str, Any]],
    lang: str,
    plan: Mapping[str, Any] | None = None,
) -> Worksheet:
    ws = book.create_sheet(sheet.title(lang))
    ws.append([c.heading(lang) for c in sheet.columns])
    for row in rows:
        ws.append([cell_value(row, c, lang, plan) for c in sheet.columns])
    formats = {**FORMATS, "date": sheet_day_format(lang)}
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        head = ws.cell(row=1, column=index)
        head.font, head.fill, head.alignment = HEAD_FONT, HEAD_FILL, WRAP
        number_format = formats.get(column.kind)
        wrap = column.kind in ("text", "plan_text") and column.width >= WRAPPED_WIDTH
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            if number_format:
                cell.number_format = number_format
            if wrap:
                cell.alignment = WRAP
    keep_text(ws)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    return ws


def _about(book: Workbook, data: dict[str, Any], lang: str) -> None:
    ws = book.create_sheet(tr("about", lang))
    plan = data["plan"]
    note = "as_of_note" if data["as_of"] else "today_note"
    rows: list[tuple[str, Any]] = [
        (tr("report", lang), t(plan["title"], lang)),
        (tr("edition", lang), dt.date.fromisoformat(data["edition"])),
        ("", tr(note, lang, date=fmt.day(data["edition"], lang))),
        (tr("publisher", lang), t(plan["publisher"], lang)),
        (tr("published", lang), dt.date.fromisoformat(plan["published"])),
        (tr("plan_source", lang), plan.get("source_url") or ""),
        (tr("method", lang), fmt.method_name(data["status"]["headline_method"], lang)),
        ("", tr("produced", lang)),
    ]
    if untranslated_note(lang):  # a plan language without a catalogue: English words
        rows.append(("", untranslated_note(lang)))
    for row in rows:
        ws.append(list(row))
    for (cell,) in ws.iter_rows(min_col=1, max_col=1):
        cell.font = HEAD_FONT
    for (cell,) in ws.iter_rows(min_col=2, max_col=2):
        if isinstance(cell.value, dt.date):
            cell.number_format = sheet_day_format(lang)
    keep_text(ws)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 90


def write_xlsx(ws: Workspace, path: Path, lang: str, as_of: dt.date | None = None) -> Path:
    """Write the workbook for the edition of ``as_of`` in ``lang`` to ``path``."""
    data = report_data(ws, as_of)
    tables = open_tables(ws, as_of, data["status"])
    tables["milestones"] = milestone_rows(data["status"], ws.plan.header.languages)
    book = Workbook()
    book.remove(book.worksheets[0])
    _about(book, data, lang)
    for sheet in workbook_sheets():
        _sheet(book, sheet, tables[sheet.table], lang, data["plan"])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
