"""The zwaarwegend advies and the mandate of the organisations at the table.

After the RET meeting (or a consultation or samenwerkingstafel) the voorzitter records the
advice: a summary of the case, the advice itself and the afspraken (which organisation does
what, by when). Each organisation's kernteamlid then confirms, with the mandate of their
organisation, that it will carry out its part, or says it cannot (which is where escalation
would start). Only the voorzitter issues advice; only a kernteamlid of the organisation
concerned answers for it.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from domain.cases import Case, CaseStatus, check_transition
from domain.meetings import AMSTERDAM
from domain.notices import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Chair,
    ChairPlace,
    Chat,
    Job,
    Localized,
    Notice,
    by_language,
)
from domain.people import is_chair
from domain.ret import Member, RetConfig
from domain.roles import Role
from domain.triage import AlreadyDecided, CaseEvent, NotAllowed, NoteMissing
from domain.vocabularies import DEELNEMER_ROL

ADVISABLE = frozenset({CaseStatus.RET_TAFEL, CaseStatus.CONSULTATIE, CaseStatus.SAMENWERKINGSTAFEL})
ISSUED = "advies gegeven"
DOCUMENT_JOB = "advies-document"  # builds the next version of the Word document
CONFIRMED_EVENT = "mandaat bevestigd"
DECLINED_EVENT = "mandaat niet bevestigd"


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
    ) -> bool:
        """Stores the advice with its afspraken, moves the case to 'advies gegeven' and
        writes its event, audit entry and notices in one transaction, only while the case
        still has status `case.status`. False when somebody else moved it first."""
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
    """The organisations an afspraak can be made with: those with a kernteamlid, who can
    confirm its part with mandate."""
    return sorted({m.organisation for m in ret.members_with_role(Role.KERNTEAMLID)})


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


async def issue_advice(
    repository: AdviceRepository,
    number: str,
    chair: Member | None,
    samenvatting: str,
    advies: str,
    rows: list[AfspraakInput],
    organisations: list[str],
    channel: str,
    now: datetime,
    attendance: list[AttendeeInput],
    words: "AdviceWording",
    language: str = "nl",
    meeting_starts: datetime | None = None,
) -> tuple[Case, Advice, list[Notice]]:
    """Records the voorzitter's advice and moves the case to 'advies gegeven'. With it are
    stored: the mandate card where the team works, a word to the referrer, and the job that
    builds the advies as Word and sends it to everyone who receives it.

    Raises NotAllowed, LookupError, AlreadyDecided (wrong status, or moved meanwhile),
    MeetingAhead (the booked meeting, starting at `meeting_starts`, is still to come) or
    AdviceIncomplete (with every problem at once, so the form can show them together).
    """
    case = check_may_advise(chair, await repository.get(number), number, meeting_starts, now)
    check_transition(case.status, CaseStatus.ADVIES)
    afspraken, problems = check_afspraken(rows, organisations, now.astimezone(AMSTERDAM).date())
    attendees, attendance_problems = check_attendees(list(attendance))
    problems += attendance_problems
    if not advies.strip():
        problems.insert(0, Problem(ProblemKind.ADVIES_EMPTY))
    if not samenvatting.strip():
        problems.insert(0, Problem(ProblemKind.SAMENVATTING_EMPTY))
    if problems:
        raise AdviceIncomplete(problems)
    advice = Advice(
        number,
        samenvatting.strip(),
        advies.strip(),
        tuple(afspraken),
        chair.name,
        now,
        tuple(attendees),
        language,
    )
    event = CaseEvent(now, chair.name, ISSUED, None)
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
    notices = [
        Notice(Chair(), card),
        *([Notice(Chat(referrer.channel_id, referrer.user_id), told)] if told else []),
        document_job(number, chair.name, channel, publish=True, mandates={}),
    ]
    if not await repository.issue(advice, case, event, channel, notices):
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
    member: Member,
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
            member.name,
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
    organisation: str,
    member: Member | None,
    channel: str,
    now: datetime,
    words: AdviceWording,
) -> tuple[MandateState, list[Notice]]:
    """The kernteamlid confirms that their organisation carries out its part. A second
    confirmation raises AlreadyAnswered and changes nothing."""
    state = await _answerable(repository, number, organisation, member)
    earlier = state.mandates.get(organisation)
    if earlier is not None and earlier.answer is MandateAnswer.CONFIRMED:
        raise AlreadyAnswered(organisation)
    mandate = Mandate(organisation, MandateAnswer.CONFIRMED, member.name, now)
    event = CaseEvent(now, member.name, CONFIRMED_EVENT, organisation)
    return await _record(repository, state, mandate, event, "", member, channel, words)


async def _record(
    repository: "AdviceRepository",
    state: MandateState,
    mandate: Mandate,
    event: CaseEvent,
    reason: str,
    member: Member,
    channel: str,
    words: AdviceWording,
) -> tuple[MandateState, list[Notice]]:
    number = state.case.number
    after: list[MandateState] = []

    def caused(answers: dict[str, Mandate]) -> list[Notice]:
        after.append(replace(state, mandates=answers))
        return _mandate_notices(words, after[0], mandate, reason, member, channel)

    notices = await repository.record_mandate(number, mandate, event, channel, caused)
    if notices is None:
        raise AlreadyAnswered(mandate.organisation)
    return after[0], notices


async def decline_mandate(
    repository: AdviceRepository,
    number: str,
    organisation: str,
    member: Member | None,
    reason: str | None,
    channel: str,
    now: datetime,
    words: AdviceWording,
) -> tuple[MandateState, list[Notice]]:
    """The kernteamlid says their organisation cannot carry out its part, with a reason
    (kept in the case's timeline, for the voorzitter). A decline can later become a
    confirmation; a confirmation stays."""
    state = await _answerable(repository, number, organisation, member)
    reason = (reason or "").strip()
    if not reason:
        raise NoteMissing("a decline needs a reason")
    if organisation in state.mandates:
        raise AlreadyAnswered(organisation)
    mandate = Mandate(organisation, MandateAnswer.DECLINED, member.name, now)
    event = CaseEvent(now, member.name, DECLINED_EVENT, f"{organisation}: {reason}")
    return await _record(repository, state, mandate, event, reason, member, channel, words)


async def _answerable(
    repository: AdviceRepository, number: str, organisation: str, member: Member | None
) -> MandateState:
    """The advice, if `member` is a kernteamlid of `organisation` and it has a part in it."""
    if member is None or member.role is not Role.KERNTEAMLID:
        raise NotAllowed("only a kernteamlid confirms their organisation's mandate")
    if member.organisation != organisation:
        raise NotAllowed("a kernteamlid answers for their own organisation only")
    state = await mandate_state(repository, number)
    if organisation not in state.advice.organisations:
        raise NotAllowed("this organisation has no part in the advice")
    return state
