"""The zwaarwegend advies, its afspraken and the organisations' mandate confirmations.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advice",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("samenvatting", sa.Text(), nullable=False),
        sa.Column("advies", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "advice_afspraak",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("person", sa.Text(), nullable=True),
    )
    op.create_index("ix_advice_afspraak_case_number", "advice_afspraak", ["case_number"])
    op.create_table(
        "mandate_confirmation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("answered_by", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_number", "organisation"),
    )
    op.create_index("ix_mandate_confirmation_case_number", "mandate_confirmation", ["case_number"])


def downgrade() -> None:
    op.drop_index("ix_mandate_confirmation_case_number", "mandate_confirmation")
    op.drop_table("mandate_confirmation")
    op.drop_index("ix_advice_afspraak_case_number", "advice_afspraak")
    op.drop_table("advice_afspraak")
    op.drop_table("advice")
