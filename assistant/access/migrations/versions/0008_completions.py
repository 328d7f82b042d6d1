"""The citations of answers given through the OpenAI-compatible API, for GET /v1/citations/{id}.

Revision ID: 0008_completions
Revises: 0007_jobs
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_completions"
down_revision = "0007_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "completions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("citations_json", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("completions")
