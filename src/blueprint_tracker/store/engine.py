"""Open a store by URL: create the SQLite file's folder, run migrations to the latest."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from blueprint_tracker.errors import ConfigError

MIGRATIONS = Path(__file__).parent / "migrations"
#: ``revision = "0005"`` / ``down_revision = "0004"`` (a merge's tuple is not read: no single head)
REVISION = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:None|[\"']([^\"']+)[\"'])", re.M
)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite the file's folder is created."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"database URL {url!r} is not valid: {exc}") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        try:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"cannot create the data folder for {parsed.database}: {exc}"
            ) from exc
    engine = create_engine(parsed, future=True)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate_connection(connection: Connection) -> None:
    """Bring the schema to the latest Alembic revision on an open connection (whose role then
    owns what the migrations create)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


@functools.cache
def head_revision() -> str | None:
    """The newest migration's revision, read from the files (without loading Alembic); None
    unless the migrations form one line."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((key, value) for key, value in REVISION.findall(path.read_text("utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """True when the store's schema is already at the newest revision (a cheap query)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no table yet, or no right to read it: let Alembic decide
        return False
    return [row[0] for row in current] == [head]


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision (Alembic is loaded only when needed)."""
    if _at_head(engine):
        return
    try:
        with engine.begin() as connection:
            migrate_connection(connection)
    except OperationalError as exc:
        raise ConfigError(f"cannot open the database: {exc.orig}") from exc
