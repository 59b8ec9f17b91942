"""Cases: numbers without gaps or duplicates under racing submissions, on both databases;
an audit entry per submission; the lifecycle's allowed steps."""

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from dialogs.texts import status_label
from domain.cases import CaseStatus, InvalidTransition, Referrer, check_transition
from storage.cases import SqlCaseRepository
from storage.database import create_session_factory
from storage.models import AuditRow

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.fixture
def sessions(migrated_engine):
    return create_session_factory(migrated_engine)


def referrer(n: int) -> Referrer:
    return Referrer("msteams", f"user-{n}", f"Verwijzer {n}")


async def test_racing_submissions_get_consecutive_unique_numbers(sessions):
    cases = SqlCaseRepository(sessions)

    submitted = await asyncio.gather(
        *(cases.submit(referrer(n), {"initialen": f"X{n}"}, NOW) for n in range(25))
    )

    numbers = sorted(s.case.number for s in submitted)
    assert numbers == [f"RET-2026-{n:04d}" for n in range(1, 26)]
    async with sessions() as session:
        audit = (await session.scalars(select(AuditRow))).all()
    assert sorted(a.case_number for a in audit) == numbers
    assert {a.action for a in audit} == {"aanmelding ingediend"}


async def test_numbers_start_again_each_year_and_a_referrer_sees_only_their_cases(sessions):
    cases = SqlCaseRepository(sessions)
    await cases.submit(referrer(1), {}, NOW)
    await cases.submit(referrer(2), {}, NOW)
    next_year = (
        await cases.submit(referrer(1), {"initialen": "A.B."}, NOW.replace(year=2027))
    ).case

    mine = await cases.cases_of(referrer(1))

    assert next_year.number == "RET-2027-0001"
    assert [c.number for c in mine] == ["RET-2026-0001", "RET-2027-0001"]
    assert mine[1].answers == {"initialen": "A.B."} and mine[1].status is CaseStatus.AANGEMELD


def test_lifecycle_allows_triage_steps_and_refuses_shortcuts():
    check_transition(CaseStatus.AANGEMELD, CaseStatus.RET_TAFEL)
    check_transition(CaseStatus.AANGEMELD, CaseStatus.CONSULTATIE)
    with pytest.raises(InvalidTransition):
        check_transition(CaseStatus.AANGEMELD, CaseStatus.AFGESLOTEN)
    with pytest.raises(InvalidTransition):
        check_transition(CaseStatus.AFGESLOTEN, CaseStatus.AANGEMELD)


def test_every_status_reads_well_in_both_languages():
    labels = {
        status: (status_label(status, "nl"), status_label(status, "en")) for status in CaseStatus
    }

    assert labels[CaseStatus.RET_TAFEL] == ("RET-tafel ingepland", "RET meeting planned")
    assert all(nl[0].isupper() and en[0].isupper() for nl, en in labels.values())
