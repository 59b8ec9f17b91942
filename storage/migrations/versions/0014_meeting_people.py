"""Around the RET meeting: invited flexibele-schil members, who comes, the task to contact
the family, and which readiness cards and agendas went out.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schil_invitation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False, index=True),
        sa.Column("member_email", sa.String(254), nullable=False),
        sa.Column("reasons", sa.String(400), nullable=False),
        sa.Column("invited_by", sa.Text(), nullable=False),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_number", "member_email"),
    )
    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=False, index=True),
        sa.Column("person_key", sa.String(254), nullable=False),
        sa.Column("person_name", sa.Text(), nullable=False),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("stand_in", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_number", "person_key"),
    )
    op.create_table(
        "family_contact",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("assignee_email", sa.String(254), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.Text(), nullable=True),
        sa.Column("participation", sa.String(16), nullable=True),
        sa.Column("wishes", sa.Text(), nullable=True),
    )
    op.create_table(
        "meeting_dispatch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("case_number", sa.String(16), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "meeting_date", "case_number"),
    )


def downgrade() -> None:
    for table in ("meeting_dispatch", "family_contact", "meeting_attendance", "schil_invitation"):
        op.drop_table(table)
