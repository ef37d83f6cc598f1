"""Accounts, sessions, the review queue, store evidence, withdrawals and the audit trail.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY_SQLITE = """
CREATE TRIGGER audit_log_no_{verb} BEFORE {verb} ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""
APPEND_ONLY_POSTGRES = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
"""


def _tables() -> None:
    now = sa.DateTime(timezone=True)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", now, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", now, nullable=True),
        sa.Column("disabled", sa.Boolean, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", now, nullable=False),
        sa.Column("expires_at", now, nullable=False),
        sa.Column("revoked_at", now, nullable=True),
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("proposed_by", sa.String(64), nullable=False),
        sa.Column("proposed_at", now, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reviewed_by", sa.String(64), nullable=True),
        sa.Column("reviewed_at", now, nullable=True),
        sa.Column("review_comment", sa.Text, nullable=True),
        sa.UniqueConstraint("plan_id", "target", "base_version", name="uq_change_version"),
    )
    op.create_index("ix_changes_target", "changes", ["plan_id", "target"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("commitment", sa.String(100), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("summary_zh", sa.Text, nullable=False),
        sa.Column("summary_en", sa.Text, nullable=False),
        sa.Column("source_agency", sa.Text, nullable=False),
        sa.Column("source_title", sa.Text, nullable=False),
        sa.Column("source_url", sa.Text, nullable=False),
        sa.Column("release_date", sa.Date, nullable=False),
        sa.Column("flags", sa.String(200), nullable=False),
        sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=True),
        sa.Column("recorded_at", now, nullable=False),
    )
    op.create_table(
        "withdrawals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("plan_id", sa.String(100), nullable=False),
        sa.Column("item_kind", sa.String(20), nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=True),
        sa.Column("recorded_at", now, nullable=False),
        sa.UniqueConstraint("item_kind", "item_id", name="uq_withdrawal_item"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", now, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("item_kind", sa.String(30), nullable=False),
        sa.Column("item_key", sa.String(200), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_item", "audit_log", ["item_kind", "item_key"])


def upgrade() -> None:
    # A correction re-enters a figure with the same release date as the wrong one it
    # withdraws, so "one value per series, period and release" is now checked among the
    # figures that stand (not withdrawn), in the transaction that writes, not by the schema.
    with op.batch_alter_table("observations") as batch:
        batch.drop_constraint("uq_observation_vintage", type_="unique")
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPEND_ONLY_POSTGRES)
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(APPEND_ONLY_SQLITE.format(verb=verb))


def downgrade() -> None:
    for table in ("audit_log", "withdrawals", "evidence", "changes", "sessions", "users"):
        op.drop_table(table)
