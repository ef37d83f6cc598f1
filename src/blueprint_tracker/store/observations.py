"""Append-only observation store: add in one transaction, read the latest or as of a date."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, and_, func, insert, select
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.sql.elements import ColumnElement

from blueprint_tracker.domain.series import Observation, Source, parse_dimension_key
from blueprint_tracker.errors import ImportRejectedError, Problem
from blueprint_tracker.store.engine import create_store_engine, migrate
from blueprint_tracker.store.schema import import_batches, observations, withdrawals


@dataclass(frozen=True)
class Batch:
    """One import: which file, its hash, how many rows were read and added."""

    id: int
    plan_id: str
    file_name: str
    sha256: str
    rows_read: int
    rows_added: int
    imported_at: dt.datetime


def _to_row(plan_id: str, o: Observation, batch_id: int | None) -> dict[str, object]:
    return {
        "plan_id": plan_id,
        "series": o.series,
        "period": o.period,
        "year": o.year,
        "value": o.value,
        "unit": o.unit,
        "flags": ";".join(o.flags),
        "source_agency": o.source.agency,
        "source_title": o.source.title,
        "source_url": o.source.url,
        "source_table": o.source.table,
        "source_tier": o.source.tier,
        "source_copy_url": o.source.copy_url,
        "release_date": o.release_date,
        "note": o.note,
        "batch_id": batch_id,
        "dimensions": o.dimension_key,
    }


def _to_observation(row: RowMapping) -> Observation:
    flags = tuple(f for f in row["flags"].split(";") if f)
    source = Source(
        agency=row["source_agency"],
        title=row["source_title"],
        url=row["source_url"],
        table=row["source_table"],
        tier=row["source_tier"],
        copy_url=row["source_copy_url"],
    )
    return Observation(
        series=row["series"],
        period=row["period"],
        value=row["value"],
        unit=row["unit"],
        flags=flags,
        source=source,
        release_date=row["release_date"],
        note=row["note"],
        dimensions=parse_dimension_key(row["dimensions"]),
        id=row["id"],
    )


def _not_withdrawn(as_of: dt.date | None) -> ColumnElement[bool]:
    """Rows not withdrawn (as of a date: not withdrawn by the end of that day)."""
    gone = select(withdrawals.c.item_id).where(withdrawals.c.item_kind == "observation")
    if as_of is not None:
        end = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        gone = gone.where(withdrawals.c.recorded_at < end)
    return observations.c.id.not_in(gone)


def lock_plan(conn: Connection, plan_id: str) -> None:
    """Serialise writers of one plan's figures until the transaction ends (PostgreSQL; SQLite
    already lets one writer in at a time), so the check for a conflicting figure and the
    insert cannot interleave with another writer's."""
    if conn.dialect.name == "postgresql":
        key = zlib.crc32(f"blueprint-observations:{plan_id}".encode())
        conn.execute(select(func.pg_advisory_xact_lock(key)))


def insert_observation(
    conn: Connection, plan_id: str, o: Observation, batch_id: int | None = None
) -> int:
    """Insert one observation inside the caller's transaction; return its id."""
    result = conn.execute(insert(observations).values(**_to_row(plan_id, o, batch_id)))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


Key = tuple[str, str, str, dt.date]


def _key(o: Observation) -> Key:
    return (o.series, o.period, o.dimension_key, o.release_date)


def _scope(breakdowns: bool) -> list[ColumnElement[bool]]:
    """Only the total lines unless every breakdown is asked for."""
    return [] if breakdowns else [observations.c.dimensions == ""]


class Store:
    """The observation store of one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.generation = 0  # counts this process's writes, so its own readers see them at once

    def _existing(self, conn: Connection, plan_id: str, series: set[str]) -> dict[Key, float]:
        query = select(observations).where(
            observations.c.plan_id == plan_id,
            observations.c.series.in_(sorted(series)),
            _not_withdrawn(None),
        )
        return {
            (r["series"], r["period"], r["dimensions"], r["release_date"]): r["value"]
            for r in conn.execute(query).mappings()
        }

    def add(
        self,
        plan_id: str,
        items: Sequence[Observation],
        file_name: str,
        sha256: str,
        locations: Sequence[str] | None = None,
    ) -> Batch:
        """Add observations in one transaction; skip exact repeats; reject conflicting vintages.

        ``locations`` names each item for messages (e.g. ``row 7``).
        """
        labels = (
            list(locations)
            if locations is not None
            else [f"observation {i + 1}" for i in range(len(items))]
        )
        with self.engine.begin() as conn:
            lock_plan(conn, plan_id)
            existing = self._existing(conn, plan_id, {o.series for o in items})
            new, problems = _split_new(items, existing, file_name, labels)
            if problems:
                raise ImportRejectedError(f"{file_name}: conflicts with stored figures", problems)
            now = dt.datetime.now(dt.UTC)
            inserted = conn.execute(
                insert(import_batches).values(
                    plan_id=plan_id,
                    file_name=file_name,
                    sha256=sha256,
                    rows_read=len(items),
                    rows_added=len(new),
                    imported_at=now,
                )
            )
            batch_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
            if new:
                conn.execute(insert(observations), [_to_row(plan_id, o, batch_id) for o in new])
        self.generation += 1
        return Batch(batch_id, plan_id, file_name, sha256, len(items), len(new), now)

    def withdraw_from_batches(
        self, plan_id: str, file_name: str, keep: set[tuple[object, ...]], reason: str
    ) -> int:
        """Withdraw figures from ``file_name`` whose (series, period, breakdown, release date,
        value, source URL, tier) is not in ``keep``; return how many."""
        query = (
            select(observations)
            .join(import_batches, import_batches.c.id == observations.c.batch_id)
            .where(
                observations.c.plan_id == plan_id,
                import_batches.c.file_name == file_name,
                _not_withdrawn(None),
            )
        )
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as conn:
            stale = [
                r["id"]
                for r in conn.execute(query).mappings()
                if (
                    r["series"],
                    r["period"],
                    r["dimensions"],
                    r["release_date"],
                    r["value"],
                    r["source_url"],
                    r["source_tier"],
                )
                not in keep
            ]
            for item_id in stale:
                conn.execute(
                    insert(withdrawals).values(
                        plan_id=plan_id,
                        item_kind="observation",
                        item_id=item_id,
                        reason=reason,
                        recorded_at=now,
                    )
                )
        self.generation += 1
        return len(stale)

    def get(self, plan_id: str, observation_id: int) -> Observation | None:
        query = select(observations).where(
            observations.c.plan_id == plan_id, observations.c.id == observation_id
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _to_observation(row) if row else None

    def has_batch(self, plan_id: str, sha256: str) -> bool:
        query = (
            select(func.count())
            .select_from(import_batches)
            .where(import_batches.c.plan_id == plan_id, import_batches.c.sha256 == sha256)
        )
        with self.engine.connect() as conn:
            return bool(conn.execute(query).scalar_one())

    def batches(self, plan_id: str) -> list[Batch]:
        query = select(import_batches).where(import_batches.c.plan_id == plan_id)
        with self.engine.connect() as conn:
            return [Batch(**dict(r)) for r in conn.execute(query.order_by("id")).mappings()]

    def count(self, plan_id: str) -> int:
        query = (
            select(func.count()).select_from(observations).where(observations.c.plan_id == plan_id)
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def all_vintages(
        self,
        plan_id: str,
        series: Iterable[str] | None = None,
        as_of: dt.date | None = None,
        *,
        breakdowns: bool = False,
    ) -> list[Observation]:
        """Every stored release, oldest first (optionally only those released by ``as_of``);
        the total lines only unless ``breakdowns``."""
        query = select(observations).where(
            observations.c.plan_id == plan_id, _not_withdrawn(as_of), *_scope(breakdowns)
        )
        if series is not None:
            query = query.where(observations.c.series.in_(sorted(set(series))))
        if as_of is not None:
            query = query.where(observations.c.release_date <= as_of)
        query = query.order_by(
            observations.c.series,
            observations.c.dimensions,
            observations.c.year,
            observations.c.period,
            observations.c.release_date,
            observations.c.id,
        )
        with self.engine.connect() as conn:
            return [_to_observation(r) for r in conn.execute(query).mappings()]

    def latest(
        self,
        plan_id: str,
        series: Iterable[str] | None = None,
        as_of: dt.date | None = None,
        *,
        breakdowns: bool = False,
    ) -> list[Observation]:
        """Per series, breakdown and period, the latest release known on ``as_of`` (today when
        None); the total lines only unless ``breakdowns``."""
        o = observations
        scope = [o.c.plan_id == plan_id, _not_withdrawn(as_of), *_scope(breakdowns)]
        if series is not None:
            scope.append(o.c.series.in_(sorted(set(series))))
        if as_of is not None:
            scope.append(o.c.release_date <= as_of)
        newest = (
            select(
                o.c.series,
                o.c.period,
                o.c.dimensions,
                func.max(o.c.release_date).label("release_date"),
            )
            .where(*scope)
            .group_by(o.c.series, o.c.period, o.c.dimensions)
            .subquery()
        )
        query = (
            select(o)
            .join(
                newest,
                and_(
                    o.c.series == newest.c.series,
                    o.c.period == newest.c.period,
                    o.c.dimensions == newest.c.dimensions,
                    o.c.release_date == newest.c.release_date,
                ),
            )
            .where(*scope)
            .order_by(o.c.series, o.c.dimensions, o.c.year, o.c.period, o.c.id)
        )
        seen: set[tuple[str, str, str]] = set()
        result: list[Observation] = []
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                key = (row["series"], row["period"], row["dimensions"])
                if key not in seen:
                    seen.add(key)
                    result.append(_to_observation(row))
        return result


def _split_new(
    items: Sequence[Observation],
    existing: dict[Key, float],
    file_name: str,
    labels: list[str],
) -> tuple[list[Observation], list[Problem]]:
    new: list[Observation] = []
    problems: list[Problem] = []
    seen = dict(existing)
    for index, item in enumerate(items):
        key = _key(item)
        if key not in seen:
            seen[key] = item.value
            new.append(item)
        elif seen[key] != item.value:
            problems.append(
                Problem(
                    file_name,
                    f"{labels[index]}, column value",
                    f"{item.series} {item.period}{_breakdown(item)}: {item.value:g} conflicts "
                    f"with {seen[key]:g} "
                    f"recorded for the same release date {item.release_date}; a revision needs a "
                    "later release_date",
                )
            )
    return new, problems


def _breakdown(item: Observation) -> str:
    return "".join(f", {k} {v}" for k, v in sorted(item.dimensions.items()))


def open_store(url: str) -> Store:
    """Open (and create or migrate) the store at ``url``."""
    engine = create_store_engine(url)
    migrate(engine)
    return Store(engine)
