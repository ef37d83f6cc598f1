"""The workbook's sheets and columns, derived from the table catalogue (``table_catalogue``):
which field, its heading (English message ids, translated through the Babel catalogues), its
cell type.

A key ending in ``@`` is a bilingual text: the column holds the chosen language
(``name@`` reads ``name_<suffix>`` of that language: ``i18n.column_suffix``). Kinds:
``text``, ``int``, ``number``, ``percent``, ``date``, ``bool``, ``url``, ``status`` (the status
word; the code has its own column), ``outcome``, ``flags``, ``tier`` and ``direction`` (words
in the chosen language), ``plan_text`` (a note, source title or table as stored, in the chosen
language through the plan's text catalogues; ``plan_texts`` the same for each of a
';'-separated list) and ``agency`` (through ``agencies.yaml``, then the catalogues).
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint_tracker import i18n
from blueprint_tracker.present.reports import table_catalogue
from blueprint_tracker.present.reports.tables import Field, Table


@dataclass(frozen=True)
class Column:
    key: str
    en: str  # the English heading, a message id of the catalogues
    kind: str = "text"
    width: float = 14

    def heading(self, lang: str) -> str:
        return i18n.gettext(lang, self.en)


@dataclass(frozen=True)
class Sheet:
    table: str  # the key in the tables the workbook is written from
    en: str  # the English title, a message id of the catalogues
    columns: tuple[Column, ...]

    def title(self, lang: str) -> str:
        return i18n.gettext(lang, self.en)


def columns_of(field: Field) -> tuple[Column, ...]:
    """The field's column (and the column of its status in words, right after the code)."""
    key = f"{field.key}@" if field.bilingual else field.key
    column = Column(key, field.heading, field.cell_kind, field.width)
    if field.status_word is None:
        return (column,)
    heading, width = field.status_word
    return column, Column(field.key, heading, "status", width)


def sheet_of(table: Table) -> Sheet:
    """The table's sheet: its workbook fields in the sheet's order."""
    columns = tuple(c for f in table.sheet_fields() for c in columns_of(f))
    return Sheet(table.name, table.sheet, columns)


def workbook_sheets() -> tuple[Sheet, ...]:
    """Every sheet after the About sheet, in the catalogue's order."""
    return tuple(sheet_of(t) for t in table_catalogue.TABLES if t.sheet)


SHEETS = workbook_sheets()
INDICATORS = sheet_of(table_catalogue.MILESTONES)
ASSESSMENTS = sheet_of(table_catalogue.ASSESSMENTS)
_NUMBER_KEYS = {f.key for f in table_catalogue.NUMBER_FIELDS}
NUMBER_COLUMNS = tuple(c for c in ASSESSMENTS.columns if c.key in _NUMBER_KEYS)
