"""Evidence summaries in any plan language: one ``summary`` column holding ``{language: words}``
(JSON text) in place of the two fixed columns, the stored summaries copied over.

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# the languages the two columns of revision 0002 held (a historical schema, not a default)
OLD = (("summary_zh", "zh-Hant"), ("summary_en", "en"))


def upgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("summary", sa.Text, nullable=False, server_default="{}"))
    table = sa.table(
        "evidence", sa.column("id"), sa.column("summary"),
        *(sa.column(name) for name, _ in OLD),
    )  # fmt: skip
    conn = op.get_bind()
    for row in conn.execute(sa.select(table)).mappings().all():
        words = {lang: row[name] for name, lang in OLD if row[name]}
        summary = json.dumps(words, ensure_ascii=False)
        conn.execute(table.update().where(table.c.id == row["id"]).values(summary=summary))
    with op.batch_alter_table("evidence") as batch:
        for name, _ in OLD:
            batch.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        for name, _ in OLD:
            batch.add_column(sa.Column(name, sa.Text, nullable=False, server_default=""))
    table = sa.table(
        "evidence", sa.column("id"), sa.column("summary"),
        *(sa.column(name) for name, _ in OLD),
    )  # fmt: skip
    conn = op.get_bind()
    for row in conn.execute(sa.select(table.c.id, table.c.summary)).mappings().all():
        words = json.loads(row["summary"] or "{}")
        values = {name: words.get(lang, "") for name, lang in OLD}
        conn.execute(table.update().where(table.c.id == row["id"]).values(**values))
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("summary")
