"""Summary and batch jobs in the state database (before: a SQLite file of their own), so several instances share
them.

Revision ID: 0007_jobs
Revises: 0006_audit_context
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_jobs"
down_revision = "0006_audit_context"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("params_json", sa.Text, nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("cancel_requested", sa.Boolean, nullable=False),
        sa.Column("result_json", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("run_started", sa.Float),
        sa.Column("run_start_done", sa.Integer, nullable=False),
    )
    op.create_index("jobs_by_fingerprint", "jobs", ["kind", "fingerprint", "status"])
    op.create_table(
        "job_steps",
        sa.Column("job_id", sa.String(32), sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("job_steps")
    op.drop_table("jobs")
