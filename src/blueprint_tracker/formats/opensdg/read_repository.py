"""Read an Open SDG data repository into plain records, with every problem found.

Follows what sdg-build reads: ``config_data.yml`` (``languages``), ``data/indicator_*.csv``
(``Year``, ``Value``, optional ``Series`` and ``Units``, observation attributes such as the
footnote column ``COMMENT_OBS``, and every other column a breakdown), indicator metadata in
``indicator-config/*.yml`` and ``meta/*.yml`` (merged, ``meta`` last) and translations in
``translations/<lang>/<group>.yml`` (nested keys flattened with ``-``: ``global_goals.1-title``).
A broken file is reported and skipped; the rest is read.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blueprint_tracker.errors import Problem
from blueprint_tracker.formats.opensdg import layout
from blueprint_tracker.formats.yaml_file import read_yaml


@dataclass(frozen=True)
class Row:
    """One figure of an indicator's CSV."""

    line: int
    period: str
    value: float
    series: str
    unit: str
    dimensions: dict[str, str]
    footnote: str


@dataclass
class IndicatorFile:
    """One indicator: its file id (``1-2-1``), metadata and data rows."""

    file_id: str
    meta: dict[str, Any] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    has_data: bool = False


@dataclass
class Repository:
    languages: list[str]
    translations: dict[str, dict[str, str]]  # language → "group.key" → text
    indicators: list[IndicatorFile]
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def translate(self, key: str, lang: str) -> str | None:
        return self.translations.get(lang, {}).get(key)


def _flatten(prefix: str, value: Any, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}-{key}" if prefix else str(key), item, out)
    elif isinstance(value, str | int | float) and not isinstance(value, bool):
        out[prefix] = str(value).strip()


def _read_translations(root: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    base = root / layout.TRANSLATIONS_DIR
    if not base.is_dir():
        return found
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        table = found.setdefault(folder.name, {})
        for path in sorted(folder.glob("*.yml")):
            document, more = read_yaml(path)
            problems += [_relative(p, root, path) for p in more]
            flat: dict[str, str] = {}
            _flatten("", document if isinstance(document, dict) else {}, flat)
            table.update({f"{path.stem}.{key}": text for key, text in flat.items()})
    return found


def _relative(problem: Problem, root: Path, path: Path) -> Problem:
    return Problem(str(path.relative_to(root)), problem.location, problem.message)


def _languages(root: Path, problems: list[Problem]) -> list[str]:
    path = root / layout.CONFIG_FILE
    if not path.exists():
        return [layout.DEFAULT_LANGUAGE]
    document, more = read_yaml(path)
    problems += [_relative(p, root, path) for p in more]
    langs = document.get("languages") if isinstance(document, dict) else None
    if not isinstance(langs, list) or not langs:
        return [layout.DEFAULT_LANGUAGE]
    return [str(lang) for lang in langs]


def _read_meta(
    root: Path, problems: list[Problem], skipped: list[str]
) -> dict[str, dict[str, Any]]:
    metas: dict[str, dict[str, Any]] = {}
    for folder in layout.META_DIRS:
        for path in sorted((root / folder).glob("*.yml")):
            document, more = read_yaml(path)
            name = str(path.relative_to(root))
            if more or not isinstance(document, dict):
                problems += [_relative(p, root, path) for p in more] or [
                    Problem(name, "", "the metadata must be a mapping")
                ]
                skipped.append(name)
                continue
            metas.setdefault(path.stem, {}).update(document)
    return metas


def _period(raw: str) -> str:
    """``2015`` → ``2015``; ``2015-2016`` → ``2015/16`` (counted, as Open SDG's progress
    measure counts it, in its first year)."""
    match = layout.YEAR_RE.match(raw.strip())
    if match is None:
        raise ValueError(f"{raw!r} is not a year (YYYY) or a range of two years (YYYY-YYYY)")
    first, second = match["first"], match["second"]
    if second is None:
        return first
    if int(second) != int(first) + 1:
        raise ValueError(f"{raw!r}: only a range of two consecutive years can be kept")
    return f"{first}/{second[2:]}"


def _value(raw: str) -> float | None:
    if not raw.strip():
        return None  # a gap: Open SDG leaves the cell empty
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError
    return value


def _parse_row(
    cells: dict[str, str], line: int, dims: list[str], name: str
) -> tuple[Row | None, list[Problem]]:
    problems: list[Problem] = []
    period = value = None
    try:
        period = _period(cells.get(layout.YEAR, ""))
    except ValueError as exc:
        problems.append(Problem(name, f"row {line}, column {layout.YEAR}", str(exc)))
    try:
        value = _value(cells.get(layout.VALUE, ""))
    except ValueError:
        problems.append(
            Problem(
                name,
                f"row {line}, column {layout.VALUE}",
                f"{cells[layout.VALUE]!r} is not a number",
            )
        )
    if problems or period is None or value is None:
        return None, problems
    row = Row(
        line=line,
        period=period,
        value=value,
        series=cells.get(layout.SERIES, "").strip(),
        unit=cells.get(layout.UNITS, "").strip(),
        dimensions={d: cells[d].strip() for d in dims if cells.get(d, "").strip()},
        footnote=cells.get(layout.FOOTNOTE, "").strip(),
    )
    return row, []


def _read_data(path: Path, name: str) -> tuple[list[Row], list[str], list[Problem]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [], [Problem(name, "", f"not UTF-8 text ({exc.reason})")]
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        return [], [], [Problem(name, "", "the file is empty")]
    header = [h.strip() for h in records[0]]
    missing = [c for c in (layout.YEAR, layout.VALUE) if c not in header]
    if missing:
        return [], [], [Problem(name, "row 1 (header)", f"missing columns: {', '.join(missing)}")]
    dims = [h for h in header if h and h not in layout.SPECIAL]
    rows: list[Row] = []
    problems: list[Problem] = []
    for line, cells in enumerate(records[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        row, more = _parse_row(dict(zip(header, cells, strict=False)), line, dims, name)
        problems += more
        if row is not None:
            rows.append(row)
    return rows, dims, problems


def read_repository(root: Path) -> Repository:
    """Everything in the repository at ``root``; broken files are listed in ``skipped``."""
    problems: list[Problem] = []
    skipped: list[str] = []
    languages = _languages(root, problems)
    translations = _read_translations(root, problems)
    metas = _read_meta(root, problems, skipped)
    files: dict[str, IndicatorFile] = {}
    broken: set[str] = set()
    for path in sorted((root / layout.DATA_DIR).glob("*.csv")):
        name = str(path.relative_to(root))
        match = layout.DATA_FILE_RE.match(path.name)
        if match is None:
            continue
        rows, dims, more = _read_data(path, name)
        problems += more
        if more:  # all rows or none: a file with a bad row is skipped whole
            skipped.append(name)
            broken.add(match["id"])
            continue
        files[match["id"]] = IndicatorFile(match["id"], rows=rows, dimensions=dims, has_data=True)
    for file_id, meta in metas.items():
        if file_id not in broken:
            files.setdefault(file_id, IndicatorFile(file_id)).meta = meta
    ordered = sorted(files.values(), key=lambda f: _sort_key(f.file_id))
    return Repository(languages, translations, ordered, problems, skipped)


def _sort_key(file_id: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (10**6, p) for p in file_id.split("-"))
