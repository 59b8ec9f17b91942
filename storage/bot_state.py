"""What the bot remembers between turns (a user's and a conversation's dict, which the edge
hands the flows as dialogs.turn.TurnState), in the `bot_state` table:
one row per user and one per conversation, read together at the start of a turn and
written back at its end only when they changed, with eTag optimistic concurrency.

A write succeeds only while nobody else wrote in between (ETagConflict otherwise), unless
what is stored already is what this turn would write (a double click: both turns did the
same). The data is compact JSON, encrypted when a key is set (drafts are case data).
"""

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import bindparam, delete
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.encryption import PLAIN, FieldCipher
from storage.models import BotStateRow
from storage.state_rows import Stored, state_rows_for

RETIRED = ("dialog_state",)  # the dialog stack of botbuilder, before retbot kept its own


class ETagConflict(Exception):
    """Somebody else changed the item since it was read; the write was refused."""


@dataclass(frozen=True)
class StateKeys:
    """Where a turn's state is kept: the user's and the conversation's row."""

    user: str
    conversation: str


def state_keys(channel_id: str, user_id: str, conversation_id: str) -> StateKeys:
    """The keys botbuilder's UserState and ConversationState used, so state kept before
    the move to the Agents SDK is found again."""
    return StateKeys(
        f"{channel_id}/users/{user_id}", f"{channel_id}/conversations/{conversation_id}"
    )


@dataclass
class LoadedState:
    """A turn's state (change the dicts in place) and what was read, to write back only
    what changed."""

    user: dict
    conversation: dict
    keys: StateKeys
    read: dict[str, Stored]


def _encode(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_DELETE = delete(BotStateRow.__table__).where(
    BotStateRow.__table__.c.key.in_(bindparam("keys", expanding=True))
)


class StateStore:
    """Works on plain connections, not ORM sessions: it runs on every turn."""

    def __init__(self, engine: AsyncEngine, cipher: FieldCipher = PLAIN) -> None:
        self._engine = engine
        self._rows = state_rows_for(engine)
        self._cipher = cipher

    async def close(self) -> None:
        await self._rows.close()

    async def load(self, keys: StateKeys) -> LoadedState:
        """Both rows in one round trip."""
        read = await self.read_stored([keys.user, keys.conversation])
        user = json.loads(read[keys.user].data) if keys.user in read else {}
        conversation = json.loads(read[keys.conversation].data) if keys.conversation in read else {}
        for retired in RETIRED:
            conversation.pop(retired, None)
        return LoadedState(user, conversation, keys, read)

    async def save(self, loaded: LoadedState) -> None:
        """Writes the rows whose data changed; raises ETagConflict when another turn
        wrote something else meanwhile."""
        keys = loaded.keys
        for key, data in ((keys.user, loaded.user), (keys.conversation, loaded.conversation)):
            encoded = _encode(data)
            before = loaded.read.get(key)
            if before is not None and before.data == encoded:
                continue
            if before is None and not data:
                continue
            etag = await self._write(key, before.etag if before else None, encoded)
            loaded.read[key] = Stored(etag, encoded)

    async def _write(self, key: str, etag: str | None, data: str) -> str:
        try:
            return await self.write_stored(key, etag, data)
        except ETagConflict:
            stored = (await self.read_stored([key])).get(key)
            if stored is None or stored.data != data:
                raise
            return stored.etag  # a turn at the same time wrote the same: nothing is lost

    async def delete(self, keys: list[str]) -> None:
        if keys:
            async with self._engine.begin() as connection:
                await connection.execute(_DELETE, {"keys": keys})

    async def read_stored(self, keys: list[str]) -> dict[str, Stored]:
        if not keys:
            return {}
        stored = await self._rows.read(list(keys))
        if not self._cipher.enabled:
            return stored
        return {k: Stored(v.etag, self._cipher.decrypt(v.data)) for k, v in stored.items()}

    async def write_stored(self, key: str, expected_etag: str | None, data: str) -> str:
        """Writes serialised data over the row with `expected_etag`, or, without one, as
        a new row; returns the new eTag, or raises ETagConflict when the row changed (or
        came) since it was read."""
        if expected_etag == "":
            raise ValueError(f"state write for {key!r}: empty eTag")
        new_etag = uuid.uuid4().hex
        sealed = self._cipher.encrypt(data)
        if expected_etag is None:
            written = await self._rows.insert(key, new_etag, sealed)
        else:
            written = await self._rows.update_if_unchanged(key, expected_etag, new_etag, sealed)
        if not written:
            raise ETagConflict(f"state write for {key!r}: changed since eTag {expected_etag}")
        return new_etag
