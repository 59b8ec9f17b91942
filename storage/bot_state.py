"""Dialog state in our database: a botbuilder `Storage` with eTag optimistic concurrency,
and ConversationState/UserState that serialise each state once per turn.

Semantics follow the SDK's Cosmos DB storage: an item read from storage carries its
`e_tag`; writing it back succeeds only while nobody else wrote in between. An item without
an eTag, or with `*`, is written unconditionally.

Items are serialised with storage.state_codec (compact JSON, allow-listed types).
"""

import uuid
from collections.abc import Iterable
from typing import Any

from botbuilder.core import (
    BotState,
    ConversationState,
    Storage,
    TurnContext,
    UserState,
)
from botbuilder.core.bot_state import CachedBotState
from sqlalchemy import bindparam, delete
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.encryption import PLAIN, FieldCipher
from storage.models import BotStateRow
from storage.state_codec import from_json, to_json
from storage.state_rows import Stored, state_rows_for

ETAG = "e_tag"


class ETagConflict(Exception):
    """Somebody else changed the item since it was read; the write was refused."""


def encode(item: Any) -> str:
    if isinstance(item, dict):
        item = {k: v for k, v in item.items() if k != ETAG}
    return to_json(item)


def decode(stored: Stored) -> Any:
    item = from_json(stored.data)
    if isinstance(item, dict):
        item[ETAG] = stored.etag
    else:
        item.e_tag = stored.etag
    return item


def etag_of(item: Any) -> str | None:
    return item.get(ETAG) if isinstance(item, dict) else getattr(item, ETAG, None)


_DELETE = delete(BotStateRow.__table__).where(
    BotStateRow.__table__.c.key.in_(bindparam("keys", expanding=True))
)


class DatabaseStorage(Storage):
    """Works on plain connections, not ORM sessions: it runs on every turn."""

    def __init__(self, engine: AsyncEngine, cipher: FieldCipher = PLAIN) -> None:
        self._engine = engine
        self._rows = state_rows_for(engine)
        self._cipher = cipher  # dialog state holds drafts: case data at rest, too

    async def close(self) -> None:
        await self._rows.close()

    async def read(self, keys: list[str]) -> dict[str, Any]:
        return {key: decode(stored) for key, stored in (await self.read_stored(keys)).items()}

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise ValueError("changes are required when writing")
        for key, item in changes.items():
            await self.write_stored(key, etag_of(item), encode(item))

    async def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
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
        """Writes serialised data; returns the new eTag, or raises ETagConflict."""
        if expected_etag == "":
            raise ValueError(f"storage write for {key!r}: empty eTag")
        new_etag = uuid.uuid4().hex
        data = self._cipher.encrypt(data)
        if expected_etag in (None, "*"):
            await self._rows.write(key, new_etag, data)
        elif not await self._rows.update_if_unchanged(key, expected_etag, new_etag, data):
            raise ETagConflict(f"storage write for {key!r}: eTag {expected_etag} is stale")
        return new_etag


class _Snapshot(CachedBotState):
    """Cached state whose 'hash' is its serialised form as last read or written."""

    def __init__(self, state: dict, data: str | None) -> None:  # no super(): no extra hashing
        self.state = state
        self.hash = data


class _SerialiseOnce(BotState):
    """Loads and saves like BotState, but serialises once per save instead of four times.

    The stock BotState hashes state with jsonpickle on load, on the change check and after
    the write, and the storage serialises it again to write it.
    """

    _storage: DatabaseStorage

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if force or not cached or not cached.state:
            await load_states(turn_context, self)

    def _install(self, turn_context: TurnContext, stored: Stored | None) -> None:
        state = decode(stored) if stored else {}
        turn_context.turn_state[self._context_service_key] = _Snapshot(
            state, stored.data if stored else None
        )

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if cached is None:
            return
        data = encode(cached.state)
        if not force and data == cached.hash:
            return
        key = self.get_storage_key(turn_context)
        try:
            etag = await self._storage.write_stored(key, etag_of(cached.state), data)
        except ETagConflict:
            # A turn that ran at the same time (a double click) wrote first. When it wrote
            # what this turn would write, nothing is lost: keep its write.
            stored = (await self._storage.read_stored([key])).get(key)
            if stored is None or stored.data != data:
                raise
            etag = stored.etag
        cached.state[ETAG] = etag
        cached.hash = data


async def load_states(turn_context: TurnContext, *states: _SerialiseOnce) -> None:
    """Loads several states of one turn (conversation, user) in one database round trip."""
    keys = [state.get_storage_key(turn_context) for state in states]
    stored = await states[0]._storage.read_stored(keys)
    for state, key in zip(states, keys, strict=True):
        state._install(turn_context, stored.get(key))


class DatabaseConversationState(_SerialiseOnce, ConversationState):
    def __init__(self, storage: DatabaseStorage) -> None:
        ConversationState.__init__(self, storage)


class DatabaseUserState(_SerialiseOnce, UserState):
    def __init__(self, storage: DatabaseStorage) -> None:
        UserState.__init__(self, storage)
