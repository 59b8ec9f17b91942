"""Notulen in the database: the state of one meeting day's notulen, their transcript and
every version of the .docx (implements domain.notulen.NotulenSource and what the flow
stores). A booking and advice repository too: the notulen are drafted from the day's
bookings and the advice of its cases."""

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.booking import Booking
from domain.documents import DocumentKind, DocumentRepository, DocumentVersion
from domain.meeting_prep import Attendance as Answered
from domain.notices import Notice
from domain.notulen import (
    APPROVED,
    CONCEPT,
    NotulenState,
    Point,
    PointKind,
    Transcript,
)
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository, _booking
from storage.documents import SqlDocumentRepository
from storage.encryption import PLAIN, FieldCipher
from storage.meeting_prep import SqlMeetingPrepRepository
from storage.models import AuditRow, BookingRow, DocumentVersionRow, NotulenRow
from storage.outbox import add_notices
from storage.upsert import dialect_insert


class SqlNotulenRepository(SqlBookingRepository, SqlAdviceRepository):
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        super().__init__(sessions, cipher)
        self._documents = SqlDocumentRepository(sessions, cipher)
        self._prep = SqlMeetingPrepRepository(sessions, cipher)

    async def answers_of(self, number: str) -> list[Answered]:
        return await self._prep.attendance_of(number)

    async def schil_of(self, number: str) -> list[str]:
        return await self._prep.schil_of(number)

    async def bookings_on(self, day: date) -> list[Booking]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(BookingRow).where(BookingRow.meeting_date == day).order_by(BookingRow.slot)
            )
            return [_booking(row) for row in rows]

    async def meetings_ended(self, since: date, before: datetime) -> list[date]:
        """Meeting days from `since` on whose last booked slot ended before `before` and
        whose notulen were not drafted yet."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(BookingRow.meeting_date)
                .where(BookingRow.meeting_date >= since)
                .group_by(BookingRow.meeting_date)
                .having(func.max(BookingRow.ends_at) < before)
                .order_by(BookingRow.meeting_date)
            )
            days = [day for (day,) in rows]
            drafted = set(
                await session.scalars(
                    select(NotulenRow.meeting_date).where(NotulenRow.meeting_date.in_(days))
                )
            )
        return [day for day in days if day not in drafted]

    async def claim(self, day: date, at: datetime) -> bool:
        """Starts the notulen of `day`, once: False when they were started already."""
        async with self._sessions.begin() as session:
            claimed = await session.scalar(
                dialect_insert(session.bind.dialect, NotulenRow)
                .values(meeting_date=day, status=CONCEPT, drafted_at=at)
                .on_conflict_do_nothing(index_elements=["meeting_date"])
                .returning(NotulenRow.meeting_date)
            )
        return claimed is not None

    async def release(self, day: date) -> None:
        """Gives a claim back whose draft failed, so that it is drafted later."""
        async with self._sessions.begin() as session:
            await session.execute(delete(NotulenRow).where(NotulenRow.meeting_date == day))

    async def state(self, day: date) -> NotulenState | None:
        async with self._sessions() as session:
            row = await session.get(NotulenRow, day)
        return self._state(row) if row else None

    async def latest_concept(self) -> NotulenState | None:
        """The most recent meeting day whose notulen wait for approval."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(NotulenRow)
                .where(NotulenRow.status == CONCEPT)
                .order_by(NotulenRow.meeting_date.desc())
                .limit(1)
            )
        return self._state(row) if row else None

    async def save_transcript(self, day: date, transcript: Transcript) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(NotulenRow)
                .where(NotulenRow.meeting_date == day)
                .values(transcript=self._cipher.encrypt(_transcript_json(transcript)))
            )

    async def add_version(
        self,
        day: date,
        content: bytes,
        filename: str,
        by: str,
        at: datetime,
        case_numbers: Sequence[str],
        channel: str,
        notices: Callable[[DocumentVersion], Sequence[Notice]] = lambda version: (),
    ) -> DocumentVersion:
        """Stores `content` as the next version in the document store (never replacing
        one), with the notices that send it, audited for every case in it."""
        stored = await self._documents.add(
            DocumentKind.NOTULEN, day.isoformat(), filename, content, by, channel, at, notices
        )
        async with self._sessions.begin() as session:
            action = f"notulen v{stored.version} gemaakt"
            session.add_all(_audits(case_numbers, by, action, channel, at))
        return stored

    async def version(self, day: date, number: int | None = None) -> DocumentVersion | None:
        """Version `number` of the day's notulen (with its content), the latest without one."""
        if number is None:
            return await self._documents.latest(DocumentKind.NOTULEN, day.isoformat())
        listed = await self._documents.versions(DocumentKind.NOTULEN, day.isoformat())
        found = next((v for v in listed if v.version == number), None)
        return await self._documents.get(found.id) if found else None

    async def approve(
        self,
        day: date,
        version: int,
        by: str,
        at: datetime,
        case_numbers: Sequence[str],
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """Marks `version` approved, once, with the notices that send it: False when the
        notulen were approved already."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(NotulenRow)
                .where(NotulenRow.meeting_date == day, NotulenRow.status == CONCEPT)
                .values(status=APPROVED, approved_version=version, approved_by=by, approved_at=at)
            )
            if result.rowcount != 1:
                return False
            session.add_all(_audits(case_numbers, by, "notulen goedgekeurd", channel, at))
            add_notices(session, notices, at, self._cipher)
        return True

    async def record_reads_of(
        self,
        numbers: Sequence[str],
        version: DocumentVersion,
        reader: str,
        channel: str,
        at: datetime,
    ) -> None:
        """An audit entry per case: this version of the notulen was read."""
        async with self._sessions.begin() as session:
            action = f"notulen v{version.version} opgehaald"
            session.add_all(_audits(numbers, reader, action, channel, at))

    def _state(self, row: NotulenRow) -> NotulenState:
        stored = self._cipher.decrypt(row.transcript)
        transcript = _transcript_of(stored) if stored else None
        return NotulenState(
            row.meeting_date,
            row.status,
            transcript,
            row.approved_version,
            row.approved_by,
            row.approved_at,
        )


def _audits(numbers: Sequence[str], actor: str, action: str, channel: str, at: datetime):
    return [
        AuditRow(at=at, actor=actor, action=action, case_number=n, channel=channel) for n in numbers
    ]


def _transcript_json(transcript: Transcript) -> str:
    return json.dumps(
        {
            "present": list(transcript.present),
            "others": transcript.others,
            "points": [
                {
                    "kind": p.kind.value,
                    "text": p.text,
                    "case": p.case_number,
                    "at": p.at,
                    "speaker": p.speaker,
                }
                for p in transcript.points
            ],
        },
        ensure_ascii=False,
    )


def _transcript_of(stored: str) -> Transcript:
    data = json.loads(stored)
    points = tuple(
        Point(PointKind(p["kind"]), p["text"], p["case"], p["at"], p.get("speaker"))
        for p in data["points"]
    )
    return Transcript(tuple(data["present"]), data["others"], points)


async def _meeting_day_of(session: AsyncSession, number: str) -> date | None:
    return await session.scalar(
        select(BookingRow.meeting_date).where(BookingRow.case_number == number)
    )


async def case_notulen_export(session: AsyncSession, number: str) -> list[dict]:
    """Which versions of the notulen of the case's meeting day exist: without their
    content, which is about the other cases of that day too."""
    day = await _meeting_day_of(session, number)
    if day is None:
        return []
    rows = await session.scalars(
        select(DocumentVersionRow)
        .where(
            DocumentVersionRow.kind == DocumentKind.NOTULEN.value,
            DocumentVersionRow.subject == day.isoformat(),
        )
        .order_by(DocumentVersionRow.version)
    )
    return [
        {
            "vergaderdatum": day.isoformat(),
            "versie": row.version,
            "sha256": row.sha256,
            "gemaakt_door": row.created_by,
            "gemaakt_op": row.created_at.isoformat(),
            "inhoud": "niet meegegeven: de notulen gaan ook over andere casussen",
        }
        for row in rows
    ]


async def delete_case_notulen(session: AsyncSession, number: str) -> None:
    """Purge and anonymisation: the notulen of the case's meeting day hold its free text
    and cannot lose one case's part, so every version goes, with their transcript. Call
    it before the booking is removed."""
    day = await _meeting_day_of(session, number)
    if day is None:
        return
    await session.execute(
        delete(DocumentVersionRow).where(
            DocumentVersionRow.kind == DocumentKind.NOTULEN.value,
            DocumentVersionRow.subject == day.isoformat(),
        )
    )
    await session.execute(
        update(NotulenRow).where(NotulenRow.meeting_date == day).values(transcript=None)
    )


class CaseAuditedDocuments:
    """The document store as the download page uses it, auditing a download of the
    notulen under every case of that meeting day too (the store itself can name one case
    only, for an advies)."""

    def __init__(self, documents: DocumentRepository, notulen: SqlNotulenRepository) -> None:
        self._documents = documents
        self._notulen = notulen

    async def latest(self, kind: DocumentKind, subject: str) -> DocumentVersion | None:
        return await self._documents.latest(kind, subject)

    async def record_read(
        self, version: DocumentVersion, reader: str, channel: str, now: datetime
    ) -> None:
        await self._documents.record_read(version, reader, channel, now)
        if version.kind is not DocumentKind.NOTULEN:
            return
        day = date.fromisoformat(version.subject)
        numbers = [b.case_number for b in await self._notulen.bookings_on(day)]
        await self._notulen.record_reads_of(numbers, version, reader, channel, now)
