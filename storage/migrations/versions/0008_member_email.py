"""The email the Bot Connector gave for a Teams user (by AAD object id), so roster members
listed with an email only are recognised without asking again each turn.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_email",
        sa.Column("aad_object_id", sa.String(64), primary_key=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("looked_up_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("member_email")
