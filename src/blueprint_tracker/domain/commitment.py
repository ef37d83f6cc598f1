"""Dated, checkable promises and the evidence on them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from blueprint_tracker.domain.indicator import Comparator
from blueprint_tracker.domain.text import Text
from blueprint_tracker.domain.web_address import WebAddress

DueKind = Literal["by", "from", "in"]
Outcome = Literal[
    "completed", "in_progress", "not_started", "delayed", "modified", "not_pursued"
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class CommitmentMilestone(_Model):
    """The quantitative target of a commitment, on a named series."""

    series: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    value: float
    comparator: Comparator = ">="
    year: int | None = Field(default=None, ge=1900, le=2200)  # None: the plan gives no year


class Evidence(_Model):
    """Something that happened on a commitment, with its source."""

    commitment: str
    date: str
    outcome: Outcome
    summary: Text
    source_agency: str = Field(min_length=1)
    source_title: str = Field(min_length=1)
    source_url: WebAddress = Field(min_length=1)
    release_date: dt.date
    flags: tuple[str, ...] = ()


class Commitment(_Model):
    """A promise in the plan, with its original wording and due date at its own precision."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    node: str
    ref: str = ""
    title: Text | None = None  # a short name for lists; the full wording is `text`
    text: Text
    due: str | None = None
    due_kind: DueKind = "by"
    due_text: Text | None = None
    owner: Text | None = None
    milestone: CommitmentMilestone | None = None
    evidence: tuple[Evidence, ...] = ()
