"""Walking invented cases through the process with the real repositories, for
`retbot demo-data`, the report tests and the benchmark: every step writes what the bot's
own step writes (case, timeline, audit, facts)."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.advice import (
    CONFIRMED_EVENT,
    DECLINED_EVENT,
    Advice,
    Afspraak,
    Mandate,
    MandateAnswer,
)
from domain.booking import Booking, Slot, slots_of
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
from domain.follow_up import ANSWER_EVENT, Answer, Escalation, EscalationReason, Progress
from domain.meetings import AMSTERDAM, meetings_after
from domain.notices import Chat, RosterMember
from domain.ret import LEERPUNT_THEMES, EscalationStep, MeetingCalendar
from domain.triage import TARGET, CaseEvent, Decision
from storage.advice import SqlAdviceRepository
from storage.bookings import SqlBookingRepository
from storage.encryption import PLAIN, FieldCipher
from storage.evaluation import SqlEvaluationRepository
from storage.follow_up import SqlFollowUpRepository

CHAIR = "Voorzitter (demo)"
CHANNEL = "demo"
DEMO_ORG = "Jeugdbescherming Oost"
ACTIONS = (
    "Biedt binnen vier weken een passende plek aan",
    "Start ambulante begeleiding thuis",
    "Zorgt voor een verklarende analyse",
    "Regelt een plek op een passende school",
    "Neemt de regie over de hulp aan het gezin",
)


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
    """Without a RET, afspraken go to one demo organisation and meetings are on the day
    asked; with one (`retbot demo-data`), afspraken go to the RET's own kernteam
    organisations, which answer for their mandate, and meetings are on the RET's days."""

    def __init__(
        self,
        sessions: async_sessionmaker,
        cipher: FieldCipher = PLAIN,
        organisations: tuple[str, ...] = (DEMO_ORG,),
        calendar: MeetingCalendar | None = None,
    ) -> None:
        self._advice = SqlAdviceRepository(sessions, cipher)
        self._bookings = SqlBookingRepository(sessions, cipher)
        self._follow_up = SqlFollowUpRepository(sessions, cipher)
        self._evaluations = SqlEvaluationRepository(sessions, cipher)
        self._organisations = organisations
        self._calendar = calendar
        self._answers_mandates = organisations != (DEMO_ORG,)
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
                self._afspraken(case.number, issued_at.date()),
                CHAIR,
                issued_at,
            )
            event = CaseEvent(issued_at, CHAIR, "advies gegeven")
            await self._advice.issue(advice, case, event, CHANNEL)
            case = replace(case, status=CaseStatus.ADVIES)
            if self._answers_mandates:
                await self._answer_mandates(advice)
        if plan.follow_up_after_days is not None:
            started = plan.submitted_at + timedelta(plan.follow_up_after_days)
            await self._follow_up.start_round(case.number, 1, started, started)
            case = replace(case, status=CaseStatus.MONITOREN)
            if self._answers_mandates:
                await self._answer_follow_up(case.number, started + timedelta(days=2))
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

    def _afspraken(self, number: str, issued_on: date) -> tuple[Afspraak, ...]:
        """One to three afspraken, with organisations and actions that follow from the
        case number."""
        n = int(number[-4:])
        count = min(1 + n % 3, len(self._organisations))
        return tuple(
            Afspraak(
                self._organisations[(n + i) % len(self._organisations)],
                ACTIONS[(n + i) % len(ACTIONS)],
                issued_on + timedelta(days=14 * (i + 1)),
            )
            for i in range(count)
        )

    async def _answer_mandates(self, advice: Advice) -> None:
        """Most organisations confirm within days; one in seven cannot, one in nine has
        not answered yet."""
        n = int(advice.case_number[-4:])
        for i, organisation in enumerate(advice.organisations):
            pick = (n + 3 * i) % 63
            if pick % 9 == 0:
                continue
            declined = pick % 7 == 0
            answer = MandateAnswer.DECLINED if declined else MandateAnswer.CONFIRMED
            at = advice.issued_at + timedelta(days=1 + (n + i) % 3)
            by = f"Namens {organisation} (demo)"
            event = (
                CaseEvent(at, by, DECLINED_EVENT, f"{organisation}: verzonnen reden")
                if declined
                else CaseEvent(at, by, CONFIRMED_EVENT, organisation)
            )
            mandate = Mandate(organisation, answer, by, at)
            await self._advice.record_mandate(advice.case_number, mandate, event, CHANNEL)

    async def _answer_follow_up(self, number: str, at: datetime) -> None:
        """Every ask of the first round answered: mostly to plan, some delayed."""
        asks = [a for a in await self._follow_up.open_asks() if a.case_number == number]
        for i, ask in enumerate(asks):
            progress = Progress.VERTRAAGD if (ask.id + i) % 4 == 0 else Progress.OP_SCHEMA
            by = ask.organisation or "Verwijzer (demo)"
            event = CaseEvent(at, by, ANSWER_EVENT, f"ronde 1: {progress.value}")
            answer = Answer(progress, "Verzonnen: stand van zaken.", by, at)
            await self._follow_up.record_answer(ask, answer, event, None, CHANNEL)

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
        """The next free slot on that day, or with a RET on its first meeting from that
        day on (demo meetings have as many slots as needed)."""
        slot = self._calendar_slot(on) if self._calendar else self._day_slot(on)
        booking = Booking(number, slot, f"demo-{number}", 0, CHAIR, on)
        await self._bookings.add(booking, CaseEvent(on, CHAIR, "ret-tafel ingepland"), CHANNEL, ())

    def _day_slot(self, on: datetime) -> Slot:
        day = on.date()
        index = self._next_index(day)
        start = datetime.combine(day, time(9), tzinfo=AMSTERDAM) + timedelta(minutes=45 * index)
        return Slot(day, index, start, start + timedelta(minutes=45), "RET-overleg (demo)")

    def _calendar_slot(self, on: datetime) -> Slot:
        meeting = next(meetings_after(self._calendar, on))
        slots = slots_of(self._calendar, meeting.start)
        index = self._next_index(meeting.start.date())
        return replace(slots[index % len(slots)], index=index)

    def _next_index(self, day: date) -> int:
        index = self._slots.get(day, 0)
        self._slots[day] = index + 1
        return index
