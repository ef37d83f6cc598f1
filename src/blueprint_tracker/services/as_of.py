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


def parse_as_of(value: str | None, name: str = "as_of") -> dt.date | None:
    """A strict ISO date YYYY-MM-DD in range, or None for no value."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a valid date YYYY-MM-DD") from None
    if len(value) != 10:  # fromisoformat also reads 20241231 and week dates
        raise InputError(f"{name}: {value!r} is not a valid date YYYY-MM-DD")
    return check_as_of(day, name)
