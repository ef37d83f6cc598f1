"""Observations carry their breakdown (dimension values); empty is the total line.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.add_column(sa.Column("dimensions", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.drop_column("dimensions")
