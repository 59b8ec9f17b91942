"""Cases in the database (implements domain.cases.CaseRepository)."""

import json
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.cases import Case, CaseStatus, Referrer, Submitted, case_number
from domain.notices import Notice
from domain.triage import CaseEvent
from storage.case_facts import note_move, store_request_facts
from storage.encryption import PLAIN, FieldCipher
from storage.models import AuditRow, CaseCounterRow, CaseEventRow, CaseFactRow, CaseRow
from storage.outbox import add_notices
from storage.upsert import dialect_insert


class SqlCaseRepository:
    """Free text (the request's answers, timeline notes) is encrypted when a key is set."""

    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._sessions = sessions
        self._cipher = cipher

    async def submit(
        self,
        referrer: Referrer,
        answers: dict,
        now: datetime,
        *,
        draft_id: str | None = None,
        events: Sequence[CaseEvent] = (),
        self_applied: bool = False,
        notices: Callable[[Case], Sequence[Notice]] = lambda case: (),
    ) -> Submitted:
        if draft_id is not None and (earlier := await self.filed_from_draft(draft_id)) is not None:
            return Submitted(earlier, new=False)
        try:
            case = await self._insert(
                referrer, answers, now, draft_id, events, self_applied, notices
            )
        except IntegrityError:  # a racing submit of the same draft came first
            if (
                draft_id is not None
                and (earlier := await self.filed_from_draft(draft_id)) is not None
            ):
                return Submitted(earlier, new=False)
            raise
        return Submitted(case, new=True)

    async def _insert(
        self,
        referrer: Referrer,
        answers: dict,
        now: datetime,
        draft_id: str | None,
        events: Sequence[CaseEvent],
        self_applied: bool,
        notices: Callable[[Case], Sequence[Notice]],
    ) -> Case:
        async with self._sessions.begin() as session:
            # The counter row stays locked until commit: a racing submission waits for it,
            # and a rolled-back one gives its number back. No gaps, no duplicates.
            bump = (
                dialect_insert(session.bind.dialect, CaseCounterRow)
                .values(year=now.year, last=1)
                .on_conflict_do_update(
                    index_elements=["year"], set_={"last": CaseCounterRow.last + 1}
                )
                .returning(CaseCounterRow.last)
            )
            sequence = await session.scalar(bump)
            number = case_number(now.year, sequence)
            case = Case(
                number, CaseStatus.AANGEMELD, referrer, answers, now, self_applied=self_applied
            )
            session.add(self._row(case, draft_id))
            await session.flush()  # a second case of the same draft fails here
            await store_request_facts(session, case.number, case.status.value, answers, now)
            session.add(
                AuditRow(
                    at=now,
                    actor=referrer.name,
                    action="aanmelding ingediend",
                    case_number=case.number,
                    channel=referrer.channel_id,
                )
            )
            for event in events:
                session.add_all(self._event_rows(case.number, event, referrer.channel_id))
            add_notices(session, notices(case), now, self._cipher)
        return case

    async def filed_from_draft(self, draft_id: str) -> Case | None:
        async with self._sessions() as session:
            row = await session.scalar(select(CaseRow).where(CaseRow.draft_id == draft_id))
        return self._case(row) if row else None

    async def record_without_case(
        self, actor: str, action: str, channel: str, at: datetime
    ) -> None:
        async with self._sessions.begin() as session:
            session.add(AuditRow(at=at, actor=actor, action=action, channel=channel))

    async def cases_of(self, referrer: Referrer) -> list[Case]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(CaseRow)
                .where(
                    CaseRow.referrer_channel_id == referrer.channel_id,
                    CaseRow.referrer_user_id == referrer.user_id,
                )
                .order_by(CaseRow.number)
            )
            return [self._case(row) for row in rows]

    async def team_page(
        self, status: CaseStatus | None, page: int, size: int
    ) -> tuple[list[Case], int]:
        """Ordered and filtered on the report facts' indexed columns; only `size` rows of
        case_file are read."""
        chosen = [CaseFactRow.status == status.value] if status else []
        async with self._sessions() as session:
            total = await session.scalar(
                select(func.count()).select_from(CaseFactRow).where(*chosen)
            )
            rows = await session.scalars(
                select(CaseRow)
                .join(CaseFactRow, CaseFactRow.case_number == CaseRow.number)
                .where(*chosen)
                .order_by(CaseFactRow.submitted_at.desc(), CaseFactRow.case_number.desc())
                .limit(size)
                .offset(page * size)
            )
            return [self._case(row) for row in rows], total or 0

    async def record_reads(
        self, cases: list[Case], reader: str, channel: str, at: datetime
    ) -> None:
        if not cases:
            return
        async with self._sessions.begin() as session:
            session.add_all(
                AuditRow(
                    at=at,
                    actor=reader,
                    action="casus bekeken",
                    case_number=c.number,
                    channel=channel,
                )
                for c in cases
            )

    async def get(self, number: str) -> Case | None:
        async with self._sessions() as session:
            row = await session.get(CaseRow, number)
        return self._case(row) if row else None

    async def move(
        self,
        case: Case,
        expected: CaseStatus,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice] = (),
    ) -> bool:
        async with self._sessions.begin() as session:
            return await self._move(session, case, expected, event, channel, notices)

    async def _move(
        self,
        session,
        case: Case,
        expected: CaseStatus,
        event: CaseEvent,
        channel: str,
        notices: Sequence[Notice],
    ) -> bool:
        """`move` inside a transaction, for a repository that stores more with it."""
        result = await session.execute(
            update(CaseRow)
            .where(CaseRow.number == case.number, CaseRow.status == expected.value)
            .values(status=case.status.value, closed_at=case.closed_at)
        )
        if result.rowcount != 1:
            return False
        await note_move(
            session, case.number, case.status.value, case.closed_at, event.kind, event.at
        )
        session.add_all(self._event_rows(case.number, event, channel))
        add_notices(session, notices, event.at, self._cipher)
        return True

    async def replace_answers(
        self, case: Case, event: CaseEvent, channel: str, notices: Sequence[Notice] = ()
    ) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(CaseRow)
                .where(CaseRow.number == case.number)
                .values(answers=self._cipher.encrypt(_json(case.answers)))
            )
            await store_request_facts(
                session, case.number, case.status.value, case.answers, case.submitted_at
            )
            session.add_all(self._event_rows(case.number, event, channel))
            add_notices(session, notices, event.at, self._cipher)

    async def events(self, number: str) -> list[CaseEvent]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(CaseEventRow)
                .where(CaseEventRow.case_number == number)
                .order_by(CaseEventRow.id)
            )
            return [CaseEvent(r.at, r.actor, r.kind, self._cipher.decrypt(r.text)) for r in rows]

    def _event_rows(self, number: str, event: CaseEvent, channel: str) -> list:
        """The timeline entry and its audit entry, written with the change they record."""
        text = self._cipher.encrypt(event.text)
        return [
            CaseEventRow(
                case_number=number, at=event.at, actor=event.actor, kind=event.kind, text=text
            ),
            AuditRow(
                at=event.at,
                actor=event.actor,
                action=event.kind,
                case_number=number,
                channel=channel,
            ),
        ]

    def _row(self, case: Case, draft_id: str | None = None) -> CaseRow:
        return _row(case, self._cipher.encrypt(_json(case.answers)), draft_id)

    def _case(self, row: CaseRow) -> Case:
        return _case(row, json.loads(self._cipher.decrypt(row.answers)))


def _json(answers: dict) -> str:
    return json.dumps(answers, ensure_ascii=False)


def _row(case: Case, answers: str, draft_id: str | None = None) -> CaseRow:
    return CaseRow(
        number=case.number,
        status=case.status.value,
        referrer_channel_id=case.referrer.channel_id,
        referrer_user_id=case.referrer.user_id,
        referrer_name=case.referrer.name,
        referrer_aad_object_id=case.referrer.aad_object_id,
        answers=answers,
        submitted_at=case.submitted_at,
        closed_at=case.closed_at,
        self_applied=case.self_applied,
        draft_id=draft_id,
    )


def _case(row: CaseRow, answers: dict) -> Case:
    return Case(
        number=row.number,
        status=CaseStatus(row.status),
        referrer=Referrer(
            row.referrer_channel_id,
            row.referrer_user_id,
            row.referrer_name,
            row.referrer_aad_object_id,
        ),
        answers=answers,
        submitted_at=row.submitted_at,
        closed_at=row.closed_at,
        self_applied=row.self_applied,
    )
