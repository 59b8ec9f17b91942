"""Walking invented cases through the process with the real repositories, for
`retbot demo-data`, the report tests and the benchmark: every step writes what the bot's
own step writes (case, timeline, audit, facts)."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.advice import Advice, Afspraak
from domain.booking import Booking, Slot
from domain.cases import Case, CaseStatus, Referrer
from domain.evaluation import (
    FAMILY_KEY,
    EvaluationAnswer,
    FamilyAnswer,
    Judgement,
    Leerpunt,
    Respondent,
    RespondentKind,
)
from domain.follow_up import Escalation, EscalationReason
from domain.meetings import AMSTERDAM
from domain.notices import Chat, RosterMember
from domain.ret import LEERPUNT_THEMES, EscalationStep
from domain.triage import TARGET, CaseEvent, Decision
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository
from storage.encryption import PLAIN, FieldCipher
from storage.evaluation import SqlEvaluationRepository
from storage.follow_up import SqlFollowUpRepository

CHAIR = "Voorzitter (demo)"
CHANNEL = "demo"
DEMO_ORG = "Jeugdbescherming Oost"


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
    evaluated: bool = False  # after closing: the verwijzer and a kernteamlid evaluate it


class CaseWalker:
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._advice = SqlAdviceRepository(sessions, cipher)
        self._bookings = SqlBookingRepository(sessions, cipher)
        self._follow_up = SqlFollowUpRepository(sessions, cipher)
        self._evaluations = SqlEvaluationRepository(sessions, cipher)
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
                (Afspraak(DEMO_ORG, "Plek zoeken", issued_at.date() + timedelta(28)),),
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
            await self._evaluations.move(closed, case.status, event, CHANNEL)
            if plan.evaluated:
                await self._evaluate(closed)
        return case.number

    async def _evaluate(self, case: Case) -> None:
        """Three days after closing the verwijzer and the kernteamlid answer, with figures
        that follow from the case number, and every other family; every third case gets a
        leerpunt."""
        n = int(case.number[-4:])
        at = case.closed_at + timedelta(days=3)
        judgements = list(Judgement)
        asked = (
            (RespondentKind.VERWIJZER, Chat(CHANNEL, case.referrer.user_id), None),
            (RespondentKind.KERNTEAMLID, RosterMember("kernteam@demo.example"), DEMO_ORG),
        )
        for offset, (kind, to, organisation) in enumerate(asked):
            key = kind.value if organisation is None else "kernteam@demo.example"
            answer = EvaluationAnswer(
                score=2 + (n + offset) % 4,
                afspraken=judgements[(n + offset) % 3],
                samenwerking="Verzonnen: korte lijnen na de tafel.",
                knelpunt="Verzonnen: geen passende plek in de regio.",
                oplossing="Verzonnen: een tijdelijke plek met ambulante hulp erbij.",
                advies=judgements[n % 3],
                beter_af=judgements[(n + 1) % 4],
            )
            respondent = Respondent(key, kind, to, organisation, "Demo")
            await self._evaluations.record(case, respondent, "Demo", answer, at, CHANNEL)
        if n % 2 == 0:  # half the families answer too, through the verwijzer's link
            family = Respondent(FAMILY_KEY, RespondentKind.GEZIN, None, name="Gezin")
            answer = FamilyAnswer(
                gehoord=2 + n % 4,
                wens=judgements[(n // 2) % 3],
                nu=1 + (n // 2) % 5,
                toelichting="Verzonnen: fijn dat we zelf mochten vertellen wat we wilden.",
            )
            await self._evaluations.record(case, family, "Gezin", answer, at, CHANNEL)
        if n % 3 == 0:
            theme = LEERPUNT_THEMES[(n // 3) % len(LEERPUNT_THEMES)]
            leerpunt = Leerpunt(
                case.number,
                theme,
                "Verzonnen: eerder de financier aan tafel vragen.",
                "Verzonnen: één casusregisseur die alle partijen wekelijks belde.",
                CHAIR,
                at + timedelta(days=1),
            )
            await self._evaluations.add_leerpunt(leerpunt, CHANNEL)

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
