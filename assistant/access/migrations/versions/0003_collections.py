"""Collections and their grants; API keys limited to some collections; the default collection for all.

Revision ID: 0003_collections
Revises: 0002_audit
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003_collections"
down_revision = "0002_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    collections = op.create_table(
        "collections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(63), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("created_by", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "grants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("collection_id", sa.Integer, sa.ForeignKey("collections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("department_id", sa.Integer, sa.ForeignKey("departments.id", ondelete="CASCADE")),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE")),
        sa.Column("level", sa.Integer, nullable=False),
    )
    op.create_index("grants_by_collection", "grants", ["collection_id"])
    with op.batch_alter_table("api_keys") as table:
        table.add_column(sa.Column("collections", sa.String(2000)))
    # the samples and everything the CLI ingests without --collection: readable by every signed-in user
    # (no explicit id: PostgreSQL's sequence must hand out the following ones)
    op.bulk_insert(
        collections, [{"name": "allgemein", "title": "Allgemein", "created_by": "", "created_at": datetime.now(UTC)}]
    )
    op.execute("INSERT INTO grants (collection_id, level) SELECT id, 1 FROM collections WHERE name = 'allgemein'")


def downgrade() -> None:
    with op.batch_alter_table("api_keys") as table:
        table.drop_column("collections")
    op.drop_table("grants")
    op.drop_table("collections")
