"""Tables of the store. Observations are append-only: a revision is a new row."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
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
    Column("source_tier", String(30), nullable=False, default="third_party"),
    Column("source_copy_url", Text, nullable=False, default=""),
    Column("release_date", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("batch_id", Integer, ForeignKey("import_batches.id"), nullable=True),
    # the breakdown as sorted JSON ({"Sex":"Female"}); "" is the series' total line
    Column("dimensions", Text, nullable=False, default="", server_default=""),
)

Index("ix_observations_lookup", observations.c.plan_id, observations.c.series, observations.c.year)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("disabled", Boolean, nullable=False, default=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

# Failed logins by client address, for the per-client rate limit (kept a day, then pruned).
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_login_failures_client_at", login_failures.c.client, login_failures.c.at)

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("target", String(200), nullable=False),
    Column("payload", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("proposed_by", String(64), nullable=False),
    Column("proposed_at", DateTime(timezone=True), nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("reviewed_by", String(64), nullable=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=True),
    Column("review_comment", Text, nullable=True),
    # set by the form: a retry of the same submission (after a lost reply) adds nothing
    Column("idempotency_key", String(64), nullable=True),
    # optimistic locking: one change per item and version; a stale form collides here
    UniqueConstraint("plan_id", "target", "base_version", name="uq_change_version"),
    UniqueConstraint("plan_id", "proposed_by", "idempotency_key", name="uq_change_idempotency"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("commitment", String(100), nullable=False),
    Column("date", String(10), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("summary", Text, nullable=False),  # JSON {language: words}, the plan's languages
    Column("source_agency", Text, nullable=False),
    Column("source_title", Text, nullable=False),
    Column("source_url", Text, nullable=False),
    Column("release_date", Date, nullable=False),
    Column("flags", String(200), nullable=False, default=""),
    Column("change_id", Integer, ForeignKey("changes.id"), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)

withdrawals = Table(
    "withdrawals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", String(100), nullable=False),
    Column("item_kind", String(20), nullable=False),  # observation | evidence
    Column("item_id", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("change_id", Integer, ForeignKey("changes.id"), nullable=True),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("item_kind", "item_id", name="uq_withdrawal_item"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("item_kind", String(30), nullable=False),
    Column("item_key", String(200), nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("reason", Text, nullable=False, default=""),
)

Index("ix_changes_target", changes.c.plan_id, changes.c.target)
Index("ix_audit_item", audit_log.c.item_kind, audit_log.c.item_key)
