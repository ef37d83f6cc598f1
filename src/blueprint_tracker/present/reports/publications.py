"""The downloadable editions: PDF and Excel reports in both languages and the data package.

The static site writes them beside its pages; the server builds each on first request and
keeps it in a cache keyed by the data's version and the edition date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

from blueprint_tracker.errors import NotFoundError
from blueprint_tracker.present.reports.datapackage import write_datapackage
from blueprint_tracker.present.reports.report_pdf import write_pdf
from blueprint_tracker.present.reports.report_xlsx import write_xlsx
from blueprint_tracker.services.pages import data_version
from blueprint_tracker.services.workspace import Workspace

DATAPACKAGE = "datapackage.zip"
REPORTS = tuple(f"report-{lang}.{kind}" for kind in ("pdf", "xlsx") for lang in ("zh-Hant", "en"))
NAMES = (*REPORTS, DATAPACKAGE)
_lock = threading.Lock()


def _write_datapackage_zip(ws: Workspace, path: Path, as_of: dt.date | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_datapackage(ws, Path(folder), as_of)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for item in sorted(Path(folder).iterdir()):
                archive.write(item, item.name)


def write_publication(ws: Workspace, name: str, path: Path, as_of: dt.date | None) -> Path:
    """Write the download ``name`` (one of NAMES) to ``path``."""
    if name == DATAPACKAGE:
        _write_datapackage_zip(ws, path, as_of)
        return path
    if name not in REPORTS:
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
    for name in NAMES:
        write_publication(ws, name, directory / name, as_of)
        if progress is not None:
            progress(name)
    return list(NAMES)


def cached_publication(ws: Workspace, name: str, as_of: dt.date | None, cache: Path) -> Path:
    """The download ``name`` for this data version and edition, built once and then reused."""
    if name not in NAMES:
        raise NotFoundError(f"there is no download called {name!r}")
    key = hashlib.sha256(repr((ws.plan.id, data_version(ws), as_of, name)).encode()).hexdigest()
    path = cache / "publications" / f"{key[:24]}-{name}"
    with _lock:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            write_publication(ws, name, partial, as_of)
            shutil.move(partial, path)
    return path
