"""Due dates at their own precision: "in 2023", "by mid-2024", "2024/25 school year"."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "half", "quarter", "month", "day", "school_year", "financial_year"]

_FORMS: tuple[tuple[Precision, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")),
    ("month", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$")),
    ("quarter", re.compile(r"^(?P<y>\d{4})-Q(?P<n>\d)$")),
    ("half", re.compile(r"^(?P<y>\d{4})-H(?P<n>\d)$")),
    ("financial_year", re.compile(r"^FY(?P<y>\d{4})/(?P<yy>\d{2})$")),
    ("school_year", re.compile(r"^(?P<y>\d{4})/(?P<yy>\d{2})$")),
    ("year", re.compile(r"^(?P<y>\d{4})$")),
)


@dataclass(frozen=True)
class Due:
    """A due period: its text form, precision, first and last day."""

    text: str
    precision: Precision
    start: dt.date
    end: dt.date


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(precision: Precision, groups: dict[str, str]) -> tuple[dt.date, dt.date]:
    year = int(groups["y"])
    if precision == "day":
        day = dt.date(year, int(groups["m"]), int(groups["d"]))
        return day, day
    if precision == "month":
        month = int(groups["m"])
        return dt.date(year, month, 1), _month_end(year, month)
    if precision in ("quarter", "half"):
        size = 3 if precision == "quarter" else 6
        number = int(groups["n"])
        if not 1 <= number <= 12 // size:
            raise ValueError(f"there is no {precision} {number}")
        first = (number - 1) * size + 1
        return dt.date(year, first, 1), _month_end(year, first + size - 1)
    if precision in ("school_year", "financial_year"):
        if int(groups["yy"]) != (year + 1) % 100:
            raise ValueError("the second year must follow the first")
        if precision == "school_year":
            return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)
        return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def parse_due(text: str) -> Due:
    """Parse a due form (see docs/plan-format.md); ValueError names what is impossible."""
    cleaned = str(text).strip()
    for precision, pattern in _FORMS:
        match = pattern.match(cleaned)
        if match is None:
            continue
        try:
            start, end = _span(precision, match.groupdict())
        except ValueError as exc:
            raise ValueError(f"due date {cleaned!r} is impossible: {exc}") from exc
        return Due(cleaned, precision, start, end)
    raise ValueError(
        f"due date {cleaned!r} is not one of YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, YYYY-MM-DD, "
        "YYYY/YY, FYYYYY/YY"
    )
