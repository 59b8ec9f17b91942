"""Advice, afspraken and mandate answers in the database (implements
domain.advice.AdviceRepository). A case repository too: issuing advice moves the case in
the same transaction."""

from collections.abc import Callable, Sequence

from sqlalchemy import select, update

from domain.advice import Advice, Afspraak, Attendee, Mandate, MandateAnswer
from domain.cases import Case, CaseStatus
from domain.notices import Notice
from domain.triage import CaseEvent
from storage.case_facts import note
from storage.cases import SqlCaseRepository
from storage.models import AdviceAttendeeRow, AdviceRow, AfspraakRow, CaseRow, MandateRow
from storage.outbox import add_notices
from storage.upsert import dialect_insert


class SqlAdviceRepository(SqlCaseRepository):
    """Free text (summary, advice, actions, people) is encrypted when a key is set; the
    organisations and deadlines stay plain, for follow-up and reports."""

    async def issue(
        self,
        advice: Advice,
        case: Case,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
        correction: CaseEvent | None = None,
    ) -> bool:
        encrypt = self._cipher.encrypt
        async with self._sessions.begin() as session:
            moved = await session.execute(
                update(CaseRow)
                .where(CaseRow.number == case.number, CaseRow.status == case.status.value)
                .values(status=CaseStatus.ADVIES.value)
            )
            if moved.rowcount != 1:
                return False
            facts = {"gemeente": advice.gemeente} if correction is not None else {}
            await note(
                session,
                case.number,
                status=CaseStatus.ADVIES.value,
                advies_op=advice.issued_at,
                **facts,
            )
            session.add(
                AdviceRow(
                    case_number=advice.case_number,
                    samenvatting=encrypt(advice.samenvatting),
                    advies=encrypt(advice.advies),
                    issued_by=advice.issued_by,
                    issued_at=advice.issued_at,
                    language=advice.language,
                    gemeente=advice.gemeente,
                )
            )
            session.add_all(
                AdviceAttendeeRow(
                    case_number=advice.case_number,
                    position=position,
                    name=encrypt(attendee.name),
                    organisation=encrypt(attendee.organisation),
                    role=attendee.role,
                    present=attendee.present,
                    absence_reason=encrypt(attendee.absence_reason),
                )
                for position, attendee in enumerate(advice.attendees)
            )
            session.add_all(
                AfspraakRow(
                    case_number=advice.case_number,
                    position=position,
                    organisation=afspraak.organisation,
                    action=encrypt(afspraak.action),
                    deadline=afspraak.deadline,
                    person=encrypt(afspraak.person),
                )
                for position, afspraak in enumerate(advice.afspraken)
            )
            session.add_all(self._event_rows(case.number, event, channel))
            if correction is not None:
                session.add_all(self._event_rows(case.number, correction, channel))
            add_notices(session, notices, event.at, self._cipher)
        return True

    async def advice(self, number: str) -> Advice | None:
        decrypt = self._cipher.decrypt
        async with self._sessions() as session:
            row = await session.get(AdviceRow, number)
            if row is None:
                return None
            afspraken = await session.scalars(
                select(AfspraakRow)
                .where(AfspraakRow.case_number == number)
                .order_by(AfspraakRow.position)
            )
            attendees = await session.scalars(
                select(AdviceAttendeeRow)
                .where(AdviceAttendeeRow.case_number == number)
                .order_by(AdviceAttendeeRow.position)
            )
            return Advice(
                case_number=row.case_number,
                samenvatting=decrypt(row.samenvatting),
                advies=decrypt(row.advies),
                afspraken=tuple(
                    Afspraak(a.organisation, decrypt(a.action), a.deadline, decrypt(a.person))
                    for a in afspraken
                ),
                issued_by=row.issued_by,
                issued_at=row.issued_at,
                attendees=tuple(
                    Attendee(
                        decrypt(a.name),
                        decrypt(a.organisation),
                        a.role,
                        a.present,
                        decrypt(a.absence_reason),
                    )
                    for a in attendees
                ),
                language=row.language,
                gemeente=row.gemeente,
            )

    async def mandates(self, number: str) -> dict[str, Mandate]:
        async with self._sessions() as session:
            rows = await session.scalars(select(MandateRow).where(MandateRow.case_number == number))
            return {
                r.organisation: Mandate(
                    r.organisation, MandateAnswer(r.answer), r.answered_by, r.answered_at
                )
                for r in rows
            }

    async def record_mandate(
        self,
        number: str,
        mandate: Mandate,
        event: CaseEvent,
        channel: str,
        notices: Callable[[dict[str, Mandate]], Sequence[Notice]] = lambda answers: (),
    ) -> list[Notice] | None:
        values = {
            "answer": mandate.answer.value,
            "answered_by": mandate.by,
            "answered_at": mandate.at,
        }
        async with self._sessions.begin() as session:
            # Answers to one advice are taken one at a time: each sees the ones before it,
            # so exactly one of them finds every organisation confirmed.
            await session.execute(
                select(AdviceRow.case_number)
                .where(AdviceRow.case_number == number)
                .with_for_update()
            )
            # One row per organisation: the first answer inserts it; only a confirmation
            # may replace a decline. A racing second answer finds the row and changes nothing.
            recorded = await session.scalar(
                dialect_insert(session.bind.dialect, MandateRow)
                .values(case_number=number, organisation=mandate.organisation, **values)
                .on_conflict_do_nothing(index_elements=["case_number", "organisation"])
                .returning(MandateRow.id)
            )
            if recorded is None and mandate.answer is MandateAnswer.CONFIRMED:
                recorded = await session.scalar(
                    update(MandateRow)
                    .where(
                        MandateRow.case_number == number,
                        MandateRow.organisation == mandate.organisation,
                        MandateRow.answer == MandateAnswer.DECLINED.value,
                    )
                    .values(**values)
                    .returning(MandateRow.id)
                )
            if recorded is None:
                return None
            session.add_all(self._event_rows(number, event, channel))
            rows = await session.scalars(select(MandateRow).where(MandateRow.case_number == number))
            answers = {
                r.organisation: Mandate(
                    r.organisation, MandateAnswer(r.answer), r.answered_by, r.answered_at
                )
                for r in rows
            }
            caused = list(notices(answers))
            add_notices(session, caused, event.at, self._cipher)
        return caused
