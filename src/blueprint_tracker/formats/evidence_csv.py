"""Read ``evidence.csv``: dated evidence on commitments."""

from __future__ import annotations

import csv
from pathlib import Path

from pydantic import ValidationError

from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.problems import problems_from

EVIDENCE_COLUMNS = (
    "commitment",
    "date",
    "outcome",
    "summary_zh",
    "summary_en",
    "source_agency",
    "source_title",
    "source_url",
    "release_date",
    "flags",
)


def read_evidence(path: Path) -> tuple[list[Evidence], list[Problem]]:
    """Every valid evidence row, and a problem for every bad one (spreadsheet row numbers)."""
    if not path.exists():
        return [], []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in EVIDENCE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            return [], [Problem(path.name, "header", f"missing columns: {', '.join(missing)}")]
        rows = list(reader)
    found: list[Evidence] = []
    problems: list[Problem] = []
    for number, row in enumerate(rows, start=2):
        record = {
            "commitment": row["commitment"].strip(),
            "date": row["date"].strip(),
            "outcome": row["outcome"].strip(),
            "summary": {"zh-Hant": row["summary_zh"], "en": row["summary_en"]},
            "source_agency": row["source_agency"].strip(),
            "source_title": row["source_title"].strip(),
            "source_url": row["source_url"].strip(),
            "release_date": row["release_date"].strip(),
            "flags": tuple(f.strip() for f in (row["flags"] or "").split(";") if f.strip()),
        }
        try:
            found.append(Evidence.model_validate(record))
        except ValidationError as exc:
            problems.extend(problems_from(exc, path.name, (f"row {number}",)))
    return found, problems
