"""Chat history on the server: conversations per user, with their questions, answers and citations.

Revision ID: 0005_history
Revises: 0004_oidc
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_history"
down_revision = "0004_oidc"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("conversations_by_owner", "conversations", ["owner_id", "updated_at"])
    op.create_table(
        "chat_turns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "conversation_id", sa.String(32), sa.ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("citations_json", sa.Text, nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("chat_turns_by_conversation", "chat_turns", ["conversation_id", "id"])


def downgrade() -> None:
    op.drop_table("chat_turns")
    op.drop_table("conversations")
