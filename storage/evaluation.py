"""Evaluations of closed cases and the voorzitter's leerpunten in the database (implements
domain.evaluation.EvaluationRepository).

Closing a case through this repository opens its evaluation round in the same transaction
as the closing and its requests (the outbox). One answer per person per case is the unique
constraint; the reminder is claimed with a conditional UPDATE, so two instances send it
once. Free text is encrypted like other case data; every read and answer is audited.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from domain.cases import Case, CaseStatus
from domain.evaluation import (
    FAMILY_KEY,
    Evaluation,
    EvaluationAnswer,
    FamilyAnswer,
    Judgement,
    Leerpunt,
    Respondent,
    RespondentKind,
)
from domain.notices import Notice
from domain.triage import CaseEvent
from storage.cases import SqlCaseRepository
from storage.encryption import FieldCipher
from storage.models import (
    AdviceRow,
    AfspraakRow,
    AuditRow,
    CaseRow,
    EvaluationAnswerRow,
    EvaluationRoundRow,
    FamilyEvaluationRow,
    LeerpuntRow,
)
from storage.outbox import add_notices

SCHEDULER = "scheduler"
EVALUATION_TABLES = (  # purged with the case
    EvaluationRoundRow,
    EvaluationAnswerRow,
    FamilyEvaluationRow,
    LeerpuntRow,
)


class SqlEvaluationRepository(SqlCaseRepository):
    async def move(
        self,
        case: Case,
        expected: CaseStatus,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> bool:
        """A move to 'afgesloten' also opens the case's evaluation round, unless it was
        asked already some weeks after the advice."""
        async with self._sessions.begin() as session:
            if not await self._move(session, case, expected, event, channel, notices):
                return False
            closing = case.status is CaseStatus.AFGESLOTEN
            if closing and await session.get(EvaluationRoundRow, case.number) is None:
                session.add(EvaluationRoundRow(case_number=case.number, asked_at=event.at))
        return True

    async def afspraak_organisations(self, number: str) -> list[str]:
        async with self._sessions() as session:
            found = await session.scalars(
                select(AfspraakRow.organisation)
                .where(AfspraakRow.case_number == number)
                .order_by(AfspraakRow.position)
            )
            return list(dict.fromkeys(found))

    async def record(
        self,
        case: Case,
        respondent: Respondent,
        by: str,
        answer: EvaluationAnswer | FamilyAnswer,
        at: datetime,
        channel: str,
    ) -> datetime | None:
        if isinstance(answer, FamilyAnswer):
            return await self._record_family(case, by, answer, at, channel)
        encrypt = self._cipher.encrypt
        row = EvaluationAnswerRow(
            case_number=case.number,
            respondent=respondent.key,
            kind=respondent.kind.value,
            organisation=respondent.organisation,
            answered_by=by,
            answered_at=at,
            channel=channel,
            score=answer.score,
            afspraken=answer.afspraken.value,
            samenwerking=encrypt(answer.samenwerking),
            knelpunt=encrypt(answer.knelpunt),
            oplossing=encrypt(answer.oplossing),
            advies=answer.advies.value,
            beter_af=answer.beter_af.value,
        )
        try:
            async with self._sessions.begin() as session:
                session.add(row)
                await session.flush()  # a second answer of this person fails here
                session.add(_audit(at, "evaluatie ingevuld", case.number, by, channel))
        except IntegrityError:
            async with self._sessions() as session:
                return await session.scalar(
                    select(EvaluationAnswerRow.answered_at).where(
                        EvaluationAnswerRow.case_number == case.number,
                        EvaluationAnswerRow.respondent == respondent.key,
                    )
                )
        return None

    async def _record_family(
        self, case: Case, by: str, answer: FamilyAnswer, at: datetime, channel: str
    ) -> datetime | None:
        row = FamilyEvaluationRow(
            case_number=case.number,
            answered_by=by,
            answered_at=at,
            channel=channel,
            gehoord=answer.gehoord,
            wens=answer.wens.value,
            nu=answer.nu,
            toelichting=self._cipher.encrypt(answer.toelichting),
        )
        try:
            async with self._sessions.begin() as session:
                session.add(row)
                await session.flush()  # the family's second answer fails here
                session.add(_audit(at, "evaluatie gezin ingevuld", case.number, by, channel))
        except IntegrityError:
            async with self._sessions() as session:
                earlier = await session.get(FamilyEvaluationRow, case.number)
                return earlier.answered_at if earlier else at
        return None

    async def asked_at(self, number: str) -> datetime | None:
        async with self._sessions() as session:
            round_ = await session.get(EvaluationRoundRow, number)
            return round_.asked_at if round_ else None

    async def answered(self, number: str) -> dict[str, datetime]:
        async with self._sessions() as session:
            found = await session.execute(
                select(EvaluationAnswerRow.respondent, EvaluationAnswerRow.answered_at).where(
                    EvaluationAnswerRow.case_number == number
                )
            )
            answered = {respondent: at for respondent, at in found}
            family = await session.get(FamilyEvaluationRow, number)
            if family is not None:
                answered[FAMILY_KEY] = family.answered_at
            return answered

    async def evaluations(
        self, number: str, reader: str, channel: str, at: datetime
    ) -> list[Evaluation]:
        async with self._sessions.begin() as session:
            rows = await session.scalars(
                select(EvaluationAnswerRow)
                .where(EvaluationAnswerRow.case_number == number)
                .order_by(EvaluationAnswerRow.id)
            )
            found = [self._evaluation(r) for r in rows]
            family = await session.get(FamilyEvaluationRow, number)
            if family is not None:
                found.append(self._family_evaluation(family))
            session.add(_audit(at, "evaluaties bekeken", number, reader, channel))
        return found

    def _family_evaluation(self, row: FamilyEvaluationRow, texts: bool = True) -> Evaluation:
        told = self._cipher.decrypt(row.toelichting) if texts else None
        answer = FamilyAnswer(row.gehoord, Judgement(row.wens), row.nu, told)
        kind = RespondentKind.GEZIN
        return Evaluation(row.case_number, kind, None, row.answered_by, row.answered_at, answer)

    def _evaluation(self, row: EvaluationAnswerRow, texts: bool = True) -> Evaluation:
        decrypt = self._cipher.decrypt if texts else (lambda _: None)
        answer = EvaluationAnswer(
            score=row.score,
            afspraken=Judgement(row.afspraken),
            samenwerking=decrypt(row.samenwerking),
            knelpunt=decrypt(row.knelpunt),
            oplossing=decrypt(row.oplossing),
            advies=Judgement(row.advies),
            beter_af=Judgement(row.beter_af),
        )
        return Evaluation(
            row.case_number,
            RespondentKind(row.kind),
            row.organisation,
            row.answered_by,
            row.answered_at,
            answer,
        )

    async def add_leerpunt(self, leerpunt: Leerpunt, channel: str) -> bool:
        try:
            async with self._sessions.begin() as session:
                session.add(
                    LeerpuntRow(
                        case_number=leerpunt.case_number,
                        theme=leerpunt.theme,
                        learned=self._cipher.encrypt(leerpunt.learned),
                        worked=self._cipher.encrypt(leerpunt.worked),
                        recorded_by=leerpunt.by,
                        recorded_at=leerpunt.at,
                        form_id=leerpunt.form_id,
                    )
                )
                await session.flush()  # the same form a second time: IntegrityError here
                session.add(
                    _audit(
                        leerpunt.at,
                        "leerpunt vastgelegd",
                        leerpunt.case_number,
                        leerpunt.by,
                        channel,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def leerpunten(self, number: str) -> list[Leerpunt]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(LeerpuntRow)
                .where(LeerpuntRow.case_number == number)
                .order_by(LeerpuntRow.id)
            )
            return [self._leerpunt(r) for r in rows]

    def _leerpunt(self, row: LeerpuntRow) -> Leerpunt:
        decrypt = self._cipher.decrypt
        return Leerpunt(
            row.case_number,
            row.theme,
            decrypt(row.learned),
            decrypt(row.worked),
            row.recorded_by,
            row.recorded_at,
            row.form_id,
            row.id,
        )

    async def given_between(self, start: datetime, end: datetime) -> list[Evaluation]:
        """The answers given in a period, for the report: scores and choices only, so
        nothing is decrypted (and nothing audited: the report shows no case, no person)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(EvaluationAnswerRow)
                .where(
                    EvaluationAnswerRow.answered_at >= start,
                    EvaluationAnswerRow.answered_at < end,
                )
                .order_by(EvaluationAnswerRow.id)
            )
            found = [self._evaluation(r, texts=False) for r in rows]
            families = await session.scalars(
                select(FamilyEvaluationRow)
                .where(
                    FamilyEvaluationRow.answered_at >= start,
                    FamilyEvaluationRow.answered_at < end,
                )
                .order_by(FamilyEvaluationRow.answered_at)
            )
            return found + [self._family_evaluation(r, texts=False) for r in families]

    async def leerpunten_between(self, start: datetime, end: datetime) -> list[Leerpunt]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(LeerpuntRow)
                .where(LeerpuntRow.recorded_at >= start, LeerpuntRow.recorded_at < end)
                .order_by(LeerpuntRow.id)
            )
            return [self._leerpunt(r) for r in rows]

    async def due_reminders(self, asked_before: datetime) -> list[str]:
        """Cases whose evaluation was asked before `asked_before` and not yet reminded."""
        async with self._sessions() as session:
            found = await session.scalars(
                select(EvaluationRoundRow.case_number)
                .where(
                    EvaluationRoundRow.asked_at <= asked_before,
                    EvaluationRoundRow.reminded_at.is_(None),
                )
                .order_by(EvaluationRoundRow.case_number)
            )
            return list(found)

    async def due_after_advice(self, advice_before: datetime) -> list[str]:
        """Open cases whose advice was given before `advice_before` and whose evaluation
        was not asked yet."""
        async with self._sessions() as session:
            asked = select(EvaluationRoundRow.case_number)
            found = await session.scalars(
                select(AdviceRow.case_number)
                .join(CaseRow, CaseRow.number == AdviceRow.case_number)
                .where(
                    AdviceRow.issued_at <= advice_before,
                    CaseRow.status != CaseStatus.AFGESLOTEN.value,
                    AdviceRow.case_number.not_in(asked),
                )
                .order_by(AdviceRow.case_number)
            )
            return list(found)

    async def claim_after_advice(
        self, number: str, at: datetime, notices: Sequence[Notice]
    ) -> bool:
        """The evaluation round of a case still open after its advice, with its requests;
        False when it was asked already."""
        try:
            async with self._sessions.begin() as session:
                session.add(EvaluationRoundRow(case_number=number, asked_at=at))
                await session.flush()  # asked before (another run, or the closing): fails
                session.add(_audit(at, "evaluatie gevraagd na advies", number))
                add_notices(session, notices, at, self._cipher)
        except IntegrityError:
            return False
        return True

    async def claim_reminder(self, number: str, at: datetime, notices: Sequence[Notice]) -> bool:
        """The reminder, once: marked and stored with its notices, or False when another run
        came first."""
        async with self._sessions.begin() as session:
            claimed = await session.execute(
                update(EvaluationRoundRow)
                .where(
                    EvaluationRoundRow.case_number == number,
                    EvaluationRoundRow.reminded_at.is_(None),
                )
                .values(reminded_at=at)
            )
            if claimed.rowcount != 1:
                return False
            if notices:
                session.add(_audit(at, "evaluatie herinnerd", number))
            add_notices(session, notices, at, self._cipher)
        return True


def _audit(
    at: datetime, action: str, number: str, actor: str = "retbot", channel: str = SCHEDULER
) -> AuditRow:
    return AuditRow(at=at, actor=actor, action=action, case_number=number, channel=channel)


async def evaluation_export(session, number: str, cipher: FieldCipher) -> dict:
    """The case's evaluations and leerpunten as plain data, for an export of the case."""
    round_ = await session.get(EvaluationRoundRow, number)
    answers = await session.scalars(
        select(EvaluationAnswerRow)
        .where(EvaluationAnswerRow.case_number == number)
        .order_by(EvaluationAnswerRow.id)
    )
    leerpunten = await session.scalars(
        select(LeerpuntRow).where(LeerpuntRow.case_number == number).order_by(LeerpuntRow.id)
    )
    family = await session.get(FamilyEvaluationRow, number)
    decrypt = cipher.decrypt
    return {
        "gevraagd_op": _iso(round_.asked_at) if round_ else None,
        "herinnerd_op": _iso(round_.reminded_at) if round_ else None,
        "antwoorden": [
            {
                "door": a.answered_by,
                "als": a.kind,
                "organisatie": a.organisation,
                "op": _iso(a.answered_at),
                "via": a.channel,
                "samenwerking_score": a.score,
                "afspraken_nagekomen": a.afspraken,
                "samenwerking": decrypt(a.samenwerking),
                "wat_zat_vast": decrypt(a.knelpunt),
                "wat_hielp": decrypt(a.oplossing),
                "advies_uitgevoerd": a.advies,
                "jeugdige_beter_af": a.beter_af,
            }
            for a in answers
        ],
        "gezin": {
            "door": family.answered_by,
            "op": _iso(family.answered_at),
            "via": family.channel,
            "gehoord_score": family.gehoord,
            "wens_vertrekpunt": family.wens,
            "hoe_nu_score": family.nu,
            "toelichting": decrypt(family.toelichting),
        }
        if family
        else None,
        "leerpunten": [
            {
                "thema": p.theme,
                "geleerd": decrypt(p.learned),
                "wat_werkte": decrypt(p.worked),
                "door": p.recorded_by,
                "op": _iso(p.recorded_at),
            }
            for p in leerpunten
        ],
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
