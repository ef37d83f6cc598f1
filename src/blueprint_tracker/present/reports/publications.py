"""The downloadable editions: PDF and Excel reports in both languages and the data package.

The static site writes them beside its pages; the server builds each on first request and
keeps it in a cache keyed by the data's version and the edition date, bounded in files and bytes
(least recently used files go first). Anonymous visitors get only published (quarterly)
editions, so they cannot make the server build a report for every day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from blueprint_tracker import i18n
from blueprint_tracker.errors import NotFoundError
from blueprint_tracker.present.reports.datapackage import write_datapackage
from blueprint_tracker.present.reports.report_pdf import write_pdf
from blueprint_tracker.present.reports.report_xlsx import write_xlsx
from blueprint_tracker.services.pages import data_version
from blueprint_tracker.services.workspace import Workspace

DATAPACKAGE = "datapackage.zip"


def report_names(languages: Sequence[str]) -> tuple[str, ...]:
    """The reports of a plan in ``languages``: a PDF and a workbook in each."""
    return tuple(f"report-{lang}.{kind}" for kind in ("pdf", "xlsx") for lang in languages)


def names(languages: Sequence[str]) -> tuple[str, ...]:
    """Every download of a plan in ``languages``."""
    return (*report_names(languages), DATAPACKAGE)


#: the downloads of a plan in the language table's languages
REPORTS = report_names(i18n.KEYS)
NAMES = names(i18n.KEYS)
_lock = threading.Lock()


def _write_datapackage_zip(ws: Workspace, path: Path, as_of: dt.date | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_datapackage(ws, Path(folder), as_of)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for item in sorted(Path(folder).iterdir()):
                archive.write(item, item.name)


def write_publication(ws: Workspace, name: str, path: Path, as_of: dt.date | None) -> Path:
    """Write the download ``name`` (one of :func:`names` of the plan's languages) to ``path``."""
    if name == DATAPACKAGE:
        _write_datapackage_zip(ws, path, as_of)
        return path
    if name not in report_names(ws.plan.header.languages):
        raise NotFoundError(f"there is no download called {name!r}")
    stem, kind = name.rsplit(".", 1)
    lang = stem.removeprefix("report-")
    writer = write_pdf if kind == "pdf" else write_xlsx
    writer(ws, path, lang, as_of)
    return path


def write_publications(
    ws: Workspace,
    directory: Path,
    as_of: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """Write every download into ``directory``; return their names."""
    directory.mkdir(parents=True, exist_ok=True)
    every = names(ws.plan.header.languages)
    for name in every:
        write_publication(ws, name, directory / name, as_of)
        if progress is not None:
            progress(name)
    return list(every)


# The cache on disk is bounded: past these, the least recently used files are removed.
CACHE_MAX_FILES = 40
CACHE_MAX_BYTES = 400 * 1024 * 1024


def prune_cache(
    folder: Path, keep: Path, max_files: int = CACHE_MAX_FILES, max_bytes: int = CACHE_MAX_BYTES
) -> list[Path]:
    """Remove the least recently used downloads beyond ``max_files`` or ``max_bytes`` (never
    ``keep``, the one just served); return what was removed."""
    files = sorted(
        (p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".partial")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    removed, total = [], 0
    for index, path in enumerate(files):
        total += path.stat().st_size
        if path != keep and (index >= max_files or total > max_bytes):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def cached_publication(
    ws: Workspace,
    name: str,
    as_of: dt.date | None,
    cache: Path,
    max_files: int = CACHE_MAX_FILES,
    max_bytes: int = CACHE_MAX_BYTES,
) -> Path:
    """The download ``name`` for this data version and edition, built once (one build at a
    time) and then reused; the cache keeps the most recently used files within its bounds."""
    if name not in names(ws.plan.header.languages):
        raise NotFoundError(f"there is no download called {name!r}")
    key = hashlib.sha256(repr((ws.plan.id, data_version(ws), as_of, name)).encode()).hexdigest()
    path = cache / "publications" / f"{key[:24]}-{name}"
    with _lock:
        if path.exists():
            os.utime(path)  # recently used
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            write_publication(ws, name, partial, as_of)
            shutil.move(partial, path)
            prune_cache(path.parent, path, max_files, max_bytes)
    return path
