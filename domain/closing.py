"""Closing a case: the voorzitter records why the RET's work on it ends.

Only a voorzitter (or stand-in) closes, only from a status whose lifecycle allows it, and
always with a reason. The moment of closing starts the retention period.
"""

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from domain.cases import ALLOWED, Case, CaseStatus, referrer_notice
from domain.mail import Mail
from domain.notices import Localized, Notice
from domain.people import is_chair
from domain.ret import Member
from domain.triage import CaseEvent, NotAllowed, TriageRepository
from domain.vocabularies import AFSLUITREDEN

EVENT_PREFIX = "afgesloten: "


class ReasonMissing(ValueError):
    """No reason, or one that is not in the vocabulary."""


class AlreadyClosed(Exception):
    def __init__(self, case: Case) -> None:
        super().__init__(f"{case.number} is already closed")
        self.case = case


class NotYetClosable(Exception):
    """The case's status does not allow closing (yet): it still needs triage or advice."""

    def __init__(self, case: Case) -> None:
        super().__init__(f"{case.number} is {case.status} and cannot be closed")
        self.case = case


def closable(case: Case) -> bool:
    return CaseStatus.AFGESLOTEN in ALLOWED[case.status]


def may_close(member: Member | None, case: Case) -> bool:
    """Whether `member` gets the means to close `case` (the card offers it only then)."""
    return is_chair(member) and closable(case)


async def close_case(
    repository: TriageRepository,
    number: str,
    chair: Member | None,
    reason: str | None,
    note: str | None,
    channel: str,
    now: datetime,
    tell_referrer: Callable[[Case], str | Localized],
    ask_evaluation: Callable[[Case], Sequence[Notice]] | None = None,
    mail_referrer: Callable[[Case], Mail | Localized | None] = lambda case: None,
) -> tuple[Case, list[Notice]]:
    """Closes the case with a reason from AFSLUITREDEN and an optional note for its
    timeline; the referrer hears of it (`tell_referrer` words it; `mail_referrer` for one
    known only by e-mail address), and those who worked on
    it get the evaluation (`ask_evaluation` words it), stored with the closing. Raises NotAllowed,
    LookupError, AlreadyClosed, NotYetClosable or ReasonMissing; then nothing changed."""
    if not is_chair(chair):
        raise NotAllowed("only a voorzitter of this RET closes a case")
    case = await _closable_case(repository, number)
    if reason not in {t.code for t in AFSLUITREDEN}:
        raise ReasonMissing(reason)
    event = CaseEvent(now, chair.name, EVENT_PREFIX + reason, (note or "").strip() or None)
    while True:
        closed = replace(case, status=CaseStatus.AFGESLOTEN, closed_at=now)
        notices = [referrer_notice(closed, tell_referrer(closed), mail_referrer(closed))]
        if ask_evaluation is not None:
            notices += ask_evaluation(closed)
        if await repository.move(closed, case.status, event, channel, notices):
            return closed, notices
        # Somebody else moved it meanwhile; the lifecycle has no loop, so this ends.
        case = await _closable_case(repository, number)


async def _closable_case(repository: TriageRepository, number: str) -> Case:
    case = await repository.get(number)
    if case is None:
        raise LookupError(number)
    if case.status is CaseStatus.AFGESLOTEN:
        raise AlreadyClosed(case)
    if not closable(case):
        raise NotYetClosable(case)
    return case
