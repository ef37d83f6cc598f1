"""Tables of the store. Observations are append-only: a revision is a new row."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

import_batches = Table(
    "import_batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("rows_added", Integer, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("series", String(100), nullable=False),
    Column("period", String(20), nullable=False),
    Column("year", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(200), nullable=False, default=""),
    Column("flags", String(200), nullable=False, default=""),
    Column("source_agency", Text, nullable=False),
    Column("source_title", Text, nullable=False),
    Column("source_url", Text, nullable=False),
    Column("source_table", String(200), nullable=False, default=""),
    Column("release_date", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("batch_id", Integer, ForeignKey("import_batches.id"), nullable=True),
    UniqueConstraint("plan_id", "series", "period", "release_date", name="uq_observation_vintage"),
)

Index("ix_observations_lookup", observations.c.plan_id, observations.c.series, observations.c.year)
