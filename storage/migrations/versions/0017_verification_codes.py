"""Verification codes by e-mail out of the dialog state into their own tables, so that a
code's tries and an address's codes per day hold across conversations and restarts.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-09
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "verification_code",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("address_key", sa.String(64), nullable=False),
        sa.Column("salt", sa.String(32), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("tries_left", sa.Integer(), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_verification_code_valid_until", "verification_code", ["valid_until"])
    op.create_table(
        "verification_quota",
        sa.Column("address_key", sa.String(64), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("sent", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("verification_quota")
    op.drop_index("ix_verification_code_valid_until", table_name="verification_code")
    op.drop_table("verification_code")
