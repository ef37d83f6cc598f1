"""The review queue, approved evidence, withdrawals and the append-only audit trail."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, overload

from sqlalchemy import Engine, and_, func, insert, select, update
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.exc import IntegrityError

from blueprint_tracker.domain.change import Change, ChangeKind, ChangeStatus
from blueprint_tracker.errors import ConflictError, NotFoundError, PermissionDeniedError
from blueprint_tracker.store.schema import audit_log, changes, evidence, withdrawals

Effect = Callable[[Connection, Change], list[dict[str, Any]]]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@overload
def _utc(moment: dt.datetime) -> dt.datetime: ...
@overload
def _utc(moment: None) -> None: ...
def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


def _change(row: RowMapping) -> Change:
    return Change(
        id=row["id"],
        plan_id=row["plan_id"],
        kind=ChangeKind(row["kind"]),
        target=row["target"],
        payload=json.loads(row["payload"]),
        reason=row["reason"],
        proposed_by=row["proposed_by"],
        proposed_at=_utc(row["proposed_at"]),
        base_version=row["base_version"],
        status=ChangeStatus(row["status"]),
        reviewed_by=row["reviewed_by"],
        reviewed_at=_utc(row["reviewed_at"]),
        review_comment=row["review_comment"],
    )


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def write_audit(
    conn: Connection,
    actor: str,
    action: str,
    kind: str,
    key: str,
    before: Any = None,
    after: Any = None,
    reason: str = "",
) -> None:
    conn.execute(
        insert(audit_log).values(
            at=_now(),
            actor=actor,
            action=action,
            item_kind=kind,
            item_key=key,
            before=_dump(before),
            after=_dump(after),
            reason=reason,
        )
    )


class ReviewStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.generation = 0  # counts this process's writes, so its own readers see them at once

    def version(self, plan_id: str, target: str) -> int:
        """How many changes the item has had: the version a new proposal must be based on."""
        query = (
            select(func.count())
            .select_from(changes)
            .where(changes.c.plan_id == plan_id, changes.c.target == target)
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def propose(
        self,
        plan_id: str,
        kind: ChangeKind,
        target: str,
        payload: dict[str, Any],
        reason: str,
        actor: str,
        base_version: int,
        idempotency_key: str | None = None,
    ) -> Change:
        """Queue a change; a proposal made on an out-of-date version is refused (ConflictError).
        A proposal whose ``idempotency_key`` the actor already used returns that change (a
        retry after a lost reply adds nothing)."""
        if idempotency_key is not None and (done := self._by_key(plan_id, actor, idempotency_key)):
            return done
        values = {
            "plan_id": plan_id,
            "kind": kind.value,
            "target": target,
            "payload": json.dumps(payload, ensure_ascii=False, default=str),
            "reason": reason,
            "proposed_by": actor,
            "proposed_at": _now(),
            "base_version": base_version,
            "status": ChangeStatus.PENDING.value,
            "idempotency_key": idempotency_key,
        }
        try:
            with self.engine.begin() as conn:
                current = int(
                    conn.execute(
                        select(func.count())
                        .select_from(changes)
                        .where(changes.c.plan_id == plan_id, changes.c.target == target)
                    ).scalar_one()
                )
                if current != base_version:
                    raise ConflictError(_conflict_message(target, base_version, current))
                new_id = conn.execute(insert(changes).values(**values)).inserted_primary_key[0]  # type: ignore[index]
                write_audit(
                    conn, actor, "propose", kind.value, target, after=payload, reason=reason
                )
        except IntegrityError as exc:  # another proposal took this version at the same moment
            if idempotency_key is not None and (
                done := self._by_key(plan_id, actor, idempotency_key)
            ):
                return done  # the same submission, arriving twice at once
            raise ConflictError(_conflict_message(target, base_version, base_version + 1)) from exc
        self.generation += 1
        return self.get(int(new_id))

    def _by_key(self, plan_id: str, actor: str, key: str) -> Change | None:
        query = select(changes).where(
            changes.c.plan_id == plan_id,
            changes.c.proposed_by == actor,
            changes.c.idempotency_key == key,
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _change(row) if row else None

    def get(self, change_id: int) -> Change:
        with self.engine.connect() as conn:
            row = conn.execute(select(changes).where(changes.c.id == change_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"there is no change number {change_id}")
        return _change(row)

    def changes(
        self, plan_id: str, status: ChangeStatus | None = None, target: str | None = None
    ) -> list[Change]:
        query = select(changes).where(changes.c.plan_id == plan_id)
        if status is not None:
            query = query.where(changes.c.status == status.value)
        if target is not None:
            query = query.where(changes.c.target == target)
        with self.engine.connect() as conn:
            return [_change(r) for r in conn.execute(query.order_by(changes.c.id)).mappings()]

    def decide(
        self, change_id: int, reviewer: str, approve: bool, comment: str, effect: Effect
    ) -> Change:
        """Approve (applying ``effect`` in the same transaction) or reject a pending change.
        Two-person rule: nobody decides their own proposal (PermissionDeniedError)."""
        status = ChangeStatus.APPROVED if approve else ChangeStatus.REJECTED
        with self.engine.begin() as conn:
            done = conn.execute(
                update(changes)
                .where(
                    changes.c.id == change_id,
                    changes.c.status == ChangeStatus.PENDING.value,
                    changes.c.proposed_by != reviewer,
                )
                .values(
                    status=status.value,
                    reviewed_by=reviewer,
                    reviewed_at=_now(),
                    review_comment=comment,
                )
            )
            if done.rowcount != 1:
                self._explain_undecidable(conn, change_id, reviewer)
            row = conn.execute(select(changes).where(changes.c.id == change_id)).mappings().one()
            change = _change(row)
            write_audit(
                conn,
                reviewer,
                status.value,
                change.kind.value,
                change.target,
                before={"status": "pending"},
                after={"status": status.value},
                reason=comment,
            )
            if approve:
                for entry in effect(conn, change):
                    write_audit(
                        conn,
                        reviewer,
                        entry["action"],
                        entry["kind"],
                        entry["key"],
                        before=entry.get("before"),
                        after=entry.get("after"),
                        reason=change.reason,
                    )
        self.generation += 1
        return change

    @staticmethod
    def _explain_undecidable(conn: Connection, change_id: int, reviewer: str) -> None:
        query = select(changes.c.status, changes.c.proposed_by).where(changes.c.id == change_id)
        row = conn.execute(query).first()
        if row is None:
            raise NotFoundError(f"there is no change number {change_id}")
        if row[0] != ChangeStatus.PENDING.value:
            raise ConflictError(f"change {change_id} was already {row[0]}")
        if row[1] == reviewer:
            raise PermissionDeniedError(
                f"change {change_id} is your own proposal: another reviewer must decide it "
                "(two-person rule)"
            )
        raise ConflictError(f"change {change_id} could not be decided")

    def evidence(self, plan_id: str) -> list[dict[str, Any]]:
        """Approved evidence entries that have not been withdrawn; ``summary`` is
        ``{language: words}``."""
        gone = select(withdrawals.c.item_id).where(withdrawals.c.item_kind == "evidence")
        query = select(evidence).where(evidence.c.plan_id == plan_id, evidence.c.id.not_in(gone))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(evidence.c.id)).mappings()
            return [{**row, "summary": json.loads(row["summary"])} for row in rows]

    def audit(self, kind: str | None = None, key: str | None = None) -> list[dict[str, Any]]:
        query = select(audit_log)
        if kind is not None:
            query = query.where(audit_log.c.item_kind == kind)
        if key is not None:
            query = query.where(audit_log.c.item_key == key)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(audit_log.c.id)).mappings()
            return [{**r, "at": _utc(r["at"])} for r in rows]

    def state_stamp(self, plan_id: str) -> tuple[int, int]:
        """Changes whenever evidence or withdrawals change (for caching merged views)."""
        with self.engine.connect() as conn:
            ev = conn.execute(
                select(func.coalesce(func.max(evidence.c.id), 0)).where(
                    evidence.c.plan_id == plan_id
                )
            ).scalar_one()
            wd = conn.execute(
                select(func.coalesce(func.max(withdrawals.c.id), 0)).where(
                    and_(withdrawals.c.plan_id == plan_id)
                )
            ).scalar_one()
        return int(ev), int(wd)


def _conflict_message(target: str, based_on: int, current: int) -> str:
    return (
        f"{target} was changed by someone else while you were editing (you started from "
        f"version {based_on}, it is now at version {current}). Your text was kept: review the "
        "latest version and submit again."
    )
