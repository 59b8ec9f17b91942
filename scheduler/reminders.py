"""Reminding the voorzitter of consultation questions that wait too long."""

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

import holidays

from domain.consultations import Consultation, ConsultationRepository, due_for_reminder
from domain.notices import Notice
from domain.ret import RetConfig


async def remind_waiting_consultations(
    consultations: ConsultationRepository,
    ret: RetConfig,
    now: datetime,
    reminders: Callable[[Consultation], list[Notice]],
    send: Callable[[Sequence[Notice]], Awaitable[object]],
) -> int:
    """Stores each due reminder with its claim (so two instances never both send it), then
    sends it."""
    dutch_holidays = holidays.Netherlands(years=range(now.year - 1, now.year + 1))
    due = due_for_reminder(
        await consultations.waiting_for_chair(), now, ret.working_hours, dutch_holidays
    )
    sent = 0
    for consultation in due:
        notices = reminders(consultation)
        if await consultations.claim_reminder(consultation.id, now, notices):
            await send(notices)
            sent += 1
    return sent
