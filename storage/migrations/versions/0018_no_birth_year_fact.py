"""The report facts keep the age group at submission, not the year of birth: the reports
count the group, and a plain year of birth next to a case number outlived anonymisation.

A fact row with a year of birth but no age group gets its group from the year of birth and
the moment of submission first. Cases anonymised before this revision are handed back to
the retention job (anonymised_at cleared): on its next run they lose what anonymisation now
also clears (the year of birth in the request, the names of people on the case's rows, the
outbox messages about the case). The audit keeps the first anonymisation and adds the next.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    facts = sa.table(
        "case_fact",
        sa.column("case_number", sa.String()),
        sa.column("submitted_at", sa.DateTime(timezone=True)),
        sa.column("geboortejaar", sa.Integer()),
        sa.column("leeftijdsgroep", sa.String()),
    )
    missing = bind.execute(
        sa.select(facts.c.case_number, facts.c.submitted_at, facts.c.geboortejaar).where(
            facts.c.leeftijdsgroep.is_(None), facts.c.geboortejaar.is_not(None)
        )
    ).all()
    for number, submitted_at, born in missing:
        bind.execute(
            facts.update()
            .where(facts.c.case_number == number)
            .values(leeftijdsgroep=_age_group(submitted_at.year - born))
        )
    with op.batch_alter_table("case_fact") as table:
        table.drop_column("geboortejaar")
    case_file = sa.table("case_file", sa.column("anonymised_at", sa.DateTime(timezone=True)))
    bind.execute(
        case_file.update().where(case_file.c.anonymised_at.is_not(None)).values(anonymised_at=None)
    )


def _age_group(age: int) -> str:
    """The report's age groups as this revision knows them (domain.case_facts.age_group)."""
    if age <= 8:
        return "0-8"
    if age <= 12:
        return "9-12"
    if age <= 16:
        return "13-16"
    return "17+"


def downgrade() -> None:
    """The column comes back empty: the years of birth are gone."""
    with op.batch_alter_table("case_fact") as table:
        table.add_column(sa.Column("geboortejaar", sa.Integer(), nullable=True))
