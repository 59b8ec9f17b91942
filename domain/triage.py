"""Triage: the voorzitter decides what happens with a new request.

Only a voorzitter (or stand-in) of this RET triages. Each decision moves the case along
its lifecycle, is recorded with who and when, and the referrer hears of it.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.cases import (
    Case,
    CaseRepository,
    CaseStatus,
    Referrer,
    check_transition,
    referrer_notice,
)
from domain.mail import Mail
from domain.notices import Chair, Localized, Notice
from domain.people import is_chair
from domain.ret import Member
from domain.vocabularies import TOESTEMMING_DOOR


class Decision(StrEnum):
    RET_TAFEL = "ret_tafel"
    CONSULTATIE = "consultatie"
    SAMENWERKINGSTAFEL = "samenwerkingstafel"
    DOORVERWIJZEN = "doorverwijzen"
    MEER_INFORMATIE = "meer_informatie"


TARGET = {
    Decision.RET_TAFEL: CaseStatus.RET_TAFEL,
    Decision.CONSULTATIE: CaseStatus.CONSULTATIE,
    Decision.SAMENWERKINGSTAFEL: CaseStatus.SAMENWERKINGSTAFEL,
    Decision.DOORVERWIJZEN: CaseStatus.DOORVERWEZEN,
    Decision.MEER_INFORMATIE: CaseStatus.MEER_INFORMATIE,
}
NEEDS_NOTE = {Decision.DOORVERWIJZEN, Decision.MEER_INFORMATIE}  # a reason, or the question


@dataclass(frozen=True)
class CaseEvent:
    at: datetime
    actor: str
    kind: str
    text: str | None = None


@dataclass(frozen=True)
class ReferrerMessage:
    """What the referrer hears, with the e-mail that says it instead for a referrer who
    has no chat with retbot (one known by e-mail address: bot/outbox.py sends it)."""

    message: str | dict | Localized
    email: Mail | Localized | None = None


Told = str | dict | Localized | ReferrerMessage | None


class TriageRepository(CaseRepository, Protocol):
    async def get(self, number: str) -> Case | None: ...

    async def move(
        self,
        case: Case,
        expected: CaseStatus,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """Stores the case's new status and closing moment, its event, an audit entry and
        the notices it causes, in one transaction, only while the case still has status
        `expected`."""
        ...

    async def events(self, number: str) -> list[CaseEvent]: ...

    async def replace_answers(
        self, case: Case, event: CaseEvent, channel: str, notices: Sequence[Notice] = ()
    ) -> None:
        """Stores the case's answers as given, with its event, an audit entry and the
        notices it causes."""
        ...

    async def record_reads(
        self, cases: list[Case], reader: str, channel: str, at: datetime
    ) -> None: ...


class NotAllowed(Exception):
    """The person may not do this; nothing changed."""


class NoteMissing(ValueError):
    """Doorverwijzen needs a reason, meer informatie needs the question."""


class AlreadyDecided(Exception):
    def __init__(self, case: Case) -> None:
        super().__init__(f"{case.number} is already {case.status}")
        self.case = case


async def decide(
    repository: TriageRepository,
    number: str,
    chair: Member | None,
    decision: Decision,
    note: str | None,
    channel: str,
    now: datetime,
    tell_referrer: Callable[[Case], Told],
) -> tuple[Case, list[Notice]]:
    """`tell_referrer` words the message to the referrer about the decided case; it is
    stored with the decision and sent after it (None: a later step tells them)."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter of this RET triages")
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    note = (note or "").strip() or None
    if case.status is not CaseStatus.AANGEMELD:
        raise AlreadyDecided(case)
    check_transition(case.status, TARGET[decision])
    if decision in NEEDS_NOTE and not note:
        raise NoteMissing(decision)
    event = CaseEvent(now, chair.name, f"triage: {decision.value}", note)
    return await _move(repository, case, TARGET[decision], event, channel, tell_referrer)


async def add_information(
    repository: TriageRepository,
    number: str,
    referrer: Referrer,
    text: str,
    now: datetime,
    tell_chair: Callable[[Case], list[str | dict | Localized]],
) -> tuple[Case, list[Notice]]:
    """The referrer answers the voorzitter's question; the case is back for triage, and the
    voorzitter hears of it (`tell_chair` words it) where they triage."""
    case = await _referrers_case(repository, number, referrer)
    if case.status is not CaseStatus.MEER_INFORMATIE:
        raise AlreadyDecided(case)
    if not text.strip():
        raise NoteMissing("an answer needs text")
    event = CaseEvent(now, referrer.name, "aanvulling", text.strip())
    return await _move(
        repository,
        case,
        CaseStatus.AANGEMELD,
        event,
        referrer.channel_id,
        to_chair=tell_chair,
    )


CONSENT_EVENT = "toestemming vastgelegd"  # the timeline's entry for consent that followed


async def record_consent(
    repository: TriageRepository,
    number: str,
    referrer: Referrer,
    given_by: str,
    now: datetime,
    tell_chair: Callable[[Case], str | Localized],
) -> tuple[Case, list[Notice]]:
    """Consent that was to follow is now given: from here the team may see the details.
    The voorzitter hears of it (`tell_chair` words it)."""
    case = await _referrers_case(repository, number, referrer)
    if case.consent_given:
        raise AlreadyDecided(case)
    if given_by not in {t.code for t in TOESTEMMING_DOOR}:
        raise NoteMissing("who gave consent")
    answers = {**case.answers, "toestemming": "gegeven", "toestemming_door": given_by}
    updated = replace(case, answers=answers)
    event = CaseEvent(now, referrer.name, CONSENT_EVENT, None)
    notices = [Notice(Chair(), tell_chair(updated))]
    await repository.replace_answers(updated, event, referrer.channel_id, notices)
    return updated, notices


async def _referrers_case(repository: TriageRepository, number: str, referrer: Referrer) -> Case:
    """The case, if `referrer` submitted it: nobody else acts for the referrer."""
    case = await repository.get(number)
    if case is None or case.referrer.user_id != referrer.user_id:
        raise NotAllowed("only the referrer of this case can do this")
    return case


async def override_consent(
    repository: TriageRepository,
    number: str,
    chair: Member | None,
    reason: str | None,
    channel: str,
    now: datetime,
) -> Case:
    """The voorzitter opens the details before consent is recorded, with a recorded reason
    (for instance acute danger). Only a voorzitter may, and only with a reason."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter overrides missing consent")
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    reason = (reason or "").strip()
    if not reason:
        raise NoteMissing("an override needs a reason")
    updated = replace(case, answers={**case.answers, "toestemming_overruled": True})
    event = CaseEvent(now, chair.name, "toestemming overruled", reason)
    await repository.replace_answers(updated, event, channel)
    return updated


async def _move(
    repository: TriageRepository,
    case: Case,
    target: CaseStatus,
    event: CaseEvent,
    channel: str,
    tell_referrer: Callable[[Case], Told] | None = None,
    to_chair: Callable[[Case], list[str | dict | Localized]] | None = None,
) -> tuple[Case, list[Notice]]:
    """Moves the case on, with what the referrer and the voorzitter hear of it, unless
    somebody else moved it first (then AlreadyDecided)."""
    moved = replace(case, status=target)
    told = tell_referrer(moved) if tell_referrer else None
    if not isinstance(told, ReferrerMessage):
        told = ReferrerMessage(told) if told else None
    notices = [referrer_notice(moved, told.message, told.email)] if told else []
    notices += [Notice(Chair(), m) for m in (to_chair(moved) if to_chair else [])]
    if not await repository.move(moved, case.status, event, channel, notices):
        raise AlreadyDecided(await repository.get(case.number) or case)
    return moved, notices
