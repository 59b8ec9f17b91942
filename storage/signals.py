"""Signals (rode draden) in the database (implements domain.signals.SignalRepository)."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker

from domain.signals import Advies, Signal
from storage.encryption import PLAIN, FieldCipher
from storage.models import AuditRow, CaseRow, SignalAdviceRow, SignalRow


class SqlSignalRepository:
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._sessions = sessions
        self._cipher = cipher

    async def case_exists(self, number: str) -> bool:
        async with self._sessions() as session:
            return await session.get(CaseRow, number) is not None

    async def add(self, signal: Signal, channel: str) -> bool:
        try:
            async with self._sessions.begin() as session:
                session.add(
                    SignalRow(
                        case_number=signal.case_number,
                        theme=signal.theme,
                        note=self._cipher.encrypt(signal.note),
                        noted_by=signal.by,
                        noted_at=signal.at,
                        form_id=signal.form_id,
                    )
                )
                await session.flush()  # the same form a second time: IntegrityError here
                session.add(self._audit(signal, channel))
        except IntegrityError:
            return False
        return True

    async def add_advies(self, advies: Advies, channel: str) -> bool:
        try:
            async with self._sessions.begin() as session:
                session.add(
                    SignalAdviceRow(
                        theme=advies.theme,
                        advies=self._cipher.encrypt(advies.text),
                        given_by=advies.by,
                        given_at=advies.at,
                        form_id=advies.form_id,
                    )
                )
                await session.flush()
                session.add(
                    AuditRow(
                        at=advies.at,
                        actor=advies.by,
                        action="advies bij rode draad vastgelegd",
                        case_number=None,
                        channel=channel,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def adviezen_until(self, end: datetime) -> list[Advies]:
        """Every advies given before `end` (the report shows the latest per theme)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(SignalAdviceRow)
                .where(SignalAdviceRow.given_at < end)
                .order_by(SignalAdviceRow.id)
            )
            return [
                Advies(r.theme, self._cipher.decrypt(r.advies), r.given_by, r.given_at)
                for r in rows
            ]

    async def from_form(self, form_id: str) -> Signal | None:
        async with self._sessions() as session:
            row = await session.scalar(select(SignalRow).where(SignalRow.form_id == form_id))
        if row is None:
            return None
        return Signal(row.theme, "", row.noted_by, row.noted_at, row.case_number, row.form_id)

    def _audit(self, signal: Signal, channel: str) -> AuditRow:
        return AuditRow(
            at=signal.at,
            actor=signal.by,
            action="signaal vastgelegd",
            case_number=signal.case_number,
            channel=channel,
        )

    async def between(self, start: datetime, end: datetime) -> list[Signal]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(SignalRow)
                .where(SignalRow.noted_at >= start, SignalRow.noted_at < end)
                .order_by(SignalRow.id)
            )
            return [
                Signal(r.theme, self._cipher.decrypt(r.note), r.noted_by, r.noted_at, r.case_number)
                for r in rows
            ]
