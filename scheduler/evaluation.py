"""On the clock: the evaluation of a case still open some weeks after its advice, and the
one reminder of an evaluation; each claimed in the database with its messages, so two runs
(or two instances) send it once."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from domain.cases import Case
from domain.evaluation import EvaluationRepository
from domain.notices import Notice


class EvaluationMessages(Protocol):
    async def after_advice_notices(self, case: Case) -> list[Notice]: ...

    async def reminder_notices(self, case: Case) -> list[Notice]: ...

    async def chair_notice(self, case: Case) -> Notice:
        """Tells the voorzitter how many answered and how to see the evaluations."""
        ...

    async def send(self, notices: Sequence[Notice]) -> object: ...


async def remind_evaluations(
    repository: EvaluationRepository,
    after_days: int,
    now: datetime,
    messages: EvaluationMessages,
) -> int:
    """Reminds, once, whoever has not evaluated a case `after_days` after it was asked, and
    tells the voorzitter where the evaluations stand; returns how many reminders went out."""
    reminded = 0
    for number in await repository.due_reminders(now - timedelta(days=after_days)):
        case = await repository.get(number)
        if case is None:
            continue
        reminders = await messages.reminder_notices(case)
        notices = [*reminders, await messages.chair_notice(case)]
        if await repository.claim_reminder(number, now, notices):
            await messages.send(notices)
            reminded += len(reminders)
    return reminded


async def ask_after_advice(
    repository: EvaluationRepository,
    after_weeks: int,
    now: datetime,
    messages: EvaluationMessages,
) -> int:
    """Asks, once, for the evaluation of every case still open `after_weeks` after its
    advice (0: never); returns how many cases were asked."""
    if after_weeks <= 0:
        return 0
    asked = 0
    for number in await repository.due_after_advice(now - timedelta(weeks=after_weeks)):
        case = await repository.get(number)
        if case is None:
            continue
        notices = await messages.after_advice_notices(case)
        if await repository.claim_after_advice(number, now, notices):
            await messages.send(notices)
            asked += 1
    return asked
