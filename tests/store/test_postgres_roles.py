"""On a real PostgreSQL server: the audit trail refuses TRUNCATE, and ``blueprint db setup``
makes the application connect as a role that owns no table and may do only what it uses."""

from __future__ import annotations

import io
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from tests.support.postgres import fresh_database

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import open_workspace
from blueprint_tracker.store.observations import open_store

PASSWORD = "correct horse battery"
APP_PASSWORD = "an application password"
FIGURE = {
    "series": "gerd", "period": "2021", "value": "27827", "unit": "HK$ million", "flags": "",
    "source_agency": "C&SD", "source_title": "Innovation Activities 2021",
    "source_url": "https://x.gov/gerd2021", "source_table": "207",
    "release_date": "2022-12-20", "note": "",
}  # fmt: skip


@pytest.fixture
def database(postgres_server: str) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture
def roles(postgres_server: str, database: str) -> Iterator[tuple[str, str]]:
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"bp_owner_{suffix}", f"bp_app_{suffix}"
    yield owner, app
    for url in (database, postgres_server):  # what the roles own or were granted, then them
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            exists = conn.execute(
                sa.text("SELECT count(*) FROM pg_roles WHERE rolname IN (:o, :a)"),
                {"o": owner, "a": app},
            ).scalar_one()
            if exists == 2:
                verb = "DROP OWNED BY" if url == database else "DROP ROLE"
                conn.exec_driver_sql(f'{verb} "{owner}", "{app}"')
        engine.dispose()


def _refused(engine: sa.Engine, statement: str, why: str) -> None:
    with pytest.raises(DBAPIError, match=why), engine.begin() as conn:
        conn.execute(sa.text(statement))


def test_truncate_of_the_audit_trail_is_refused(database: str) -> None:
    store = open_store(database)
    with store.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO audit_log (at, actor, action, item_kind, item_key, reason) "
                "VALUES (now(), 'ed', 'propose', 'observation', 'x', 'r')"
            )
        )
    _refused(store.engine, "TRUNCATE audit_log", "append-only")  # even for the superuser
    _refused(store.engine, "TRUNCATE audit_log CASCADE", "append-only")
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM audit_log")).scalar_one() == 1


def test_the_app_role_owns_nothing_and_may_only_do_what_the_app_does(
    database: str,
    roles: tuple[str, str],
    mini_plan: Path,
    cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    owner, app = roles
    for _ in range(2):  # running it again is safe
        monkeypatch.setattr(sys, "stdin", io.StringIO(APP_PASSWORD + "\n"))
        result = cli("db", "setup", "--admin-url", database, "--owner", owner, "--app", app,
                     "--json")  # fmt: skip
        assert result.code == 0, result.err
    assert result.json()["app"] == app and "audit_log" in result.json()["tables"]
    app_url = sa.engine.make_url(database).set(username=app, password=APP_PASSWORD)
    admin = sa.create_engine(database)
    with admin.connect() as conn:
        owners = conn.execute(
            sa.text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        assert set(owners) == {owner}
    # the application works as the app role: seed, accounts, propose, approve, audit
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", app_url.render_as_string(hide_password=False))
    ws = open_workspace(Settings())
    accounts.add_user(ws, "ed", Role.EDITOR, PASSWORD)
    accounts.add_user(ws, "rev", Role.REVIEWER, PASSWORD)
    login = accounts.login(ws, "ed", PASSWORD)
    change = review.propose(ws, login.user, "observation", FIGURE, "2021 release", 0)
    review.decide(ws, accounts.authenticate(ws, "rev", PASSWORD), change.id, True, "checked")
    accounts.set_password(ws, "ed", "another long password")
    assert ws.store.count("mini") == 6 and len(ws.review.audit()) == 3
    # ... and cannot rewrite history or get around the triggers
    engine = ws.store.engine
    _refused(engine, "TRUNCATE audit_log", "permission denied")
    _refused(engine, "DELETE FROM audit_log", "permission denied")
    _refused(engine, "UPDATE audit_log SET actor = 'x'", "permission denied")
    _refused(engine, "UPDATE observations SET value = 0", "permission denied")
    _refused(engine, "DELETE FROM evidence", "permission denied")
    _refused(engine, "ALTER TABLE audit_log DISABLE TRIGGER ALL", "must be owner")
    _refused(engine, "DROP TABLE audit_log", "must be owner")
    _refused(engine, "CREATE TABLE mine (id int)", "permission denied")
    _refused(admin, "TRUNCATE audit_log", "append-only")  # the owner's side: the trigger
    admin.dispose()
    engine.dispose()


def test_setup_refuses_bad_names_and_sqlite(cli: Callable[..., Any], monkeypatch: Any) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(APP_PASSWORD + "\n"))
    bad = cli("db", "setup", "--admin-url", "postgresql+psycopg://x@127.0.0.1:1/db",
              "--app", 'app"; DROP TABLE x; --')  # fmt: skip
    assert bad.code == 2 and "role name" in bad.err
    monkeypatch.setattr(sys, "stdin", io.StringIO(APP_PASSWORD + "\n"))
    lite = cli("db", "setup", "--admin-url", "sqlite:///x.sqlite3")
    assert lite.code == 2 and "PostgreSQL" in lite.err
