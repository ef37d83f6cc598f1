"""The ``as_of`` date of a view: a strict ISO date within the range the product can compute.

Dates far outside any plan (``0001-01-01``, ``9999-12-31``) would overflow the date arithmetic of
the editions, the feed and the projections; they are refused as bad input (422 on the web)."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.errors import InputError

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def check_as_of(day: dt.date, name: str = "as_of") -> dt.date:
    """``day`` when it lies between 1900-01-01 and 2200-12-31, else InputError."""
    if not EARLIEST <= day <= LATEST:
        raise InputError(
            f"{name}: {day.isoformat()} is out of range; use a date from "
            f"{EARLIEST.isoformat()} to {LATEST.isoformat()}"
        )
    return day


def parse_as_of(value: str | None, name: str = "as_of", *, blank: bool = True) -> dt.date | None:
    """A strict ISO date YYYY-MM-DD in range, or None for no value; a blank value (a form's
    empty field) is no value when ``blank``, else bad input (the API and the CLI)."""
    if value is None:
        return None
    if not value:
        if blank:
            return None
        raise InputError(f"{name}: empty; give a date YYYY-MM-DD or leave it out")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date YYYY-MM-DD") from None
    if len(value) != 10:  # fromisoformat also reads 20241231 and week dates
        raise InputError(f"{name}: {value!r} is not a date YYYY-MM-DD")
    return check_as_of(day, name)


#: the date control's three fields (a year, month and day select), read as one ``as_of``
PART_FIELDS = ("as_of_year", "as_of_month", "as_of_day")


def as_of_from_parts(year: str, month: str, day: str, name: str = "as_of") -> str | None:
    """The ISO date of a date control's year, month and day (None when all are empty), checked
    by :func:`parse_as_of` with its messages."""
    parts = [part.strip() for part in (year, month, day)]
    if not any(parts):
        return None
    if all(part.isdigit() for part in parts):
        parts = [parts[0].zfill(4), parts[1].zfill(2), parts[2].zfill(2)]
    text = "-".join(parts)
    parse_as_of(text, name)
    return text


QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


def quarter_end_on_or_before(day: dt.date) -> dt.date:
    """The last day of a calendar quarter on or before ``day`` (a published edition's date)."""
    for month, last in reversed(QUARTER_ENDS):
        candidate = dt.date(day.year, month, last)
        if candidate <= day:
            return candidate
    return dt.date(day.year - 1, 12, 31)


def first_edition(published: dt.date) -> dt.date:
    """The first quarter end on or after the plan's publication date."""
    edition = quarter_end_on_or_before(published)
    if edition == published:
        return edition
    month = edition.month % 12 + 3
    year = edition.year + (1 if edition.month == 12 else 0)
    return quarter_end_on_or_before(dt.date(year, month, 28) + dt.timedelta(days=4))


def published_edition(day: dt.date, published: dt.date, today: dt.date | None = None) -> dt.date:
    """The published edition that answers a request for ``day``: editions are quarterly (the
    last day of each quarter) from the plan's publication date up to ``today``.

    A day before the plan's first edition is bad input; a day after today is today's data.
    """
    today = today or dt.date.today()
    edition = quarter_end_on_or_before(min(day, today))
    first = first_edition(published)
    if edition < first:
        raise InputError(
            f"as_of: {day.isoformat()} is before the plan's first edition ({first.isoformat()})"
        )
    return edition
