"""Stale flag: was a newer release of a series expected by now? (separate from the status)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

GRACE_MONTHS = 1


@dataclass(frozen=True)
class StaleCheck:
    stale: bool
    next_period: str  # the period whose release is expected next
    expected_by: dt.date  # when that release was due (end of the month, lag included)
    stale_after: dt.date  # expected_by plus the grace months


def _month_end(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _period_end(period: str | int) -> tuple[int, int, str]:
    """(year, month) at which a period ends, and the next period's label (annual cycle)."""
    text = str(period).strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})|/(\d{2}))?", text)
    if match is None:
        raise ValueError(f"period {text!r} is not YYYY, YYYY-MM or YYYY/YY")
    year = int(match.group(1))
    if match.group(2):
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"period {text!r} has no month {month}")
        return year + 1, month, f"{year + 1}-{month:02d}"
    if match.group(3):  # school/financial year counted as its first year; ends in year + 1
        return year + 2, 12, f"{year + 1}/{(year + 2) % 100:02d}"
    return year + 1, 12, str(year + 1)


def stale_check(
    latest_period: str | int,
    release_lag_months: int,
    evaluation: dt.date,
    *,
    grace_months: int = GRACE_MONTHS,
) -> StaleCheck:
    """Stale when the evaluation date is after the expected release of the next period
    (its end plus the release lag, to the end of that month) plus `grace_months`.

    E.g. GERD (lag 12) latest 2020: the 2021 figure is expected by 2022-12-31; stale from
    2023-02-01 (one grace month)."""
    if release_lag_months < 0 or grace_months < 0:
        raise ValueError("release lag and grace must not be negative")
    year, month, label = _period_end(latest_period)
    expected = _month_end(year, month + release_lag_months)
    after = _month_end(year, month + release_lag_months + grace_months)
    return StaleCheck(evaluation > after, label, expected, after)


def is_stale(latest_period: str | int, release_lag_months: int, evaluation: dt.date) -> bool:
    return stale_check(latest_period, release_lag_months, evaluation).stale
