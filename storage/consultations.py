"""Consultations in the database (implements domain.consultations.ConsultationRepository)."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.consultations import Asker, Consultation, ConsultationStatus
from domain.notices import Notice
from domain.quick_questions import Topic
from storage.database import is_row_id
from storage.encryption import PLAIN, FieldCipher
from storage.models import ConsultationRow
from storage.outbox import add_notices


class SqlConsultationRepository:
    """The question and the answer are encrypted when a key is set."""

    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._sessions = sessions
        self._cipher = cipher

    async def add(
        self,
        consultation: Consultation,
        notices: Callable[[Consultation], Sequence[Notice]] = lambda c: (),
    ) -> Consultation:
        row = ConsultationRow(**self._columns(consultation))
        async with self._sessions.begin() as session:
            session.add(row)
            await session.flush()
            added = self._to_consultation(row)
            add_notices(session, notices(added), consultation.asked_at, self._cipher)
            return added

    async def get(self, consultation_id: int) -> Consultation | None:
        if not is_row_id(consultation_id):
            return None
        async with self._sessions() as session:
            row = await session.get(ConsultationRow, consultation_id)
        return self._to_consultation(row) if row else None

    async def replace_if_status(
        self,
        consultation: Consultation,
        expected: ConsultationStatus,
        notices: Sequence[Notice] = (),
        at: datetime | None = None,
    ) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(ConsultationRow)
                .where(ConsultationRow.id == consultation.id, ConsultationRow.status == expected)
                .values(**self._columns(consultation))
            )
            if result.rowcount != 1:
                return False
            add_notices(session, notices, at or consultation.asked_at, self._cipher)
        return True

    async def waiting_for_chair(self) -> list[Consultation]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(ConsultationRow)
                .where(
                    ConsultationRow.status == ConsultationStatus.WITH_CHAIR.value,
                    ConsultationRow.reminded_at.is_(None),
                )
                .order_by(ConsultationRow.id)
            )
            return [self._to_consultation(row) for row in rows]

    async def claim_reminder(
        self, consultation_id: int, at: datetime, notices: Sequence[Notice] = ()
    ) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(ConsultationRow)
                .where(ConsultationRow.id == consultation_id, ConsultationRow.reminded_at.is_(None))
                .values(reminded_at=at)
            )
            if result.rowcount != 1:
                return False
            add_notices(session, notices, at, self._cipher)
        return True

    def _columns(self, consultation: Consultation) -> dict:
        columns = _columns(consultation)
        columns["question"] = self._cipher.encrypt(consultation.question)
        columns["answer"] = self._cipher.encrypt(consultation.answer)
        return columns

    def _to_consultation(self, row: ConsultationRow) -> Consultation:
        consultation = _to_consultation(row)
        return replace(
            consultation,
            question=self._cipher.decrypt(row.question),
            answer=self._cipher.decrypt(row.answer),
        )


def _columns(consultation: Consultation) -> dict:
    asker = consultation.asker
    return {
        "question": consultation.question,
        "asker_channel_id": asker.channel_id,
        "asker_user_id": asker.user_id,
        "asker_name": asker.name,
        "asker_organisation": asker.organisation,
        "asker_aad_object_id": asker.aad_object_id,
        "topic": consultation.topic.value,
        "status": consultation.status.value,
        "asked_at": consultation.asked_at,
        "answer": consultation.answer,
        "handled_by": consultation.handled_by,
        "handled_at": consultation.handled_at,
        "reminded_at": consultation.reminded_at,
    }


def _to_consultation(row: ConsultationRow) -> Consultation:
    return Consultation(
        id=row.id,
        question=row.question,
        asker=Asker(
            channel_id=row.asker_channel_id,
            user_id=row.asker_user_id,
            name=row.asker_name,
            organisation=row.asker_organisation,
            aad_object_id=row.asker_aad_object_id,
        ),
        topic=Topic(row.topic),
        status=ConsultationStatus(row.status),
        asked_at=row.asked_at,
        answer=row.answer,
        handled_by=row.handled_by,
        handled_at=row.handled_at,
        reminded_at=row.reminded_at,
    )
