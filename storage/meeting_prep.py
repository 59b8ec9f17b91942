"""The people around a booked meeting in the database (implements
domain.meeting_prep.MeetingPrepRepository). Every change is audited with the case number."""

from collections.abc import Callable, Sequence
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from domain.booking import Booking
from domain.meeting_prep import Answer, Attendance, FamilyContact, Participation
from domain.notices import Notice
from domain.triage import CaseEvent
from storage.bookings import SqlBookingRepository, _booking
from storage.encryption import FieldCipher
from storage.models import (
    AttendanceRow,
    AuditRow,
    BookingRow,
    FamilyContactRow,
    MeetingDispatchRow,
    SchilInvitationRow,
)
from storage.outbox import add_notices

MEETING_TABLES = (SchilInvitationRow, AttendanceRow, FamilyContactRow, MeetingDispatchRow)


class SqlMeetingPrepRepository(SqlBookingRepository):
    async def start_family_contact(
        self,
        task: FamilyContact,
        actor: str,
        channel: str,
        at: datetime,
        notices: Sequence[Notice] = (),
    ) -> FamilyContact:
        async with self._sessions.begin() as session:
            row = await session.get(FamilyContactRow, task.case_number, with_for_update=True)
            if row is None:
                row = FamilyContactRow(
                    case_number=task.case_number,
                    assignee_email=task.assignee_email,
                    due_date=task.due_date,
                    created_at=at,
                )
                session.add(row)
                session.add(_audit(task.case_number, actor, "contact gezin: taak", channel, at))
            elif row.done_at is None and row.due_date != task.due_date:
                row.due_date, row.reminded_at = task.due_date, None
                session.add(_audit(task.case_number, actor, "contact gezin: datum", channel, at))
            add_notices(session, notices, at, self._cipher)
            await session.flush()
            return self._task(row)

    async def family_contact(self, number: str) -> FamilyContact | None:
        async with self._sessions() as session:
            row = await session.get(FamilyContactRow, number)
        return self._task(row) if row else None

    async def assign_family_contact(
        self,
        number: str,
        email: str,
        actor: str,
        channel: str,
        at: datetime,
        notices: Sequence[Notice] = (),
    ) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(FamilyContactRow)
                .where(FamilyContactRow.case_number == number, FamilyContactRow.done_at.is_(None))
                .values(assignee_email=email, reminded_at=None)
            )
            if result.rowcount != 1:
                return False
            session.add(_audit(number, actor, "contact gezin: toegewezen", channel, at))
            add_notices(session, notices, at, self._cipher)
        return True

    async def record_family_outcome(
        self,
        number: str,
        participation: Participation,
        wishes: str,
        actor: str,
        channel: str,
        at: datetime,
    ) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(FamilyContactRow)
                .where(FamilyContactRow.case_number == number, FamilyContactRow.done_at.is_(None))
                .values(
                    done_at=at,
                    done_by=actor,
                    participation=participation.value,
                    wishes=self._cipher.encrypt(wishes),
                )
            )
            if result.rowcount != 1:
                return False
            event = CaseEvent(at, actor, "contact gezin", participation.value)
            session.add_all(self._event_rows(number, event, channel))
        return True

    async def open_family_contacts(self) -> list[FamilyContact]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(FamilyContactRow)
                .where(FamilyContactRow.done_at.is_(None))
                .order_by(FamilyContactRow.due_date, FamilyContactRow.case_number)
            )
            return [self._task(row) for row in rows]

    async def claim_family_reminder(
        self, number: str, at: datetime, notices: Sequence[Notice] = ()
    ) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(FamilyContactRow)
                .where(
                    FamilyContactRow.case_number == number,
                    FamilyContactRow.done_at.is_(None),
                    FamilyContactRow.reminded_at.is_(None),
                )
                .values(reminded_at=at)
            )
            if result.rowcount == 1:
                session.add(_audit(number, "retbot", "contact gezin: herinnering", "retbot", at))
                add_notices(session, notices, at, self._cipher)
            return result.rowcount == 1

    async def invite_schil(
        self,
        number: str,
        invited: Sequence[tuple[str, str]],
        actor: str,
        channel: str,
        at: datetime,
        invitations: Callable[[list[str]], Sequence[Notice]] = lambda new: (),
    ) -> tuple[list[str], list[Notice]]:
        new: list[str] = []
        notices: list[Notice] = []
        async with self._sessions.begin() as session:
            known = set(
                await session.scalars(
                    select(SchilInvitationRow.member_email).where(
                        SchilInvitationRow.case_number == number
                    )
                )
            )
            for email, reasons in invited:
                if email in known:
                    continue
                session.add(
                    SchilInvitationRow(
                        case_number=number,
                        member_email=email,
                        reasons=reasons[:400],
                        invited_by=actor,
                        invited_at=at,
                    )
                )
                new.append(email)
            if new:
                session.add(_audit(number, actor, "flexibele schil uitgenodigd", channel, at))
                notices = list(invitations(new))
                add_notices(session, notices, at, self._cipher)
        return new, notices

    async def schil_of(self, number: str) -> list[str]:
        async with self._sessions() as session:
            emails = await session.scalars(
                select(SchilInvitationRow.member_email)
                .where(SchilInvitationRow.case_number == number)
                .order_by(SchilInvitationRow.id)
            )
            return list(emails)

    async def answer_attendance(self, attendance: Attendance, channel: str) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                delete(AttendanceRow).where(
                    AttendanceRow.case_number == attendance.case_number,
                    AttendanceRow.person_key == attendance.person_key,
                )
            )
            session.add(
                AttendanceRow(
                    case_number=attendance.case_number,
                    person_key=attendance.person_key,
                    person_name=attendance.person_name,
                    answer=attendance.answer.value,
                    stand_in=attendance.stand_in,
                    answered_at=attendance.answered_at,
                )
            )
            action = f"aanwezigheid: {attendance.answer.value}"
            session.add(
                _audit(
                    attendance.case_number,
                    attendance.person_name,
                    action,
                    channel,
                    attendance.answered_at,
                )
            )

    async def attendance_of(self, number: str) -> list[Attendance]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(AttendanceRow).where(AttendanceRow.case_number == number)
            )
            return [
                Attendance(
                    r.case_number,
                    r.person_key,
                    r.person_name,
                    Answer(r.answer),
                    r.stand_in,
                    r.answered_at,
                )
                for r in rows
            ]

    async def bookings_from(self, day: date) -> list[Booking]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(BookingRow)
                .where(BookingRow.meeting_date >= day)
                .order_by(BookingRow.meeting_date, BookingRow.slot)
            )
            return [_booking(row) for row in rows]

    async def claim_dispatch(
        self,
        kind: str,
        meeting_date: date,
        number: str,
        at: datetime,
        notices: Sequence[Notice] = (),
    ) -> bool:
        try:
            async with self._sessions.begin() as session:
                session.add(
                    MeetingDispatchRow(
                        kind=kind, meeting_date=meeting_date, case_number=number, sent_at=at
                    )
                )
                await session.flush()  # another instance sent it: IntegrityError here
                if number:
                    session.add(_audit(number, "retbot", f"{kind} verstuurd", "retbot", at))
                add_notices(session, notices, at, self._cipher)
        except IntegrityError:
            return False
        return True

    def _task(self, row: FamilyContactRow) -> FamilyContact:
        return FamilyContact(
            row.case_number,
            row.assignee_email,
            row.due_date,
            row.done_at,
            row.done_by,
            Participation(row.participation) if row.participation else None,
            self._cipher.decrypt(row.wishes),
        )


def _audit(number: str, actor: str, action: str, channel: str, at: datetime) -> AuditRow:
    return AuditRow(at=at, actor=actor, action=action, case_number=number, channel=channel)


async def meeting_export(session, number: str, cipher: FieldCipher) -> dict:
    """What was arranged around the case's meeting, as plain data (export of a case)."""
    task = await session.get(FamilyContactRow, number)
    schil = await session.scalars(
        select(SchilInvitationRow).where(SchilInvitationRow.case_number == number)
    )
    answers = await session.scalars(
        select(AttendanceRow).where(AttendanceRow.case_number == number)
    )
    return {
        "contact_gezin": None
        if task is None
        else {
            "door": task.assignee_email,
            "uiterlijk": task.due_date.isoformat(),
            "gedaan_op": task.done_at.isoformat() if task.done_at else None,
            "gedaan_door": task.done_by,
            "deelname": task.participation,
            "wensen": cipher.decrypt(task.wishes),
        },
        "flexibele_schil": [
            {"lid": s.member_email, "vanwege": s.reasons, "door": s.invited_by} for s in schil
        ],
        "aanwezigheid": [
            {"wie": a.person_name, "antwoord": a.answer, "vervanger": a.stand_in} for a in answers
        ],
    }
