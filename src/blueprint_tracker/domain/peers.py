"""Peer economies: figures of other economies for indicators with an international definition.

They are context beside the plan's own figures and never change a status.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from blueprint_tracker.domain.series import Source
from blueprint_tracker.domain.text import Text


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Economy(_Model):
    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,20}$")
    name: Text


class ComparedIndicator(_Model):
    id: str
    note: Text | None = None


class NotCompared(_Model):
    """An indicator left out of the comparison, and why."""

    id: str
    why: Text


class ContextComparison(_Model):
    """A measure with an international definition that is not one of the plan's indicators,
    shown as context on the page of the indicator it belongs to (``shown_on``). Its figures,
    the plan's own economy's included, come from the peers file with their sources."""

    id: str = Field(pattern=r"^[A-Za-z0-9._-]{1,40}$")
    shown_on: str
    name: Text
    unit: Text
    decimals: int = Field(default=0, ge=0, le=6)
    note: Text | None = None


class PeerFigure(_Model):
    """One economy's figure for one indicator and year, as one source published it."""

    indicator: str
    economy: str
    year: int = Field(ge=1900, le=2200)
    value: float
    source: Source
    release_date: dt.date
    note: str = ""


class Peers(_Model):
    home: Economy | None = None
    economies: tuple[Economy, ...] = ()
    indicators: tuple[ComparedIndicator, ...] = ()
    not_compared: tuple[NotCompared, ...] = ()
    context: tuple[ContextComparison, ...] = ()
    figures: tuple[PeerFigure, ...] = ()

    def known(self, indicator: str, as_of: dt.date | None = None) -> list[PeerFigure]:
        """The figures for ``indicator`` published by ``as_of`` (all of them without a date)."""
        return [
            f
            for f in self.figures
            if f.indicator == indicator and (as_of is None or f.release_date <= as_of)
        ]
