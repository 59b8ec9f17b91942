"""Cases: what a submitted request becomes, its number, and the steps of its life."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from domain.mail import Mail
from domain.notices import Chat, EmailAddress, Localized, Message, Notice
from domain.ret import Member
from domain.roles import Role

if TYPE_CHECKING:  # domain.triage builds on this module
    from domain.triage import CaseEvent


class CaseStatus(StrEnum):
    AANGEMELD = "aangemeld"
    MEER_INFORMATIE = "meer informatie gevraagd"
    RET_TAFEL = "ret-tafel ingepland"
    CONSULTATIE = "consultatie"
    SAMENWERKINGSTAFEL = "samenwerkingstafel"
    DOORVERWEZEN = "doorverwezen"
    ADVIES = "advies gegeven"
    MONITOREN = "monitoren"
    AFGESLOTEN = "afgesloten"


ALLOWED: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.AANGEMELD: frozenset(
        {
            CaseStatus.MEER_INFORMATIE,
            CaseStatus.RET_TAFEL,
            CaseStatus.CONSULTATIE,
            CaseStatus.SAMENWERKINGSTAFEL,
            CaseStatus.DOORVERWEZEN,
        }
    ),
    CaseStatus.MEER_INFORMATIE: frozenset({CaseStatus.AANGEMELD}),
    CaseStatus.RET_TAFEL: frozenset({CaseStatus.ADVIES}),
    CaseStatus.CONSULTATIE: frozenset({CaseStatus.ADVIES, CaseStatus.AFGESLOTEN}),
    CaseStatus.SAMENWERKINGSTAFEL: frozenset({CaseStatus.ADVIES, CaseStatus.AFGESLOTEN}),
    CaseStatus.ADVIES: frozenset({CaseStatus.MONITOREN, CaseStatus.AFGESLOTEN}),
    CaseStatus.MONITOREN: frozenset({CaseStatus.AFGESLOTEN}),
    CaseStatus.DOORVERWEZEN: frozenset({CaseStatus.AFGESLOTEN}),
    CaseStatus.AFGESLOTEN: frozenset(),
}


class InvalidTransition(ValueError):
    pass


def check_transition(current: CaseStatus, target: CaseStatus) -> None:
    if target not in ALLOWED[current]:
        raise InvalidTransition(f"a case that is {current} cannot become {target}")


def case_number(year: int, sequence: int) -> str:
    """RET-2026-0001: per year (one database serves one RET), without gaps."""
    return f"RET-{year}-{sequence:04d}"


@dataclass(frozen=True)
class Referrer:
    channel_id: str
    user_id: str
    name: str
    aad_object_id: str | None = None


@dataclass(frozen=True)
class Case:
    number: str
    status: CaseStatus
    referrer: Referrer
    answers: dict = field(default_factory=dict)
    submitted_at: datetime | None = None
    closed_at: datetime | None = None
    self_applied: bool = False  # zelf aangemeld: by a parent or young person, not a professional

    @property
    def initials(self) -> str:
        return str(self.answers.get("initialen", ""))

    @property
    def consent_given(self) -> bool:
        return self.answers.get("toestemming") == "gegeven"

    @property
    def details_open_to_team(self) -> bool:
        """Consent is recorded, or the voorzitter overrode its absence with a reason."""
        return self.consent_given or bool(self.answers.get("toestemming_overruled"))


@dataclass(frozen=True)
class Submitted:
    """What submitting a request gave: the new case, or (`new` False) the case the same
    draft was submitted as before, by a double click or a retry after a crash."""

    case: Case
    new: bool


TEAM_VIEW_ROLES = frozenset({Role.VOORZITTER, Role.PROCESONDERSTEUNER})

# What the reports count stays after the retention period; everything else goes (the year
# of birth too: the reports count the age group in case_fact).
KEPT_FOR_REPORTS = frozenset(
    {
        "aanmelder_type",
        "gemeente",
        "geslacht",
        "woonsituatie",
        "maatregel",
        "onderwijs",
        "school_betrokken",
        "problematiek_jeugdige",
        "problematiek_ouders",
        "soort_vraag",
        "urgentie",
        "klacht_gesignaleerd",
    }
)


def anonymised(answers: dict) -> dict:
    """The request without anything that could point to a person: categories only."""
    return {key: value for key, value in answers.items() if key in KEPT_FOR_REPORTS}


def retention_cutoff(now: datetime, months: int) -> datetime:
    """Cases closed before this moment are past the retention period."""
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(now.day, 28)  # every month has a 28th
    return now.replace(year=year, month=month + 1, day=day)


class CaseRepository(Protocol):
    async def submit(
        self,
        referrer: Referrer,
        answers: dict,
        now: datetime,
        *,
        draft_id: str | None = None,
        events: "Sequence[CaseEvent]" = (),
        self_applied: bool = False,
        notices: Callable[["Case"], Sequence[Notice]] = lambda case: (),
    ) -> Submitted:
        """Numbers and stores a new case with status 'aangemeld', with its audit entry,
        first timeline `events` and the `notices` it causes, in one transaction: no gaps
        and no duplicates, also when submissions race. A draft is submitted once: its
        second submit gives the first one's case."""
        ...

    async def record_without_case(
        self, actor: str, action: str, channel: str, at: datetime
    ) -> None:
        """An audit entry for a choice made before there was a case (a request stopped)."""
        ...

    async def filed_from_draft(self, draft_id: str) -> "Case | None":
        """The case a draft was submitted as, if it was."""
        ...

    async def cases_of(self, referrer: Referrer) -> list[Case]: ...

    async def team_page(
        self, status: CaseStatus | None, page: int, size: int
    ) -> tuple[list[Case], int]:
        """One page of the RET's cases, newest first, and how many there are in all;
        only the page's cases are read (and decrypted)."""
        ...

    async def record_reads(
        self, cases: list[Case], reader: str, channel: str, at: datetime
    ) -> None:
        """One audit entry per case whose data was shown to `reader`."""
        ...


PAGE_SIZE = 20


@dataclass(frozen=True)
class CasePage:
    cases: list[Case]
    page: int  # from 0
    total: int
    status: CaseStatus | None = None
    paged: bool = False  # the team's view; a referrer sees all their own cases at once

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def has_next(self) -> bool:
        return self.paged and self.page + 1 < self.pages


EMAIL_CHANNEL = "email"  # a referrer outside Teams is known by their work address there


def same_person(viewer: Referrer, member: Member | None) -> tuple[Referrer, ...]:
    """The viewer, and, when the roster says who they are, the same person as a referrer
    known by their roster e-mail address (requests they filed without Teams). Whom the
    roster does not know is only themselves: an address is never guessed."""
    if member is None or viewer.channel_id == EMAIL_CHANNEL:
        return (viewer,)
    return (viewer, Referrer(EMAIL_CHANNEL, member.email.strip().casefold(), viewer.name))


async def visible_page(
    repository: CaseRepository,
    viewer: Referrer,
    member: Member | None,
    now: datetime,
    status: CaseStatus | None = None,
    page: int = 0,
) -> CasePage:
    """A referrer sees their own cases (also those filed by e-mail address, see
    `same_person`); the voorzitter and procesondersteuner page through
    all of the RET's, newest first, optionally of one status. Every case shown is audited
    as read."""
    if member is not None and member.role in TEAM_VIEW_ROLES:
        cases, total = await repository.team_page(status, page, PAGE_SIZE)
        shown = CasePage(cases, page, total, status, paged=True)
    else:
        found = {
            c.number: c
            for who in same_person(viewer, member)
            for c in await repository.cases_of(who)
        }
        cases = [found[number] for number in sorted(found)]
        shown = CasePage(cases, 0, len(cases))
    await repository.record_reads(
        shown.cases, member.name if member else viewer.name, viewer.channel_id, now
    )
    return shown


def family_address(case: Case) -> str | None:
    """The e-mail address a family that applied itself verified with its code (the first
    part of its contact), where retbot keeps them informed; None for any other case, or
    once the case's answers are anonymised."""
    if not case.self_applied:
        return None
    first = str(case.answers.get("aanmelder_contact", "")).split(" / ")[0].strip()
    return first if "@" in first else None


def referrer_notice(
    case: Case, message: Message | Localized, email: Mail | Localized | None
) -> Notice:
    """What the one who applied hears: in their own chat (with `email` for a referrer known
    by address), or, for a family that applied itself, only the e-mail, to the address they
    verified (their Web Chat is gone once they close the page)."""
    if email is not None and family_address(case):
        return Notice(EmailAddress(), email)
    return Notice(Chat(case.referrer.channel_id, case.referrer.user_id), message, email=email)
