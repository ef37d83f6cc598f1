"""Accounts and login sessions (server mode). Password hashes never leave this module's rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from blueprint_tracker.domain.account import Role, User
from blueprint_tracker.errors import InputError
from blueprint_tracker.store.schema import login_failures, sessions, users


@dataclass(frozen=True)
class SessionRow:
    id: str
    user: User
    csrf_token: str
    expires_at: dt.datetime


def _user(row: Mapping[Any, Any]) -> User:
    return User(
        id=row["id"],
        name=row["name"],
        role=Role(row["role"]),
        disabled=row["disabled"],
        failed_logins=row["failed_logins"],
        locked_until=_aware(row["locked_until"]),
    )


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything here is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


def _revoke_all(conn: Connection, user_id: int) -> int:
    done = conn.execute(
        update(sessions)
        .where(sessions.c.user_id == user_id, sessions.c.revoked_at.is_(None))
        .values(revoked_at=dt.datetime.now(dt.UTC))
    )
    return int(done.rowcount)


class AccountStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, name: str, role: Role, password_hash: str) -> User:
        row = {
            "name": name,
            "role": role.value,
            "password_hash": password_hash,
            "created_at": dt.datetime.now(dt.UTC),
            "failed_logins": 0,
            "disabled": False,
        }
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(insert(users).values(**row)).inserted_primary_key[0]  # type: ignore[index]
        except IntegrityError as exc:
            raise InputError(f"a user named {name!r} already exists") from exc
        return User(id=int(new_id), name=name, role=role)

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(users)).scalar_one())

    def all(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(users).order_by(users.c.id)).mappings()]

    def by_name(self, name: str) -> tuple[User, str] | None:
        """The user and their password hash, for checking a login."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).mappings().first()
        return (_user(row), row["password_hash"]) if row else None

    def record_failure(self, user_id: int) -> None:
        """Count a wrong password (shown by ``user list``; it locks nothing)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(users)
                .where(users.c.id == user_id)
                .values(failed_logins=users.c.failed_logins + 1)
            )

    def record_client_failure(self, client: str, at: dt.datetime, keep: dt.timedelta) -> None:
        """A failed login from ``client``; failures older than ``keep`` are pruned."""
        with self.engine.begin() as conn:
            conn.execute(insert(login_failures).values(client=client[:64], at=at))
            conn.execute(delete(login_failures).where(login_failures.c.at < at - keep))

    def client_failures(
        self, client: str, since: dt.datetime
    ) -> tuple[int, dt.datetime | None, dt.datetime | None]:
        """How many failed logins ``client`` (an address, or a hashed login name) had since
        ``since``, and the oldest and the latest of them."""
        query = select(
            func.count(), func.min(login_failures.c.at), func.max(login_failures.c.at)
        ).where(login_failures.c.client == client[:64], login_failures.c.at >= since)
        with self.engine.connect() as conn:
            count, oldest, latest = conn.execute(query).one()
        return int(count), _aware(oldest), _aware(latest)

    def record_success(self, user_id: int, rehashed: str | None = None) -> None:
        values: dict[str, object] = {"failed_logins": 0, "locked_until": None}
        if rehashed:
            values["password_hash"] = rehashed
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(**values))

    def set_password(self, user_id: int, password_hash: str) -> int:
        """Set the hash and end every session of the user (all or nothing); return how many
        sessions were ended."""
        values = {"password_hash": password_hash, "failed_logins": 0, "locked_until": None}
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(**values))
            return _revoke_all(conn, user_id)

    def set_disabled(self, user_id: int, disabled: bool) -> int:
        """Disable (ending every session) or enable an account; return sessions ended."""
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))
            return _revoke_all(conn, user_id) if disabled else 0

    def set_role(self, user_id: int, role: Role) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(role=role.value))

    def live_sessions(self, user_id: int) -> list[dict[str, Any]]:
        """The user's sessions that are neither expired nor revoked (never their tokens)."""
        query = (
            select(sessions.c.created_at, sessions.c.expires_at)
            .where(
                sessions.c.user_id == user_id,
                sessions.c.revoked_at.is_(None),
                sessions.c.expires_at > dt.datetime.now(dt.UTC),
            )
            .order_by(sessions.c.created_at)
        )
        with self.engine.connect() as conn:
            return [
                {"created_at": _aware(r["created_at"]), "expires_at": _aware(r["expires_at"])}
                for r in conn.execute(query).mappings()
            ]

    def revoke_all(self, user_id: int) -> int:
        with self.engine.begin() as conn:
            return _revoke_all(conn, user_id)

    def open_session(self, token_hash: str, user_id: int, csrf: str, ttl: dt.timedelta) -> None:
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as conn:
            conn.execute(
                insert(sessions).values(
                    id=token_hash,
                    user_id=user_id,
                    csrf_token=csrf,
                    created_at=now,
                    expires_at=now + ttl,
                )
            )

    def session(self, token_hash: str) -> SessionRow | None:
        """A live session (not expired, not revoked, user not disabled)."""
        query = (
            select(
                sessions,
                users.c.name,
                users.c.role,
                users.c.disabled,
                users.c.failed_logins,
                users.c.locked_until,
            )
            .join(users, users.c.id == sessions.c.user_id)
            .where(sessions.c.id == token_hash, sessions.c.revoked_at.is_(None))
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is None or row["disabled"]:
            return None
        expires = _aware(row["expires_at"])
        if expires is None or expires <= dt.datetime.now(dt.UTC):
            return None
        user = _user({**row, "id": row["user_id"]})
        return SessionRow(row["id"], user, row["csrf_token"], expires)

    def revoke(self, token_hash: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(sessions)
                .where(sessions.c.id == token_hash)
                .values(revoked_at=dt.datetime.now(dt.UTC))
            )
