"""Anonymising cases whose retention period after closure has passed."""

import json
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.cases import CaseStatus, anonymised
from storage.documents import delete_case_documents
from storage.encryption import PLAIN, FieldCipher
from storage.follow_up import anonymise_follow_up
from storage.meeting_prep import anonymise_meeting
from storage.models import (
    AdviceAttendeeRow,
    AdviceRow,
    AfspraakRow,
    AuditRow,
    CaseEventRow,
    CaseRow,
)
from storage.notulen import delete_case_notulen
from storage.signals import anonymise_signals

ANONYMOUS = "(geanonimiseerd)"


async def anonymise_closed_cases(
    sessions: async_sessionmaker,
    closed_before: datetime,
    now: datetime,
    cipher: FieldCipher = PLAIN,
) -> list[str]:
    """Clears personal fields, the referrer, the timeline notes, the advice texts, the
    documents and the notulen of its meeting day of every case closed before
    `closed_before`; the categories the reports count stay. Returns the numbers."""
    async with sessions.begin() as session:
        due = (
            await session.scalars(
                select(CaseRow).where(
                    CaseRow.status == CaseStatus.AFGESLOTEN.value,
                    CaseRow.closed_at < closed_before,
                    CaseRow.anonymised_at.is_(None),
                )
            )
        ).all()
        for case in due:
            kept = anonymised(json.loads(cipher.decrypt(case.answers)))
            case.answers = cipher.encrypt(json.dumps(kept, ensure_ascii=False))
            case.referrer_name = ANONYMOUS
            case.referrer_user_id = ANONYMOUS
            case.referrer_aad_object_id = None
            case.anonymised_at = now
            await session.execute(
                update(CaseEventRow)
                .where(CaseEventRow.case_number == case.number)
                .values(text=None)
            )
            await _anonymise_advice(session, case.number)
            await anonymise_follow_up(session, case.number)
            await delete_case_documents(session, case.number)  # they hold the free text
            await delete_case_notulen(session, case.number)
            await anonymise_signals(session, case.number, ANONYMOUS)
            await anonymise_meeting(session, case.number, ANONYMOUS)
            session.add(
                AuditRow(
                    at=now,
                    actor="retbot (bewaartermijn)",
                    action="casus geanonimiseerd",
                    case_number=case.number,
                    channel="scheduler",
                )
            )
        return [case.number for case in due]


async def _anonymise_advice(session, number: str) -> None:
    """The advice's texts go; which organisations had a part, and by when, stay."""
    await session.execute(
        update(AdviceRow)
        .where(AdviceRow.case_number == number)
        .values(samenvatting=ANONYMOUS, advies=ANONYMOUS)
    )
    await session.execute(
        update(AfspraakRow)
        .where(AfspraakRow.case_number == number)
        .values(action=ANONYMOUS, person=None)
    )
    await session.execute(
        update(AdviceAttendeeRow)
        .where(AdviceAttendeeRow.case_number == number)
        .values(name=ANONYMOUS, organisation=ANONYMOUS, absence_reason=None)
    )
