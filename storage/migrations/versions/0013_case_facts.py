"""Report facts: the categories and moments the reports count, next to the encrypted case;
the voorzitter's signals (rode draden) and the quarterly report's deliveries.

Existing cases are filled from their stored data. Answers written with encryption on are
decrypted with RETBOT_DATA_KEY from the environment; without that key such cases get
their moments and decisions now, and their categories on their next change (the migration
says how many on the log).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import json
import logging
import os

import sqlalchemy as sa
from alembic import op

from domain.case_facts import (
    CLOSING_PREFIX,
    TRIAGE_PREFIX,
    category_facts,
    event_facts,
    lead_days,
    problem_facts,
)
from storage.encryption import PREFIX, CipherError, FieldCipher
from storage.models import UtcDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    facts = op.create_table(
        "case_fact",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        *(sa.Column(name, sa.String(64), nullable=True) for name in ("aanmelder_type", "gemeente")),
        sa.Column("geboortejaar", sa.Integer(), nullable=True),
        sa.Column("leeftijdsgroep", sa.String(8), nullable=True),
        *(
            sa.Column(name, sa.String(64), nullable=True)
            for name in (
                "geslacht",
                "woonsituatie",
                "maatregel",
                "onderwijs",
                "school_betrokken",
                "soort_vraag",
                "urgentie",
            )
        ),
        sa.Column("besluit", sa.String(32), nullable=True),
        sa.Column("besloten_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("overleg_op", sa.Date(), nullable=True),
        sa.Column("advies_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("monitoren_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("afgesloten_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("afsluitreden", sa.String(32), nullable=True),
        sa.Column("doorlooptijd_dagen", sa.Integer(), nullable=True),
        sa.Column("escalatie_stap", sa.String(40), nullable=True),
        sa.Column("geescaleerd_op", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_case_fact_submitted_at", "case_fact", ["submitted_at"])
    op.create_index("ix_case_fact_overleg_op", "case_fact", ["overleg_op"])
    op.create_index("ix_case_fact_afgesloten_op", "case_fact", ["afgesloten_op"])
    op.create_index("ix_case_fact_status_submitted", "case_fact", ["status", "submitted_at"])
    problems = op.create_table(
        "case_fact_problem",
        sa.Column("case_number", sa.String(16), primary_key=True),
        sa.Column("side", sa.String(16), primary_key=True),
        sa.Column("code", sa.String(64), primary_key=True),
    )
    op.create_table(
        "signal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_number", sa.String(16), nullable=True, index=True),
        sa.Column("theme", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("noted_by", sa.Text(), nullable=False),
        sa.Column("noted_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    op.create_table(
        "report_delivery",
        sa.Column("period", sa.String(32), primary_key=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
    )
    _fill(op.get_bind(), facts, problems)


def _fill(bind, facts: sa.Table, problems: sa.Table) -> None:
    """One pass over the existing cases, with what the other tables already say."""
    cipher = FieldCipher(os.environ.get("RETBOT_DATA_KEY", ""))

    def query(sql: str, **types) -> sa.TextClause:
        """Typed, so that both databases give dates and aware moments back."""
        return sa.text(sql).columns(*(sa.column(name, kind) for name, kind in types.items()))

    moment, text = UtcDateTime(), sa.String()
    meetings = dict(
        bind.execute(
            query(
                "SELECT case_number, meeting_date FROM booking",
                case_number=text,
                meeting_date=sa.Date(),
            )
        ).all()
    )
    advice = dict(
        bind.execute(
            query("SELECT case_number, issued_at FROM advice", case_number=text, issued_at=moment)
        ).all()
    )
    events: dict[str, dict] = {}
    for number, kind, at in bind.execute(
        query(
            "SELECT case_number, kind, at FROM case_event "
            "WHERE kind LIKE :triage OR kind LIKE :closing ORDER BY id",
            case_number=text,
            kind=text,
            at=moment,
        ),
        {"triage": TRIAGE_PREFIX + "%", "closing": CLOSING_PREFIX + "%"},
    ):
        events.setdefault(number, {}).update(event_facts(kind, at))
    escalations: dict[str, tuple] = {}
    for number, step, at in bind.execute(
        query(
            "SELECT case_number, step, at FROM escalation ORDER BY id",
            case_number=text,
            step=text,
            at=moment,
        )
    ):
        escalations[number] = (step, at)
    monitored: dict[str, object] = {}
    for number, started_at in bind.execute(
        query(
            "SELECT case_number, started_at FROM follow_up_round ORDER BY number DESC",
            case_number=text,
            started_at=moment,
        )
    ):
        monitored[number] = started_at  # the first round's start, as it comes last
    unreadable = 0
    for number, status, answers, submitted_at, closed_at in bind.execute(
        query(
            "SELECT number, status, answers, submitted_at, closed_at FROM case_file",
            number=text,
            status=text,
            answers=text,
            submitted_at=moment,
            closed_at=moment,
        )
    ):
        try:
            request = json.loads(cipher.decrypt(answers))
        except CipherError:
            unreadable += 1
            request = {}
        step, escalated_at = escalations.get(number, (None, None))
        row = {
            "case_number": number,
            "status": status,
            "submitted_at": submitted_at,
            **category_facts(request, submitted_at),
            "besluit": None,
            "besloten_op": None,
            "afsluitreden": None,
            **events.get(number, {}),
            "overleg_op": meetings.get(number),
            "advies_op": advice.get(number),
            "monitoren_op": monitored.get(number),
            "afgesloten_op": closed_at,
            "doorlooptijd_dagen": lead_days(submitted_at, closed_at),
            "escalatie_stap": step,
            "geescaleerd_op": escalated_at,
        }
        # Only this revision's columns: category_facts gains facts in later revisions.
        known = {k: v for k, v in row.items() if k in facts.c}
        bind.execute(_typed(facts).insert().values(**known))
        for side, code in problem_facts(request):
            bind.execute(problems.insert().values(case_number=number, side=side, code=code))
    if unreadable:
        log.warning(
            "case_fact: %d encrypted cases without RETBOT_DATA_KEY; their categories are "
            "filled on their next change (prefix %s)",
            unreadable,
            PREFIX,
        )


def _typed(facts: sa.Table) -> sa.Table:
    """The table with moments stored in UTC the way the application stores them."""
    columns = [
        sa.Column(c.name, UtcDateTime() if isinstance(c.type, sa.DateTime) else c.type)
        for c in facts.columns
    ]
    return sa.Table(facts.name, sa.MetaData(), *columns)


def downgrade() -> None:
    op.drop_table("report_delivery")
    op.drop_table("signal")
    op.drop_table("case_fact_problem")
    op.drop_table("case_fact")
