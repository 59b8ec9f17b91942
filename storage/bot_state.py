"""botbuilder `Storage` on our database, with eTag optimistic concurrency.

Semantics follow the SDK's Cosmos DB storage: an item read from storage carries its
`e_tag`; writing it back succeeds only while nobody else wrote in between. An item without
an eTag, or with `*`, is written unconditionally.
"""

import uuid
from collections.abc import Iterable
from typing import Any

import jsonpickle
from botbuilder.core import Storage
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.models import BotStateRow
from storage.upsert import upsert


class ETagConflict(Exception):
    """Somebody else changed the item since it was read; the write was refused."""


class DatabaseStorage(Storage):
    def __init__(self, sessions: async_sessionmaker) -> None:
        self._sessions = sessions

    async def read(self, keys: list[str]) -> dict[str, Any]:
        if not keys:
            return {}
        async with self._sessions() as session:
            rows = await session.execute(
                select(BotStateRow.key, BotStateRow.etag, BotStateRow.data).where(
                    BotStateRow.key.in_(list(keys))
                )
            )
            return {key: _decode(data, etag) for key, etag, data in rows}

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise ValueError("changes are required when writing")
        if not changes:
            return
        async with self._sessions.begin() as session:
            for key, item in changes.items():
                expected = _etag_of(item)
                if expected == "":
                    raise ValueError(f"storage write for {key!r}: empty eTag")
                data = _encode(item)
                new_etag = uuid.uuid4().hex
                if expected in (None, "*"):
                    await session.execute(
                        upsert(
                            session,
                            BotStateRow,
                            {"key": key, "etag": new_etag, "data": data},
                            conflict_on=["key"],
                        )
                    )
                    continue
                result = await session.execute(
                    update(BotStateRow)
                    .where(BotStateRow.key == key, BotStateRow.etag == expected)
                    .values(etag=new_etag, data=data)
                )
                if result.rowcount != 1:
                    raise ETagConflict(f"storage write for {key!r}: eTag {expected} is stale")

    async def delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        if not keys:
            return
        async with self._sessions.begin() as session:
            await session.execute(delete(BotStateRow).where(BotStateRow.key.in_(keys)))


def _etag_of(item: Any) -> str | None:
    if isinstance(item, dict):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _encode(item: Any) -> str:
    if isinstance(item, dict):
        item = {k: v for k, v in item.items() if k != "e_tag"}
    return jsonpickle.encode(item, make_refs=False)


def _decode(data: str, etag: str) -> Any:
    item = jsonpickle.decode(data)
    if isinstance(item, dict):
        item["e_tag"] = etag
    else:
        item.e_tag = etag
    return item
