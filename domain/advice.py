"""The zwaarwegend advies and the mandate of the organisations at the table.

After the RET meeting (or a consultation or samenwerkingstafel) the voorzitter records the
advice: a summary of the case, the advice itself and the afspraken (which organisation does
what, by when). Each organisation's kernteamlid then confirms, with the mandate of their
organisation, that it will carry out its part, or says it cannot (which is where escalation
would start). An afspraak can also belong to a betrokken organisatie from the RET file
without a kernteamlid (the paying gemeente, a GI): its contact there answers for it, by a
signed link in an e-mail (or in Teams, when they are on the roster). Only the voorzitter
issues advice; only whoever answers for the organisation concerned answers for it.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from domain.cases import Case, CaseStatus, check_transition
from domain.mail import Mail
from domain.meetings import AMSTERDAM
from domain.notices import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Chair,
    ChairPlace,
    Chat,
    EmailAddress,
    Job,
    Localized,
    Notice,
    by_language,
)
from domain.people import is_chair
from domain.ret import Member, OrganisationContact, RetConfig
from domain.roles import Role
from domain.triage import AlreadyDecided, CaseEvent, NotAllowed, NoteMissing
from domain.vocabularies import DEELNEMER_ROL

ADVISABLE = frozenset({CaseStatus.RET_TAFEL, CaseStatus.CONSULTATIE, CaseStatus.SAMENWERKINGSTAFEL})
ISSUED = "advies gegeven"
DOCUMENT_JOB = "advies-document"  # builds the next version of the Word document
CONFIRMED_EVENT = "mandaat bevestigd"
DECLINED_EVENT = "mandaat niet bevestigd"
GEMEENTE_CORRECTED = "gemeente gecorrigeerd"


@dataclass(frozen=True)
class Afspraak:
    organisation: str
    action: str
    deadline: date
    person: str | None = None


@dataclass(frozen=True)
class Attendee:
    """Who took part (or was expected and stayed away, with the reason)."""

    name: str
    organisation: str
    role: str  # a code of domain.vocabularies.DEELNEMER_ROL
    present: bool = True
    absence_reason: str | None = None


@dataclass(frozen=True)
class Advice:
    case_number: str
    samenvatting: str
    advies: str
    afspraken: tuple[Afspraak, ...]
    issued_by: str
    issued_at: datetime
    attendees: tuple[Attendee, ...] = ()
    language: str = "nl"  # the language it was recorded in; its document follows it
    gemeente: str | None = None  # the paying gemeente, as the voorzitter recorded it

    @property
    def organisations(self) -> list[str]:
        """Each organisation with a part in the advice, in the order of the afspraken."""
        return list(dict.fromkeys(a.organisation for a in self.afspraken))


class MandateAnswer(StrEnum):
    CONFIRMED = "bevestigd"
    DECLINED = "niet bevestigd"


@dataclass(frozen=True)
class Mandate:
    """One organisation's answer to its part of the advice, and who gave it."""

    organisation: str
    answer: MandateAnswer
    by: str
    at: datetime


@dataclass(frozen=True)
class AttendeeInput:
    """One filled-in attendance row of the advice form, as typed (row counts from 1)."""

    row: int
    name: str
    organisation: str = ""
    role: str = ""
    present: str = "ja"  # "ja" or "nee"
    reason: str = ""


@dataclass(frozen=True)
class AfspraakInput:
    """One filled-in row of the advice form, as typed (row counts from 1)."""

    row: int
    organisation: str
    action: str
    deadline: str
    person: str = ""


class ProblemKind(StrEnum):
    SAMENVATTING_EMPTY = "samenvatting_empty"
    ADVIES_EMPTY = "advies_empty"
    GEMEENTE_UNKNOWN = "gemeente_unknown"
    NO_AFSPRAAK = "no_afspraak"
    ORGANISATION_MISSING = "organisation_missing"
    ORGANISATION_UNKNOWN = "organisation_unknown"
    ACTION_MISSING = "action_missing"
    DEADLINE_MISSING = "deadline_missing"
    DEADLINE_FORMAT = "deadline_format"
    DEADLINE_PAST = "deadline_past"
    NO_ATTENDEE = "no_attendee"
    ATTENDEE_NAME_MISSING = "attendee_name_missing"
    ATTENDEE_ROLE_UNKNOWN = "attendee_role_unknown"
    ABSENCE_REASON_MISSING = "absence_reason_missing"


@dataclass(frozen=True)
class Problem:
    """What is wrong with the advice form; the flow words it in the user's language."""

    kind: ProblemKind
    row: int | None = None
    attendee: int | None = None  # the attendance row, for attendance problems


class AdviceIncomplete(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.kind.value for p in problems))
        self.problems = problems


class MeetingAhead(Exception):
    """The case's RET meeting has not taken place yet: advice follows the meeting."""

    def __init__(self, starts_at: datetime) -> None:
        super().__init__(f"the meeting starts at {starts_at.isoformat()}")
        self.starts_at = starts_at


class AlreadyAnswered(Exception):
    """This organisation's answer stands (a confirmation is final); nothing changed."""


class AdviceRepository(Protocol):
    async def get(self, number: str) -> Case | None: ...

    async def issue(
        self,
        advice: Advice,
        case: Case,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
        correction: CaseEvent | None = None,
    ) -> bool:
        """Stores the advice with its afspraken, moves the case to 'advies gegeven' and
        writes its event, audit entry and notices in one transaction, only while the case
        still has status `case.status`; with `correction`, the corrected paying gemeente
        (the advice's) goes into the case's facts with that event. False when somebody
        else moved it first."""
        ...

    async def advice(self, number: str) -> Advice | None: ...

    async def mandates(self, number: str) -> dict[str, Mandate]:
        """The answers given so far, by organisation."""
        ...

    async def record_mandate(
        self,
        number: str,
        mandate: Mandate,
        event: CaseEvent,
        channel: str,
        notices: Callable[[dict[str, Mandate]], Sequence[Notice]] = lambda answers: (),
    ) -> list[Notice] | None:
        """Stores the answer with its event, audit entry and the notices it causes (worded
        from every answer given, this one included; answers to one advice are recorded
        one at a time). None, and nothing stored, when the organisation has confirmed
        already (or declined already, for a second decline)."""
        ...


def mandate_organisations(ret: RetConfig) -> list[str]:
    """The organisations an afspraak can be made with: those with a kernteamlid, and the
    betrokken organisaties of the RET file (each with a contact who confirms its part)."""
    kernteam = {m.organisation for m in ret.members_with_role(Role.KERNTEAMLID)}
    return sorted(kernteam | {o.name for o in ret.organisations})


def mandate_contact(ret: RetConfig, organisation: str) -> OrganisationContact | None:
    """Who the RET file names to confirm the mandate of an organisation without a
    kernteamlid (a gemeente, a GI); None where kernteamleden answer for it."""
    if any(m.organisation == organisation for m in ret.members_with_role(Role.KERNTEAMLID)):
        return None
    listed = ret.organisation(organisation)
    return listed.contact if listed is not None else None


def contacts_by_email(
    ret: RetConfig, organisations: Sequence[str]
) -> dict[str, OrganisationContact]:
    """Of `organisations`, those whose contact answers by the link in an e-mail: the
    contact is not on the roster (a roster member answers on the card in Teams)."""
    roster = {m.email.casefold() for m in ret.members}
    found = {o: mandate_contact(ret, o) for o in organisations}
    return {o: c for o, c in found.items() if c is not None and c.email.casefold() not in roster}


@dataclass(frozen=True)
class Answerer:
    """Who answers for an organisation's part: its kernteamlid, or its contact."""

    name: str
    organisation: str


def member_answerer(ret: RetConfig, member: Member | None, organisation: str) -> Answerer:
    """The member, if they may answer for `organisation` in Teams: a kernteamlid of it, or
    (for an organisation without one) the contact the RET file names, when on the roster."""
    if member is None:
        raise NotAllowed("only a kernteamlid or the organisation's contact answers for it")
    contact = mandate_contact(ret, organisation)
    if contact is not None:
        if member.email.casefold() != contact.email.casefold():
            raise NotAllowed("the RET file names another contact for this organisation")
        return Answerer(member.name, organisation)
    if member.role is not Role.KERNTEAMLID:
        raise NotAllowed("only a kernteamlid confirms their organisation's mandate")
    if member.organisation != organisation:
        raise NotAllowed("a kernteamlid answers for their own organisation only")
    return Answerer(member.name, organisation)


def contact_answerer(ret: RetConfig, organisation: str) -> Answerer:
    """The contact behind a mandate link (the link names the organisation)."""
    contact = mandate_contact(ret, organisation)
    if contact is None:
        raise NotAllowed("no contact in the RET file answers for this organisation")
    return Answerer(contact.name, organisation)


def check_may_advise(
    chair: Member | None,
    case: Case | None,
    number: str,
    meeting_starts: datetime | None,
    now: datetime,
) -> Case:
    """Only the voorzitter, only for a case that was at a table or in consultation, and
    not before its booked RET meeting began (`meeting_starts`: None when the case had no
    meeting, as in a consultation). Who asks is checked first: others do not learn which
    case numbers exist."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter of this RET issues advice")
    if case is None:
        raise LookupError(number)
    if case.status not in ADVISABLE:
        raise AlreadyDecided(case)
    if meeting_starts is not None and now < meeting_starts:
        raise MeetingAhead(meeting_starts)
    return case


def check_afspraken(
    rows: list[AfspraakInput], organisations: list[str], today: date
) -> tuple[list[Afspraak], list[Problem]]:
    """The afspraken of the filled-in rows, and what is wrong with the rest."""
    afspraken: list[Afspraak] = []
    problems: list[Problem] = []
    for row in rows:
        found = _row_problems(row, organisations, today)
        if found:
            problems += found
            continue
        deadline = date.fromisoformat(row.deadline.strip())
        person = row.person.strip() or None
        afspraken.append(Afspraak(row.organisation, row.action.strip(), deadline, person))
    if not rows:
        problems.append(Problem(ProblemKind.NO_AFSPRAAK))
    return afspraken, problems


ROLE_CODES = frozenset(t.code for t in DEELNEMER_ROL)


def check_attendees(rows: list[AttendeeInput]) -> tuple[list[Attendee], list[Problem]]:
    """Who took part; at least one person present, a reason for everyone absent."""
    attendees: list[Attendee] = []
    problems: list[Problem] = []
    for row in rows:
        present = row.present.strip() != "nee"
        found = []
        if not row.name.strip():
            found.append(Problem(ProblemKind.ATTENDEE_NAME_MISSING, attendee=row.row))
        if (row.role.strip() or "anders") not in ROLE_CODES:
            found.append(Problem(ProblemKind.ATTENDEE_ROLE_UNKNOWN, attendee=row.row))
        if not present and not row.reason.strip():
            found.append(Problem(ProblemKind.ABSENCE_REASON_MISSING, attendee=row.row))
        if found:
            problems += found
            continue
        reason = None if present else row.reason.strip()
        role = row.role.strip() or "anders"
        attendees.append(
            Attendee(row.name.strip(), row.organisation.strip(), role, present, reason)
        )
    if not any(a.present for a in attendees) and not problems:
        problems.append(Problem(ProblemKind.NO_ATTENDEE))
    return attendees, problems


def _row_problems(row: AfspraakInput, organisations: list[str], today: date) -> list[Problem]:
    problems = []
    if not row.organisation.strip():
        problems.append(Problem(ProblemKind.ORGANISATION_MISSING, row.row))
    elif row.organisation not in organisations:
        problems.append(Problem(ProblemKind.ORGANISATION_UNKNOWN, row.row))
    if not row.action.strip():
        problems.append(Problem(ProblemKind.ACTION_MISSING, row.row))
    deadline = row.deadline.strip()
    if not deadline:
        problems.append(Problem(ProblemKind.DEADLINE_MISSING, row.row))
        return problems
    try:
        day = date.fromisoformat(deadline)
    except ValueError:
        problems.append(Problem(ProblemKind.DEADLINE_FORMAT, row.row))
        return problems
    if day < today:
        problems.append(Problem(ProblemKind.DEADLINE_PAST, row.row))
    return problems


@dataclass(frozen=True)
class AdviceInput:
    """The advice form as filled in (over its steps)."""

    samenvatting: str
    advies: str
    rows: list[AfspraakInput]
    attendance: list[AttendeeInput]
    gemeente: str = ""  # the paying gemeente; empty: the gemeente given at the intake


def paying_gemeente(case: Case) -> str | None:
    """The gemeente given at the intake (the woonplaatsbeginsel may point elsewhere)."""
    found = case.answers.get("gemeente")
    return found if isinstance(found, str) and found.strip() else None


async def issue_advice(
    repository: AdviceRepository,
    number: str,
    chair: Member | None,
    form: AdviceInput,
    ret: RetConfig,
    channel: str,
    now: datetime,
    words: "AdviceWording",
    language: str = "nl",
    meeting_starts: datetime | None = None,
) -> tuple[Case, Advice, list[Notice]]:
    """Records the voorzitter's advice and moves the case to 'advies gegeven'. With it are
    stored: the mandate card where the team works, an e-mail with the answer link to each
    contact who confirms outside Teams, a word to the referrer, and the job that builds the
    advies as Word and sends it to everyone who receives it. A corrected paying gemeente
    is recorded with it (and in the case's timeline and audit).

    Raises NotAllowed, LookupError, AlreadyDecided (wrong status, or moved meanwhile),
    MeetingAhead (the booked meeting, starting at `meeting_starts`, is still to come) or
    AdviceIncomplete (with every problem at once, so the form can show them together).
    """
    case = check_may_advise(chair, await repository.get(number), number, meeting_starts, now)
    check_transition(case.status, CaseStatus.ADVIES)
    organisations = mandate_organisations(ret)
    today = now.astimezone(AMSTERDAM).date()
    afspraken, problems = check_afspraken(form.rows, organisations, today)
    attendees, attendance_problems = check_attendees(list(form.attendance))
    problems += attendance_problems
    intake_gemeente = paying_gemeente(case)
    gemeente = form.gemeente.strip() or intake_gemeente
    if gemeente is not None and gemeente != intake_gemeente and gemeente not in ret.gemeenten:
        problems.insert(0, Problem(ProblemKind.GEMEENTE_UNKNOWN))
    if not form.advies.strip():
        problems.insert(0, Problem(ProblemKind.ADVIES_EMPTY))
    if not form.samenvatting.strip():
        problems.insert(0, Problem(ProblemKind.SAMENVATTING_EMPTY))
    if problems:
        raise AdviceIncomplete(problems)
    advice = Advice(
        number,
        form.samenvatting.strip(),
        form.advies.strip(),
        tuple(afspraken),
        chair.name,
        now,
        tuple(attendees),
        language,
        gemeente,
    )
    event = CaseEvent(now, chair.name, ISSUED, None)
    correction = None
    if gemeente != intake_gemeente:
        change = f"{intake_gemeente or '-'} → {gemeente}"
        correction = CaseEvent(now, chair.name, GEMEENTE_CORRECTED, change)
    issued = replace(case, status=CaseStatus.ADVIES)
    referrer = issued.referrer
    told = (
        by_language(lambda language: words.advice_issued(issued, language) or "")
        if words.advice_issued(issued, DEFAULT_LANGUAGE)
        else None
    )
    card = by_language(
        lambda language: words.mandate_card(MandateState(issued, advice, {}), language)
    )
    contacts = contacts_by_email(ret, advice.organisations)
    notices = [
        Notice(Chair(), card),
        *(
            Notice(EmailAddress(), words.contact_mail(issued, organisation, contact))
            for organisation, contact in contacts.items()
        ),
        *([Notice(Chat(referrer.channel_id, referrer.user_id), told)] if told else []),
        document_job(number, chair.name, channel, publish=True, mandates={}),
    ]
    if not await repository.issue(advice, case, event, channel, notices, correction):
        raise AlreadyDecided(await repository.get(number) or case)
    return issued, advice, notices


def document_job(
    number: str, by: str, channel: str, publish: bool, mandates: dict[str, "Mandate"]
) -> Notice:
    """The next version of the advies as Word; `publish`: sent to everyone who receives it
    (on issue, and once every organisation confirmed), else kept for whoever opens it.
    The version shows the answers as they were with this change (`mandates`), not as
    they are when the job runs: two quick answers give two versions, each true."""
    params = {
        "case": number,
        "by": by,
        "channel": channel,
        "publish": publish,
        "mandates": [
            {
                "organisation": m.organisation,
                "answer": m.answer.value,
                "by": m.by,
                "at": m.at.isoformat(),
            }
            for m in mandates.values()
        ],
    }
    return Notice(Job(DOCUMENT_JOB), params)


def mandates_of_job(params: dict) -> dict[str, Mandate] | None:
    """The answers a document job was made with; None for a job stored before jobs
    carried them (then: as they are now)."""
    if "mandates" not in params:
        return None
    return {
        m["organisation"]: Mandate(
            m["organisation"], MandateAnswer(m["answer"]), m["by"], datetime.fromisoformat(m["at"])
        )
        for m in params["mandates"]
    }


class AdviceWording(Protocol):
    """How the flow words what the advice and its mandate answers cause."""

    def mandate_card(self, state: "MandateState", language: str) -> dict: ...

    def contact_mail(self, case: Case, organisation: str, contact: OrganisationContact) -> Mail:
        """To an organisation's contact outside Teams: the link to answer for its part
        (the case number and initials only)."""
        ...

    def advice_issued(self, case: Case, language: str) -> str | None:
        """To the referrer: the advice is there (the case number only); None when the
        advies document's own message will say so."""
        ...

    def declined(
        self, state: "MandateState", organisation: str, reason: str, language: str
    ) -> tuple[str, str]:
        """For the voorzitter: where the team works (no reason there), and privately."""
        ...

    def all_confirmed(self, state: "MandateState", language: str) -> str: ...


def _mandate_notices(
    words: AdviceWording,
    state: "MandateState",
    answer: "Mandate",
    reason: str,
    answerer: Answerer,
    channel: str,
) -> list[Notice]:
    """What an answer causes: the voorzitter hears of a decline (the reason only in their
    own chat) and of the last confirmation; each answer makes a new version of the
    document, and the last confirmation sends it to everyone again."""
    notices = []
    if answer.answer is MandateAnswer.DECLINED:
        said = {
            language: words.declined(state, answer.organisation, reason, language)
            for language in LANGUAGES
        }
        alert = Localized({language: pair[0] for language, pair in said.items()})
        private = Localized({language: pair[1] for language, pair in said.items()})
        notices += [Notice(Chair(), alert), Notice(Chair(ChairPlace.PRIVATE), private)]
    elif state.all_confirmed:
        confirmed = by_language(lambda language: words.all_confirmed(state, language))
        notices.append(Notice(Chair(), confirmed))
    notices.append(
        document_job(
            state.case.number,
            answerer.name,
            channel,
            publish=state.all_confirmed,
            mandates=state.mandates,
        )
    )
    return notices


@dataclass(frozen=True)
class MandateState:
    """Where the advice stands after an answer: for the shared card and for telling the
    voorzitter."""

    case: Case
    advice: Advice
    mandates: dict[str, Mandate]

    @property
    def all_confirmed(self) -> bool:
        return all(
            self.mandates.get(o) is not None and self.mandates[o].answer is MandateAnswer.CONFIRMED
            for o in self.advice.organisations
        )


async def mandate_state(repository: AdviceRepository, number: str) -> MandateState:
    case = await repository.get(number)
    advice = await repository.advice(number)
    if case is None or advice is None:
        raise LookupError(number)
    return MandateState(case, advice, await repository.mandates(number))


async def confirm_mandate(
    repository: AdviceRepository,
    number: str,
    answerer: Answerer,
    channel: str,
    now: datetime,
    words: AdviceWording,
) -> tuple[MandateState, list[Notice]]:
    """The kernteamlid (or contact) confirms that their organisation carries out its part.
    A second confirmation raises AlreadyAnswered and changes nothing."""
    organisation = answerer.organisation
    state = await _answerable(repository, number, organisation)
    earlier = state.mandates.get(organisation)
    if earlier is not None and earlier.answer is MandateAnswer.CONFIRMED:
        raise AlreadyAnswered(organisation)
    mandate = Mandate(organisation, MandateAnswer.CONFIRMED, answerer.name, now)
    event = CaseEvent(now, answerer.name, CONFIRMED_EVENT, organisation)
    return await _record(repository, state, mandate, event, "", answerer, channel, words)


async def _record(
    repository: "AdviceRepository",
    state: MandateState,
    mandate: Mandate,
    event: CaseEvent,
    reason: str,
    answerer: Answerer,
    channel: str,
    words: AdviceWording,
) -> tuple[MandateState, list[Notice]]:
    number = state.case.number
    after: list[MandateState] = []

    def caused(answers: dict[str, Mandate]) -> list[Notice]:
        after.append(replace(state, mandates=answers))
        return _mandate_notices(words, after[0], mandate, reason, answerer, channel)

    notices = await repository.record_mandate(number, mandate, event, channel, caused)
    if notices is None:
        raise AlreadyAnswered(mandate.organisation)
    return after[0], notices


async def decline_mandate(
    repository: AdviceRepository,
    number: str,
    answerer: Answerer,
    reason: str | None,
    channel: str,
    now: datetime,
    words: AdviceWording,
) -> tuple[MandateState, list[Notice]]:
    """The kernteamlid (or contact) says their organisation cannot carry out its part,
    with a reason (kept in the case's timeline, for the voorzitter). A decline can later
    become a confirmation; a confirmation stays."""
    organisation = answerer.organisation
    state = await _answerable(repository, number, organisation)
    reason = (reason or "").strip()
    if not reason:
        raise NoteMissing("a decline needs a reason")
    if organisation in state.mandates:
        raise AlreadyAnswered(organisation)
    mandate = Mandate(organisation, MandateAnswer.DECLINED, answerer.name, now)
    event = CaseEvent(now, answerer.name, DECLINED_EVENT, f"{organisation}: {reason}")
    return await _record(repository, state, mandate, event, reason, answerer, channel, words)


async def _answerable(repository: AdviceRepository, number: str, organisation: str) -> MandateState:
    """The advice, if `organisation` has a part in it."""
    state = await mandate_state(repository, number)
    if organisation not in state.advice.organisations:
        raise NotAllowed("this organisation has no part in the advice")
    return state
