"""The audit trail: who changed what, when, before and after, and why. Read-only here."""

from __future__ import annotations

import csv
import io
from typing import Any

from blueprint_tracker.formats.spreadsheet_text import spreadsheet_safe
from blueprint_tracker.services.workspace import Workspace

COLUMNS = ("id", "at", "actor", "action", "item_kind", "item_key", "before", "after", "reason")


def audit_rows(
    ws: Workspace, kind: str | None = None, key: str | None = None
) -> list[dict[str, Any]]:
    return [{**row, "at": row["at"].isoformat()} for row in ws.review.audit(kind, key)]


def audit_csv(ws: Workspace, kind: str | None = None, key: str | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in audit_rows(ws, kind, key):
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return out.getvalue()
