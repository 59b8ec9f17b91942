"""Keeping a case's report facts in step, inside the transaction of each change."""

from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.case_facts import category_facts, event_facts, lead_days, problem_facts
from storage.models import CaseFactRow, CaseProblemRow
from storage.upsert import dialect_insert

FACT_TABLES = (CaseFactRow, CaseProblemRow)  # purged with the case


async def store_request_facts(
    session: AsyncSession, number: str, status: str, answers: dict, submitted_at: datetime
) -> None:
    """The categories of the request (on submission and whenever the answers change)."""
    values = {
        "status": status,
        "submitted_at": submitted_at,
        **category_facts(answers, submitted_at),
    }
    await session.execute(
        dialect_insert(session.bind.dialect, CaseFactRow)
        .values(case_number=number, **values)
        .on_conflict_do_update(index_elements=["case_number"], set_=values)
    )
    await session.execute(delete(CaseProblemRow).where(CaseProblemRow.case_number == number))
    problems = problem_facts(answers)
    if problems:
        session.add_all(
            CaseProblemRow(case_number=number, side=side, code=code) for side, code in problems
        )


async def note_move(
    session: AsyncSession,
    number: str,
    status: str,
    closed_at: datetime | None,
    event_kind: str,
    at: datetime,
) -> None:
    """A status change: the triage decision or closing reason its event names, and the lead
    time when it closes."""
    values: dict[str, object] = {"status": status, **event_facts(event_kind, at)}
    if closed_at is not None:
        submitted = await session.scalar(
            select(CaseFactRow.submitted_at).where(CaseFactRow.case_number == number)
        )
        values["afgesloten_op"] = closed_at
        values["doorlooptijd_dagen"] = lead_days(submitted, closed_at)
    await note(session, number, **values)


async def note_meeting(session: AsyncSession, number: str, meeting_date: date) -> None:
    await note(session, number, overleg_op=meeting_date)


async def note_escalation(session: AsyncSession, number: str, step: str, at: datetime) -> None:
    """The ladder only goes up, so the latest step is the highest."""
    await note(session, number, escalatie_stap=step, geescaleerd_op=at)


async def note(session: AsyncSession, number: str, **values: object) -> None:
    await session.execute(
        update(CaseFactRow).where(CaseFactRow.case_number == number).values(**values)
    )
