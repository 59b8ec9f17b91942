"""Leren: the advies aan de moederorganisatie (a letter per leerpunt and organisation) and
the cases marked as a goed voorbeeld, with the reviewed version of their casusbeschrijving.

Revision ID: 0024
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisation_advice",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("leerpunt_id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("organisation_kind", sa.String(32), nullable=False),
        sa.Column("sent_to", sa.Text(), nullable=False),
        sa.Column("advice", sa.Text(), nullable=True),
        sa.Column("sent_by", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document_subject", sa.String(32), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.UniqueConstraint("form_id"),
    )
    op.create_index("ix_organisation_advice_case_number", "organisation_advice", ["case_number"])
    op.create_index("ix_organisation_advice_sent_at", "organisation_advice", ["sent_at"])
    op.create_table(
        "good_practice",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("marked_by", sa.Text(), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("draft_version", sa.Integer(), nullable=False),
        sa.Column("reviewed_by", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_version", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("good_practice")
    op.drop_index("ix_organisation_advice_sent_at", "organisation_advice")
    op.drop_index("ix_organisation_advice_case_number", "organisation_advice")
    op.drop_table("organisation_advice")
