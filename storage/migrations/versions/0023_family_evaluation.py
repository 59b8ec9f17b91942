"""The family's evaluation of a case: did they feel heard, was their wish the starting
point, how are things now, and what they want to tell (encrypted).

Revision ID: 0023
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "family_evaluation",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("answered_by", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("gehoord", sa.Integer(), nullable=False),
        sa.Column("wens", sa.String(16), nullable=False),
        sa.Column("nu", sa.Integer(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
    )
    op.create_index("ix_family_evaluation_answered_at", "family_evaluation", ["answered_at"])


def downgrade() -> None:
    op.drop_index("ix_family_evaluation_answered_at", "family_evaluation")
    op.drop_table("family_evaluation")
