"""Notices: outbox rows keyed by their notice, sent by Teams or e-mail, reported once when
they keep failing; a case remembers the draft it was submitted from (one draft, one case),
a signal the form it came from (one form, one signal).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as outbox:
        outbox.add_column(sa.Column("notice_key", sa.String(64), nullable=True))
        outbox.add_column(sa.Column("sent_via", sa.String(8), nullable=True))
        outbox.add_column(sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True))
        outbox.create_unique_constraint("uq_outbox_notice_key", ["notice_key"])
    with op.batch_alter_table("case_file") as cases:
        cases.add_column(sa.Column("draft_id", sa.String(64), nullable=True))
        cases.create_unique_constraint("uq_case_file_draft_id", ["draft_id"])
    with op.batch_alter_table("signal") as signals:
        signals.add_column(sa.Column("form_id", sa.String(64), nullable=True))
        signals.create_unique_constraint("uq_signal_form_id", ["form_id"])


def downgrade() -> None:
    with op.batch_alter_table("signal") as signals:
        signals.drop_constraint("uq_signal_form_id", type_="unique")
        signals.drop_column("form_id")
    with op.batch_alter_table("case_file") as cases:
        cases.drop_constraint("uq_case_file_draft_id", type_="unique")
        cases.drop_column("draft_id")
    with op.batch_alter_table("outbox") as outbox:
        outbox.drop_constraint("uq_outbox_notice_key", type_="unique")
        outbox.drop_column("reported_at")
        outbox.drop_column("sent_via")
        outbox.drop_column("notice_key")
