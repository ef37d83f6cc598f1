"""What an approved change writes, inside the approval's transaction (nothing is deleted)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from blueprint_tracker.domain.commitment import Evidence
from blueprint_tracker.domain.series import Observation
from blueprint_tracker.errors import ConflictError
from blueprint_tracker.store.observations import insert_observation, lock_plan
from blueprint_tracker.store.schema import evidence, observations, withdrawals


def add_observation(conn: Connection, plan_id: str, o: Observation) -> int:
    """Insert a figure unless a standing figure of the same release already holds it."""
    lock_plan(conn, plan_id)
    gone = select(withdrawals.c.item_id).where(withdrawals.c.item_kind == "observation")
    same = conn.execute(
        select(observations.c.id, observations.c.value).where(
            observations.c.plan_id == plan_id,
            observations.c.series == o.series,
            observations.c.period == o.period,
            observations.c.release_date == o.release_date,
            observations.c.id.not_in(gone),
        )
    ).first()
    if same is not None:
        raise ConflictError(
            f"{o.series} {o.period} released {o.release_date} is already stored as "
            f"{same.value:g} (figure {same.id}); a revision needs a later release date, a wrong "
            "entry a correction"
        )
    return insert_observation(conn, plan_id, o)


def add_evidence(conn: Connection, plan_id: str, e: Evidence, change_id: int) -> int:
    row = {
        "plan_id": plan_id,
        "commitment": e.commitment,
        "date": e.date,
        "outcome": e.outcome,
        "summary": json.dumps(e.summary.texts(), ensure_ascii=False),
        "source_agency": e.source_agency,
        "source_title": e.source_title,
        "source_url": e.source_url,
        "release_date": e.release_date,
        "flags": ";".join(e.flags),
        "change_id": change_id,
        "recorded_at": dt.datetime.now(dt.UTC),
    }
    return int(conn.execute(insert(evidence).values(**row)).inserted_primary_key[0])  # type: ignore[index]


def withdraw(
    conn: Connection, plan_id: str, kind: str, item_id: int, reason: str, change_id: int | None
) -> dict[str, Any]:
    """Record that an observation or evidence entry no longer stands."""
    table = observations if kind == "observation" else evidence
    row = (
        conn.execute(select(table).where(table.c.id == item_id, table.c.plan_id == plan_id))
        .mappings()
        .first()
    )
    if row is None:
        raise ConflictError(f"there is no {kind} {item_id} to withdraw")
    try:
        conn.execute(
            insert(withdrawals).values(
                plan_id=plan_id,
                item_kind=kind,
                item_id=item_id,
                reason=reason,
                change_id=change_id,
                recorded_at=dt.datetime.now(dt.UTC),
            )
        )
    except IntegrityError as exc:
        raise ConflictError(f"{kind} {item_id} was already withdrawn") from exc
    return dict(row)
