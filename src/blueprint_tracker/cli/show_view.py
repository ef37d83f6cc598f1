"""`blueprint show` for people: the item's fields, then each list in it (values, milestones,
evidence, children…) as a table of its own, numbers rounded as on the pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.table import Table

from blueprint_tracker.cli.output import t

HIDDEN = ("translated",)  # bookkeeping of a bilingual text, not a fact
ROUNDED = ("value", "target")  # in the indicator's unit: its number of decimals


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and "zh-Hant" in value


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _cell(key: str, value: Any, lang: str, decimals: int | None) -> str:
    from blueprint_tracker.present.numbers import number, number_value

    if value is None:
        return ""
    if _is_text(value):
        return t(value, lang)
    if isinstance(value, float) and key in ROUNDED and decimals is not None:
        return number(value, lang, decimals)
    if isinstance(value, int | float) and not isinstance(value, bool) and key not in ("year",):
        return number_value(value, lang)
    if _is_rows(value):
        return ""  # a nested list: its own table, or left to --json
    if isinstance(value, list):
        return ", ".join(_cell(key, v, lang, decimals) for v in value)
    if isinstance(value, dict):
        parts = (
            f"{k}: {_cell(k if k.isalpha() else 'value', v, lang, decimals)}"
            for k, v in _shown(value).items()
        )
        return ", ".join(p for p in parts if not p.endswith(": "))
    return str(value)


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    """The fields worth a column: a rounded ``display`` replaces the raw ``value``."""
    skip = {*HIDDEN, "value"} if "display" in row else set(HIDDEN)
    return {k: v for k, v in row.items() if k not in skip and v not in (None, "", [])}


def _rows_table(title: str, rows: list[dict[str, Any]], lang: str, decimals: int | None) -> Table:
    columns: list[str] = []
    for row in rows:
        columns += [k for k, v in _shown(row).items() if k not in columns and not _is_rows(v)]
    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*(_cell(k, row.get(k), lang, decimals) for k in columns))
    return table


def show_tables(item: Mapping[str, Any], lang: str) -> list[Table]:
    """The fields of ``item`` as a two-column table, then one table per list of records."""
    decimals = item.get("decimals") if isinstance(item.get("decimals"), int) else None
    fields = Table(show_header=False, box=None)
    fields.add_column(style="bold")
    fields.add_column()
    lists: list[Table] = []
    for key, value in item.items():
        if _is_rows(value):
            lists.append(_rows_table(key, value, lang, decimals))
        elif value not in (None, "", []):
            fields.add_row(key, _cell(key, value, lang, decimals))
    return [fields, *lists]
