"""Notulen in the database: the state of one meeting day's notulen, their transcript and
every version of the .docx (implements domain.notulen.NotulenSource and what the flow
stores). A booking and advice repository too: the notulen are drafted from the day's
bookings and the advice of its cases."""

import base64
import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from domain.booking import Booking
from domain.notulen import (
    APPROVED,
    CONCEPT,
    NotulenState,
    NotulenVersion,
    Point,
    PointKind,
    Transcript,
)
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository, _booking
from storage.models import AuditRow, BookingRow, NotulenRow, NotulenVersionRow
from storage.upsert import dialect_insert

MAX_ATTEMPTS = 10  # racing uploads: each lost race for a version number costs one


class SqlNotulenRepository(SqlBookingRepository, SqlAdviceRepository):
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
        source: str,
        by: str,
        at: datetime,
        case_numbers: Sequence[str],
        channel: str,
    ) -> NotulenVersion:
        """Stores `content` as the next version (never replacing one), audited for every
        case in it."""
        sha256 = hashlib.sha256(content).hexdigest()
        sealed = self._cipher.encrypt(base64.b64encode(content).decode("ascii"))
        for _ in range(MAX_ATTEMPTS):
            try:
                async with self._sessions.begin() as session:
                    last = await session.scalar(
                        select(func.max(NotulenVersionRow.version)).where(
                            NotulenVersionRow.meeting_date == day
                        )
                    )
                    version = (last or 0) + 1
                    session.add(
                        NotulenVersionRow(
                            meeting_date=day,
                            version=version,
                            source=source,
                            sha256=sha256,
                            content=sealed,
                            made_by=by,
                            made_at=at,
                        )
                    )
                    await session.flush()  # a racing version took the number: IntegrityError
                    session.add_all(
                        _audits(case_numbers, by, f"notulen versie {version}", channel, at)
                    )
            except IntegrityError:
                continue
            return NotulenVersion(day, version, source, sha256, content, by, at)
        raise RuntimeError(f"no free version number for the notulen of {day}")

    async def version(self, day: date, number: int | None = None) -> NotulenVersion | None:
        """Version `number` of the day's notulen, the latest without one."""
        query = select(NotulenVersionRow).where(NotulenVersionRow.meeting_date == day)
        if number is None:
            query = query.order_by(NotulenVersionRow.version.desc()).limit(1)
        else:
            query = query.where(NotulenVersionRow.version == number)
        async with self._sessions() as session:
            row = await session.scalar(query)
        if row is None:
            return None
        content = base64.b64decode(self._cipher.decrypt(row.content))
        return NotulenVersion(
            row.meeting_date, row.version, row.source, row.sha256, content, row.made_by, row.made_at
        )

    async def approve(
        self,
        day: date,
        version: int,
        by: str,
        at: datetime,
        case_numbers: Sequence[str],
        channel: str,
    ) -> bool:
        """Marks `version` approved, once: False when the notulen were approved already."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(NotulenRow)
                .where(NotulenRow.meeting_date == day, NotulenRow.status == CONCEPT)
                .values(status=APPROVED, approved_version=version, approved_by=by, approved_at=at)
            )
            if result.rowcount != 1:
                return False
            session.add_all(_audits(case_numbers, by, "notulen goedgekeurd", channel, at))
        return True

    async def record_download(
        self, day: date, version: int, case_numbers: Sequence[str], at: datetime
    ) -> None:
        async with self._sessions.begin() as session:
            action = f"notulen versie {version} gedownload"
            session.add_all(_audits(case_numbers, "downloadlink", action, "web", at))

    def _state(self, row: NotulenRow) -> NotulenState:
        stored = self._cipher.decrypt(row.transcript)
        transcript = _transcript_of(stored) if stored else None
        return NotulenState(row.meeting_date, row.status, transcript, row.approved_version)


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
                {"kind": p.kind.value, "text": p.text, "case": p.case_number, "at": p.at}
                for p in transcript.points
            ],
        },
        ensure_ascii=False,
    )


def _transcript_of(stored: str) -> Transcript:
    data = json.loads(stored)
    points = tuple(
        Point(PointKind(p["kind"]), p["text"], p["case"], p["at"]) for p in data["points"]
    )
    return Transcript(tuple(data["present"]), data["others"], points)
