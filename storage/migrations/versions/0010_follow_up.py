"""Follow-up after the advice: rounds, their asks with the answers, escalations.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_up_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_number", "number"),
    )
    op.create_index("ix_follow_up_round_case_number", "follow_up_round", ["case_number"])
    op.create_table(
        "follow_up_ask",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("afspraak_position", sa.Integer(), nullable=True),
        sa.Column("messages_sent", sa.Integer(), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("progress", sa.String(32), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.Text(), nullable=True),
        sa.Column("answer_channel", sa.String(32), nullable=True),
    )
    op.create_index("ix_follow_up_ask_round_id", "follow_up_ask", ["round_id"])
    op.create_index("ix_follow_up_ask_case_number", "follow_up_ask", ["case_number"])
    op.create_index("ix_follow_up_ask_open", "follow_up_ask", ["answered_at", "escalated_at"])
    op.create_table(
        "escalation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("ask_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_escalation_case_number", "escalation", ["case_number"])


def downgrade() -> None:
    op.drop_index("ix_escalation_case_number", "escalation")
    op.drop_table("escalation")
    op.drop_index("ix_follow_up_ask_open", "follow_up_ask")
    op.drop_index("ix_follow_up_ask_case_number", "follow_up_ask")
    op.drop_index("ix_follow_up_ask_round_id", "follow_up_ask")
    op.drop_table("follow_up_ask")
    op.drop_index("ix_follow_up_round_case_number", "follow_up_round")
    op.drop_table("follow_up_round")
