"""The periodic work, composed for the ticker: reminders to the voorzitter, retention."""

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from dialogs.cards.consult import when
from dialogs.delivery import Delivery
from dialogs.texts import DEFAULT_LANGUAGE, text
from domain.cases import retention_cutoff
from domain.consultations import Consultation, ConsultationRepository
from domain.people import chairs
from domain.ret import RetConfig
from scheduler.reminders import remind_waiting_consultations
from storage.encryption import FieldCipher
from storage.retention import anonymise_closed_cases

REMINDER_MINUTES = 15
RETENTION_MINUTES = 24 * 60


class PeriodicJobs:
    def __init__(
        self,
        ret: RetConfig,
        sessions: async_sessionmaker,
        cipher: FieldCipher,
        consultations: ConsultationRepository,
        delivery: Delivery,
    ) -> None:
        self._ret = ret
        self.sessions = sessions
        self.cipher = cipher
        self._consultations = consultations
        self._delivery = delivery

    def schedule(self) -> dict:
        """What the ticker runs, and every how many minutes."""
        return {
            "consultation reminders": (self.reminders, REMINDER_MINUTES),
            "retention": (self.retention, RETENTION_MINUTES),
        }

    async def reminders(self, now: datetime | None = None) -> int:
        """Reminds the voorzitter (and stand-ins) of questions that waited a working day."""
        return await remind_waiting_consultations(
            self._consultations, self._ret, now or datetime.now(UTC), self._remind
        )

    async def retention(self, now: datetime | None = None) -> list[str]:
        """Anonymises cases closed longer ago than the RET's retention period."""
        now = now or datetime.now(UTC)
        cutoff = retention_cutoff(now, self._ret.retention_months)
        return await anonymise_closed_cases(self.sessions, cutoff, now, self.cipher)

    async def _remind(self, consultation: Consultation) -> None:
        asker = consultation.asker
        message = text(
            "consult.reminder",
            number=consultation.id,
            who=f"{asker.name} ({asker.organisation})" if asker.organisation else asker.name,
            when=when(consultation.asked_at, DEFAULT_LANGUAGE),
        )
        reached = [
            await self._delivery.to_member(chair.aad_object_id, message)
            for chair in chairs(self._ret)
            if chair.aad_object_id
        ]
        if not any(reached):
            await self._delivery.alert_chair(message)
