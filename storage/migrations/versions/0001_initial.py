"""Dialog state and conversation references.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bot_state",
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("etag", sa.String(32), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_table(
        "conversation_reference",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("channel_id", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("scope_id", sa.Text(), nullable=False),
        sa.Column("aad_object_id", sa.String(64), nullable=True),
        sa.Column("tenant_id", sa.String(64), nullable=True),
        sa.Column("conversation_type", sa.String(32), nullable=True),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.UniqueConstraint("channel_id", "scope", "scope_id"),
    )
    op.create_index(
        "ix_conversation_reference_aad_object_id", "conversation_reference", ["aad_object_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_conversation_reference_aad_object_id", "conversation_reference")
    op.drop_table("conversation_reference")
    op.drop_table("bot_state")
