"""A workspace: the plan being tracked and the store holding its observations."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.errors import PlanInvalidError
from blueprint_tracker.formats.observations_file import read_observations
from blueprint_tracker.formats.plan_folder import load_plan_folder
from blueprint_tracker.store.observations import Store, open_store

BUNDLED_OBSERVATIONS = "observations.csv"


@dataclass
class Workspace:
    settings: Settings
    plan: Plan
    plan_dir: Path
    store: Store


def load_plan(path: Path) -> Plan:
    """The plan in ``path``, or PlanInvalidError listing every problem."""
    plan, problems = load_plan_folder(path)
    if problems or plan is None:
        raise PlanInvalidError(f"the plan in {path} has {len(problems)} problem(s)", problems)
    return plan


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seed_bundled(plan: Plan, plan_dir: Path, store: Store) -> int:
    """Import the plan folder's own observations once per version of that file."""
    path = plan_dir / BUNDLED_OBSERVATIONS
    if not path.exists():
        return 0
    digest = file_sha256(path)
    if store.has_batch(plan.id, digest):
        return 0
    known = {s.id for s in plan.series}
    observations, problems = read_observations(path, known)
    if problems:
        raise PlanInvalidError(f"{path} has {len(problems)} bad row(s)", problems)
    return store.add(plan.id, observations, f"{plan.id}/{BUNDLED_OBSERVATIONS}", digest).rows_added


def open_workspace(settings: Settings | None = None) -> Workspace:
    """Load the configured plan, open its store, and seed the plan's bundled figures."""
    settings = settings or Settings()
    plan_dir = settings.plan_path()
    plan = load_plan(plan_dir)
    store = open_store(settings.resolved_database_url())
    seed_bundled(plan, plan_dir, store)
    return Workspace(settings=settings, plan=plan, plan_dir=plan_dir, store=store)
