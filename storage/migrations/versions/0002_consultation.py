"""Consultations (quick questions) and how they were answered.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("asker_channel_id", sa.String(64), nullable=False),
        sa.Column("asker_user_id", sa.Text(), nullable=False),
        sa.Column("asker_name", sa.Text(), nullable=False),
        sa.Column("asker_organisation", sa.Text(), nullable=True),
        sa.Column("asker_aad_object_id", sa.String(64), nullable=True),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("handled_by", sa.Text(), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_consultation_status", "consultation", ["status"])


def downgrade() -> None:
    op.drop_index("ix_consultation_status", "consultation")
    op.drop_table("consultation")
