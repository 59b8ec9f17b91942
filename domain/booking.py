"""Booking a case into a RET meeting: each meeting has `cases_per_meeting` slots of equal
length, and a case that goes to the RET-tafel gets the next free one.

Only a voorzitter books or moves a booking, only for a case at the RET-tafel, one booking
per case. Two cases never share a slot: the storage refuses a taken slot (a unique
constraint), and the use-case then tries the next free one, also when bookings race.
"""

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from domain.cases import Case, CaseStatus
from domain.meetings import meetings_after
from domain.notices import Notice
from domain.people import is_chair
from domain.ret import MeetingCalendar, Member
from domain.triage import CaseEvent, Decision, NotAllowed, TriageRepository, decide

MAX_ATTEMPTS = 50  # racing bookings: each lost race costs one attempt


@dataclass(frozen=True)
class Slot:
    meeting_date: date
    index: int  # 0 is the meeting's first slot
    start: datetime
    end: datetime
    location: str

    @property
    def key(self) -> tuple[date, int]:
        return (self.meeting_date, self.index)


BOOKED_EVENT, MOVED_EVENT = "overleg ingepland", "overleg verplaatst"  # in the timeline


@dataclass(frozen=True)
class Booking:
    """A case's place in a meeting. `uid` stays the same when it moves, `sequence` counts
    the moves: a calendar that imported the invitation updates the same item."""

    case_number: str
    slot: Slot
    uid: str
    sequence: int
    booked_by: str
    booked_at: datetime
    id: int | None = None


class NotBookable(Exception):
    """The case is not (or no longer) waiting for the RET-tafel."""

    def __init__(self, case: Case) -> None:
        super().__init__(f"{case.number} is {case.status}")
        self.case = case


class AlreadyBooked(Exception):
    def __init__(self, booking: Booking) -> None:
        super().__init__(f"{booking.case_number} is already booked")
        self.booking = booking


class NoFreeSlot(Exception):
    """Every slot tried was taken by a racing booking."""


def slots_of(calendar: MeetingCalendar, start: datetime) -> list[Slot]:
    """The meeting starting at `start`, cut into `cases_per_meeting` equal slots."""
    length = timedelta(minutes=calendar.duration_minutes) / calendar.cases_per_meeting
    return [
        Slot(start.date(), i, start + i * length, start + (i + 1) * length, calendar.location)
        for i in range(calendar.cases_per_meeting)
    ]


def free_slots(
    calendar: MeetingCalendar, booked: Collection[tuple[date, int]], after: datetime
) -> Iterator[Slot]:
    """The slots nobody has, of the meetings that start after `after`, in order."""
    for meeting in meetings_after(calendar, after):
        for slot in slots_of(calendar, meeting.start):
            if slot.key not in booked:
                yield slot


def next_free_slot(
    calendar: MeetingCalendar,
    booked: Collection[tuple[date, int]],
    after: datetime,
    later_than: datetime | None = None,
    prepared_in_time: Callable[[date], bool] = lambda day: True,
) -> Slot:
    """The first free slot of the first meeting after `after` that has one and still
    leaves time to prepare it (`prepared_in_time`: the family can be contacted before its
    deadline); with `later_than`, only slots that start after that moment (a move goes
    forward)."""
    return next(
        s
        for s in free_slots(calendar, booked, after)
        if (later_than is None or s.start > later_than) and prepared_in_time(s.meeting_date)
    )


class BookingRepository(TriageRepository, Protocol):
    async def booking_of(self, number: str) -> Booking | None: ...

    async def booked_slots(self, since: date) -> set[tuple[date, int]]:
        """The slots of every booking on or after `since`."""
        ...

    async def add(
        self, booking: Booking, event: CaseEvent, channel: str, notices: Sequence[Notice]
    ) -> Booking | None:
        """Stores the booking (with its id), its timeline event, audit entry and notices in
        one transaction; None when its slot or its case is already booked."""
        ...

    async def reschedule(
        self,
        booking: Booking,
        previous: Slot,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice],
    ) -> bool:
        """Stores the booking's new slot and sequence, with its event, audit entry and
        notices, only while it still has `previous`; False when the new slot is taken or
        somebody else moved it first."""
        ...

    async def booking_by_uid(self, uid: str) -> Booking | None: ...

    async def record_read(self, booking: Booking, reader: str, channel: str, at: datetime) -> None:
        """An audit entry: the booking (case number, initials, moment) was shown."""
        ...


Invitations = Callable[[Case, Booking], Sequence[Notice]]


async def plan_ret_tafel(
    repository: BookingRepository,
    calendar: MeetingCalendar,
    number: str,
    chair: Member | None,
    channel: str,
    now: datetime,
    uid: str,
    invitations: Invitations,
    prepared_in_time: Callable[[date], bool] = lambda day: True,
) -> tuple[Case, Booking, list[Notice]]:
    """The voorzitter's triage decision 'RET-tafel inplannen': the case goes to the
    RET-tafel and gets the next free slot at once. The referrer hears of both in one
    message, the invitation; the decision itself stores none. NoFreeSlot leaves the case
    at the table without a booking (book it later)."""
    case, _ = await decide(
        repository,
        number,
        chair,
        Decision.RET_TAFEL,
        None,
        channel,
        now,
        tell_referrer=lambda _: None,
    )
    booking, notices = await book(
        repository, calendar, number, chair, channel, now, uid, invitations, prepared_in_time
    )
    return case, booking, notices


async def book(
    repository: BookingRepository,
    calendar: MeetingCalendar,
    number: str,
    chair: Member | None,
    channel: str,
    now: datetime,
    uid: str,
    invitations: Invitations,
    prepared_in_time: Callable[[date], bool] = lambda day: True,
) -> tuple[Booking, list[Notice]]:
    """The case gets the next free slot that leaves time to prepare. `invitations` words
    the notices about the booking (stored with it, sent after it)."""
    case = await _bookable_case(repository, number, chair)
    for _ in range(MAX_ATTEMPTS):
        if (existing := await repository.booking_of(number)) is not None:
            raise AlreadyBooked(existing)
        booked = await repository.booked_slots(now.date())
        slot = next_free_slot(calendar, booked, now, prepared_in_time=prepared_in_time)
        booking = Booking(number, slot, uid, 0, chair.name, now)
        event = CaseEvent(now, chair.name, BOOKED_EVENT, _moment(slot))
        notices = list(invitations(case, booking))
        stored = await repository.add(booking, event, channel, notices)
        if stored is not None:
            return stored, notices
    raise NoFreeSlot(number)


async def move(
    repository: BookingRepository,
    calendar: MeetingCalendar,
    number: str,
    chair: Member | None,
    channel: str,
    now: datetime,
    invitations: Invitations,
    prepared_in_time: Callable[[date], bool] = lambda day: True,
) -> tuple[Booking, list[Notice]]:
    """The booking goes to the next free slot after its own (later that meeting or at a
    later one, of a meeting that has not started); the invitees get an update."""
    case = await _bookable_case(repository, number, chair)
    for _ in range(MAX_ATTEMPTS):
        current = await repository.booking_of(number)
        if current is None:
            raise LookupError(number)
        booked = await repository.booked_slots(now.date())
        slot = next_free_slot(
            calendar, booked, now, current.slot.start, prepared_in_time=prepared_in_time
        )
        moved = replace(current, slot=slot, sequence=current.sequence + 1)
        event = CaseEvent(now, chair.name, MOVED_EVENT, _moment(slot))
        notices = list(invitations(case, moved))
        if await repository.reschedule(moved, current.slot, event, channel, notices):
            return moved, notices
    raise NoFreeSlot(number)


async def _bookable_case(repository: BookingRepository, number: str, chair: Member | None) -> Case:
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter books a RET meeting")
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    if case.status is not CaseStatus.RET_TAFEL:
        raise NotBookable(case)
    return case


def _moment(slot: Slot) -> str:
    """For the timeline: when and where (ISO, so it reads the same in any language)."""
    return f"{slot.start.isoformat(timespec='minutes')}, {slot.location}"
