"""One case as a whole: its audit trail, an export for an inzageverzoek, and purging it."""

import json
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.encryption import PLAIN, FieldCipher
from storage.models import AuditRow, CaseEventRow, CaseRow


class CaseArchive:
    def __init__(self, sessions: async_sessionmaker, cipher: FieldCipher = PLAIN) -> None:
        self._sessions = sessions
        self._cipher = cipher

    async def audit_trail(self, number: str) -> list[AuditRow]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(AuditRow).where(AuditRow.case_number == number).order_by(AuditRow.id)
            )
            return list(rows)

    async def export(self, number: str, requested_by: str) -> dict | None:
        """Everything stored about the case, as plain data; the export itself is audited."""
        async with self._sessions.begin() as session:
            case = await session.get(CaseRow, number)
            if case is None:
                return None
            events = await session.scalars(
                select(CaseEventRow)
                .where(CaseEventRow.case_number == number)
                .order_by(CaseEventRow.id)
            )
            session.add(_audit(number, requested_by, "casus geëxporteerd"))
            return {
                "casus": case.number,
                "status": case.status,
                "aangemeld_op": case.submitted_at.isoformat(),
                "aanmelder": {
                    "naam": case.referrer_name,
                    "kanaal": case.referrer_channel_id,
                    "gebruiker": case.referrer_user_id,
                },
                "aanmelding": json.loads(self._cipher.decrypt(case.answers)),
                "verloop": [
                    {
                        "op": e.at.isoformat(),
                        "door": e.actor,
                        "wat": e.kind,
                        "toelichting": self._cipher.decrypt(e.text),
                    }
                    for e in events
                ],
            }

    async def purge(self, number: str, requested_by: str) -> bool:
        """Removes the case and its timeline. The audit trail keeps who did what with the
        case number (no case content), and records the purge itself."""
        async with self._sessions.begin() as session:
            removed = await session.execute(delete(CaseRow).where(CaseRow.number == number))
            if removed.rowcount == 0:
                return False
            await session.execute(delete(CaseEventRow).where(CaseEventRow.case_number == number))
            session.add(_audit(number, requested_by, "casus verwijderd"))
        return True


def _audit(number: str, actor: str, action: str) -> AuditRow:
    return AuditRow(
        at=datetime.now(UTC), actor=actor, action=action, case_number=number, channel="cli"
    )
