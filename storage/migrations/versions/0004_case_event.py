"""The case timeline: triage decisions, questions to the referrer and their answers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
    )
    op.create_index("ix_case_event_case_number", "case_event", ["case_number"])


def downgrade() -> None:
    op.drop_index("ix_case_event_case_number", "case_event")
    op.drop_table("case_event")
