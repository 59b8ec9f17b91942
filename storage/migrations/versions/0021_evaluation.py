"""Evaluation of closed cases: a round per case, one answer per person, the voorzitter's
leerpunten.

Revision ID: 0021
Revises: 0019
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evaluation_round",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_evaluation_round_asked_at", "evaluation_round", ["asked_at"])
    op.create_table(
        "evaluation_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("respondent", sa.String(320), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("afspraken", sa.String(16), nullable=False),
        sa.Column("samenwerking", sa.Text(), nullable=True),
        sa.Column("knelpunt", sa.Text(), nullable=True),
        sa.Column("oplossing", sa.Text(), nullable=True),
        sa.Column("advies", sa.String(16), nullable=False),
        sa.Column("beter_af", sa.String(16), nullable=False),
        sa.UniqueConstraint("case_number", "respondent"),
    )
    op.create_index("ix_evaluation_answer_case_number", "evaluation_answer", ["case_number"])
    op.create_table(
        "leerpunt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("theme", sa.String(80), nullable=False),
        sa.Column("learned", sa.Text(), nullable=True),
        sa.Column("worked", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=True),
        sa.UniqueConstraint("form_id"),
    )
    op.create_index("ix_leerpunt_case_number", "leerpunt", ["case_number"])
    op.create_index("ix_leerpunt_recorded_at", "leerpunt", ["recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_leerpunt_recorded_at", "leerpunt")
    op.drop_index("ix_leerpunt_case_number", "leerpunt")
    op.drop_table("leerpunt")
    op.drop_index("ix_evaluation_answer_case_number", "evaluation_answer")
    op.drop_table("evaluation_answer")
    op.drop_index("ix_evaluation_round_asked_at", "evaluation_round")
    op.drop_table("evaluation_round")
