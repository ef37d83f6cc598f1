"""Open a store by URL: create the SQLite file's folder, run migrations to the latest."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from blueprint_tracker.errors import ConfigError

MIGRATIONS = Path(__file__).parent / "migrations"


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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision."""
    try:
        with engine.begin() as connection:
            migrate_connection(connection)
    except OperationalError as exc:
        raise ConfigError(f"cannot open the database: {exc.orig}") from exc
