"""Commitment data: wording, due date at its precision, owner, evidence."""

from __future__ import annotations

import datetime as dt
from typing import cast

from blueprint_tracker.domain.commitment import Commitment, Evidence
from blueprint_tracker.domain.due import parse_due
from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.services.models import CommitmentData, CommitmentMilestone, Due, EvidenceData
from blueprint_tracker.services.plan_views import text


def evidence_data(e: Evidence) -> EvidenceData:
    return {
        "date": e.date,
        "outcome": e.outcome,
        "summary": text(e.summary),
        "source": {"agency": e.source_agency, "title": e.source_title, "url": e.source_url},
        "release_date": e.release_date.isoformat(),
        "flags": list(e.flags),
    }


def due_data(c: Commitment) -> Due | None:
    if c.due is None:
        return None
    due = parse_due(c.due)
    return {
        "text": due.text,
        "precision": due.precision,
        "kind": c.due_kind,
        "start": due.start.isoformat(),
        "end": due.end.isoformat(),
        "wording": text(c.due_text),
    }


def commitment_data(plan: Plan, c: Commitment, as_of: dt.date | None = None) -> CommitmentData:
    evidence = [e for e in c.evidence if as_of is None or e.release_date <= as_of]
    return {
        "id": c.id,
        "node": c.node,
        "ref": c.ref,
        "title": text(c.title) if c.title else None,
        "text": text(c.text),
        "due": due_data(c),
        "owner": text(c.owner),
        "milestone": cast(CommitmentMilestone, c.milestone.model_dump()) if c.milestone else None,
        "evidence": [evidence_data(e) for e in evidence],
        "path": [n.id for n in reversed(plan.ancestors(c.node))] + [c.node],
    }


def commitment_rows(
    plan: Plan, due_before: dt.date | None = None, as_of: dt.date | None = None
) -> list[CommitmentData]:
    """Commitments in due-date order (undated last), optionally only those due before a date."""
    rows = []
    for c in plan.commitments:
        end = parse_due(c.due).end if c.due else None
        if due_before is not None and (end is None or end >= due_before):
            continue
        rows.append((end or dt.date.max, c.id, commitment_data(plan, c, as_of)))
    return [row for _, _, row in sorted(rows, key=lambda r: (r[0], r[1]))]
