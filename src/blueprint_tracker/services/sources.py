"""Sources: every publication the bundled and imported figures come from, with their counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from blueprint_tracker.domain.series import TIERS
from blueprint_tracker.services.workspace import Workspace


def source_rows(ws: Workspace, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """One row per source (agency, title, URL, tier, copy): how many figures, of which series,
    which dates."""
    groups: dict[tuple[str, ...], dict[str, Any]] = {}
    for o in ws.store.all_vintages(ws.plan.id, as_of=as_of, breakdowns=True):
        key = (o.source.agency, o.source.title, o.source.url, o.source.tier, o.source.copy_url)
        row = groups.setdefault(
            key,
            {
                "agency": o.source.agency,
                "title": o.source.title,
                "url": o.source.url,
                "tier": o.source.tier,
                "copy_url": o.source.copy_url,
                "tables": set(),
                "series": set(),
                "figures": 0,
                "third_party": False,
                "first_release": o.release_date,
                "last_release": o.release_date,
            },
        )
        row["figures"] += 1
        row["series"].add(o.series)
        if o.source.table:
            row["tables"].add(o.source.table)
        row["third_party"] = row["third_party"] or "third_party" in o.flags
        row["first_release"] = min(row["first_release"], o.release_date)
        row["last_release"] = max(row["last_release"], o.release_date)
    rows = [
        {
            **row,
            "tables": sorted(row["tables"]),
            "series": sorted(row["series"]),
            "first_release": row["first_release"].isoformat(),
            "last_release": row["last_release"].isoformat(),
        }
        for row in groups.values()
    ]
    order = {tier: n for n, tier in enumerate(TIERS)}
    return sorted(rows, key=lambda r: (order[r["tier"]], -r["figures"], r["agency"], r["title"]))
