"""Page data for the commitments tracker: every commitment with its status, and the filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from blueprint_tracker import i18n
from blueprint_tracker.compute.commitments import CommitmentStatus
from blueprint_tracker.errors import InputError, NotFoundError
from blueprint_tracker.services.commitments import commitment_rows, evidence_data
from blueprint_tracker.services.models import (
    CommitmentPage,
    CommitmentRow,
    CommitmentsPage,
    EvidenceData,
    FilterOptions,
    GroupOption,
    Level,
    PathNode,
)
from blueprint_tracker.services.pages.statuses import Statuses, edition_date, load_statuses
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace


def owner_key(owner: Mapping[str, Any] | None) -> str | None:
    """The owner's name in the filter: as the store names agencies (the interface's fallback
    language, English), else its first language."""
    return i18n.pick(owner, i18n.FALLBACK) if owner else None


STATUS_CODES = tuple(status.value for status in CommitmentStatus)


@dataclass(frozen=True)
class CommitmentFilter:
    status: str | None = None
    under: str | None = None  # a node id: the commitment's node or one of its ancestors
    owner: str | None = None  # the owner's name as stored (English: i18n.FALLBACK)
    due_year: int | None = None

    def keeps(self, row: CommitmentRow) -> bool:
        checks = (
            self.status is None or row["status"] == self.status,
            self.under is None or self.under in row["path"],
            self.owner is None or owner_key(row["owner"]) == self.owner,
            self.due_year is None or row["due_year"] == self.due_year,
        )
        return all(checks)


def commitment_list(
    ws: Workspace, statuses: Statuses, as_of: dt.date | None
) -> list[CommitmentRow]:
    levels = ws.plan.level_ids()
    group_level = levels[1] if len(levels) > 1 else levels[0]
    nodes = ws.plan.nodes_by_id()
    rows: list[CommitmentRow] = []
    for row in commitment_rows(ws.plan, as_of=as_of):
        ancestors = [nodes[n] for n in row["path"] if n in nodes]
        group = next((n for n in ancestors if n.level == group_level), None)
        entry = statuses.commitment(row["id"])
        rows.append(
            CommitmentRow(
                **row,
                group=GroupOption(id=group.id, title=text(group.title)) if group else None,
                status=entry["status"] if entry else None,
                deciding_evidence=_deciding(ws, row["id"], entry["deciding_evidence"])
                if entry
                else [],
                due_year=int(row["due"]["end"][:4]) if row["due"] else None,
            )
        )
    return rows


def _deciding(ws: Workspace, commitment_id: str, refs: list[int]) -> list[EvidenceData]:
    """The evidence items (by their index in the commitment's evidence) that decided a status."""
    commitment = ws.plan.commitment(commitment_id)
    if commitment is None:
        return []
    items = commitment.evidence
    return [evidence_data(items[i]) for i in refs if 0 <= i < len(items)]


def commitment_page(
    ws: Workspace, commitment_id: str, as_of: dt.date | None = None
) -> CommitmentPage:
    """One commitment: its wording, due date, status, deciding evidence and place in the plan."""
    statuses = load_statuses(ws, as_of)
    row = next((r for r in commitment_list(ws, statuses, as_of) if r["id"] == commitment_id), None)
    if row is None:
        raise NotFoundError(f"no commitment has the id {commitment_id!r}")
    levels = {lv.id: text(lv.name) for lv in ws.plan.header.levels}
    nodes = ws.plan.nodes_by_id()
    path: list[PathNode] = [
        {"id": n, "level": levels.get(nodes[n].level), "title": text(nodes[n].title)}
        for n in row["path"]
        if n in nodes
    ]
    return {"edition": edition_date(as_of).isoformat(), "commitment": row, "path": path}


def _filter_options(ws: Workspace, rows: list[CommitmentRow]) -> FilterOptions:
    levels = ws.plan.level_ids()
    group_level = levels[1] if len(levels) > 1 else levels[0]
    owners = {str(owner_key(r["owner"])): r["owner"] for r in rows if r["owner"]}
    return {
        "group_level": next(
            (
                Level(id=lv.id, name=text(lv.name))
                for lv in ws.plan.header.levels
                if lv.id == group_level
            ),
            None,
        ),
        "groups": [
            {"id": n.id, "title": text(n.title)}
            for n in ws.plan.header.nodes
            if n.level == group_level
        ],
        "statuses": sorted({str(r["status"]) for r in rows if r["status"]}),
        "owners": [owners[k] for k in sorted(owners)],
        "due_years": sorted({r["due_year"] for r in rows if r["due_year"] is not None}),
    }


def commitments_page(
    ws: Workspace, as_of: dt.date | None = None, keep: CommitmentFilter | None = None
) -> CommitmentsPage:
    statuses = load_statuses(ws, as_of)
    rows = commitment_list(ws, statuses, as_of)
    keep = keep or CommitmentFilter()
    if keep.under is not None and keep.under not in ws.plan.nodes_by_id():
        raise NotFoundError(f"no plan node has the id {keep.under!r}")
    if keep.status is not None and keep.status not in STATUS_CODES:
        raise InputError(
            f"status: {keep.status!r} is not a commitment status (one of {', '.join(STATUS_CODES)})"
        )
    counts = statuses.counts()
    return {
        "edition": edition_date(as_of).isoformat(),
        "has_status": statuses.report is not None,
        "counts": counts["commitments"] if counts else None,
        "filters": {
            "status": keep.status,
            "under": keep.under,
            "owner": keep.owner,
            "due_year": keep.due_year,
        },
        "options": _filter_options(ws, rows),
        "total": len(rows),
        "commitments": [row for row in rows if keep.keeps(row)],
    }
