"""Generated documents in versions (advies, notulen); who took part in an advice.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.UniqueConstraint("kind", "subject", "version"),
    )
    op.create_index("ix_document_version_subject", "document_version", ["subject"])
    op.create_table(
        "advice_attendee",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("absence_reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_advice_attendee_case_number", "advice_attendee", ["case_number"])
    with op.batch_alter_table("advice") as advice:
        advice.add_column(sa.Column("language", sa.String(2), nullable=False, server_default="nl"))


def downgrade() -> None:
    with op.batch_alter_table("advice") as advice:
        advice.drop_column("language")
    op.drop_index("ix_advice_attendee_case_number", "advice_attendee")
    op.drop_table("advice_attendee")
    op.drop_index("ix_document_version_subject", "document_version")
    op.drop_table("document_version")
