"""Jobs are claimed with a lease that their instance renews, so a job of a dead instance is taken over.

Revision ID: 0009_job_leases
Revises: 0008_completions
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_job_leases"
down_revision = "0008_completions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as table:
        table.add_column(sa.Column("lease_until", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as table:
        table.drop_column("lease_until")
