"""Report facts the expertisenetwerk counts: the primary problem, the knelpunt, whether the
young person was referred before and whether the expertisenetwerk is involved (codes the
intake now asks; earlier requests have none, so there is nothing to fill).

Revision ID: 0025
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0021"
branch_labels = None
depends_on = None

COLUMNS = ("problematiek_primair", "knelpunt", "heraanmelding", "expertisenetwerk")


def upgrade() -> None:
    with op.batch_alter_table("case_fact") as table:
        for name in COLUMNS:
            table.add_column(sa.Column(name, sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_fact") as table:
        for name in COLUMNS:
            table.drop_column(name)
