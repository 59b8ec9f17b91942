"""The paying gemeente recorded with the advice (the voorzitter may correct the intake's).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("advice", sa.Column("gemeente", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("advice", "gemeente")
