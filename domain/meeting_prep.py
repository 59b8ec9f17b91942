"""Around a booked RET meeting: the task to contact the family, who comes, the readiness
of each case two working days before, and the agenda the day before.

"Zonder verwijzer en jeugdige/ouders geen overleg": a case whose referrer or family has not
confirmed is flagged, so the voorzitter can move it.
"""

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from domain.booking import Booking
from domain.cases import Case
from domain.intake import age_in
from domain.notices import Notice
from domain.ret import Member, RetConfig, WorkingHours
from domain.roles import Role
from domain.working_time import working_days_before

DAYS_BEFORE_FOR_FAMILY = 2  # working days: the contact is done, the readiness card goes out
REFERRER_KEY = "verwijzer"


class Answer(StrEnum):
    KOMT = "komt"
    KAN_NIET = "kan_niet"


class Participation(StrEnum):
    """How the family takes part, as they told the RET member."""

    AANWEZIG = "aanwezig"  # at the table
    ONLINE = "online"  # by Teams or phone
    DEELS = "deels"  # part of the meeting, or someone speaks for them
    NIET = "niet"  # they do not take part


CONFIRMED = frozenset({Participation.AANWEZIG, Participation.ONLINE, Participation.DEELS})


@dataclass(frozen=True)
class FamilyContact:
    case_number: str
    assignee_email: str
    due_date: date
    done_at: datetime | None = None
    done_by: str | None = None
    participation: Participation | None = None
    wishes: str | None = None

    @property
    def open(self) -> bool:
        return self.done_at is None

    @property
    def confirmed(self) -> bool:
        return self.participation in CONFIRMED


@dataclass(frozen=True)
class Attendance:
    case_number: str
    person_key: str  # a member's email, or REFERRER_KEY
    person_name: str
    answer: Answer
    stand_in: str | None
    answered_at: datetime

    @property
    def coming(self) -> bool:
        """Somebody sits at the table: they come, or their stand-in does."""
        return self.answer is Answer.KOMT or bool(self.stand_in)


# A member's role as the advice's attendance list names it (domain.vocabularies.DEELNEMER_ROL).
TABLE_ROLE = {
    Role.VOORZITTER: "voorzitter",
    Role.KERNTEAMLID: "kernteamlid",
    Role.FLEXIBELE_SCHIL: "deskundige",
}


@dataclass(frozen=True)
class AtTheTable:
    """Someone expected at the RET-tafel, as the advice form's attendance list names them."""

    name: str
    organisation: str
    role: str  # a code of domain.vocabularies.DEELNEMER_ROL


def at_the_table(
    chair: Member, case: Case, answers: Sequence[Attendance], members: Sequence[Member]
) -> list[AtTheTable]:
    """Who the invitation's answers say sits at the table: the voorzitter, the referrer
    (unless they said they cannot come), everyone who said 'Ik kom', and the stand-in
    named by someone who cannot (in the role of whom they stand in for); members in the
    roster's order."""
    referrer_org = case.answers.get("aanmelder_organisatie")
    referrer_org = referrer_org if isinstance(referrer_org, str) else ""
    referrer = next((a for a in answers if a.person_key == REFERRER_KEY), None)
    people = [AtTheTable(chair.name, chair.organisation, "voorzitter")]
    if referrer is None or referrer.answer is Answer.KOMT:
        people.append(AtTheTable(case.referrer.name, referrer_org, "verwijzer"))
    elif referrer.stand_in:
        people.append(AtTheTable(referrer.stand_in, referrer_org, "verwijzer"))
    roster = {m.email.lower(): m for m in members if m.email.lower() != chair.email.lower()}
    order = list(roster)
    coming = [a for a in answers if a.person_key.lower() in roster and a.coming]
    for answer in sorted(coming, key=lambda a: order.index(a.person_key.lower())):
        member = roster[answer.person_key.lower()]
        name = member.name if answer.answer is Answer.KOMT else answer.stand_in or ""
        role = TABLE_ROLE.get(member.role, "anders")
        people.append(AtTheTable(name, member.organisation, role))
    return people


class NoOutcome(ValueError):
    """The family's outcome needs how they take part and their own words."""


def family_due_date(booking: Booking, hours: WorkingHours, holidays: Container[date]) -> date:
    """Two working days before the meeting."""
    return working_days_before(booking.slot.meeting_date, DAYS_BEFORE_FOR_FAMILY, hours, holidays)


def leaves_time_to_prepare(
    meeting_day: date, today: date, hours: WorkingHours, holidays: Container[date]
) -> bool:
    """Whether the family can still be contacted before the meeting's deadline (two
    working days before it) when it is booked today."""
    deadline = working_days_before(meeting_day, DAYS_BEFORE_FOR_FAMILY, hours, holidays)
    return deadline >= today


def default_contact(ret: RetConfig) -> Member | None:
    """The procesondersteuner, else the voorzitter."""
    for role in (Role.PROCESONDERSTEUNER, Role.VOORZITTER):
        if members := ret.members_with_role(role):
            return members[0]
    return None


def contact_candidates(ret: RetConfig) -> list[Member]:
    """Who can contact the family: procesondersteuner, voorzitter, kernteamleden."""
    roles = (Role.PROCESONDERSTEUNER, Role.VOORZITTER, Role.KERNTEAMLID)
    return [m for role in roles for m in ret.members_with_role(role)]


def check_outcome(participation: object, wishes: object) -> tuple[Participation, str]:
    if participation not in {p.value for p in Participation}:
        raise NoOutcome("participation")
    if not isinstance(wishes, str) or not wishes.strip():
        raise NoOutcome("wishes")
    return Participation(participation), wishes.strip()


def overdue(task: FamilyContact, today: date) -> bool:
    return task.open and task.due_date < today


def readiness_due(booking: Booking, today: date, due_date: date) -> bool:
    """From two working days before the meeting until its day."""
    return due_date <= today <= booking.slot.meeting_date


def agenda_due(meeting_date: date, today: date) -> bool:
    """The day before the meeting (or, when that moment was missed, the day itself)."""
    return meeting_date - timedelta(days=1) <= today <= meeting_date


def age_group(case: Case, on: date) -> str | None:
    """The reports' age groups: 0-8, 9-12, 13-16, 17+."""
    year = case.answers.get("geboortejaar")
    if not isinstance(year, int):
        return None
    age = age_in(year, on)
    for top, group in ((8, "0-8"), (12, "9-12"), (16, "13-16")):
        if age <= top:
            return group
    return "17+"


@dataclass(frozen=True)
class Readiness:
    """Who is ready for one case's meeting; the voorzitter's card words it."""

    case: Case
    booking: Booking
    referrer: Attendance | None
    family: FamilyContact | None
    members: list[tuple[Member, Attendance | None]]  # kernteam, then the invited schil
    schil: frozenset[str]  # emails of the invited schil members

    @property
    def referrer_confirmed(self) -> bool:
        return self.referrer is not None and self.referrer.coming

    @property
    def family_confirmed(self) -> bool:
        return self.family is not None and self.family.confirmed

    @property
    def flagged(self) -> bool:
        return not (self.referrer_confirmed and self.family_confirmed)


class MeetingPrepRepository(Protocol):
    async def start_family_contact(
        self,
        task: FamilyContact,
        actor: str,
        channel: str,
        at: datetime,
        notices: Sequence[Notice] = (),
    ) -> FamilyContact:
        """Creates the task for a newly booked case, or moves the due date of an open one
        (the booking moved); audited, stored with the notices it causes."""
        ...

    async def family_contact(self, number: str) -> FamilyContact | None: ...

    async def assign_family_contact(
        self,
        number: str,
        email: str,
        actor: str,
        channel: str,
        at: datetime,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """Another member takes the open task (stored with its notices); False when it is
        done or missing."""
        ...

    async def record_family_outcome(
        self,
        number: str,
        participation: Participation,
        wishes: str,
        actor: str,
        channel: str,
        at: datetime,
    ) -> bool:
        """The outcome, once (False: already recorded); with a timeline entry and audit."""
        ...

    async def open_family_contacts(self) -> list[FamilyContact]: ...

    async def claim_family_reminder(
        self, number: str, at: datetime, notices: Sequence[Notice] = ()
    ) -> bool:
        """True for the one caller that may send this task's overdue reminder; the reminder
        is stored with the claim."""
        ...

    async def invite_schil(
        self,
        number: str,
        invited: Sequence[tuple[str, str]],
        actor: str,
        channel: str,
        at: datetime,
        invitations: Callable[[list[str]], Sequence[Notice]] = lambda new: (),
    ) -> tuple[list[str], list[Notice]]:
        """Stores (email, reason codes) invitations, and the `invitations` of the members
        that are new; gives those members' emails and the notices."""
        ...

    async def schil_of(self, number: str) -> list[str]:
        """The emails of the schil members invited for the case."""
        ...

    async def answer_attendance(self, attendance: Attendance, channel: str) -> None:
        """Stores (or replaces) the invitee's answer, audited."""
        ...

    async def attendance_of(self, number: str) -> list[Attendance]: ...

    async def bookings_from(self, day: date) -> list[Booking]:
        """Every booking of a meeting on or after `day`, in meeting order."""
        ...

    async def claim_dispatch(
        self,
        kind: str,
        meeting_date: date,
        number: str,
        at: datetime,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """True for the one caller that may send this readiness card or agenda; the
        notices are stored with the claim."""
        ...
