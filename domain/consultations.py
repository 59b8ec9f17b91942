"""Consultations: quick questions to the RET, answered by the bot or by the voorzitter.

Every consultation is recorded, whoever answers it: they count in the RET's reports.
"""

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from domain.notices import Chair, Chat, Localized, Notice
from domain.people import is_chair
from domain.quick_questions import Topic
from domain.ret import Member, WorkingHours
from domain.working_time import working_day_length, working_time_between


class ConsultationStatus(StrEnum):
    ANSWERED_BY_BOT = "beantwoord door de bot"
    REFERRED_TO_COMPLAINTS = "doorverwezen naar een klachtroute"
    WITH_CHAIR = "bij de voorzitter"
    ANSWERED = "beantwoord door de voorzitter"
    CHAIR_CONTACTS = "voorzitter neemt contact op"
    TO_REQUEST = "doorgezet naar aanmelding"


class ChairDecision(StrEnum):
    ANSWER = "answer"
    CONTACT = "contact"
    TO_REQUEST = "to_request"


_STATUS_AFTER = {
    ChairDecision.ANSWER: ConsultationStatus.ANSWERED,
    ChairDecision.CONTACT: ConsultationStatus.CHAIR_CONTACTS,
    ChairDecision.TO_REQUEST: ConsultationStatus.TO_REQUEST,
}


@dataclass(frozen=True)
class Asker:
    channel_id: str
    user_id: str
    name: str
    organisation: str | None = None
    aad_object_id: str | None = None


@dataclass(frozen=True)
class Consultation:
    id: int | None
    question: str
    asker: Asker
    topic: Topic
    status: ConsultationStatus
    asked_at: datetime
    answer: str | None = None
    handled_by: str | None = None
    handled_at: datetime | None = None
    reminded_at: datetime | None = None


class ConsultationRepository(Protocol):
    async def add(
        self,
        consultation: Consultation,
        notices: Callable[[Consultation], Sequence[Notice]] = lambda c: (),
    ) -> Consultation:
        """Stores a new consultation and the notices it causes, in one transaction."""
        ...

    async def get(self, consultation_id: int) -> Consultation | None: ...

    async def replace_if_status(
        self,
        consultation: Consultation,
        expected: ConsultationStatus,
        notices: Sequence[Notice] = (),
        at: datetime | None = None,
    ) -> bool:
        """Stores `consultation`, with the notices it causes (at `at`), only while the
        stored one still has status `expected`."""
        ...

    async def waiting_for_chair(self) -> list[Consultation]:
        """Consultations with the voorzitter whose voorzitter was not reminded yet."""
        ...

    async def claim_reminder(
        self, consultation_id: int, at: datetime, notices: Sequence[Notice] = ()
    ) -> bool:
        """Marks the reminder as sent, storing it; False when another instance claimed it
        first (and then nothing is stored)."""
        ...


def due_for_reminder(
    waiting: list[Consultation], now: datetime, hours: WorkingHours, holidays: Container[date]
) -> list[Consultation]:
    """Questions that waited a whole working day (working hours only) without a reaction."""
    day = working_day_length(hours)
    return [c for c in waiting if working_time_between(c.asked_at, now, hours, holidays) >= day]


class NotAllowed(Exception):
    """The person may not do this; nothing changed."""


class AlreadyHandled(Exception):
    def __init__(self, consultation: Consultation) -> None:
        super().__init__(f"consultation {consultation.id} is already {consultation.status}")
        self.consultation = consultation


class InvalidAnswer(ValueError):
    """An answer was chosen but no answer text was given."""


async def record_bot_answer(
    repository: ConsultationRepository, question: str, asker: Asker, topic: Topic, now: datetime
) -> Consultation:
    status = (
        ConsultationStatus.REFERRED_TO_COMPLAINTS
        if topic is Topic.COMPLAINT
        else ConsultationStatus.ANSWERED_BY_BOT
    )
    return await repository.add(Consultation(None, question, asker, topic, status, now))


async def ask_chair(
    repository: ConsultationRepository,
    question: str,
    asker: Asker,
    now: datetime,
    chair_card: Callable[[Consultation], dict | Localized],
    earlier: Consultation | None = None,
) -> tuple[Consultation, list[Notice]]:
    """A new question for the voorzitter, or one the bot answered that did not help: stored
    with the card the voorzitter answers on (`chair_card` words it)."""
    if earlier is not None:
        if earlier.asker.user_id != asker.user_id:
            raise NotAllowed("only the asker can pass their question on")
        moved = replace(earlier, asker=asker, status=ConsultationStatus.WITH_CHAIR)
        notices = [Notice(Chair(), chair_card(moved))]
        if not await repository.replace_if_status(
            moved, ConsultationStatus.ANSWERED_BY_BOT, notices, now
        ):
            raise AlreadyHandled(await repository.get(earlier.id) or earlier)
        return moved, notices
    stored: list[Notice] = []

    def to_chair(added: Consultation) -> list[Notice]:
        stored.append(Notice(Chair(), chair_card(added)))
        return stored

    new = Consultation(None, question, asker, Topic.UNKNOWN, ConsultationStatus.WITH_CHAIR, now)
    return await repository.add(new, to_chair), stored


async def decide(
    repository: ConsultationRepository,
    consultation_id: int,
    chair: Member | None,
    decision: ChairDecision,
    answer: str | None,
    now: datetime,
    reply: Callable[[Consultation], str | Localized],
) -> tuple[Consultation, list[Notice]]:
    """The voorzitter answers, will contact the asker, or turns the question into a request;
    the asker hears it in their own chat (`reply` words it), stored with the decision."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter of this RET answers consultations")
    consultation = await repository.get(consultation_id)
    if consultation is None:
        raise LookupError(f"no consultation {consultation_id}")
    if consultation.status is not ConsultationStatus.WITH_CHAIR:
        raise AlreadyHandled(consultation)
    answer = (answer or "").strip() or None
    if decision is ChairDecision.ANSWER and not answer:
        raise InvalidAnswer("an answer needs text")
    decided = replace(
        consultation,
        status=_STATUS_AFTER[decision],
        answer=answer,
        handled_by=chair.name,
        handled_at=now,
    )
    asker = decided.asker
    notices = [Notice(Chat(asker.channel_id, asker.user_id), reply(decided))]
    if not await repository.replace_if_status(decided, ConsultationStatus.WITH_CHAIR, notices, now):
        raise AlreadyHandled(await repository.get(consultation_id) or consultation)
    return decided, notices
