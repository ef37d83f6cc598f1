"""Back up the whole store as a data package (a zip of CSVs with datapackage.json), and restore."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from blueprint_tracker.errors import InputError
from blueprint_tracker.services.workspace import Workspace
from blueprint_tracker.store import backup

FORMAT = "blueprint-tracker-backup/1"


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: ("" if v is None else v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in row.items()
            }
        )
    return out.getvalue()


def _columns(name: str) -> list[str]:
    table = next(t for t in backup.TABLES if t.name == name)
    hidden = backup.SECRET_COLUMNS.get(name, ())
    return [c.name for c in table.columns if c.name not in hidden]


def write_backup(ws: Workspace, path: Path) -> dict[str, int]:
    """Every table but sessions, and users without password hashes; return row counts."""
    data = backup.dump(ws.store.engine)
    resources = []
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in data.items():
            columns = _columns(name)
            archive.writestr(f"{name}.csv", _csv(rows, columns))
            resources.append(
                {
                    "name": name.replace("_", "-"),
                    "path": f"{name}.csv",
                    "format": "csv",
                    "schema": {"fields": [{"name": c, "type": "string"} for c in columns]},
                }
            )
        package = {
            "name": "blueprint-tracker-backup",
            "profile": "data-package",
            "format": FORMAT,
            "plan": ws.plan.id,
            "resources": resources,
        }
        archive.writestr("datapackage.json", json.dumps(package, indent=2, ensure_ascii=False))
    return {name: len(rows) for name, rows in data.items()}


def read_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: not a backup file ({exc})") from exc
    with archive:
        try:
            package = json.loads(archive.read("datapackage.json"))
        except (KeyError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: no readable datapackage.json") from exc
        if package.get("format") != FORMAT:
            raise InputError(f"{path}: not a Blueprint Tracker backup ({package.get('format')})")
        return {
            r["path"].removesuffix(".csv"): list(
                csv.DictReader(io.StringIO(archive.read(r["path"]).decode("utf-8")))
            )
            for r in package["resources"]
        }


def restore_backup(ws: Workspace, path: Path) -> dict[str, int]:
    """Load a backup into an empty store (all or nothing)."""
    return backup.load(ws.store.engine, read_backup(path))
