"""Dump every table of the store to plain rows, and load them into an empty store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, Table, func, insert, select

from blueprint_tracker.errors import InputError
from blueprint_tracker.store.schema import (
    audit_log,
    changes,
    evidence,
    import_batches,
    observations,
    users,
    withdrawals,
)

# In dependency order. Sessions are not backed up; users lose their password hashes.
TABLES: tuple[Table, ...] = (
    import_batches,
    observations,
    users,
    changes,
    evidence,
    withdrawals,
    audit_log,
)
SECRET_COLUMNS = {"users": ("password_hash",)}
LOCKED_PASSWORD = "!restored: set a new password with 'blueprint user passwd'"


def dump(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in TABLES:
            hidden = SECRET_COLUMNS.get(table.name, ())
            columns = [c for c in table.columns if c.name not in hidden]
            rows = conn.execute(select(*columns).order_by(table.c.id)).mappings()
            out[table.name] = [dict(row) for row in rows]
    return out


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return all(
            conn.execute(select(func.count()).select_from(t)).scalar_one() == 0 for t in TABLES
        )


def _coerce(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Text from a CSV back to the column's type."""
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        python = column.type.python_type
        if value is None or (value == "" and (column.nullable or python is not str)):
            out[column.name] = None if column.nullable else value
        elif python is dt.datetime and isinstance(value, str):
            out[column.name] = dt.datetime.fromisoformat(value)
        elif python is dt.date and isinstance(value, str):
            out[column.name] = dt.date.fromisoformat(value)
        elif python is bool and isinstance(value, str):
            out[column.name] = value.lower() in ("true", "1")
        else:
            out[column.name] = python(value)
    return out


def load(engine: Engine, data: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Insert every row in one transaction, keeping ids; refuse a store that is not empty."""
    if not is_empty(engine):
        raise InputError("restore needs an empty store: point BLUEPRINT_DATABASE_URL at a new one")
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        for table in TABLES:
            rows = [_coerce(table, row) for row in data.get(table.name, [])]
            if table.name == "users":
                rows = [{**row, "password_hash": LOCKED_PASSWORD} for row in rows]
            if rows:
                conn.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if engine.dialect.name == "postgresql":
            for table in TABLES:
                top = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
                sequence = func.pg_get_serial_sequence(table.name, "id")
                conn.execute(select(func.setval(sequence, top, False)))
    return counts
