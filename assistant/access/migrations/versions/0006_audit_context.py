"""Audit entries say how their actor signed in and which request they belong to.

Revision ID: 0006_audit_context
Revises: 0005_history
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_audit_context"
down_revision = "0005_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as table:
        table.add_column(sa.Column("via", sa.String(20), nullable=False, server_default=""))
        table.add_column(sa.Column("request_id", sa.String(32), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as table:
        table.drop_column("request_id")
        table.drop_column("via")
