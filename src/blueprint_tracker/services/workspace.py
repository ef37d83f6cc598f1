"""A workspace: the plan being tracked and the store holding its figures and edits."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.domain.plan import Plan
from blueprint_tracker.domain.series import Observation
from blueprint_tracker.domain.text import Text
from blueprint_tracker.errors import PlanInvalidError
from blueprint_tracker.formats.observations_file import read_observations
from blueprint_tracker.formats.plan_folder import attach_evidence, load_plan_folder
from blueprint_tracker.services.cache import DataCache
from blueprint_tracker.store.accounts import AccountStore
from blueprint_tracker.store.observations import Store, open_store
from blueprint_tracker.store.review import ReviewStore

BUNDLED_OBSERVATIONS = "observations.csv"
BUNDLED_PREFIX = "bundled:"
STAMP_SECONDS = 0.5


@dataclass
class Workspace:
    """The plan (as its files say, plus approved evidence from the store) and the stores."""

    settings: Settings
    base_plan: Plan
    plan_dir: Path
    store: Store
    accounts: AccountStore
    review: ReviewStore
    cache: DataCache = field(init=False, repr=False)  # the one cache of built data
    _merged: tuple[tuple[int, int], Plan] | None = field(default=None, repr=False)
    _stamp: tuple[float, int, tuple[int, int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.cache = DataCache(self)

    def _state_stamp(self) -> tuple[int, int]:
        """The store's evidence/withdrawal stamp, asked at most every STAMP_SECONDS unless this
        process wrote since (another process's approval shows within that time)."""
        now = time.monotonic()
        generation = self.review.generation
        if self._stamp is not None:
            asked, seen, stamp = self._stamp
            if seen == generation and now - asked < STAMP_SECONDS:
                return stamp
        stamp = self.review.state_stamp(self.base_plan.id)
        self._stamp = (now, generation, stamp)
        return stamp

    @property
    def plan(self) -> Plan:
        """The plan with the evidence approved in the store added to its files' evidence."""
        stamp = self._state_stamp()
        if stamp == (0, 0):
            return self.base_plan
        if self._merged is None or self._merged[0] != stamp:
            self._merged = (stamp, _with_store_evidence(self.base_plan, self.review))
        return self._merged[1]


def _with_store_evidence(plan: Plan, review: ReviewStore) -> Plan:
    extra = [
        Evidence(
            commitment=r["commitment"],
            date=r["date"],
            outcome=r["outcome"],
            summary=Text.model_validate(r["summary"]),
            source_agency=r["source_agency"],
            source_title=r["source_title"],
            source_url=r["source_url"],
            release_date=r["release_date"],
            flags=tuple(f for f in r["flags"].split(";") if f),
        )
        for r in review.evidence(plan.id)
    ]
    merged = [e for c in plan.commitments for e in c.evidence] + extra
    return plan.model_copy(update={"commitments": attach_evidence(plan.commitments, merged)})


def load_plan(path: Path) -> Plan:
    """The plan in ``path``, or PlanInvalidError listing every problem."""
    plan, problems = load_plan_folder(path)
    if problems or plan is None:
        raise PlanInvalidError(f"the plan in {path} has {len(problems)} problem(s)", problems)
    return plan


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _key(o: Observation) -> tuple[str, str, str, dt.date, float, str, str]:
    source = o.source
    return (o.series, o.period, o.dimension_key, o.release_date, o.value, source.url, source.tier)


def seed_bundled(plan: Plan, plan_dir: Path, store: Store) -> int:
    """Import the plan folder's own figures once per version of that file.

    A figure that an earlier version of the bundled file had and this one no longer has is
    withdrawn (a new record; nothing is deleted), so a correction to the bundled data reaches
    stores that were seeded before it.
    """
    path = plan_dir / BUNDLED_OBSERVATIONS
    if not path.exists():
        return 0
    digest = file_sha256(path)
    if store.has_batch(plan.id, digest):
        return 0
    observations, problems = read_observations(path, {s.id for s in plan.series})
    if problems:
        raise PlanInvalidError(f"{path} has {len(problems)} bad row(s)", problems)
    name = f"{BUNDLED_PREFIX}{plan.id}/{BUNDLED_OBSERVATIONS}"
    # Withdraw first, so that a figure re-sourced in the bundled file (same vintage, a better
    # source or a tier) replaces the stored one instead of being skipped as a repeat.
    keep: set[tuple[object, ...]] = {_key(o) for o in observations}
    store.withdraw_from_batches(plan.id, name, keep, "no longer in the bundled data")
    return store.add(plan.id, observations, name, digest).rows_added


def open_workspace(settings: Settings | None = None, *, seed: bool = True) -> Workspace:
    """Load the configured plan, open its store, and (unless ``seed`` is False, as for a
    restore into an empty store) seed the plan's bundled figures."""
    settings = settings or Settings()
    plan_dir = settings.plan_path()
    plan = load_plan(plan_dir)
    store = open_store(settings.resolved_database_url())
    if seed:
        seed_bundled(plan, plan_dir, store)
    return Workspace(
        settings=settings,
        base_plan=plan,
        plan_dir=plan_dir,
        store=store,
        accounts=AccountStore(store.engine),
        review=ReviewStore(store.engine),
    )
