"""Read ``evidence.csv``: dated evidence on commitments.

The summary is a column per plan language, ``summary_<suffix>`` (``i18n.field_suffixes``:
``summary_zh``, ``summary_en``, ``summary_es``); ``summary_<tag>`` with the whole tag
(``summary_zh_hant``, as the data package names it) is read as well.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.problems import problems_from
from blueprint_tracker.i18n import KEYS, column_suffix, field_suffixes

BEFORE = ("commitment", "date", "outcome")
AFTER = ("source_agency", "source_title", "source_url", "release_date", "flags")


def summary_fields(languages: Sequence[str]) -> dict[str, str]:
    """Each plan language's summary column: ``{language: "summary_<suffix>"}``."""
    return {lang: f"summary_{suffix}" for lang, suffix in field_suffixes(languages).items()}


def evidence_columns(languages: Sequence[str]) -> tuple[str, ...]:
    """The columns of ``evidence.csv`` for a plan in ``languages``."""
    return (*BEFORE, *summary_fields(languages).values(), *AFTER)


#: the columns for a plan in the language table's languages
EVIDENCE_COLUMNS = evidence_columns(KEYS)


def _summary_columns(languages: Sequence[str], header: Sequence[str]) -> dict[str, str | None]:
    """The column each language's summary is read from (None: the file has none)."""
    out: dict[str, str | None] = {}
    for lang, name in summary_fields(languages).items():
        whole = f"summary_{column_suffix(lang)}"
        out[lang] = name if name in header else whole if whole in header else None
    return out


def read_evidence(
    path: Path, languages: Sequence[str] = KEYS
) -> tuple[list[Evidence], list[Problem]]:
    """Every valid evidence row, and a problem for every bad one (spreadsheet row numbers)."""
    if not path.exists():
        return [], []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        summaries = _summary_columns(languages, header)
        rows = list(reader)
    missing = [c for c in (*BEFORE, *AFTER) if c not in header]
    if rows:  # a file of no rows (as plan folders written with fixed languages) lacks nothing
        missing += [summary_fields(languages)[lang] for lang, c in summaries.items() if c is None]
    if missing:
        return [], [Problem(path.name, "header", f"missing columns: {', '.join(missing)}")]
    found: list[Evidence] = []
    problems: list[Problem] = []
    for number, row in enumerate(rows, start=2):
        record = {
            "commitment": row["commitment"].strip(),
            "date": row["date"].strip(),
            "outcome": row["outcome"].strip(),
            "summary": {lang: row[str(column)] for lang, column in summaries.items()},
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
