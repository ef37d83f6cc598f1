"""Source tiers: how far each figure's source is from the agency, and the copy it was read from.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Figures stored before tiers existed say nothing about their source's tier: they count as
    # third-party until re-imported with one (the bundled figures are re-seeded with theirs).
    with op.batch_alter_table("observations") as batch:
        batch.add_column(
            sa.Column("source_tier", sa.String(30), nullable=False, server_default="third_party")
        )
        batch.add_column(sa.Column("source_copy_url", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.drop_column("source_copy_url")
        batch.drop_column("source_tier")
