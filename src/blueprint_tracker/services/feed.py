"""The updates feed: every indicator figure and every piece of commitment evidence released in
the year before the edition, newest first (rendered as Atom by ``present.feed``)."""

from __future__ import annotations

import datetime as dt

from blueprint_tracker.services.commitments import commitment_rows
from blueprint_tracker.services.indicators import indicator_summaries
from blueprint_tracker.services.models import (
    EvidenceEntry,
    FigureEntry,
    IndicatorSummary,
    Updates,
)
from blueprint_tracker.services.pages import change_kind
from blueprint_tracker.services.plan_views import text
from blueprint_tracker.services.workspace import Workspace

FEED_DAYS = 365
FEED_LIMIT = 200


def _figures(
    ws: Workspace, since: dt.date, until: dt.date, as_of: dt.date | None
) -> list[FigureEntry]:
    """Indicator values released in (since, until], each new, revised or confirmed against what
    was known the day before its release."""
    before_cache: dict[dt.date, dict[str, IndicatorSummary]] = {}
    entries: list[FigureEntry] = []
    for indicator_id, summary in indicator_summaries(ws, as_of).items():
        for value in summary["values"]:
            released = dt.date.fromisoformat(value["released"])
            if not since < released <= until:
                continue
            day_before = released - dt.timedelta(days=1)
            if day_before not in before_cache:
                before_cache[day_before] = indicator_summaries(ws, day_before)
            known = before_cache[day_before][indicator_id]["values"]
            previous = next((v["display"] for v in known if v["year"] == value["year"]), None)
            kind = change_kind(previous, value["display"])
            entries.append(
                {
                    "kind": "figure",
                    "id": f"figure:{indicator_id}:{value['year']}:{released.isoformat()}",
                    "date": released.isoformat(),
                    "indicator": indicator_id,
                    "name": summary["name"],
                    "year": value["year"],
                    "display": value["display"],
                    "previous": previous,
                    "change": kind,
                }
            )
    return entries


def _evidence(
    ws: Workspace, since: dt.date, until: dt.date, as_of: dt.date | None
) -> list[EvidenceEntry]:
    entries: list[EvidenceEntry] = []
    for row in commitment_rows(ws.plan, as_of=as_of):
        for number, item in enumerate(row["evidence"], start=1):
            released = dt.date.fromisoformat(item["release_date"])
            if since < released <= until:
                entries.append(
                    {
                        "kind": "evidence",
                        "id": f"evidence:{row['id']}:{number}:{released.isoformat()}",
                        "date": released.isoformat(),
                        "commitment": row["id"],
                        "text": row["text"],
                        "summary": item["summary"],
                        "source": item["source"],
                    }
                )
    return entries


def updates(
    ws: Workspace, as_of: dt.date | None = None, days: int = FEED_DAYS, limit: int = FEED_LIMIT
) -> Updates:
    """What was released in the ``days`` before the edition (``as_of`` or today), newest first."""
    until = as_of or dt.date.today()
    since = until - dt.timedelta(days=days)
    entries: list[FigureEntry | EvidenceEntry] = [
        *_figures(ws, since, until, as_of),
        *_evidence(ws, since, until, as_of),
    ]
    entries.sort(key=lambda e: (e["date"], e["id"]), reverse=True)
    return {
        "plan": ws.plan.id,
        "title": text(ws.plan.header.title),
        "since": since.isoformat(),
        "until": until.isoformat(),
        "entries": entries[:limit],
    }
