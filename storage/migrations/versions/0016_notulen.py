"""Notulen of a RET meeting day, and every version of their .docx.

Revision ID: 0016
Revises: 0011 (0012, the advies branch's, once merged: the lead re-chains)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notulen",
        sa.Column("meeting_date", sa.Date(), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("transcript", sa.Text(), nullable=True),
        sa.Column("drafted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_version", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "notulen_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("made_by", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("meeting_date", "version"),
    )
    op.create_index("ix_notulen_version_meeting_date", "notulen_version", ["meeting_date"])


def downgrade() -> None:
    op.drop_table("notulen_version")
    op.drop_table("notulen")
