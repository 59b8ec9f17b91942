"""Follow-up after the advice (bestendiging): the RET keeps asking how it goes.

Once a case has its zwaarwegend advies, follow-up rounds come from the RET's cadence: the
first `first_after_days` after the advice, then every `every_days`, until the case is
closed. A round asks each afspraak's organisation how its afspraak stands, and the
referrer how the young person is doing. An unanswered ask is repeated after
`reminder_after_days`; after `escalate_after_reminders` reminders without an answer, or
on an answer that it stopped ("gestopt / lukt niet"), the voorzitter is alerted with the
first step of the escalatieladder suggested. Only a voorzitter escalates further.

Rounds are not stored ahead: which round is due follows from the moment of the advice and
the cadence, so a changed cadence counts for the rounds still to come.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from domain.cases import Case, CaseStatus
from domain.notices import Notice
from domain.people import is_chair
from domain.ret import EscalationStep, FollowUpCadence, Member
from domain.roles import Role
from domain.triage import CaseEvent, NotAllowed

FOLLOWED = frozenset({CaseStatus.ADVIES, CaseStatus.MONITOREN})  # cases that get rounds
LADDER = tuple(EscalationStep)  # procesregie intensiveren → samenwerkingstafel → bestuurlijk
TOELICHTING_MAX = 2000
ANSWER_EVENT = "follow-up beantwoord"
ACTOR = "retbot (follow-up)"  # who the timeline says did what the clock did
MONITORING_EVENT = "monitoren: follow-up gestart"  # the first round moves the case on
ESCALATION_EVENT = "escalatie"


class AskKind(StrEnum):
    AFSPRAAK = "afspraak"  # to the organisation of one afspraak
    VERWIJZER = "verwijzer"  # to the referrer: how is the young person doing


class Progress(StrEnum):
    """The answer's choice (labels per audience live in the text catalog)."""

    OP_SCHEMA = "loopt volgens plan"
    VERTRAAGD = "vertraagd"
    GESTOPT = "gestopt/lukt niet"


class EscalationReason(StrEnum):
    NO_ANSWER = "geen antwoord"
    STOPPED = "lukt niet"
    CHAIR = "door voorzitter"


class Step(StrEnum):
    """What an open ask needs now."""

    ASK = "ask"
    REMIND = "remind"
    ESCALATE = "escalate"


@dataclass(frozen=True)
class Ask:
    """One question of a round, with what the scheduler needs to word and send it. Only
    case number and initials of the case: the rest stays with the RET."""

    id: int
    case_number: str
    initials: str
    round: int
    kind: AskKind
    organisation: str | None  # AFSPRAAK only
    afspraak: str | None  # the afspraak's action, AFSPRAAK only
    referrer_channel_id: str
    referrer_user_id: str
    messages_sent: int  # the question itself, then each reminder
    last_sent_at: datetime | None
    answered_at: datetime | None = None
    escalated_at: datetime | None = None
    case_closed: bool = False
    answered_by: str | None = None

    @property
    def reminders_sent(self) -> int:
        return max(self.messages_sent - 1, 0)


@dataclass(frozen=True)
class Answer:
    progress: Progress
    toelichting: str | None
    by: str
    at: datetime


@dataclass(frozen=True)
class Escalation:
    case_number: str
    step: EscalationStep
    reason: EscalationReason
    by: str
    at: datetime
    ask_id: int | None = None


@dataclass(frozen=True)
class Answerer:
    """Who answers: an RET member and/or a Teams user, or the holder of the ask's signed
    link (people without Teams), whose check the channel edge did."""

    name: str
    member: Member | None = None
    channel_id: str | None = None
    user_id: str | None = None
    via_link: bool = False


class AlreadyAnswered(Exception):
    """This ask has its answer; one answer per ask."""


class CaseClosed(Exception):
    """The case is closed: follow-up has ended."""


class StepTaken(Exception):
    """That step of the ladder was set already (a second click): by whom and when."""

    def __init__(self, escalation: "Escalation") -> None:
        super().__init__(escalation.step.value)
        self.escalation = escalation


class AnswerInvalid(ValueError):
    """No choice, an unknown choice, a missing or too long toelichting."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem  # "choice", "toelichting_missing", "toelichting_long"


class FollowUpRepository(Protocol):
    async def get(self, number: str) -> Case | None: ...

    async def followed_cases(self) -> list[tuple[str, datetime]]:
        """Number and moment of advice of every case in FOLLOWED."""
        ...

    async def start_round(self, number: str, round_: int, due_at: datetime, now: datetime) -> bool:
        """Stores the round with one ask per afspraak and one for the referrer, in one
        transaction, unless it exists already. False then (another instance was first).
        A case still at 'advies gegeven' moves to 'monitoren' with it (MONITORING_EVENT)."""
        ...

    async def open_asks(self) -> list[Ask]:
        """Asks without answer or escalation, of cases that are not closed."""
        ...

    async def ask(self, ask_id: int) -> Ask | None: ...

    async def claim_message(
        self, ask: Ask, now: datetime, event: CaseEvent, notices: Sequence[Notice] = ()
    ) -> bool:
        """Counts one more message for the ask (question or reminder), with an audit entry
        and the notices that carry it, only while it still has `ask.messages_sent` and no
        answer: so it is sent once."""
        ...

    async def claim_escalation(
        self,
        ask: Ask,
        escalation: Escalation,
        event: CaseEvent,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """Marks the ask escalated and stores the escalation with its event, audit entry
        and notices, only while it has no answer and no escalation yet."""
        ...

    async def record_answer(
        self,
        ask: Ask,
        answer: Answer,
        event: CaseEvent,
        escalation: Escalation | None,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """Stores the answer (and the escalation it causes) with its timeline event, audit
        entry and notices, only while the ask has no answer. False when it had one."""
        ...

    async def escalations(self, number: str) -> list[Escalation]: ...

    async def record_escalation(
        self,
        escalation: Escalation,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> None: ...

    async def record_read(self, ask: Ask, reader: str, channel: str, at: datetime) -> None:
        """An audit entry: the ask's case data was shown to `reader`."""
        ...


def round_due_at(issued_at: datetime, cadence: FollowUpCadence, round_: int) -> datetime:
    """When round 1, 2, … is due."""
    days = cadence.first_after_days + (round_ - 1) * cadence.every_days
    return issued_at + timedelta(days=days)


def due_round(issued_at: datetime, cadence: FollowUpCadence, now: datetime) -> int | None:
    """The latest round whose time has come; None before the first. Rounds missed while
    nothing ran are not made up: the latest one asks the same questions."""
    first = round_due_at(issued_at, cadence, 1)
    if now < first:
        return None
    return 1 + (now - first).days // cadence.every_days


def next_step(ask: Ask, cadence: FollowUpCadence, now: datetime) -> Step | None:
    """The question first; then a reminder each `reminder_after_days` without answer; after
    `escalate_after_reminders` reminders, escalation."""
    if ask.answered_at or ask.escalated_at or ask.case_closed:
        return None
    if ask.messages_sent == 0 or ask.last_sent_at is None:
        return Step.ASK
    if now < ask.last_sent_at + timedelta(days=cadence.reminder_after_days):
        return None
    if ask.reminders_sent < cadence.escalate_after_reminders:
        return Step.REMIND
    return Step.ESCALATE


def next_ladder_step(done: list[Escalation]) -> EscalationStep | None:
    """The step after the highest one taken; None when the ladder is at its top."""
    if not done:
        return LADDER[0]
    highest = max(LADDER.index(e.step) for e in done)
    return LADDER[highest + 1] if highest + 1 < len(LADDER) else None


def check_answer(progress: str | None, toelichting: str | None) -> tuple[Progress, str | None]:
    """A known choice; a toelichting when it does not go to plan, and never an essay."""
    try:
        chosen = Progress(progress or "")
    except ValueError:
        raise AnswerInvalid("choice") from None
    note = (toelichting or "").strip() or None
    if note and len(note) > TOELICHTING_MAX:
        raise AnswerInvalid("toelichting_long")
    if chosen is not Progress.OP_SCHEMA and not note:
        raise AnswerInvalid("toelichting_missing")
    return chosen, note


def check_may_answer(ask: Ask, answerer: Answerer) -> None:
    """The afspraak's organisation answers through one of its kernteamleden, the referrer
    for the young person; a valid link stands for the person it was sent for."""
    if ask.case_closed:
        raise CaseClosed(ask.case_number)
    if ask.answered_at:
        raise AlreadyAnswered(ask.id)
    if answerer.via_link:
        return
    if ask.kind is AskKind.AFSPRAAK:
        member = answerer.member
        if member is None or member.role is not Role.KERNTEAMLID:
            raise NotAllowed("only a kernteamlid answers for their organisation")
        if member.organisation != ask.organisation:
            raise NotAllowed("a kernteamlid answers for their own organisation only")
    elif (answerer.channel_id, answerer.user_id) != (
        ask.referrer_channel_id,
        ask.referrer_user_id,
    ):
        raise NotAllowed("only the referrer answers how the young person is doing")


@dataclass(frozen=True)
class Answered:
    ask: Ask
    answer: Answer
    escalation: Escalation | None


def _subject(ask: Ask) -> str:
    return ask.organisation if ask.kind is AskKind.AFSPRAAK else "verwijzer"


async def answer_ask(
    repository: FollowUpRepository,
    ask_id: int,
    answerer: Answerer,
    progress: str | None,
    toelichting: str | None,
    channel: str,
    now: datetime,
    on_stop: Callable[[Answered], list[Notice]] = lambda answered: [],
) -> tuple[Answered, list[Notice]]:
    """Records one answer to an ask, in the case's timeline. "Gestopt / lukt niet" alerts
    the voorzitter (the first step of the ladder, suggested): `on_stop` words what it
    causes, stored with the answer. Raises LookupError, CaseClosed, AlreadyAnswered,
    NotAllowed or AnswerInvalid; then nothing changed."""
    ask = await repository.ask(ask_id)
    if ask is None:
        raise LookupError(ask_id)
    check_may_answer(ask, answerer)
    chosen, note = check_answer(progress, toelichting)
    answer = Answer(chosen, note, answerer.name, now)
    summary = f"{_subject(ask)} (ronde {ask.round}): {chosen.value}"
    event = CaseEvent(now, answerer.name, ANSWER_EVENT, f"{summary}. {note}" if note else summary)
    escalation = None
    if chosen is Progress.GESTOPT and ask.escalated_at is None:
        escalation = Escalation(
            ask.case_number, LADDER[0], EscalationReason.STOPPED, answerer.name, now, ask.id
        )
    answered = Answered(ask, answer, escalation)
    notices = on_stop(answered) if escalation is not None else []
    if not await repository.record_answer(ask, answer, event, escalation, channel, notices):
        raise AlreadyAnswered(ask_id)
    return answered, notices


def no_answer_escalation(ask: Ask, now: datetime) -> tuple[Escalation, CaseEvent]:
    """The escalation (first step, suggested) when an ask stays unanswered."""
    actor = "retbot (follow-up)"
    escalation = Escalation(
        ask.case_number, LADDER[0], EscalationReason.NO_ANSWER, actor, now, ask.id
    )
    note = f"{_subject(ask)} (ronde {ask.round}): {EscalationReason.NO_ANSWER.value}"
    return escalation, CaseEvent(now, actor, ESCALATION_EVENT, f"{LADDER[0].value}: {note}")


async def escalate_further(
    repository: FollowUpRepository,
    number: str,
    chair: Member | None,
    step: str | None,
    channel: str,
    now: datetime,
    tell: Callable[[Escalation], list[Notice]] = lambda escalation: [],
) -> tuple[Escalation, list[Notice]]:
    """The voorzitter takes the next step of the escalatieladder, one step at a time; the
    step's contact hears of it (`tell` words it). Raises NotAllowed (not a voorzitter),
    LookupError, CaseClosed, StepTaken or ValueError (not the next step)."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter escalates")
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    if case.status is CaseStatus.AFGESLOTEN:
        raise CaseClosed(number)
    done = await repository.escalations(number)
    taken = sorted((e for e in done if e.step.value == step), key=lambda e: e.at)
    if taken:
        raise StepTaken(taken[0])
    expected = next_ladder_step(done)
    if expected is None or step != expected.value:
        raise ValueError(f"{step!r} is not the next step of the ladder")
    escalation = Escalation(number, expected, EscalationReason.CHAIR, chair.name, now)
    event = CaseEvent(now, chair.name, ESCALATION_EVENT, expected.value)
    notices = tell(escalation)
    await repository.record_escalation(escalation, event, channel, notices)
    return escalation, notices
