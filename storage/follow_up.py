"""Follow-up rounds, asks, answers and escalations in the database (implements
domain.follow_up.FollowUpRepository).

Each message is claimed with a conditional UPDATE on the ask's message count, each
answer with one on its empty answer, each round with the (case, round) unique constraint:
whichever instance comes second changes nothing, on SQLite and on PostgreSQL alike.
"""

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, select, update

from domain.cases import CaseStatus
from domain.follow_up import (
    ACTOR,
    FOLLOWED,
    MONITORING_EVENT,
    Answer,
    Ask,
    AskKind,
    Escalation,
    EscalationReason,
)
from domain.notices import Notice
from domain.ret import EscalationStep
from domain.triage import CaseEvent
from storage.case_facts import note, note_escalation
from storage.cases import SqlCaseRepository
from storage.database import is_row_id
from storage.encryption import FieldCipher
from storage.models import (
    AdviceRow,
    AfspraakRow,
    AuditRow,
    CaseRow,
    EscalationRow,
    FollowUpAskRow,
    FollowUpRoundRow,
)
from storage.outbox import add_notices
from storage.upsert import dialect_insert

SCHEDULER = "scheduler"


class SqlFollowUpRepository(SqlCaseRepository):
    """The toelichting of an answer is encrypted like other free text."""

    async def followed_cases(self) -> list[tuple[str, datetime]]:
        async with self._sessions() as session:
            rows = await session.execute(
                select(CaseRow.number, AdviceRow.issued_at)
                .join(AdviceRow, AdviceRow.case_number == CaseRow.number)
                .where(CaseRow.status.in_([s.value for s in FOLLOWED]))
                .order_by(CaseRow.number)
            )
            return [(number, issued_at) for number, issued_at in rows]

    async def start_round(self, number: str, round_: int, due_at: datetime, now: datetime) -> bool:
        async with self._sessions.begin() as session:
            round_id = await session.scalar(
                dialect_insert(session.bind.dialect, FollowUpRoundRow)
                .values(case_number=number, number=round_, due_at=due_at, started_at=now)
                .on_conflict_do_nothing(index_elements=["case_number", "number"])
                .returning(FollowUpRoundRow.id)
            )
            if round_id is None:
                return False
            afspraken = await session.scalars(
                select(AfspraakRow)
                .where(AfspraakRow.case_number == number)
                .order_by(AfspraakRow.position)
            )
            common = {"round_id": round_id, "case_number": number, "messages_sent": 0}
            session.add_all(
                FollowUpAskRow(
                    kind=AskKind.AFSPRAAK.value,
                    organisation=a.organisation,
                    afspraak_position=a.position,
                    **common,
                )
                for a in afspraken
            )
            session.add(FollowUpAskRow(kind=AskKind.VERWIJZER.value, **common))
            session.add(_audit(now, "follow-up-ronde gestart", number))
            monitoring = await session.execute(
                update(CaseRow)
                .where(CaseRow.number == number, CaseRow.status == CaseStatus.ADVIES.value)
                .values(status=CaseStatus.MONITOREN.value)
            )
            if monitoring.rowcount:
                await note(session, number, status=CaseStatus.MONITOREN.value, monitoren_op=now)
                event = CaseEvent(now, ACTOR, MONITORING_EVENT)
                session.add_all(self._event_rows(number, event, SCHEDULER))
        return True

    async def open_asks(self) -> list[Ask]:
        async with self._sessions() as session:
            rows = await session.execute(
                _ask_query()
                .where(
                    FollowUpAskRow.answered_at.is_(None),
                    FollowUpAskRow.escalated_at.is_(None),
                    CaseRow.status != CaseStatus.AFGESLOTEN.value,
                )
                .order_by(FollowUpAskRow.id)
            )
            return [self._ask(*row) for row in rows]

    async def ask(self, ask_id: int) -> Ask | None:
        if not is_row_id(ask_id):
            return None
        async with self._sessions() as session:
            row = (await session.execute(_ask_query().where(FollowUpAskRow.id == ask_id))).first()
        return self._ask(*row) if row else None

    async def claim_message(
        self, ask: Ask, now: datetime, event: CaseEvent, notices: Sequence[Notice] = ()
    ) -> bool:
        async with self._sessions.begin() as session:
            claimed = await session.execute(
                update(FollowUpAskRow)
                .where(
                    FollowUpAskRow.id == ask.id,
                    FollowUpAskRow.messages_sent == ask.messages_sent,
                    FollowUpAskRow.answered_at.is_(None),
                    FollowUpAskRow.escalated_at.is_(None),
                )
                .values(messages_sent=ask.messages_sent + 1, last_sent_at=now)
            )
            if claimed.rowcount != 1:
                return False
            session.add(_audit(now, event.kind, ask.case_number, event.actor))
            add_notices(session, notices, now, self._cipher)
        return True

    async def claim_escalation(
        self,
        ask: Ask,
        escalation: Escalation,
        event: CaseEvent,
        notices: Sequence[Notice] = (),
    ) -> bool:
        async with self._sessions.begin() as session:
            claimed = await session.execute(
                update(FollowUpAskRow)
                .where(
                    FollowUpAskRow.id == ask.id,
                    FollowUpAskRow.answered_at.is_(None),
                    FollowUpAskRow.escalated_at.is_(None),
                )
                .values(escalated_at=escalation.at)
            )
            if claimed.rowcount != 1:
                return False
            await _add_escalation(session, escalation)
            session.add_all(self._event_rows(ask.case_number, event, SCHEDULER))
            add_notices(session, notices, escalation.at, self._cipher)
        return True

    async def record_answer(
        self,
        ask: Ask,
        answer: Answer,
        event: CaseEvent,
        escalation: Escalation | None,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> bool:
        values = {
            "answered_at": answer.at,
            "progress": answer.progress.value,
            "toelichting": self._cipher.encrypt(answer.toelichting),
            "answered_by": answer.by,
            "answer_channel": channel,
        }
        if escalation is not None:
            values["escalated_at"] = escalation.at
        async with self._sessions.begin() as session:
            recorded = await session.execute(
                update(FollowUpAskRow)
                .where(FollowUpAskRow.id == ask.id, FollowUpAskRow.answered_at.is_(None))
                .values(**values)
            )
            if recorded.rowcount != 1:
                return False
            session.add_all(self._event_rows(ask.case_number, event, channel))
            if escalation is not None:
                await _add_escalation(session, escalation)
            add_notices(session, notices, answer.at, self._cipher)
        return True

    async def escalations(self, number: str) -> list[Escalation]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(EscalationRow)
                .where(EscalationRow.case_number == number)
                .order_by(EscalationRow.id)
            )
            return [
                Escalation(
                    r.case_number,
                    EscalationStep(r.step),
                    EscalationReason(r.reason),
                    r.by,
                    r.at,
                    r.ask_id,
                )
                for r in rows
            ]

    async def record_escalation(
        self,
        escalation: Escalation,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> None:
        async with self._sessions.begin() as session:
            await _add_escalation(session, escalation)
            session.add_all(self._event_rows(escalation.case_number, event, channel))
            add_notices(session, notices, escalation.at, self._cipher)

    async def record_read(self, ask: Ask, reader: str, channel: str, at: datetime) -> None:
        async with self._sessions.begin() as session:
            session.add(_audit(at, "follow-up bekeken", ask.case_number, reader, channel))

    def _ask(self, ask: FollowUpAskRow, case: CaseRow, action: str | None, round_: int) -> Ask:
        answers = json.loads(self._cipher.decrypt(case.answers))
        return Ask(
            id=ask.id,
            case_number=ask.case_number,
            initials=str(answers.get("initialen", "")),
            round=round_,
            kind=AskKind(ask.kind),
            organisation=ask.organisation,
            afspraak=self._cipher.decrypt(action),
            referrer_channel_id=case.referrer_channel_id,
            referrer_user_id=case.referrer_user_id,
            messages_sent=ask.messages_sent,
            last_sent_at=ask.last_sent_at,
            answered_at=ask.answered_at,
            escalated_at=ask.escalated_at,
            case_closed=case.status == CaseStatus.AFGESLOTEN.value,
            answered_by=ask.answered_by,
        )


def _ask_query():
    """An ask with its case and the action of its afspraak (none for the referrer's)."""
    return (
        select(FollowUpAskRow, CaseRow, AfspraakRow.action, FollowUpRoundRow.number)
        .join(CaseRow, CaseRow.number == FollowUpAskRow.case_number)
        .join(FollowUpRoundRow, FollowUpRoundRow.id == FollowUpAskRow.round_id)
        .outerjoin(
            AfspraakRow,
            and_(
                AfspraakRow.case_number == FollowUpAskRow.case_number,
                AfspraakRow.position == FollowUpAskRow.afspraak_position,
            ),
        )
    )


async def _add_escalation(session, escalation: Escalation) -> None:
    session.add(_escalation_row(escalation))
    await note_escalation(session, escalation.case_number, escalation.step.value, escalation.at)


def _escalation_row(escalation: Escalation) -> EscalationRow:
    return EscalationRow(
        case_number=escalation.case_number,
        ask_id=escalation.ask_id,
        step=escalation.step.value,
        reason=escalation.reason.value,
        by=escalation.by,
        at=escalation.at,
    )


def _audit(
    at: datetime, action: str, number: str, actor: str = ACTOR, channel=SCHEDULER
) -> AuditRow:
    return AuditRow(at=at, actor=actor, action=action, case_number=number, channel=channel)


FOLLOW_UP_TABLES = (FollowUpRoundRow, FollowUpAskRow, EscalationRow)  # purged with the case


async def follow_up_export(session, number: str, cipher: FieldCipher) -> dict:
    """The case's follow-up as plain data, for an export of the whole case."""
    asks = await session.execute(
        select(FollowUpAskRow, FollowUpRoundRow.number)
        .join(FollowUpRoundRow, FollowUpRoundRow.id == FollowUpAskRow.round_id)
        .where(FollowUpAskRow.case_number == number)
        .order_by(FollowUpAskRow.id)
    )
    escalations = await session.scalars(
        select(EscalationRow).where(EscalationRow.case_number == number).order_by(EscalationRow.id)
    )
    return {
        "vragen": [
            {
                "ronde": round_,
                "aan": ask.organisation or ask.kind,
                "berichten": ask.messages_sent,
                "beantwoord_op": _iso(ask.answered_at),
                "antwoord": ask.progress,
                "toelichting": cipher.decrypt(ask.toelichting),
                "door": ask.answered_by,
                "via": ask.answer_channel,
                "geëscaleerd_op": _iso(ask.escalated_at),
            }
            for ask, round_ in asks
        ],
        "escalaties": [
            {"stap": e.step, "reden": e.reason, "door": e.by, "op": _iso(e.at)} for e in escalations
        ],
    }


async def anonymise_follow_up(session, number: str) -> None:
    """After the retention period: the answers' toelichting and who gave them go; the
    choices, moments and escalation steps stay for the reports."""
    await session.execute(
        update(FollowUpAskRow)
        .where(FollowUpAskRow.case_number == number, FollowUpAskRow.answered_at.is_not(None))
        .values(toelichting=None, answered_by="(geanonimiseerd)")
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
