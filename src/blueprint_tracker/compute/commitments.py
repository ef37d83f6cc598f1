"""Commitment status from the due date, the evaluation date and the evidence (METHODS.md s.7).

Only evidence released by the evaluation date counts. The result names the evidence that
decided it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from blueprint_tracker.domain.due import parse_due

DueKind = Literal["by", "from", "in"]
Outcome = Literal[
    "completed", "in_progress", "not_started", "delayed", "modified", "not_pursued"
]
STALE_AFTER_DAYS = 365


class CommitmentStatus(StrEnum):
    DONE = "DONE"
    DONE_LATE = "DONE_LATE"
    IN_PROGRESS = "IN_PROGRESS"
    NOT_STARTED = "NOT_STARTED"
    OVERDUE = "OVERDUE"
    NO_EVIDENCE = "NO_EVIDENCE"
    MODIFIED = "MODIFIED"
    NOT_PURSUED = "NOT_PURSUED"


@dataclass(frozen=True)
class EvidenceItem:
    """One dated piece of evidence. `date` may be partial text ("2024", "2024-05"): it counts
    as the last day of that period. `ref` lets the caller find its own record again."""

    date: dt.date | str
    outcome: Outcome
    release_date: dt.date
    ref: str | None = None

    @property
    def day(self) -> dt.date:
        return self.date if isinstance(self.date, dt.date) else parse_due(self.date).end


@dataclass(frozen=True)
class CommitmentResult:
    status: CommitmentStatus
    due_end: dt.date | None
    decided_by: tuple[EvidenceItem, ...] = ()


def due_period_end(due: str) -> dt.date:
    """Last day of a due period: 2025 -> 2025-12-31, 2024-H1 -> 2024-06-30,
    2024/25 -> 2025-08-31, FY2024/25 -> 2025-03-31. ValueError on impossible dates."""
    return parse_due(due).end


def _done(evidence: list[EvidenceItem], kind: DueKind) -> EvidenceItem | None:
    """The earliest evidence that the commitment was delivered (for `from`: that it started)."""
    outcomes = ("completed", "in_progress") if kind == "from" else ("completed",)
    done = [item for item in evidence if item.outcome in outcomes]
    return min(done, key=lambda item: (item.day, item.release_date)) if done else None


def _changed(known: list[EvidenceItem], latest: EvidenceItem | None) -> EvidenceItem | None:
    """The evidence that the promise was dropped (the latest item) or modified (the latest
    modification), or None."""
    if latest is not None and latest.outcome == "not_pursued":
        return latest
    modified = [item for item in known if item.outcome == "modified"]
    return max(modified, key=lambda item: (item.day, item.release_date)) if modified else None


def _changed_result(item: EvidenceItem, due_end: dt.date | None) -> CommitmentResult:
    dropped = item.outcome == "not_pursued"
    return _result(
        CommitmentStatus.NOT_PURSUED if dropped else CommitmentStatus.MODIFIED, due_end, item
    )


def _result(
    status: CommitmentStatus, due: dt.date | None, *items: EvidenceItem
) -> CommitmentResult:
    return CommitmentResult(status, due, tuple(items))


def commitment_status(
    due: str | dt.date | None,
    due_kind: DueKind,
    evidence: Iterable[EvidenceItem],
    evaluation: dt.date,
    *,
    stale_after_days: int = STALE_AFTER_DAYS,
) -> CommitmentResult:
    """DONE, DONE_LATE, NOT_PURSUED, MODIFIED, OVERDUE, NO_EVIDENCE, IN_PROGRESS or NOT_STARTED,
    in that precedence.

    `by` and `in`: delivered by the end of the due period is DONE, later DONE_LATE. `from`: a
    start (completed or in-progress evidence) by the end of the period is DONE. When the latest
    evidence says the government dropped it: NOT_PURSUED; when any evidence says it changed the
    promise (scope, amount or date): MODIFIED, whatever the original due date. Not delivered
    after the period ended: OVERDUE. Otherwise NO_EVIDENCE when nothing was released in the
    last `stale_after_days` days, else the latest evidence's outcome (delayed: IN_PROGRESS).
    """
    due_end = parse_due(due).end if isinstance(due, str) else due
    known = [item for item in evidence if item.release_date <= evaluation]
    done = _done(known, due_kind)
    if done is not None:
        late = due_end is not None and done.day > due_end
        return _result(CommitmentStatus.DONE_LATE if late else CommitmentStatus.DONE, due_end, done)
    latest = max(known, key=lambda item: (item.day, item.release_date), default=None)
    decided = () if latest is None else (latest,)
    changed = _changed(known, latest)
    if changed is not None:
        return _changed_result(changed, due_end)
    if due_end is not None and evaluation > due_end:
        return _result(CommitmentStatus.OVERDUE, due_end, *decided)
    fresh = evaluation - dt.timedelta(days=stale_after_days)
    if latest is None or max(item.release_date for item in known) < fresh:
        return _result(CommitmentStatus.NO_EVIDENCE, due_end, *decided)
    assert latest is not None
    if latest.outcome == "not_started":
        return _result(CommitmentStatus.NOT_STARTED, due_end, latest)
    return _result(CommitmentStatus.IN_PROGRESS, due_end, latest)
