"""OIDC sign-in: the provider's subject of users it created, and the sign-ins begun but not yet finished.

Revision ID: 0004_oidc
Revises: 0003_collections
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_oidc"
down_revision = "0003_collections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.add_column(sa.Column("external_subject", sa.String(512), nullable=True))
        table.create_index("users_by_external_subject", ["external_subject"], unique=True)
    op.create_table(
        "oidc_logins",
        sa.Column("state_hash", sa.String(64), primary_key=True),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("code_verifier", sa.String(128), nullable=False),
        sa.Column("redirect_url", sa.String(1000), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("oidc_logins")
    with op.batch_alter_table("users") as table:
        table.drop_index("users_by_external_subject")
        table.drop_column("external_subject")
