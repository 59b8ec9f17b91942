"""Walking invented cases through the process with the real repositories, for
`retbot demo-data`, the report tests and the benchmark: every step writes what the bot's
own step writes (case, timeline, audit, facts)."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.advice import Advice, Afspraak
from domain.booking import Booking, Slot
from domain.cases import CaseStatus, Referrer
from domain.follow_up import Escalation, EscalationReason
from domain.meetings import AMSTERDAM
from domain.ret import EscalationStep
from domain.triage import TARGET, CaseEvent, Decision
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository
from storage.encryption import PLAIN, FieldCipher
from storage.follow_up import SqlFollowUpRepository

CHAIR = "Voorzitter (demo)"
CHANNEL = "demo"


@dataclass(frozen=True)
class CasePlan:
    """One invented case and how far it gets. Days count from submission."""

    referrer: Referrer
    answers: dict
    submitted_at: datetime
    decision: Decision | None = None
    meeting_after_days: int | None = None  # RET-tafel only
    advice_after_days: int | None = None  # after the meeting, or after consultatie
    follow_up_after_days: int | None = None  # starts monitoring; needs advice
    escalation: EscalationStep | None = None
    close_after_days: int | None = None
    closing_reason: str = "afgeschaald"


class CaseWalker:
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._advice = SqlAdviceRepository(sessions, cipher)
        self._bookings = SqlBookingRepository(sessions, cipher)
        self._follow_up = SqlFollowUpRepository(sessions, cipher)
        self._slots: dict[date, int] = {}

    async def walk(self, plan: CasePlan) -> str:
        """Submits the case and takes every planned step; returns the case number."""
        case = (await self._advice.submit(plan.referrer, plan.answers, plan.submitted_at)).case
        if plan.decision is None:
            return case.number
        at = plan.submitted_at + timedelta(hours=4)
        case = await self._move(case, TARGET[plan.decision], f"triage: {plan.decision}", at)
        if plan.meeting_after_days is not None:
            await self._book(case.number, plan.submitted_at + timedelta(plan.meeting_after_days))
        if plan.advice_after_days is not None:
            issued_at = plan.submitted_at + timedelta(plan.advice_after_days)
            advice = Advice(
                case.number,
                "Samenvatting (verzonnen)",
                "Advies (verzonnen)",
                (
                    Afspraak(
                        "Jeugdbescherming Oost", "Plek zoeken", issued_at.date() + timedelta(28)
                    ),
                ),
                CHAIR,
                issued_at,
            )
            event = CaseEvent(issued_at, CHAIR, "advies gegeven")
            await self._advice.issue(advice, case, event, CHANNEL)
            case = replace(case, status=CaseStatus.ADVIES)
        if plan.follow_up_after_days is not None:
            started = plan.submitted_at + timedelta(plan.follow_up_after_days)
            await self._follow_up.start_round(case.number, 1, started, started)
            case = replace(case, status=CaseStatus.MONITOREN)
        if plan.escalation is not None:
            escalated_at = plan.submitted_at + timedelta((plan.follow_up_after_days or 0) + 14)
            escalation = Escalation(
                case.number, plan.escalation, EscalationReason.CHAIR, CHAIR, escalated_at
            )
            event = CaseEvent(escalated_at, CHAIR, "escalatie", plan.escalation.value)
            await self._follow_up.record_escalation(escalation, event, CHANNEL)
        if plan.close_after_days is not None:
            closed_at = plan.submitted_at + timedelta(plan.close_after_days)
            closed = replace(case, status=CaseStatus.AFGESLOTEN, closed_at=closed_at)
            event = CaseEvent(closed_at, CHAIR, f"afgesloten: {plan.closing_reason}")
            await self._advice.move(closed, case.status, event, CHANNEL)
        return case.number

    async def _move(self, case, target: CaseStatus, kind: str, at: datetime):
        moved = replace(case, status=target)
        await self._advice.move(moved, case.status, CaseEvent(at, CHAIR, kind), CHANNEL)
        return moved

    async def _book(self, number: str, on: datetime) -> None:
        """The next free slot on that day (demo meetings have as many slots as needed)."""
        day = on.date()
        index = self._slots.get(day, 0)
        self._slots[day] = index + 1
        start = datetime.combine(day, time(9), tzinfo=AMSTERDAM) + timedelta(minutes=45 * index)
        slot = Slot(day, index, start, start + timedelta(minutes=45), "RET-overleg (demo)")
        booking = Booking(number, slot, f"demo-{number}", 0, CHAIR, on)
        await self._bookings.add(booking, CaseEvent(on, CHAIR, "ret-tafel ingepland"), CHANNEL, ())
