"""What the advies document shows, gathered from what retbot recorded (no I/O).

Only the case number, the initials and the age group of the jeugdige: never a name or a
birth date. Attendees are named: the document goes to the people at the table.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from domain.advice import Advice, Mandate, MandateAnswer, mandate_contact
from domain.booking import Booking
from domain.cases import Case, family_address
from domain.meetings import AMSTERDAM
from domain.ret import FollowUpCadence, OrganisationKind, RetConfig
from domain.roles import Role

AGE_GROUPS = ((0, 8, "0-8"), (9, 12, "9-12"), (13, 16, "13-16"))  # as the reports count
OLDEST_GROUP = "17+"


def age_group(year_of_birth: object, on: date) -> str | None:
    """The reports' age group, from the year of birth; None when it is not known."""
    if not isinstance(year_of_birth, int | str) or not str(year_of_birth).isdigit():
        return None
    age = on.year - int(year_of_birth)
    return next((label for low, high, label in AGE_GROUPS if low <= age <= high), OLDEST_GROUP)


class Route(StrEnum):
    """How a recipient gets the advies."""

    REFERRER = "verwijzer"  # the referrer's own chat (they pass it on to the family)
    CHAIR = "voorzitter"  # the voorzitter's own chat
    ROSTER = "rooster"  # a RET member: their chat with retbot, else an e-mail
    CONTACT = "contact"  # an organisation's contact outside Teams: an e-mail with the link
    FAMILY = "gezin"  # a family that applied itself: an e-mail with the link, to its address
    VIA_REFERRER = "via verwijzer"  # the family, through the referrer: nothing sent to them


@dataclass(frozen=True)
class Recipient:
    name: str
    organisation: str
    role: str  # a code of domain.vocabularies.DEELNEMER_ROL
    route: Route = Route.ROSTER
    email: str | None = None  # for Route.ROSTER, CONTACT and FAMILY

    @property
    def is_family(self) -> bool:
        return self.route in (Route.FAMILY, Route.VIA_REFERRER)


class Binding(StrEnum):
    """What can truly be said of the commitment, from the mandate answers."""

    CONFIRMED = "confirmed"  # every organisation with an afspraak confirmed
    PENDING = "pending"  # none refused, some not answered yet
    REFUSED = "refused"  # at least one organisation cannot carry out its part


def binding(advice: Advice, mandates: dict[str, Mandate]) -> Binding:
    answers = [mandates.get(o) for o in advice.organisations]
    if any(m is not None and m.answer is MandateAnswer.DECLINED for m in answers):
        return Binding.REFUSED
    if all(m is not None for m in answers):
        return Binding.CONFIRMED
    return Binding.PENDING


@dataclass(frozen=True)
class AdviceSheet:
    ret_name: str
    case_number: str
    initials: str
    age_group: str | None
    meeting_day: date
    meeting_place: str | None  # None: a consultation or table without a booked meeting
    gemeente: (
        str | None
    )  # the paying gemeente (woonplaatsbeginsel): the advice's, else the intake's
    advice: Advice
    mandates: dict[str, Mandate]
    follow_up: FollowUpCadence
    distribution: tuple[Recipient, ...]
    made_at: datetime
    gemeente_at_intake: str | None = None  # when the voorzitter corrected it: the intake's

    @property
    def gemeente_corrected(self) -> bool:
        return self.gemeente != self.gemeente_at_intake

    @property
    def language(self) -> str:
        return self.advice.language

    @property
    def binding(self) -> Binding:
        return binding(self.advice, self.mandates)


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
        gemeente=advice.gemeente or _text(case.answers.get("gemeente")),
        advice=advice,
        mandates=mandates,
        follow_up=ret.follow_up,
        distribution=distribution(ret, case, advice),
        made_at=now,
        gemeente_at_intake=_text(case.answers.get("gemeente")),
    )


def distribution(ret: RetConfig, case: Case, advice: Advice) -> tuple[Recipient, ...]:
    """Who receives the advice, decided here once: the document lists them and the
    publication sends to each. The one who applied: the referrer (who passes it on to the
    young person and the parents, listed as receiving it through them), or a family that
    applied itself (by e-mail, to the address it verified); the voorzitter who issued it,
    the kernteamleden of every organisation with an afspraak, the contact of every other
    organisation with one (a gemeente, a GI), and every other RET member who was present
    (once each). Attendees outside the roster have no address retbot knows: they hear it
    from their organisation's kernteamlid or the referrer."""
    family = family_address(case)
    if case.self_applied:
        applied = [Recipient("", "", "ouder", Route.FAMILY, family)] if family else []
    else:
        referrer = Recipient(
            case.referrer.name,
            _text(case.answers.get("aanmelder_organisatie")) or "",
            "verwijzer",
            Route.REFERRER,
        )
        applied = [referrer, Recipient("", "", "ouder", Route.VIA_REFERRER)]
    people = [
        *applied,
        *(
            Recipient(m.name, m.organisation, "voorzitter", Route.CHAIR)
            for m in ret.members_with_role(Role.VOORZITTER)
            if m.name == advice.issued_by
        ),
        *(
            Recipient(m.name, m.organisation, "kernteamlid", Route.ROSTER, m.email)
            for m in ret.members_with_role(Role.KERNTEAMLID)
            if m.organisation in advice.organisations
        ),
        *(
            Recipient(contact.name, organisation, _role(ret, organisation), Route.CONTACT, email)
            for organisation in advice.organisations
            if (contact := mandate_contact(ret, organisation)) is not None
            and (email := contact.email)
        ),
    ]
    roster = {m.name.casefold(): m for m in ret.members}
    for attendee in advice.attendees:
        member = roster.get(attendee.name.casefold())
        if attendee.present and member is not None:
            role, email = attendee.role, member.email
            people.append(Recipient(member.name, member.organisation, role, Route.ROSTER, email))
    seen: set[str] = set()
    unique = []
    for person in people:
        key = person.route.value if person.is_family else person.name.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return tuple(unique)


def _role(ret: RetConfig, organisation: str) -> str:
    listed = ret.organisation(organisation)
    return "gemeente" if listed and listed.kind is OrganisationKind.GEMEENTE else "anders"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
