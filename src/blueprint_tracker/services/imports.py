"""Import an observation file (CSV or XLSX) into the store, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blueprint_tracker.errors import ImportRejectedError, InputError
from blueprint_tracker.formats.observations_file import read_observation_rows
from blueprint_tracker.services.workspace import Workspace, file_sha256


def import_file(ws: Workspace, path: Path) -> dict[str, Any]:
    """Read every row, report every bad one, and write nothing unless all are good."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    known = {s.id for s in ws.plan.series}
    rows, problems = read_observation_rows(path, known)
    if problems:
        raise ImportRejectedError(
            f"{path.name}: {len(problems)} problem(s); nothing was imported", problems
        )
    observations = [observation for _, observation in rows]
    locations = [f"row {number}" for number, _ in rows]
    batch = ws.store.add(ws.plan.id, observations, path.name, file_sha256(path), locations)
    return {
        "file": str(path),
        "rows_read": batch.rows_read,
        "rows_added": batch.rows_added,
        "rows_already_stored": batch.rows_read - batch.rows_added,
        "batch": batch.id,
    }
