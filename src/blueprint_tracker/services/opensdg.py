"""Open SDG both ways: a data repository in as a plan folder, a plan folder out as one."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from blueprint_tracker.errors import InputError, PlanInvalidError
from blueprint_tracker.formats.observations_file import read_observations
from blueprint_tracker.formats.opensdg.read_repository import read_repository
from blueprint_tracker.formats.plan_folder import load_plan_folder
from blueprint_tracker.formats.plan_writer import plan_files, write_files
from blueprint_tracker.formats.yaml_file import read_yaml
from blueprint_tracker.services.opensdg_export import repository_files
from blueprint_tracker.services.opensdg_plan import ImportOptions, Mapped, map_repository

EXTRA_FILE = "opensdg.yaml"


def _empty_or_absent(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(f"{folder} already exists and is not an empty folder")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "opensdg"


def default_options(src: Path, **given: Any) -> ImportOptions:
    """Options with their defaults: names from the folder, figures released today."""
    title = given.get("title") or f"Open SDG data: {src.resolve().name}"
    return ImportOptions(
        plan_id=_slug(given.get("plan_id") or src.resolve().name),
        title=title,
        publisher=given.get("publisher") or title,
        release_date=given.get("release_date") or dt.date.today(),
        source_url=given.get("source_url") or "",
    )


def _check_written(folder: Path, mapped: Mapped) -> None:
    plan, problems = load_plan_folder(folder)
    known = {s.id for s in plan.series} if plan else set()
    _, more = read_observations(folder / "observations.csv", known)
    if problems or more or plan is None:
        raise PlanInvalidError(
            "the imported plan does not validate; nothing was written", problems + more
        )


def import_repository(src: Path, dest: Path, options: ImportOptions) -> dict[str, Any]:
    """Write the plan folder for the Open SDG repository in ``src`` to ``dest`` (all of it or
    nothing) and say what was imported, skipped and why."""
    if not src.is_dir():
        raise InputError(f"{src} is not a folder")
    _empty_or_absent(dest)
    mapped = map_repository(read_repository(src), options)
    files = plan_files(mapped.plan, mapped.observations)
    files[EXTRA_FILE] = yaml.safe_dump(mapped.extra, allow_unicode=True, sort_keys=False)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".import-") as work:
        staging = Path(work) / "plan"
        write_files(staging, files)
        _check_written(staging, mapped)
        if dest.exists():
            dest.rmdir()
        shutil.move(str(staging), dest)
    return _report(dest, mapped)


def _report(dest: Path, mapped: Mapped) -> dict[str, Any]:
    plan = mapped.plan
    counts = plan.count_by_level()
    return {
        "plan": str(dest),
        "plan_id": plan.id,
        "languages": plan.header.languages,
        "goals": counts.get("goal", 0),
        "targets": counts.get("target", 0),
        "indicators": len(plan.indicators),
        "series": len(plan.series),
        "observations": len(mapped.observations),
        "breakdown_observations": sum(1 for o in mapped.observations if o.dimensions),
        "progress_settings": sum(len(i.progress) for i in plan.indicators),
        "skipped": sorted(set(mapped.skipped)),
        "problems": [str(p) for p in mapped.problems],
    }


def export_plan(plan_dir: Path, dest: Path) -> dict[str, Any]:
    """Write the plan folder in ``plan_dir`` as an Open SDG data repository in ``dest`` (new or
    empty): the latest release of each figure, breakdowns as columns."""
    _empty_or_absent(dest)
    plan, problems = load_plan_folder(plan_dir)
    if plan is None or problems:
        raise PlanInvalidError(f"the plan in {plan_dir} does not validate", problems)
    observations, more = read_observations(
        plan_dir / "observations.csv", {s.id for s in plan.series}
    )
    if more:
        raise PlanInvalidError(f"{plan_dir / 'observations.csv'} has bad rows", more)
    extra, _ = read_yaml(plan_dir / EXTRA_FILE) if (plan_dir / EXTRA_FILE).exists() else ({}, [])
    files = repository_files(plan, observations, extra if isinstance(extra, dict) else {})
    write_files(dest, files)
    return {
        "repository": str(dest),
        "languages": plan.header.languages,
        "indicators": len(plan.indicators),
        "data_files": sum(1 for name in files if name.startswith("data/")),
    }
