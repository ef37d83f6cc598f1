"""The model of the table catalogue: a table, its fields, and which surfaces carry each field.

One catalogue (``table_catalogue.TABLES``) lists every table the edition is published as. The
data package's Table Schemas (``package_schema``) and the workbook's sheets (``xlsx_columns``)
are both derived from it, so a field is named, typed and described once.

Surfaces: ``PACKAGE`` (a column of the data package's CSV file and its schema field) and
``WORKBOOK`` (a column of the Excel sheet). A bilingual field (``bilingual=True``) is a
package column per plan language, ``{key}_{suffix}`` (``i18n.column_suffix``; and
``{key}_{suffix}_translated`` per language after the source when ``translated``), and one
workbook column in the chosen language.
"""

from __future__ import annotations

from dataclasses import dataclass

PACKAGE = "package"
WORKBOOK = "workbook"
BOTH = frozenset({PACKAGE, WORKBOOK})
PACKAGE_ONLY = frozenset({PACKAGE})
WORKBOOK_ONLY = frozenset({WORKBOOK})

#: the workbook cell kind of each Table Schema type, unless a field names its own
KIND_OF_TYPE = {
    "string": "text",
    "integer": "int",
    "number": "number",
    "boolean": "bool",
    "date": "date",
}


def N_(message: str) -> str:
    """Mark a heading for extraction (translated through the Babel catalogues when used)."""
    return message


@dataclass(frozen=True)
class Field:
    """One field of a table.

    ``type`` is the Table Schema type; ``description`` the schema's description (English);
    ``heading`` the workbook heading as an English message id; ``kind`` the workbook cell kind
    when it is not the type's own (``percent``, ``url``, ``status``, ``outcome``, ``flags``,
    ``tier``, ``direction``, ``plan_text``, ``plan_texts``, ``agency``); ``status_word`` a second
    workbook column right after this one giving the status code as words (its heading and
    width).
    """

    key: str
    type: str = "string"
    description: str = ""
    heading: str = ""
    width: float = 14
    kind: str = ""
    required: bool = False
    bilingual: bool = False
    translated: bool = False
    status_word: tuple[str, float] | None = None
    on: frozenset[str] = BOTH

    @property
    def cell_kind(self) -> str:
        return self.kind or KIND_OF_TYPE[self.type]


@dataclass(frozen=True)
class Table:
    """One table: its rows come from ``services.reports.open_tables()[name]`` (the workbook's
    Indicators sheet from ``milestone_rows``).

    ``title`` and ``description`` are the data package resource's (empty: not in the package);
    ``sheet`` the workbook sheet's title as an English message id (empty: not in the workbook);
    ``sheet_order`` the workbook's column order by field key where it differs from the
    catalogue's (which is the package's).
    """

    name: str
    fields: tuple[Field, ...]
    title: str = ""
    description: str = ""
    sheet: str = ""
    sheet_order: tuple[str, ...] = ()
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, resource, field)

    @property
    def surfaces(self) -> frozenset[str]:
        """Where the table is published: the package when it has a title, the workbook when it
        has a sheet."""
        return frozenset(s for s, on in ((PACKAGE, self.title), (WORKBOOK, self.sheet)) if on)

    def carried_on(self, surface: str) -> tuple[Field, ...]:
        """The fields that surface carries, in the catalogue's order (none when the table is
        not published there)."""
        if surface not in self.surfaces:
            return ()
        return tuple(f for f in self.fields if surface in f.on)

    def sheet_fields(self) -> tuple[Field, ...]:
        """The workbook's fields in the sheet's order."""
        fields = self.carried_on(WORKBOOK)
        if not self.sheet_order:
            return fields
        by_key = {f.key: f for f in fields}
        return tuple(by_key[key] for key in self.sheet_order)
