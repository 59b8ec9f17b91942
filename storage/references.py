"""Stored ConversationReferences: how to reach a user or a conversation later."""

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.models import ConversationReferenceRow
from storage.upsert import upsert


@dataclass(frozen=True)
class StoredReference:
    """A reference in plain data; the channel edge turns `reference` into SDK objects."""

    channel_id: str
    scope: str  # "user": the person's 1:1 chat with the bot; "conversation": any chat
    scope_id: str
    aad_object_id: str | None
    tenant_id: str | None
    conversation_type: str | None
    reference: dict


class ReferenceRepository:
    def __init__(self, sessions: async_sessionmaker) -> None:
        self._sessions = sessions

    async def save(self, references: list[StoredReference]) -> None:
        async with self._sessions.begin() as session:
            for ref in references:
                values = {
                    "channel_id": ref.channel_id,
                    "scope": ref.scope,
                    "scope_id": ref.scope_id,
                    "aad_object_id": ref.aad_object_id,
                    "tenant_id": ref.tenant_id,
                    "conversation_type": ref.conversation_type,
                    "reference": json.dumps(ref.reference, sort_keys=True),
                }
                await session.execute(
                    upsert(
                        session.bind.dialect,
                        ConversationReferenceRow,
                        values,
                        conflict_on=["channel_id", "scope", "scope_id"],
                    )
                )

    async def find(self, channel_id: str, scope: str, scope_id: str) -> StoredReference | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(ConversationReferenceRow).where(
                    ConversationReferenceRow.channel_id == channel_id,
                    ConversationReferenceRow.scope == scope,
                    ConversationReferenceRow.scope_id == scope_id,
                )
            )
        return _to_stored(row) if row else None

    async def find_latest_channel(self) -> StoredReference | None:
        """The team channel the bot was most recently used in (the RET's own team)."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(ConversationReferenceRow)
                .where(
                    ConversationReferenceRow.scope == "conversation",
                    ConversationReferenceRow.conversation_type == "channel",
                )
                .order_by(ConversationReferenceRow.updated_at.desc())
                .limit(1)
            )
        return _to_stored(row) if row else None

    async def find_user_by_aad_object_id(self, aad_object_id: str) -> StoredReference | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(ConversationReferenceRow)
                .where(
                    ConversationReferenceRow.scope == "user",
                    ConversationReferenceRow.aad_object_id == aad_object_id,
                )
                .order_by(ConversationReferenceRow.updated_at.desc())
                .limit(1)
            )
        return _to_stored(row) if row else None


def _to_stored(row: ConversationReferenceRow) -> StoredReference:
    return StoredReference(
        channel_id=row.channel_id,
        scope=row.scope,
        scope_id=row.scope_id,
        aad_object_id=row.aad_object_id,
        tenant_id=row.tenant_id,
        conversation_type=row.conversation_type,
        reference=json.loads(row.reference),
    )
