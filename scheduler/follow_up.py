"""Follow-up after the advice, on the clock: starting rounds, sending questions and
reminders, escalating what stays unanswered. Each step is claimed in the database before
its message goes out, so two runs (or two instances) send it once."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.follow_up import (
    ACTOR,
    Ask,
    FollowUpRepository,
    Step,
    due_round,
    next_step,
    no_answer_escalation,
    round_due_at,
)
from domain.notices import Notice
from domain.ret import FollowUpCadence
from domain.triage import CaseEvent


class FollowUpMessages(Protocol):
    """Words the messages of each step; they are stored with the step's claim."""

    def ask_notices(self, ask: Ask, at: datetime, *, reminder: bool = False) -> list[Notice]: ...

    async def no_answer_notices(self, ask: Ask) -> list[Notice]: ...

    async def send(self, notices: Sequence[Notice]) -> object:
        """Sends, right away, what a claim stored."""
        ...


@dataclass(frozen=True)
class FollowUpRun:
    rounds: int = 0
    asked: int = 0
    reminded: int = 0
    escalated: int = 0


async def run_follow_up(
    repository: FollowUpRepository,
    cadence: FollowUpCadence,
    now: datetime,
    messages: FollowUpMessages,
) -> FollowUpRun:
    rounds = 0
    for number, issued_at in await repository.followed_cases():
        round_ = due_round(issued_at, cadence, now)
        if round_ is not None and await repository.start_round(
            number, round_, round_due_at(issued_at, cadence, round_), now
        ):
            rounds += 1
    counts = {Step.ASK: 0, Step.REMIND: 0, Step.ESCALATE: 0}
    for ask in await repository.open_asks():
        step = next_step(ask, cadence, now)
        if step is None:
            continue
        if step is Step.ESCALATE:
            escalation, event = no_answer_escalation(ask, now)
            notices = await messages.no_answer_notices(ask)
            if await repository.claim_escalation(ask, escalation, event, notices):
                await messages.send(notices)
                counts[step] += 1
            continue
        kind = "follow-up gevraagd" if step is Step.ASK else "follow-up herinnerd"
        notices = messages.ask_notices(ask, now, reminder=step is Step.REMIND)
        if await repository.claim_message(ask, now, CaseEvent(now, ACTOR, kind), notices):
            await messages.send(notices)
            counts[step] += 1
    return FollowUpRun(rounds, counts[Step.ASK], counts[Step.REMIND], counts[Step.ESCALATE])
