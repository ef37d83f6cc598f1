"""Proposed edits waiting for review, and the decisions on them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict


class ChangeKind(StrEnum):
    OBSERVATION = "observation"  # a new figure (or a new release of one)
    EVIDENCE = "evidence"  # something that happened on a commitment
    COMMITMENT_STATUS = "commitment_status"  # a proposed status for a commitment, with reason
    CORRECTION = "correction"  # a stored figure was entered wrongly: replace it
    WITHDRAWAL = "withdrawal"  # take back a stored figure or evidence entry


class ChangeStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Change(BaseModel):
    """One proposed edit: what, on which item, why, by whom; and the review of it."""

    model_config = ConfigDict(frozen=True)

    id: int
    plan_id: str
    kind: ChangeKind
    target: str  # the item it is about: "series:period", a commitment id, "observation:17"
    payload: dict[str, Any]
    reason: str
    proposed_by: str
    proposed_at: dt.datetime
    base_version: int
    status: ChangeStatus = ChangeStatus.PENDING
    reviewed_by: str | None = None
    reviewed_at: dt.datetime | None = None
    review_comment: str | None = None
