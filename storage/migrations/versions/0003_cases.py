"""Cases with gap-free numbers per year, and the append-only audit trail.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_counter",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "case_file",
        sa.Column("number", sa.String(16), primary_key=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("referrer_channel_id", sa.String(64), nullable=False),
        sa.Column("referrer_user_id", sa.Text(), nullable=False),
        sa.Column("referrer_name", sa.Text(), nullable=False),
        sa.Column("referrer_aad_object_id", sa.String(64), nullable=True),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_case_file_status", "case_file", ["status"])
    op.create_index("ix_case_file_referrer_user_id", "case_file", ["referrer_user_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("case_number", sa.String(16), nullable=True),
        sa.Column("channel", sa.String(32), nullable=False),
    )
    op.create_index("ix_audit_entry_case_number", "audit_entry", ["case_number"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_case_number", "audit_entry")
    op.drop_table("audit_entry")
    op.drop_index("ix_case_file_referrer_user_id", "case_file")
    op.drop_index("ix_case_file_status", "case_file")
    op.drop_table("case_file")
    op.drop_table("case_counter")
