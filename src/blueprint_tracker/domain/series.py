"""Observations of base series, with their provenance and vintage."""

from __future__ import annotations

import datetime as dt
import json
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
SourceTier = Literal[
    "official_release",
    "official_table_copy",
    "official_statement",
    "media_report",
    "third_party",
]
# Most trusted first. official_table_copy: an agency's table as kept elsewhere (names both);
# official_statement: Budget, Policy Address, LegCo reply, press release, the plan itself.
TIERS: tuple[str, ...] = (
    "official_release",
    "official_table_copy",
    "official_statement",
    "media_report",
    "third_party",
)
OFFICIAL_TIERS: frozenset[str] = frozenset(TIERS[:3])
# A source file that does not say its tier is treated as the least trusted.
DEFAULT_TIER: SourceTier = "third_party"
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
    tier: SourceTier = DEFAULT_TIER
    copy_url: str = ""  # where an agency's table was read, when it was read from a copy

    @property
    def official(self) -> bool:
        return self.tier in OFFICIAL_TIERS


def dimension_key(dimensions: dict[str, str]) -> str:
    """The canonical text of a breakdown (``""`` for the total line): sorted JSON."""
    if not dimensions:
        return ""
    return json.dumps(dimensions, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse_dimension_key(text: str) -> dict[str, str]:
    """The breakdown in :func:`dimension_key`'s text; ValueError when it is not one."""
    if not text.strip():
        return {}
    value = json.loads(text)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) and v for k, v in value.items()
    ):
        raise ValueError('a breakdown is a JSON object of non-empty texts, e.g. {"Sex":"Female"}')
    return {str(k): str(v) for k, v in value.items()}


class Observation(BaseModel):
    """One figure of one series for one period, as released on one date (a vintage).

    ``dimensions`` is its breakdown (``{"Sex": "Female"}``); none is the series' total line.
    """

    model_config = ConfigDict(frozen=True)

    series: str
    period: str
    value: float
    unit: str = ""
    flags: tuple[Flag, ...] = ()
    source: Source
    release_date: dt.date
    note: str = ""
    dimensions: dict[str, str] = Field(default_factory=dict)
    id: int | None = None

    @property
    def dimension_key(self) -> str:
        return dimension_key(self.dimensions)

    @property
    def year(self) -> int:
        return period_year(self.period)
