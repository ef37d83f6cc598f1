"""`blueprint show` for people: the item's fields, then each list in it (values, milestones,
evidence, children…) as a table of its own, numbers rounded as on the pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rich.table import Table

from blueprint_tracker.cli.output import t

HIDDEN = ("translated",)  # bookkeeping of a bilingual text, not a fact
ROUNDED = ("value", "target")  # in the indicator's unit: its number of decimals
#: fields the plan stores in one language: shown in the reader's through the plan's catalogues
PLAN_TEXT = ("ref", "note", "title", "table")
Words = Callable[[str, str], str]  # (field, stored text) -> the text in the reader's language


def plan_words(lang: str, site: Mapping[str, Any]) -> Words:
    """Agencies through agencies.yaml, notes, titles, tables and refs through the plan's text
    catalogues, else as stored."""
    from blueprint_tracker.present.plan_text import agency_words, plain_words

    def words(key: str, text: str) -> str:
        if key == "agency":
            return agency_words(text, lang, site)
        if key in PLAN_TEXT:
            return plain_words(text, lang, site.get("translations"))
        return text

    return words


def _as_stored(key: str, text: str) -> str:
    return text


def _is_text(value: Any, lang: str) -> bool:
    """A text in the plan's languages (``{language: words, "translated": ...}``)."""
    return isinstance(value, dict) and (lang in value or "translated" in value)


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _cell(
    key: str, value: Any, lang: str, decimals: int | None, words: Words = _as_stored
) -> str:
    from blueprint_tracker.present.numbers import number, number_value

    if value is None:
        return ""
    if _is_text(value, lang):
        return t(value, lang)
    if isinstance(value, float) and key in ROUNDED and decimals is not None:
        return number(value, lang, decimals)
    if isinstance(value, int | float) and not isinstance(value, bool) and key not in ("year",):
        return number_value(value, lang)
    if _is_rows(value):
        return ""  # a nested list: its own table, or left to --json
    if isinstance(value, list):
        return ", ".join(_cell(key, v, lang, decimals, words) for v in value)
    if isinstance(value, dict):
        parts = (
            f"{k}: {_cell(k if k.isalpha() else 'value', v, lang, decimals, words)}"
            for k, v in _shown(value).items()
        )
        return ", ".join(p for p in parts if not p.endswith(": "))
    return words(key, value) if isinstance(value, str) else str(value)


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    """The fields worth a column: a rounded ``display`` replaces the raw ``value``."""
    skip = {*HIDDEN, "value"} if "display" in row else set(HIDDEN)
    return {k: v for k, v in row.items() if k not in skip and v not in (None, "", [])}


def _rows_table(
    title: str, rows: list[dict[str, Any]], lang: str, decimals: int | None, words: Words
) -> Table:
    columns: list[str] = []
    for row in rows:
        columns += [k for k, v in _shown(row).items() if k not in columns and not _is_rows(v)]
    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*(_cell(k, row.get(k), lang, decimals, words) for k in columns))
    return table


def show_tables(
    item: Mapping[str, Any], lang: str, site: Mapping[str, Any] | None = None
) -> list[Table]:
    """The fields of ``item`` as a two-column table, then one table per list of records;
    ``site`` the plan header, whose agency names and catalogues put stored texts in ``lang``."""
    words = plan_words(lang, site or {})
    decimals = item.get("decimals") if isinstance(item.get("decimals"), int) else None
    fields = Table(show_header=False, box=None)
    fields.add_column(style="bold")
    fields.add_column()
    lists: list[Table] = []
    for key, value in item.items():
        if _is_rows(value):
            lists.append(_rows_table(key, value, lang, decimals, words))
        elif value not in (None, "", []):
            fields.add_row(key, _cell(key, value, lang, decimals, words))
    return [fields, *lists]
