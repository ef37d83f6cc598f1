"""The audit trail refuses TRUNCATE too (PostgreSQL); proposals carry an idempotency key.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# audit_log_append_only() (0002) raises whatever the operation; TRUNCATE needs its own
# statement-level trigger (row triggers do not fire on TRUNCATE).
NO_TRUNCATE = """
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NO_TRUNCATE)
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(64), nullable=True))
        batch.create_unique_constraint(
            "uq_change_idempotency", ["plan_id", "proposed_by", "idempotency_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.drop_constraint("uq_change_idempotency", type_="unique")
        batch.drop_column("idempotency_key")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
