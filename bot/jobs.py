"""The periodic work, composed for the ticker: the outbox, reminders to the voorzitter,
follow-up after the advice, the evaluation some weeks after the advice and its reminder,
draft notulen after a meeting day, retention, clearing used e-mail codes, the quarterly
report."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

import holidays
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.outbox import OutboxDispatcher
from dialogs.delivery import Delivery
from dialogs.evaluation import EvaluationActions
from dialogs.follow_up import FollowUpActions
from dialogs.meeting_prep import MeetingPrepActions, PrepRun
from dialogs.moments import when
from dialogs.notulen import NotulenActions
from dialogs.texts import text
from domain.cases import retention_cutoff
from domain.consultations import Consultation, ConsultationRepository
from domain.evaluation import EvaluationRepository
from domain.follow_up import FollowUpRepository
from domain.meetings import AMSTERDAM
from domain.notices import Chair, ChairPlace, Notice, RosterMember, by_language
from domain.people import chairs
from domain.report import last_quarter
from domain.ret import RetConfig
from domain.working_time import first_working_day_of_quarter
from scheduler.evaluation import ask_after_advice, remind_evaluations
from scheduler.follow_up import FollowUpRun, run_follow_up
from scheduler.reminders import remind_waiting_consultations
from storage.encryption import FieldCipher
from storage.report_delivery import claim_report_delivery
from storage.retention import anonymise_closed_cases
from storage.verification import prune_verification

OUTBOX_MINUTES = 1
REMINDER_MINUTES = 15
FOLLOW_UP_MINUTES = 15
EVALUATION_MINUTES = 60
NOTULEN_MINUTES = 15
MEETING_PREP_MINUTES = 15
RETENTION_MINUTES = 24 * 60
QUARTERLY_MINUTES = 60
VERIFICATION_MINUTES = 60  # hourly: a daily interval never comes round if retbot restarts daily
SENT_MESSAGES_KEPT = timedelta(days=7)  # to answer "did it go out?"; then the content goes


class PeriodicJobs:
    def __init__(
        self,
        ret: RetConfig,
        sessions: async_sessionmaker,
        cipher: FieldCipher,
        consultations: ConsultationRepository,
        delivery: Delivery,
        dispatcher: OutboxDispatcher,
        follow_up_repository: FollowUpRepository,
        follow_up: FollowUpActions,
        notulen: NotulenActions,
        report_link: Callable[[str, str], str],
        meeting_prep: MeetingPrepActions,
        evaluation: tuple[EvaluationRepository, EvaluationActions] | None = None,
    ) -> None:
        self._ret = ret
        self.sessions = sessions
        self.cipher = cipher
        self._consultations = consultations
        self._delivery = delivery
        self._dispatcher = dispatcher
        self._follow_up_repository = follow_up_repository
        self._follow_up = follow_up
        self._notulen = notulen
        self._report_link = report_link
        self._meeting_prep = meeting_prep
        self._evaluation = evaluation

    def schedule(self) -> dict:
        """What the ticker runs, and every how many minutes."""
        return {
            "outbox": (self._dispatcher.dispatch_due, OUTBOX_MINUTES),
            "consultation reminders": (self.reminders, REMINDER_MINUTES),
            "follow-up": (self.follow_up, FOLLOW_UP_MINUTES),
            "evaluation reminders": (self.evaluation_reminders, EVALUATION_MINUTES),
            "evaluation after advice": (self.evaluation_after_advice, EVALUATION_MINUTES),
            "notulen": (self.notulen, NOTULEN_MINUTES),
            "meeting preparation": (self.meeting_prep, MEETING_PREP_MINUTES),
            "retention": (self.retention, RETENTION_MINUTES),
            "outbox clean-up": (self.outbox_clean_up, RETENTION_MINUTES),
            "verification clean-up": (self.verification_clean_up, VERIFICATION_MINUTES),
            "quarterly report": (self.quarterly_report, QUARTERLY_MINUTES),
        }

    async def reminders(self, now: datetime | None = None) -> int:
        """Reminds the voorzitter (and stand-ins) of questions that waited a working day."""
        return await remind_waiting_consultations(
            self._consultations,
            self._ret,
            now or datetime.now(UTC),
            self._reminders,
            self._delivery.flush,
        )

    async def follow_up(self, now: datetime | None = None) -> FollowUpRun:
        """Starts due follow-up rounds, sends their questions and reminders, and alerts the
        voorzitter about what stays unanswered."""
        return await run_follow_up(
            self._follow_up_repository,
            self._ret.follow_up,
            now or datetime.now(UTC),
            self._follow_up,
        )

    async def evaluation_reminders(self, now: datetime | None = None) -> int:
        """Reminds, once, whoever has not evaluated a closed case after the RET's days."""
        if self._evaluation is None:
            return 0
        repository, messages = self._evaluation
        return await remind_evaluations(
            repository,
            self._ret.evaluation.reminder_after_days,
            now or datetime.now(UTC),
            messages,
        )

    async def evaluation_after_advice(self, now: datetime | None = None) -> int:
        """Asks for the evaluation of cases still open the RET's weeks after the advice."""
        if self._evaluation is None:
            return 0
        repository, messages = self._evaluation
        return await ask_after_advice(
            repository,
            self._ret.evaluation.after_advice_weeks,
            now or datetime.now(UTC),
            messages,
        )

    async def notulen(self, now: datetime | None = None) -> list:
        """Drafts the notulen of meeting days that are over and sends them to the
        procesondersteuner."""
        return await self._notulen.draft_due(now or datetime.now(UTC))

    async def meeting_prep(self, now: datetime | None = None) -> PrepRun:
        """Reminds of overdue family contacts; sends readiness cards and agendas when due."""
        return await self._meeting_prep.run(now or datetime.now(UTC))

    async def retention(self, now: datetime | None = None) -> list[str]:
        """Anonymises cases closed longer ago than the RET's retention period."""
        now = now or datetime.now(UTC)
        cutoff = retention_cutoff(now, self._ret.retention_months)
        return await anonymise_closed_cases(self.sessions, cutoff, now, self.cipher)

    async def quarterly_report(self, now: datetime | None = None) -> bool:
        """On the first working day of a quarter, from the start of working hours, the
        voorzitter gets the links to the last quarter's report, once (across instances)."""
        now = now or datetime.now(UTC)
        local = now.astimezone(AMSTERDAM)
        hours = self._ret.working_hours
        dutch_holidays = holidays.Netherlands(years=local.year)
        if local.date() != first_working_day_of_quarter(local.date(), hours, dutch_holidays):
            return False
        if local.time() < hours.start:
            return False
        period = last_quarter(local.date())
        links = {fmt: self._report_link(period.code, fmt) for fmt in ("docx", "xlsx", "csv")}
        said = by_language(partial(text, "reports.quarterly", period=period.label, **links))
        notice = Notice(Chair(ChairPlace.PRIVATE), said)
        if not await claim_report_delivery(self.sessions, self.cipher, period.code, now, [notice]):
            return False
        await self._delivery.flush([notice])
        return True

    async def outbox_clean_up(self, now: datetime | None = None) -> int:
        """Removes sent messages after a week; unsent ones stay until they go out."""
        now = now or datetime.now(UTC)
        return await self._dispatcher.outbox.prune(now - SENT_MESSAGES_KEPT)

    async def verification_clean_up(self, now: datetime | None = None) -> int:
        """Removes e-mail codes that no longer work and the code counts of past days."""
        return await prune_verification(self.sessions, now or datetime.now(UTC))

    def _reminders(self, consultation: Consultation) -> list[Notice]:
        """To the voorzitter and the stand-ins, each in their own chat."""
        asker = consultation.asker
        message = by_language(
            lambda language: text(
                "consult.reminder",
                language,
                number=consultation.id,
                who=f"{asker.name} ({asker.organisation})" if asker.organisation else asker.name,
                when=when(consultation.asked_at, language),
            )
        )
        return [Notice(RosterMember(chair.email), message) for chair in chairs(self._ret)]
