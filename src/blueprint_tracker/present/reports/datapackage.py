"""Open data: the edition as a Frictionless data package (CSV files and ``datapackage.json``).

Text columns come in each of the plan's languages (``title_zh_hant``, ``title_en``, ``title_es``:
``i18n.column_suffix``); ``observations.csv`` has
exactly the columns of the import format, so it can be imported into another store.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from blueprint_tracker import i18n
from blueprint_tracker.formats.spreadsheet_text import spreadsheet_safe
from blueprint_tracker.present.reports.package_schema import Resource, package_resources, schema
from blueprint_tracker.services.reports import edition, open_tables
from blueprint_tracker.services.workspace import Workspace

DESCRIPTOR = "datapackage.json"


def csv_value(value: Any) -> str:
    """A cell as Table Schema reads it: empty for none, true/false, numbers in full precision,
    text that a spreadsheet would run as a formula escaped (OWASP's CSV-injection rule)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    return str(spreadsheet_safe(value)) if isinstance(value, str) else str(value)


def write_csv(path: Path, resource: Resource, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=resource.field_names(), extrasaction="raise", lineterminator="\n"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({key: csv_value(value) for key, value in row.items()})


def _resource_descriptor(resource: Resource, rows: int) -> dict[str, Any]:
    return {
        "name": resource.name,
        "path": resource.path,
        "title": resource.title,
        "description": resource.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "schema": schema(resource),
        "rows": rows,
    }


def descriptor(ws: Workspace, as_of: dt.date | None, counts: dict[str, int]) -> dict[str, Any]:
    header = ws.plan.header
    day = edition(as_of).isoformat()
    langs = header.languages
    source = header.title.get(i18n.FALLBACK)
    sources = [{"title": source, "path": header.source_url}] if header.source_url else []
    names = [i18n.english_name(lang) for lang in langs]
    spoken = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return {
        "profile": "tabular-data-package",
        "name": f"{header.id}-{day}",
        "title": f"{' / '.join(header.title.get(lang) for lang in langs)} — {day}",
        "description": (
            "Targets, commitments, official figures with their provenance, and the assessment "
            f"of every target on {day}, in {spoken}. Produced by "
            "Blueprint Tracker."
        ),
        "version": day,
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "keywords": ["development plan", "indicators", "targets", "commitments"],
        "sources": sources,
        "edition": day,
        "as_of": as_of.isoformat() if as_of else None,
        "resources": [
            _resource_descriptor(r, counts[r.name]) for r in package_resources(langs)
        ],
    }


def write_datapackage(ws: Workspace, directory: Path, as_of: dt.date | None = None) -> Path:
    """Write every resource's CSV and ``datapackage.json`` into ``directory``; return the
    descriptor's path."""
    directory.mkdir(parents=True, exist_ok=True)
    tables = open_tables(ws, as_of)
    counts = {}
    for resource in package_resources(ws.plan.header.languages):
        rows = tables[resource.name]
        write_csv(directory / resource.path, resource, rows)
        counts[resource.name] = len(rows)
    path = directory / DESCRIPTOR
    text = json.dumps(descriptor(ws, as_of, counts), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path
