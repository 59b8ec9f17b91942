"""Anonymising cases whose retention period after closure has passed."""

import json
from datetime import datetime

from sqlalchemy import ColumnElement, String, cast, literal, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.cases import CaseStatus, anonymised
from storage.documents import delete_case_documents
from storage.encryption import PLAIN, FieldCipher
from storage.follow_up import anonymise_follow_up
from storage.models import (
    AdviceAttendeeRow,
    AdviceRow,
    AfspraakRow,
    AttendanceRow,
    AuditRow,
    BookingRow,
    CaseEventRow,
    CaseRow,
    EscalationRow,
    EvaluationAnswerRow,
    FamilyContactRow,
    FamilyEvaluationRow,
    GoodPracticeRow,
    LeerpuntRow,
    MandateRow,
    OrganisationAdviceRow,
    SchilInvitationRow,
    SignalRow,
)
from storage.notulen import delete_case_notulen
from storage.outbox import delete_mentioning

ANONYMOUS = "(geanonimiseerd)"


def _per_row(model) -> ColumnElement[str]:
    """The placeholder where a unique constraint wants one value per row: "… 12"."""
    return literal(f"{ANONYMOUS} ") + cast(model.id, String)


# What anonymisation clears in the tables that hold a case's rows: free text and the names,
# e-mail addresses and ids of people (the family's and the professionals') go; codes,
# moments and organisations stay for the reports. Who read or changed the case stays in the
# audit log, which is append-only.
CLEARED = (
    (CaseEventRow, {"text": None, "actor": ANONYMOUS}),
    (AdviceRow, {"samenvatting": ANONYMOUS, "advies": ANONYMOUS, "issued_by": ANONYMOUS}),
    (AfspraakRow, {"action": ANONYMOUS, "person": None}),  # organisations, dates stay
    (AdviceAttendeeRow, {"name": ANONYMOUS, "organisation": ANONYMOUS, "absence_reason": None}),
    (MandateRow, {"answered_by": ANONYMOUS}),  # the answer per organisation stays
    (BookingRow, {"booked_by": ANONYMOUS}),
    (EscalationRow, {"by": ANONYMOUS}),  # the step and its reason stay
    (SignalRow, {"note": ANONYMOUS, "noted_by": ANONYMOUS}),  # the theme still counts
    (FamilyContactRow, {"wishes": None, "done_by": ANONYMOUS, "assignee_email": ANONYMOUS}),
    (
        AttendanceRow,
        {"person_name": ANONYMOUS, "stand_in": None, "person_key": _per_row(AttendanceRow)},
    ),
    (SchilInvitationRow, {"member_email": _per_row(SchilInvitationRow), "invited_by": ANONYMOUS}),
    (  # the scores and choices stay for the reports
        EvaluationAnswerRow,
        {
            "respondent": _per_row(EvaluationAnswerRow),
            "answered_by": ANONYMOUS,
            "samenwerking": None,
            "knelpunt": None,
            "oplossing": None,
        },
    ),
    (FamilyEvaluationRow, {"answered_by": ANONYMOUS, "toelichting": None}),  # scores stay
    (LeerpuntRow, {"learned": None, "worked": None, "recorded_by": ANONYMOUS}),  # theme stays
    (  # the organisation and its kind stay for the reports
        OrganisationAdviceRow,
        {"advice": None, "sent_by": ANONYMOUS, "sent_to": ANONYMOUS},
    ),
    (GoodPracticeRow, {"marked_by": ANONYMOUS, "reviewed_by": None}),
)


async def anonymise_closed_cases(
    sessions: async_sessionmaker,
    closed_before: datetime,
    now: datetime,
    cipher: FieldCipher = PLAIN,
) -> list[str]:
    """Clears personal fields, the referrer, the names of people, the timeline notes, the
    advice texts, the documents, the notulen of its meeting day and the outbox's messages
    about it, of every case closed before `closed_before`; the categories the reports count
    stay. Returns the numbers."""
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
            for model, cleared in CLEARED:
                await session.execute(
                    update(model).where(model.case_number == case.number).values(**cleared)
                )
            await anonymise_follow_up(session, case.number)
            await delete_case_documents(session, case.number)  # they hold the free text
            await delete_case_notulen(session, case.number)
            await delete_mentioning(session, cipher, case.number)  # cards, e-mails about it
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
