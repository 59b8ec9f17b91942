"""The notulen of one RET meeting day: who was there, and per case what was brought in,
discussed, advised, agreed and decided. Drafted by retbot from what it recorded (and from
a Teams transcript when one is sent), corrected and approved by the procesondersteuner.

Only case numbers, initials and categories of the aanmelding go in: never names of the
jeugdige or the family, never a birth date.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from domain.advice import Advice, Afspraak, Mandate
from domain.booking import Booking, Slot
from domain.cases import Case
from domain.documents import DocumentVersion
from domain.intake import age_in
from domain.meeting_prep import Answer
from domain.meeting_prep import Attendance as Answered
from domain.meetings import AMSTERDAM
from domain.notices import Notice
from domain.ret import Member, RetConfig
from domain.roles import Role

AGE_GROUPS = ((8, "0-8"), (12, "9-12"), (16, "13-16"))  # the annual reports' buckets
OLDEST_GROUP = "17+"
ATTENDING_ROLES = (Role.VOORZITTER, Role.PROCESONDERSTEUNER, Role.KERNTEAMLID)


def age_group(year_of_birth: object, on: date) -> str | None:
    """0-8, 9-12, 13-16 or 17+ (as the reports count), None without a year of birth."""
    if not isinstance(year_of_birth, int):
        return None
    age = age_in(year_of_birth, on)
    return next((group for top, group in AGE_GROUPS if age <= top), OLDEST_GROUP)


class PointKind(StrEnum):
    """What a transcript line starting with 'Afspraak:', 'Actie:', … records."""

    AFSPRAAK = "afspraak"
    ACTIE = "actie"
    BESLUIT = "besluit"
    ADVIES = "advies"


@dataclass(frozen=True)
class Point:
    """One line said in the meeting that the notulen keep; `case_number` None when it
    could not be placed under a case (it then goes under 'Overig', not lost)."""

    kind: PointKind
    text: str
    case_number: str | None
    at: str  # the moment in the recording, "00:12:04"
    speaker: str | None = None  # the roster name of who said it; None for others


@dataclass(frozen=True)
class Transcript:
    """What the notulen take from a Teams transcript: who of the roster spoke, how many
    others spoke (not named: they may be the family), and the points."""

    present: tuple[str, ...]  # roster names, in order of first words
    others: int
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Attendee:
    name: str
    organisation: str
    role: str
    absence_reason: str | None = None
    declined: bool = False  # answered 'Ik kan niet' to the invitation
    stand_in: str | None = None  # who came in their place, as they said


@dataclass(frozen=True)
class Attendance:
    present: tuple[Attendee, ...]
    absent: tuple[Attendee, ...]
    others: int  # people from outside the RET: counted, never named
    recorded: bool  # from a transcript or the advice forms, not only the invitation


@dataclass(frozen=True)
class CaseMinutes:
    number: str
    initials: str
    age_group: str | None
    soort_vraag: str | None  # the code; the document words it
    start: datetime
    samenvatting: str | None  # the bespreking: the advice's samenvatting casus
    advies: tuple[str, ...]
    afspraken: tuple[Afspraak, ...]
    said_afspraken: tuple[str, ...]  # 'Afspraak:' and 'Actie:' lines not (yet) in the advice
    besluiten: tuple[str, ...]
    mandates: tuple[Mandate, ...]
    follow_up: date | None


@dataclass(frozen=True)
class Minutes:
    ret_name: str
    meeting_date: date
    start: time | None
    location: str
    attendance: Attendance
    cases: tuple[CaseMinutes, ...]
    unplaced: tuple[Point, ...] = field(default=())


CONCEPT, APPROVED = "concept", "goedgekeurd"
REVIEWERS = (Role.PROCESONDERSTEUNER, Role.VOORZITTER)


def may_review(member: Member | None) -> bool:
    """The procesondersteuner takes the notulen; the voorzitter may stand in."""
    return member is not None and member.role in REVIEWERS


@dataclass(frozen=True)
class NotulenState:
    meeting_date: date
    status: str  # CONCEPT or APPROVED
    transcript: Transcript | None
    approved_version: int | None
    approved_by: str | None = None
    approved_at: datetime | None = None


class NoMeeting(LookupError):
    """No case was booked into a RET meeting on that day."""


class NotulenSource(Protocol):
    """What the notulen are drafted from (storage implements it)."""

    async def bookings_on(self, day: date) -> list[Booking]: ...

    async def get(self, number: str) -> Case | None: ...

    async def advice(self, number: str) -> Advice | None: ...

    async def mandates(self, number: str) -> dict[str, Mandate]: ...

    async def answers_of(self, number: str) -> list[Answered]:
        """The 'Ik kom' / 'Ik kan niet' answers to the invitation for the case."""
        ...

    async def schil_of(self, number: str) -> list[str]:
        """The e-mails of the flexibele schil invited for the case."""
        ...

    async def record_reads(
        self, cases: list[Case], reader: str, channel: str, at: datetime
    ) -> None: ...


class NotulenRepository(NotulenSource, Protocol):
    async def meetings_ended(self, since: date, before: datetime) -> list[date]:
        """Meeting days from `since` on, over before `before`, without notulen yet."""
        ...

    async def claim(self, day: date, at: datetime) -> bool:
        """Starts the day's notulen once; False when somebody started them already."""
        ...

    async def release(self, day: date) -> None:
        """Gives back a claim whose draft failed."""
        ...

    async def state(self, day: date) -> NotulenState | None: ...

    async def latest_concept(self) -> NotulenState | None: ...

    async def save_transcript(self, day: date, transcript: Transcript) -> None: ...

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
        """Stores the next version in the document store, with the notices that send it,
        audited for each case in it."""
        ...

    async def version(self, day: date, number: int | None = None) -> DocumentVersion | None:
        """Version `number` with its content; the newest without a number."""
        ...

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
        """Approves `version` once, storing the notices that send it; False when already
        approved."""
        ...


def _attendee(member: Member, record: "_Record | None" = None) -> Attendee:
    if record is None:
        return Attendee(member.name, member.organisation, member.role.value)
    return Attendee(
        member.name,
        member.organisation,
        member.role.value,
        record.reason,
        record.declined,
        record.stand_in,
    )


@dataclass
class _Record:
    """What is known of one RET member's presence, firmest source last."""

    present: bool
    reason: str | None = None
    declined: bool = False
    stand_in: str | None = None


def attendance(
    ret: RetConfig,
    transcript: Transcript | None,
    advices: Sequence[Advice],
    answers: Sequence[Answered] = (),
    schil: Sequence[str] = (),
) -> Attendance:
    """Present and absent RET members, from everything recorded together: who was invited
    (voorzitter, procesondersteuner, kernteam, and the flexibele schil invited for a case,
    `schil` by e-mail), the 'Ik kom' answers, the advice forms of the day's cases (which
    overrule an answer given beforehand) and a transcript, which adds who spoke and
    removes no one. The procesondersteuner takes the notulen and the voorzitter who
    recorded an advice led the table: present unless recorded otherwise. An invited member
    of whom nothing is known is absent. With nothing recorded at all, everybody invited
    stands as present, for the procesondersteuner to correct. People from outside the RET
    are counted, never named."""
    by_name = {_name_key(m.name): m for m in ret.members}
    by_email = {m.email.casefold(): m for m in ret.members}
    invited = [m for m in ret.members if m.role in ATTENDING_ROLES and not m.stand_in]
    for email in schil:
        member = by_email.get(email.casefold())
        if member is not None and member not in invited:
            invited.append(member)
    records: dict[str, _Record] = {}
    others: set[str] = set()
    for answer in answers:
        _answered(answer, by_name, by_email, records, others)
    _from_forms(advices, by_name, records, others)
    for name in transcript.present if transcript else ():
        if (member := by_name.get(_name_key(name))) is not None:
            records[member.name] = _Record(True)
    counted = max(len(others), transcript.others if transcript else 0)
    if not records and not counted and transcript is None:
        return Attendance(_attendees(invited), (), 0, False)
    leaders = {a.issued_by for a in advices}
    for member in invited:
        if member.name not in records and (
            member.role is Role.PROCESONDERSTEUNER or member.name in leaders
        ):
            records[member.name] = _Record(True)
    expected = invited + [m for m in ret.members if m.name in records and m not in invited]
    present = [_attendee(m) for m in expected if m.name in records and records[m.name].present]
    absent = [
        _attendee(m, records.get(m.name))
        for m in expected
        if m.name not in records or not records[m.name].present
    ]
    return Attendance(tuple(present), tuple(absent), counted, True)


def _answered(
    answer: Answered,
    by_name: dict[str, Member],
    by_email: dict[str, Member],
    records: dict[str, _Record],
    others: set[str],
) -> None:
    """An answer to an invitation: 'Ik kom' for any case of the day makes the member
    present; a stand-in who comes counts (named when on the roster)."""
    if answer.stand_in:
        stand_in = by_name.get(_name_key(answer.stand_in))
        if stand_in is not None:
            records[stand_in.name] = _Record(True)
        else:
            others.add(_name_key(answer.stand_in))
    member = by_email.get(answer.person_key.casefold())
    if member is None:  # the referrer, or someone no longer on the roster
        if answer.answer is Answer.KOMT:
            others.add(_name_key(answer.person_name))
        return
    if answer.answer is Answer.KOMT:
        records[member.name] = _Record(True)
    elif not (member.name in records and records[member.name].present):
        records[member.name] = _Record(False, declined=True, stand_in=answer.stand_in)


def _from_forms(
    advices: Sequence[Advice],
    by_name: dict[str, Member],
    records: dict[str, _Record],
    others: set[str],
) -> None:
    """The advice forms: present on any form of the day is present; absent (with the
    reason) only when on no form as present. They overrule the answers beforehand."""
    listed = [a for advice in advices for a in advice.attendees]
    on_forms: dict[str, _Record] = {}
    for person in listed:
        member = by_name.get(_name_key(person.name))
        if member is None:
            if person.present:
                others.add(_name_key(person.name))
        elif person.present:
            on_forms[member.name] = _Record(True)
        elif member.name not in on_forms:
            earlier = records.get(member.name)
            stand_in = earlier.stand_in if earlier else None
            declined = bool(earlier and earlier.declined)
            on_forms[member.name] = _Record(False, person.absence_reason, declined, stand_in)
    records.update(on_forms)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _attendees(members: Sequence[Member]) -> tuple[Attendee, ...]:
    return tuple(_attendee(m) for m in members)


def said(point: Point, members: Sequence[Member]) -> str:
    """'Thijs Wennink (Jeugd-GGZ De Bron): De Bron plant …': who said it, when they are on
    the roster (others are not named), and their words as a sentence."""
    words = point.text[:1].upper() + point.text[1:]
    member = next((m for m in members if m.name == point.speaker), None)
    return f"{member.name} ({member.organisation}): {words}" if member else words


def _texts(
    points: Sequence[Point], members: Sequence[Member], *kinds: PointKind
) -> tuple[str, ...]:
    return tuple(said(p, members) for p in points if p.kind in kinds)


def meeting_start(slot: Slot) -> datetime:
    """When the meeting began: the start of its first slot, booked or not."""
    return slot.start - slot.index * (slot.end - slot.start)


def case_minutes(
    case: Case,
    booking: Booking,
    advice: Advice | None,
    mandates: dict[str, Mandate],
    points: Sequence[Point],
    follow_up_after_days: int,
    members: Sequence[Member],
) -> CaseMinutes:
    day = booking.slot.meeting_date
    issued = advice.issued_at.date() if advice else day
    organisations = advice.organisations if advice else []
    return CaseMinutes(
        number=case.number,
        initials=case.initials,
        age_group=age_group(case.answers.get("geboortejaar"), day),
        soort_vraag=case.answers.get("soort_vraag") or None,
        start=booking.slot.start,
        samenvatting=advice.samenvatting if advice else None,
        advies=((advice.advies,) if advice else ()) + _texts(points, members, PointKind.ADVIES),
        afspraken=advice.afspraken if advice else (),
        said_afspraken=_texts(points, members, PointKind.AFSPRAAK, PointKind.ACTIE),
        besluiten=_texts(points, members, PointKind.BESLUIT),
        mandates=tuple(mandates[o] for o in organisations if o in mandates),
        follow_up=issued + timedelta(days=follow_up_after_days) if advice else None,
    )


async def meeting_attendance(
    source: NotulenSource, ret: RetConfig, day: date, transcript: Transcript | None
) -> Attendance:
    """Who was at the meeting on `day`, from the records of each case booked into it: the
    notulen show it and the approved notulen go to the RET members present."""
    advices, answers, schil = [], [], []
    for booking in await source.bookings_on(day):
        advice = await source.advice(booking.case_number)
        advices += [advice] if advice else []
        answers += await source.answers_of(booking.case_number)
        schil += await source.schil_of(booking.case_number)
    return attendance(ret, transcript, advices, answers, schil)


async def draft_minutes(
    source: NotulenSource,
    ret: RetConfig,
    day: date,
    transcript: Transcript | None,
    reader: str,
    channel: str,
    now: datetime,
) -> Minutes:
    """The notulen of the meeting on `day`, from its bookings, cases and advice (and the
    transcript, if any). Reading each case for it is audited. Raises NoMeeting."""
    bookings = sorted(await source.bookings_on(day), key=lambda b: b.slot.start)
    if not bookings:
        raise NoMeeting(day)
    points = transcript.points if transcript else ()
    cases, minutes = [], []
    for booking in bookings:
        case = await source.get(booking.case_number)
        if case is None:  # purged since it was booked
            continue
        cases.append(case)
        advice = await source.advice(case.number)
        mine = [p for p in points if p.case_number == case.number]
        minutes.append(
            case_minutes(
                case,
                booking,
                advice,
                await source.mandates(case.number),
                mine,
                ret.follow_up.first_after_days,
                ret.members,
            )
        )
    await source.record_reads(cases, reader, channel, now)
    numbers = {c.number for c in cases}
    first = bookings[0].slot
    return Minutes(
        ret_name=ret.name,
        meeting_date=day,
        start=meeting_start(first).astimezone(AMSTERDAM).time(),
        location=first.location,
        attendance=await meeting_attendance(source, ret, day, transcript),
        cases=tuple(minutes),
        unplaced=tuple(p for p in points if p.case_number not in numbers),
    )
