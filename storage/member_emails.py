"""Teams users' emails as the Bot Connector gave them, by AAD object id."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.models import MemberEmailRow
from storage.upsert import upsert


@dataclass(frozen=True)
class KnownEmail:
    """An answer the connector gave: `email` is None when it gave no email."""

    email: str | None


class MemberEmails:
    def __init__(self, sessions: async_sessionmaker) -> None:
        self._sessions = sessions

    async def find(self, aad_object_id: str) -> KnownEmail | None:
        """None: never asked (or the asking failed)."""
        async with self._sessions() as session:
            row = await session.get(MemberEmailRow, aad_object_id)
        return KnownEmail(row.email) if row else None

    async def remember(self, aad_object_id: str, email: str | None, at: datetime) -> None:
        values = {"aad_object_id": aad_object_id, "email": email, "looked_up_at": at}
        async with self._sessions.begin() as session:
            await session.execute(
                upsert(session.bind.dialect, MemberEmailRow, values, conflict_on=["aad_object_id"])
            )
