"""Dates as a reader writes them in each language (Hong Kong styles, from the catalogue)."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from blueprint_tracker.domain.marks import N_
from blueprint_tracker.i18n import gettext, locale

#: Hong Kong date styles (CLDR patterns, translated by the catalogue): 23 December 2025 and
#: its Chinese form, never the US order; a month alone; a year alone. A language without a
#: catalogue gets the English patterns.
DAY_FORMAT, MONTH_FORMAT, YEAR_TEXT = N_("d MMMM y"), N_("MMMM y"), N_("%(year)s")


def long_date(value: str | dt.date | None, lang: str) -> str:
    """A day as a reader writes it: 23 December 2025, or the Hong Kong Chinese form."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return str(format_date(day, format=gettext(lang, DAY_FORMAT), locale=locale(lang)))


#: CLDR pattern letters and their spreadsheet (Excel number format) counterparts.
_SHEET_FIELDS = {"y": "yyyy", "yyyy": "yyyy", "MMMM": "mmmm", "MMM": "mmm", "M": "m", "MM": "mm"}


def sheet_day_format(lang: str) -> str:
    """The spreadsheet display format of a day in ``lang``, derived from the same catalogue
    pattern as :func:`long_date` (``d mmmm yyyy``; the Chinese form with its marks quoted)."""
    parts = []
    for letters, literal in re.findall(r"([A-Za-z]+)|([^A-Za-z]+)", gettext(lang, DAY_FORMAT)):
        if letters:
            parts.append(_SHEET_FIELDS.get(letters, letters))
        else:
            parts.append('"' + literal.replace('"', "") + '"')
    return "".join(parts)


def date_or_text(value: str | None, lang: str) -> str:
    """An evidence date at its own precision: 2024 · May 2024 · 23 May 2024 (and in Chinese
    with the year, month and day marks)."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        month = dt.date(int(parts[0]), int(parts[1]), 1)
        return str(format_date(month, format=gettext(lang, MONTH_FORMAT), locale=locale(lang)))
    if len(parts) == 3:
        return long_date(value, lang)
    return gettext(lang, YEAR_TEXT) % {"year": value} if value.isdigit() else value


#: how many years before the plan's baseline or publication year the date control offers
YEARS_BEFORE_PLAN = 10
_FIELD = {"y": "year", "M": "month", "d": "day"}
_FIELD_LABELS = {"year": N_("Year"), "month": N_("Month"), "day": N_("Day")}


def _date_pattern_fields(lang: str) -> list[tuple[str, str, str]]:
    """The day pattern's fields in order, each with its pattern letters and the literal that
    follows it: ``d MMMM y`` → day, month (by name), year with no marks; the Chinese pattern →
    year, month (a number), day, each with its mark."""
    pattern = gettext(lang, DAY_FORMAT)
    return [
        (_FIELD[letters[0]], letters, literal.strip())
        for letters, literal in re.findall(r"([yMd]+)([^yMd]*)", pattern)
    ]


def date_control(
    lang: str, selected: str, first_year: int, last_year: int
) -> list[dict[str, object]]:
    """The as-of date control's three selects in the page language's order (from its day
    pattern): each with its name, its label (the pattern's own mark after the select, as the
    Chinese year, month and day marks, or the catalogue's word before it), its options and the
    selected value."""
    day = dt.date.fromisoformat(selected)
    fields = _date_pattern_fields(lang)
    month_letters = next((letters for field, letters, _ in fields if field == "month"), "M")
    options = {
        "year": [(str(y), str(y)) for y in range(last_year, first_year - 1, -1)],
        "month": [  # as the day pattern writes a month: December, or 12 before its mark
            (str(m), str(format_date(dt.date(2000, m, 1), month_letters, locale=locale(lang))))
            for m in range(1, 13)
        ],
        "day": [(str(d), str(d)) for d in range(1, 32)],
    }
    chosen = {"year": str(day.year), "month": str(day.month), "day": str(day.day)}
    return [
        {
            "name": field,
            "label": mark or gettext(lang, _FIELD_LABELS[field]),
            "after": bool(mark),
            "options": options[field],
            "selected": chosen[field],
        }
        for field, _, mark in fields
    ]
