"""One case as a whole: its audit trail, an export for an inzageverzoek, and purging it."""

import base64
import json
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.case_facts import FACT_TABLES
from storage.documents import case_documents, decoded_content, delete_case_documents
from storage.encryption import PLAIN, FieldCipher
from storage.evaluation import EVALUATION_TABLES, evaluation_export
from storage.follow_up import FOLLOW_UP_TABLES, follow_up_export
from storage.learning import LEARNING_TABLES, learning_export
from storage.meeting_prep import MEETING_TABLES, meeting_export
from storage.models import (
    AdviceAttendeeRow,
    AdviceRow,
    AfspraakRow,
    AuditRow,
    BookingRow,
    CaseEventRow,
    CaseRow,
    MandateRow,
    SignalRow,
)
from storage.notulen import case_notulen_export, delete_case_notulen
from storage.outbox import delete_mentioning


class CaseArchive:
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._sessions = sessions
        self._cipher = cipher

    async def audit_trail(self, number: str) -> list[AuditRow]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(AuditRow).where(AuditRow.case_number == number).order_by(AuditRow.id)
            )
            return list(rows)

    async def export(self, number: str, requested_by: str) -> dict | None:
        """Everything stored about the case, as plain data; the export itself is audited."""
        async with self._sessions.begin() as session:
            case = await session.get(CaseRow, number)
            if case is None:
                return None
            events = await session.scalars(
                select(CaseEventRow)
                .where(CaseEventRow.case_number == number)
                .order_by(CaseEventRow.id)
            )
            advice = await self._advice(session, number)
            session.add(_audit(number, requested_by, "casus geëxporteerd"))
            return {
                "casus": case.number,
                "status": case.status,
                "aangemeld_op": case.submitted_at.isoformat(),
                "aanmelder": {
                    "naam": case.referrer_name,
                    "kanaal": case.referrer_channel_id,
                    "gebruiker": case.referrer_user_id,
                    "zelf_aangemeld": case.self_applied,
                },
                "aanmelding": json.loads(self._cipher.decrypt(case.answers)),
                "verloop": [
                    {
                        "op": e.at.isoformat(),
                        "door": e.actor,
                        "wat": e.kind,
                        "toelichting": self._cipher.decrypt(e.text),
                    }
                    for e in events
                ],
                "advies": advice,
                "follow_up": await follow_up_export(session, number, self._cipher),
                "overleg": await _booking_export(session, number),
                "documenten": await self._documents(session, number),
                "notulen": await case_notulen_export(session, number),
                "rond_het_overleg": await meeting_export(session, number, self._cipher),
                "evaluatie": await evaluation_export(session, number, self._cipher),
                "leren": await learning_export(session, number, self._cipher),
            }

    async def _advice(self, session, number: str) -> dict | None:
        """The advice with its afspraken and the organisations' answers, if given."""
        advice = await session.get(AdviceRow, number)
        if advice is None:
            return None
        afspraken = await session.scalars(
            select(AfspraakRow)
            .where(AfspraakRow.case_number == number)
            .order_by(AfspraakRow.position)
        )
        mandates = await session.scalars(select(MandateRow).where(MandateRow.case_number == number))
        attendees = await session.scalars(
            select(AdviceAttendeeRow)
            .where(AdviceAttendeeRow.case_number == number)
            .order_by(AdviceAttendeeRow.position)
        )
        decrypt = self._cipher.decrypt
        return {
            "samenvatting": decrypt(advice.samenvatting),
            "advies": decrypt(advice.advies),
            "gegeven_door": advice.issued_by,
            "gegeven_op": advice.issued_at.isoformat(),
            "taal": advice.language,
            "deelnemers": [
                {
                    "naam": decrypt(a.name),
                    "organisatie": decrypt(a.organisation),
                    "rol": a.role,
                    "aanwezig": a.present,
                    "reden_afwezig": decrypt(a.absence_reason),
                }
                for a in attendees
            ],
            "afspraken": [
                {
                    "organisatie": a.organisation,
                    "actie": decrypt(a.action),
                    "uiterlijk": a.deadline.isoformat(),
                    "wie": decrypt(a.person),
                }
                for a in afspraken
            ],
            "mandaat": [
                {
                    "organisatie": m.organisation,
                    "antwoord": m.answer,
                    "door": m.answered_by,
                    "op": m.answered_at.isoformat(),
                }
                for m in mandates
            ],
        }

    async def _documents(self, session, number: str) -> list[dict]:
        """Every stored version of the case's documents, the .docx itself in base64."""
        return [
            {
                "soort": row.kind,
                "versie": row.version,
                "bestand": row.filename,
                "sha256": row.sha256,
                "gemaakt_door": row.created_by,
                "gemaakt_op": row.created_at.isoformat(),
                "inhoud_base64": base64.b64encode(decoded_content(row, self._cipher)).decode(),
            }
            for row in await case_documents(session, number)
        ]

    async def purge(self, number: str, requested_by: str) -> bool:
        """Removes the case, its timeline, its advice, its documents, the notulen of its
        meeting day and the messages about it in the outbox. The audit trail keeps who did
        what with the case number (no case content), and records the purge itself."""
        async with self._sessions.begin() as session:
            removed = await session.execute(delete(CaseRow).where(CaseRow.number == number))
            if removed.rowcount == 0:
                return False
            await session.execute(delete(CaseEventRow).where(CaseEventRow.case_number == number))
            await delete_case_notulen(session, number)  # by its booking: before that goes
            for model in (
                AdviceRow,
                AfspraakRow,
                AdviceAttendeeRow,
                MandateRow,
                BookingRow,
                *FOLLOW_UP_TABLES,
                *FACT_TABLES,
                SignalRow,
                *MEETING_TABLES,
                *EVALUATION_TABLES,
                *LEARNING_TABLES,
            ):
                await session.execute(delete(model).where(model.case_number == number))
            await delete_case_documents(session, number)
            await delete_mentioning(session, self._cipher, number)
            session.add(_audit(number, requested_by, "casus verwijderd"))
        return True


async def _booking_export(session, number: str) -> dict | None:
    """The case's place in a RET meeting, if booked."""
    row = await session.scalar(select(BookingRow).where(BookingRow.case_number == number))
    if row is None:
        return None
    return {
        "datum": row.meeting_date.isoformat(),
        "begin": row.starts_at.isoformat(),
        "einde": row.ends_at.isoformat(),
        "locatie": row.location,
        "ingepland_door": row.booked_by,
        "ingepland_op": row.booked_at.isoformat(),
        "keer_verplaatst": row.sequence,
    }


def _audit(number: str, actor: str, action: str) -> AuditRow:
    return AuditRow(
        at=datetime.now(UTC), actor=actor, action=action, case_number=number, channel="cli"
    )
