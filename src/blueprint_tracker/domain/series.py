"""Observations of base series, with their provenance and vintage."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from blueprint_tracker.domain.web_address import WebAddress

Flag = Literal["provisional", "revised", "estimate", "third_party", "break", "approximate"]
FLAGS: tuple[str, ...] = (
    "provisional",
    "revised",
    "estimate",
    "third_party",
    "break",
    "approximate",
)
PERIOD_RE = re.compile(r"^(?P<year>\d{4})(?:/(?P<yy>\d{2})|-(?P<month>\d{2}))?$")


def period_year(period: str) -> int:
    """The year a period counts in: ``2024`` → 2024, ``2024/25`` → 2024, ``2024-06`` → 2024."""
    match = PERIOD_RE.match(period)
    if match is None:
        raise ValueError(f"period {period!r} is not YYYY, YYYY/YY or YYYY-MM")
    year = int(match["year"])
    if match["yy"] is not None and int(match["yy"]) != (year + 1) % 100:
        raise ValueError(f"period {period!r}: the second year must follow the first")
    if match["month"] is not None and not 1 <= int(match["month"]) <= 12:
        raise ValueError(f"period {period!r}: month must be 01 to 12")
    return year


class Source(BaseModel):
    """Where a figure was published."""

    model_config = ConfigDict(frozen=True)

    agency: str = Field(min_length=1)
    title: str = Field(min_length=1)
    url: WebAddress = Field(min_length=1)
    table: str = ""


class Observation(BaseModel):
    """One figure of one series for one period, as released on one date (a vintage)."""

    model_config = ConfigDict(frozen=True)

    series: str
    period: str
    value: float
    unit: str = ""
    flags: tuple[Flag, ...] = ()
    source: Source
    release_date: dt.date
    note: str = ""
    id: int | None = None

    @property
    def year(self) -> int:
        return period_year(self.period)
