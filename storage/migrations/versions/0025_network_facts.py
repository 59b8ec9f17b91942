"""Report facts the expertisenetwerk counts: the primary problem, the knelpunt, whether the
young person was referred before and whether the expertisenetwerk is involved (codes the
intake now asks; earlier requests have none, so there is nothing to fill); and the
voorzitter's advies per rode draad.

Revision ID: 0025
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

COLUMNS = ("problematiek_primair", "knelpunt", "heraanmelding", "expertisenetwerk")


def upgrade() -> None:
    with op.batch_alter_table("case_fact") as table:
        for name in COLUMNS:
            table.add_column(sa.Column(name, sa.String(64), nullable=True))
    op.create_table(
        "signal_advice",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("theme", sa.String(32), nullable=False),
        sa.Column("advies", sa.Text(), nullable=False),
        sa.Column("given_by", sa.Text(), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=True, unique=True),
    )
    op.create_index("ix_signal_advice_given_at", "signal_advice", ["given_at"])


def downgrade() -> None:
    op.drop_index("ix_signal_advice_given_at", "signal_advice")
    op.drop_table("signal_advice")
    with op.batch_alter_table("case_fact") as table:
        for name in COLUMNS:
            table.drop_column(name)
