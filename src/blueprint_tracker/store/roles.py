"""PostgreSQL roles for server mode: an owner role that owns the tables (and runs migrations)
and an application role that does not, with only the privileges the application uses.

The application role cannot ``TRUNCATE``, ``UPDATE`` or ``DELETE`` the audit trail, nor
``UPDATE`` or ``DELETE`` figures and evidence, nor drop, alter or disable triggers on any table
(only an owner can). The audit trail's triggers also refuse ``UPDATE``, ``DELETE`` and
``TRUNCATE`` for the owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from blueprint_tracker.errors import ConfigError, InputError
from blueprint_tracker.store.engine import migrate_connection

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# what the application does to each table (see store/*.py); nothing else is granted
PRIVILEGES: dict[str, tuple[str, ...]] = {
    "import_batches": ("SELECT", "INSERT"),
    "observations": ("SELECT", "INSERT"),
    "users": ("SELECT", "INSERT", "UPDATE"),
    "sessions": ("SELECT", "INSERT", "UPDATE"),
    "login_failures": ("SELECT", "INSERT", "DELETE"),
    "changes": ("SELECT", "INSERT", "UPDATE"),
    "evidence": ("SELECT", "INSERT"),
    "withdrawals": ("SELECT", "INSERT"),
    "audit_log": ("SELECT", "INSERT"),
    "alembic_version": ("SELECT",),
}


@dataclass(frozen=True)
class RoleSetup:
    owner: str
    app: str
    app_url: str  # the URL the application should use (password hidden)
    tables: list[str]


def _check_names(*names: str) -> None:
    for name in names:
        if not ROLE_NAME.match(name):
            raise InputError(f"role name {name!r}: use lower-case letters, digits and _")
    if len(set(names)) != len(names):
        raise InputError("the owner and the application need two different roles")


def _run(cursor: Any, statement: Any) -> None:
    cursor.execute(statement)


def _ensure_role(cursor: Any, sql: Any, name: str, login_password: str | None) -> None:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
    verb = "ALTER" if cursor.fetchone() else "CREATE"
    if login_password is None:
        _run(cursor, sql.SQL(verb + " ROLE {} NOLOGIN").format(sql.Identifier(name)))
    else:
        _run(
            cursor,
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(login_password)
            ),
        )


def _take_ownership(cursor: Any, sql: Any, owner: str) -> None:
    """Tables made before (e.g. by the admin role) pass to the owner role."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    for (table,) in cursor.fetchall():
        if table in PRIVILEGES:
            _run(
                cursor,
                sql.SQL("ALTER TABLE {} OWNER TO {}").format(
                    sql.Identifier(table), sql.Identifier(owner)
                ),
            )


def _grant(cursor: Any, sql: Any, app: str, database: str) -> list[str]:
    role = sql.Identifier(app)
    database_id = sql.Identifier(database)
    _run(cursor, sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database_id, role))
    _run(cursor, sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role))
    _run(cursor, sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(role))
    for table, rights in PRIVILEGES.items():
        _run(
            cursor,
            sql.SQL("GRANT {} ON TABLE {} TO {}").format(
                sql.SQL(", ").join(sql.SQL(r) for r in rights), sql.Identifier(table), role
            ),
        )
    _run(
        cursor,
        sql.SQL("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {}").format(
            role
        ),
    )
    return list(PRIVILEGES)


def setup_roles(admin_url: str, owner: str, app: str, app_password: str) -> RoleSetup:
    """As an administrator (``admin_url``: a superuser, or a role with CREATEROLE that may
    act as ``owner``): create or update both roles, give the tables to ``owner`` and migrate
    as ``owner``, then grant ``app`` exactly what the application uses. Safe to run again
    (after a new version's migrations, run it again)."""
    _check_names(owner, app)
    if len(app_password) < 16:
        raise InputError("the application role's password needs at least 16 characters")
    url = make_url(admin_url)
    if url.get_backend_name() != "postgresql":
        raise InputError("roles are for PostgreSQL; SQLite has none")
    from psycopg import sql

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            _ensure_role(cursor, sql, owner, None)
            _ensure_role(cursor, sql, app, app_password)
            _run(cursor, sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(owner)))
            owner_id = sql.Identifier(owner)
            _run(cursor, sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(owner_id))
            _take_ownership(cursor, sql, owner)
            _run(cursor, sql.SQL("SET ROLE {}").format(owner_id))
            migrate_connection(conn)
            _take_ownership(cursor, sql, owner)
            _run(cursor, sql.SQL("RESET ROLE"))
            tables = _grant(cursor, sql, app, str(url.database))
    except Exception as exc:
        if isinstance(exc, InputError):
            raise
        raise ConfigError(f"cannot set up the roles: {exc}") from exc
    finally:
        engine.dispose()
    app_url = url.set(username=app, password=None).render_as_string(hide_password=True)
    return RoleSetup(owner, app, app_url, tables)
