"""CSV downloads built from page data (the same files on the server and the static site)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from blueprint_tracker import i18n
from blueprint_tracker.domain.series import dimension_key
from blueprint_tracker.formats.observations_file import COLUMNS
from blueprint_tracker.formats.spreadsheet_text import spreadsheet_safe
from blueprint_tracker.services.models import CommitmentsPage, IndicatorPage, ObservationData


def _csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(value) for value in row] for row in rows)
    return buffer.getvalue()


def indicator_csv(page: IndicatorPage) -> str:
    """One row per year: the indicator's value and the figures (with vintages) behind it."""
    indicator = page["indicator"]
    rows = []
    for value in indicator["values"]:
        inputs = "; ".join(
            f"{o['series']} {o['period']}={o['value']:g} (released {o['release_date']})"
            for o in value["inputs"]
        )
        sources = "; ".join(sorted({o["source"]["url"] for o in value["inputs"]}))
        rows.append(
            [
                indicator["id"],
                value["year"],
                value["value"],
                value["released"],
                ";".join(value["flags"]),
                value["basis"],
                inputs,
                ";".join(o["source"]["tier"] for o in value["inputs"]),
                sources,
            ]
        )
    header = [
        "indicator",
        "year",
        "value",
        "released",
        "flags",
        "basis",
        "inputs",
        "source_tiers",
        "sources",
    ]
    return _csv(header, rows)


OBSERVATION_COLUMNS = list(COLUMNS)  # the import format: a download can be imported again


def observations_csv(rows: list[ObservationData]) -> str:
    """Every release, in the plan folder's ``observations.csv`` format."""
    return _csv(
        OBSERVATION_COLUMNS,
        (
            [
                o["series"],
                o["period"],
                o["value"],
                o["unit"],
                ";".join(o["flags"]),
                o["source"]["agency"],
                o["source"]["title"],
                o["source"]["url"],
                o["source"]["table"],
                o["source"]["tier"],
                o["source"]["copy_url"],
                o["release_date"],
                o["note"],
                dimension_key(o.get("dimensions") or {}),
            ]
            for o in rows
        ),
    )


def commitments_csv(page: CommitmentsPage, languages: Sequence[str] = i18n.KEYS) -> str:
    """The commitments listed: their text in each plan language (``text_<suffix>``:
    ``i18n.field_suffixes``) and the owner as the store names agencies."""
    suffixes = i18n.field_suffixes(languages)
    owner = f"owner_{i18n.column_suffix(i18n.FALLBACK)}"
    header = [
        "id",
        "node",
        *(f"text_{suffixes[lang]}" for lang in languages),
        "due",
        "due_end",
        owner,
        "status",
        "evidence",
    ]
    rows = []
    for c in page["commitments"]:
        due: Mapping[str, Any] = c["due"] or {}
        rows.append(
            [
                c["id"],
                c["node"],
                *(str(c["text"].get(lang) or "") for lang in languages),
                due.get("text", ""),
                due.get("end", ""),
                i18n.pick(c["owner"], i18n.FALLBACK),
                c.get("status") or "",
                len(c["evidence"]),
            ]
        )
    return _csv(header, rows)
