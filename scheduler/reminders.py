"""Reminding the voorzitter of consultation questions that wait too long."""

from collections.abc import Awaitable, Callable
from datetime import datetime

import holidays

from domain.consultations import Consultation, ConsultationRepository, due_for_reminder
from domain.ret import RetConfig


async def remind_waiting_consultations(
    consultations: ConsultationRepository,
    ret: RetConfig,
    now: datetime,
    notify: Callable[[Consultation], Awaitable[None]],
) -> int:
    """Sends each due reminder once (claimed first, so two instances never both send)."""
    dutch_holidays = holidays.Netherlands(years=range(now.year - 1, now.year + 1))
    due = due_for_reminder(
        await consultations.waiting_for_chair(), now, ret.working_hours, dutch_holidays
    )
    sent = 0
    for consultation in due:
        if await consultations.claim_reminder(consultation.id, now):
            await notify(consultation)
            sent += 1
    return sent
