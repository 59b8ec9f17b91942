"""What the advies document shows, gathered from what retbot recorded (no I/O).

Only the case number, the initials and the age group of the jeugdige: never a name or a
birth date. Attendees are named: the document goes to the people at the table.
"""

from dataclasses import dataclass
from datetime import date, datetime

from domain.advice import Advice, Mandate
from domain.booking import Booking
from domain.cases import Case
from domain.meetings import AMSTERDAM
from domain.ret import FollowUpCadence, RetConfig
from domain.roles import Role

AGE_GROUPS = ((0, 8, "0-8"), (9, 12, "9-12"), (13, 16, "13-16"))  # as the reports count
OLDEST_GROUP = "17+"


def age_group(year_of_birth: object, on: date) -> str | None:
    """The reports' age group, from the year of birth; None when it is not known."""
    if not isinstance(year_of_birth, int | str) or not str(year_of_birth).isdigit():
        return None
    age = on.year - int(year_of_birth)
    return next((label for low, high, label in AGE_GROUPS if low <= age <= high), OLDEST_GROUP)


@dataclass(frozen=True)
class Recipient:
    name: str
    organisation: str
    role: str  # a code of domain.vocabularies.DEELNEMER_ROL


@dataclass(frozen=True)
class AdviceSheet:
    ret_name: str
    case_number: str
    initials: str
    age_group: str | None
    meeting_day: date
    meeting_place: str | None  # None: a consultation or table without a booked meeting
    advice: Advice
    mandates: dict[str, Mandate]
    follow_up: FollowUpCadence
    distribution: tuple[Recipient, ...]
    made_at: datetime

    @property
    def language(self) -> str:
        return self.advice.language


def advice_sheet(
    ret: RetConfig,
    case: Case,
    advice: Advice,
    mandates: dict[str, Mandate],
    booking: Booking | None,
    now: datetime,
) -> AdviceSheet:
    """The meeting is the booked RET meeting when there was one, else the day the advice
    was recorded (a consultation or samenwerkingstafel)."""
    issued_on = advice.issued_at.astimezone(AMSTERDAM).date()
    day = booking.slot.meeting_date if booking else issued_on
    return AdviceSheet(
        ret_name=ret.name,
        case_number=case.number,
        initials=case.initials,
        age_group=age_group(case.answers.get("geboortejaar"), issued_on),
        meeting_day=day,
        meeting_place=booking.slot.location if booking else None,
        advice=advice,
        mandates=mandates,
        follow_up=ret.follow_up,
        distribution=distribution(ret, case, advice),
        made_at=now,
    )


def distribution(ret: RetConfig, case: Case, advice: Advice) -> tuple[Recipient, ...]:
    """Who receives the advice: the referrer, the voorzitter, the kernteamleden of every
    organisation with an afspraak, and everyone on the attendance list (once each)."""
    organisation = case.answers.get("aanmelder_organisatie")
    people = [
        Recipient(
            case.referrer.name, organisation if isinstance(organisation, str) else "", "verwijzer"
        ),
        *(
            Recipient(m.name, m.organisation, "voorzitter")
            for m in ret.members_with_role(Role.VOORZITTER)
            if m.name == advice.issued_by
        ),
        *(
            Recipient(m.name, m.organisation, "kernteamlid")
            for m in ret.members_with_role(Role.KERNTEAMLID)
            if m.organisation in advice.organisations
        ),
        *(Recipient(a.name, a.organisation, a.role) for a in advice.attendees),
    ]
    seen: set[str] = set()
    unique = []
    for person in people:
        if person.name.casefold() not in seen:
            seen.add(person.name.casefold())
            unique.append(person)
    return tuple(unique)
