"""Back up the whole store as a data package (a zip of CSVs with datapackage.json), and restore."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from blueprint_tracker.domain.web_address import web_address_problem
from blueprint_tracker.errors import InputError, Problem, ProblemsError
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


def _payload_address(row: dict[str, Any]) -> str:
    try:
        payload = json.loads(row.get("payload") or "{}")
    except json.JSONDecodeError:
        return ""
    return str(payload.get("source_url") or "") if isinstance(payload, dict) else ""


def address_problems(data: dict[str, list[dict[str, Any]]]) -> list[Problem]:
    """Every source address in the backup that is not an http(s) web address (by file and
    spreadsheet row), including those inside proposed edits."""
    found = []
    for table, read in (
        ("observations", lambda r: str(r.get("source_url") or "")),
        ("evidence", lambda r: str(r.get("source_url") or "")),
        ("changes", _payload_address),
    ):
        for number, row in enumerate(data.get(table, []), start=2):
            address = read(row)
            problem = web_address_problem(address) if address else None
            if problem:
                column = "payload.source_url" if table == "changes" else "source_url"
                found.append(Problem(f"{table}.csv", f"row {number}, column {column}", problem))
    return found


def restore_backup(ws: Workspace, path: Path) -> dict[str, int]:
    """Load a backup into an empty store (all or nothing); refuse one with a bad address."""
    data = read_backup(path)
    problems = address_problems(data)
    if problems:
        raise ProblemsError(f"{path.name}: nothing was restored", problems)
    return backup.load(ws.store.engine, data)
