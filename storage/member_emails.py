"""Which roster member (listed by email only) a Teams user is, by AAD object id."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.models import MemberEmailRow
from storage.upsert import upsert


@dataclass(frozen=True)
class KnownEmail:
    """The roster email the user matched; None when they matched no roster member."""

    email: str | None


class MemberEmails:
    def __init__(self, sessions: async_sessionmaker) -> None:
        self._sessions = sessions

    async def find(self, aad_object_id: str, since: datetime) -> KnownEmail | None:
        """None: not asked since `since` (or the asking failed)."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(MemberEmailRow).where(
                    MemberEmailRow.aad_object_id == aad_object_id,
                    MemberEmailRow.looked_up_at >= since,
                )
            )
        return KnownEmail(row.email) if row else None

    async def remember(self, aad_object_id: str, email: str | None, at: datetime) -> None:
        values = {"aad_object_id": aad_object_id, "email": email, "looked_up_at": at}
        async with self._sessions.begin() as session:
            await session.execute(
                upsert(session.bind.dialect, MemberEmailRow, values, conflict_on=["aad_object_id"])
            )

    async def aad_object_id_of(self, email: str) -> str | None:
        """The Teams user last recognised as the roster member with this email."""
        async with self._sessions() as session:
            return await session.scalar(
                select(MemberEmailRow.aad_object_id)
                .where(MemberEmailRow.email == email)
                .order_by(MemberEmailRow.looked_up_at.desc())
                .limit(1)
            )
