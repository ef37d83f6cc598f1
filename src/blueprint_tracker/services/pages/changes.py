"""What changed since the last edition: figures and evidence released, statuses that moved."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.services.commitments import commitment_rows
from blueprint_tracker.services.indicators import indicator_summaries
from blueprint_tracker.services.models import (
    Changes,
    CommitmentChange,
    EvidenceChange,
    FigureChange,
    StatusChanges,
    StatusReport,
    TargetChange,
)
from blueprint_tracker.services.pages.statuses import (
    HEADLINE_METHODS,
    edition_date,
    status_report,
)
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace

CHANGES_WINDOW_DAYS = 91  # "since the last edition": editions are taken to be quarterly


def change_kind(previous: str | None, display: str) -> str:
    """new (no value for that year before), revised (shown differently) or confirmed (a later
    release that leaves the shown value as it was)."""
    if previous is None:
        return "new"
    return "revised" if previous != display else "confirmed"


def _released_figures(
    ws: Workspace, since: dt.date, until: dt.date, as_of: dt.date | None
) -> list[FigureChange]:
    """Indicator values released in (since, until], each marked new, revised or confirmed, with
    the value the previous edition showed."""
    figures: list[FigureChange] = []
    then, now = indicator_summaries(ws, since), indicator_summaries(ws, as_of)
    for indicator in ws.plan.indicators:
        before = {v["year"]: v["display"] for v in then[indicator.id]["values"]}
        for value in now[indicator.id]["values"]:
            if not since < dt.date.fromisoformat(value["released"]) <= until:
                continue
            previous = before.get(value["year"])
            figures.append(
                {
                    "indicator": indicator.id,
                    "name": text(indicator.name),
                    "year": value["year"],
                    "display": value["display"],
                    "released": value["released"],
                    "previous": previous,
                    "kind": change_kind(previous, value["display"]),
                }
            )
    return sorted(figures, key=lambda f: f["released"], reverse=True)


def _milestone_statuses(report: StatusReport | None) -> dict[tuple[str, int], str]:
    if not report:
        return {}
    headline = report.get("headline_method") or HEADLINE_METHODS[0]
    return {
        (row["id"], milestone["year"]): reading["status"]
        for row in report.get("indicators", [])
        for milestone in row.get("milestones", [])
        if (reading := milestone.get("assessments", {}).get(headline))
    }


def _status_changes(ws: Workspace, since: dt.date, as_of: dt.date | None) -> StatusChanges:
    """Headline statuses of every milestone, and commitment statuses, that differ between the
    previous edition (as of `since`) and this one."""
    old, new = status_report(ws, since), status_report(ws, as_of)
    names = {i.id: text(i.name) for i in ws.plan.indicators}
    before, after = _milestone_statuses(old), _milestone_statuses(new)
    targets: list[TargetChange] = [
        {"indicator": key[0], "name": names.get(key[0]), "year": key[1],
         "before": before.get(key), "after": status}
        for key, status in after.items()
        if before.get(key) != status
    ]  # fmt: skip
    was = {row["id"]: row["status"] for row in old.get("commitments", [])}
    commitments: list[CommitmentChange] = [
        {"commitment": row["id"], "title": row["title"], "text": row["text"],
         "before": was.get(row["id"]), "after": row["status"]}
        for row in new.get("commitments", [])
        if was.get(row["id"]) != row["status"]
    ]  # fmt: skip
    return {"method": new.get("headline_method"), "targets": targets, "commitments": commitments}


def changes_since(ws: Workspace, as_of: dt.date | None = None) -> Changes:
    """What differs between this edition and the one a quarter before it: figures released in
    between (new or revised), evidence released in between, and every status that changed."""
    until = edition_date(as_of)
    since = until - dt.timedelta(days=CHANGES_WINDOW_DAYS)
    evidence: list[EvidenceChange] = []
    for row in commitment_rows(ws.plan, as_of=as_of):
        for item in row["evidence"]:
            if since < dt.date.fromisoformat(item["release_date"]) <= until:
                evidence.append(
                    EvidenceChange(
                        commitment=row["id"], title=row["title"], text=row["text"], **item
                    )
                )
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "figures": _released_figures(ws, since, until, as_of),
        "evidence": sorted(evidence, key=lambda e: e["release_date"], reverse=True),
        "statuses": _status_changes(ws, since, as_of),
    }
