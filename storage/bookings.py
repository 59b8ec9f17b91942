"""Bookings in the database (implements domain.booking.BookingRepository). A case
repository too: the booking is read with its case and audited like its other changes."""

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from domain.booking import Booking, Slot
from domain.meetings import AMSTERDAM
from domain.notices import Notice
from domain.triage import CaseEvent
from storage.case_facts import note_meeting
from storage.cases import SqlCaseRepository
from storage.models import AuditRow, BookingRow
from storage.outbox import add_notices


class SqlBookingRepository(SqlCaseRepository):
    async def booking_of(self, number: str) -> Booking | None:
        async with self._sessions() as session:
            row = await session.scalar(select(BookingRow).where(BookingRow.case_number == number))
        return _booking(row) if row else None

    async def booking_by_uid(self, uid: str) -> Booking | None:
        async with self._sessions() as session:
            row = await session.scalar(select(BookingRow).where(BookingRow.uid == uid))
        return _booking(row) if row else None

    async def booked_slots(self, since: date) -> set[tuple[date, int]]:
        async with self._sessions() as session:
            rows = await session.execute(
                select(BookingRow.meeting_date, BookingRow.slot).where(
                    BookingRow.meeting_date >= since
                )
            )
            return {(day, slot) for day, slot in rows}

    async def add(
        self, booking: Booking, event: CaseEvent, channel: str, notices: Sequence[Notice]
    ) -> Booking | None:
        row = BookingRow(
            case_number=booking.case_number,
            **_slot_columns(booking.slot),
            uid=booking.uid,
            sequence=booking.sequence,
            booked_by=booking.booked_by,
            booked_at=booking.booked_at,
        )
        try:
            async with self._sessions.begin() as session:
                session.add(row)
                await session.flush()  # the slot or the case taken: IntegrityError here
                await note_meeting(session, booking.case_number, booking.slot.meeting_date)
                self._record(session, booking.case_number, event, channel, notices)
        except IntegrityError:
            return None
        return _booking(row)

    async def reschedule(
        self,
        booking: Booking,
        previous: Slot,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice],
    ) -> bool:
        try:
            async with self._sessions.begin() as session:
                result = await session.execute(
                    update(BookingRow)
                    .where(
                        BookingRow.case_number == booking.case_number,
                        BookingRow.meeting_date == previous.meeting_date,
                        BookingRow.slot == previous.index,
                    )
                    .values(**_slot_columns(booking.slot), sequence=booking.sequence)
                )
                if result.rowcount != 1:
                    return False
                await note_meeting(session, booking.case_number, booking.slot.meeting_date)
                self._record(session, booking.case_number, event, channel, notices)
        except IntegrityError:
            return False
        return True

    async def record_read(self, booking: Booking, reader: str, channel: str, at: datetime) -> None:
        async with self._sessions.begin() as session:
            session.add(
                AuditRow(
                    at=at,
                    actor=reader,
                    action="uitnodiging opgehaald",
                    case_number=booking.case_number,
                    channel=channel,
                )
            )

    def _record(
        self, session, number: str, event: CaseEvent, channel: str, notices: Sequence[Notice]
    ) -> None:
        """The timeline entry, its audit entry and the notices, with the change."""
        session.add_all(self._event_rows(number, event, channel))
        add_notices(session, notices, event.at, self._cipher)


def _slot_columns(slot: Slot) -> dict:
    """Stored in UTC: SQLite keeps no offset."""
    return {
        "meeting_date": slot.meeting_date,
        "slot": slot.index,
        "starts_at": slot.start.astimezone(UTC),
        "ends_at": slot.end.astimezone(UTC),
        "location": slot.location,
    }


def _local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def _booking(row: BookingRow) -> Booking:
    slot = Slot(
        row.meeting_date, row.slot, _local(row.starts_at), _local(row.ends_at), row.location
    )
    return Booking(
        row.case_number,
        slot,
        row.uid,
        row.sequence,
        row.booked_by,
        row.booked_at,
        row.id,
    )
