"""The two statements every turn runs on the `bot_state` table: read and conditional update.

On PostgreSQL they go through SQLAlchemy Core. On SQLite they go to the aiosqlite driver
directly: aiosqlite runs each DBAPI call on its own thread, and SQLAlchemy's adapter makes
four or five such calls per statement (cursor, execute, fetch, close, commit), where the
driver's own `execute_fetchall` needs one. That halves the database cost of a turn there.
"""

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.database import reading_engine
from storage.models import BotStateRow


@dataclass(frozen=True)
class Stored:
    etag: str
    data: str


class StateRows(Protocol):
    async def read(self, keys: list[str]) -> dict[str, Stored]: ...

    async def update_if_unchanged(
        self, key: str, expected_etag: str, new_etag: str, data: str
    ) -> bool:
        """True when the row still had `expected_etag` and now holds the new data."""
        ...


def state_rows_for(engine: AsyncEngine) -> StateRows:
    return SqliteStateRows(engine) if engine.dialect.name == "sqlite" else CoreStateRows(engine)


_STATE = BotStateRow.__table__
# Built once: statement construction and cache-key generation are a visible part of a turn.
_READ = select(_STATE.c.key, _STATE.c.etag, _STATE.c.data).where(
    _STATE.c.key.in_(bindparam("keys", expanding=True))
)
_UPDATE_IF_UNCHANGED = (
    update(_STATE)
    .where(_STATE.c.key == bindparam("match_key"), _STATE.c.etag == bindparam("match_etag"))
    .values(etag=bindparam("new_etag"), data=bindparam("new_data"))
)


class CoreStateRows:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._reader = reading_engine(engine)

    async def read(self, keys: list[str]) -> dict[str, Stored]:
        async with self._reader.connect() as connection:
            rows = await connection.execute(_READ, {"keys": keys})
            return {key: Stored(etag, data) for key, etag, data in rows}

    async def update_if_unchanged(
        self, key: str, expected_etag: str, new_etag: str, data: str
    ) -> bool:
        async with self._engine.begin() as connection:
            result = await connection.execute(
                _UPDATE_IF_UNCHANGED,
                {
                    "match_key": key,
                    "match_etag": expected_etag,
                    "new_etag": new_etag,
                    "new_data": data,
                },
            )
        return result.rowcount == 1


_SQLITE_READ = "SELECT key, etag, data FROM bot_state WHERE key IN ({marks})"
_SQLITE_UPDATE = (
    "UPDATE bot_state SET etag = ?, data = ?, updated_at = CURRENT_TIMESTAMP "
    "WHERE key = ? AND etag = ?"
)


class SqliteStateRows:
    """Uses the pooled connection's aiosqlite driver; SQLAlchemy still owns the pool."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def read(self, keys: list[str]) -> dict[str, Stored]:
        async with self._engine.connect() as connection:
            sqlite = await _driver(connection)
            marks = ",".join("?" * len(keys))
            rows = await sqlite.execute_fetchall(_SQLITE_READ.format(marks=marks), keys)
        return {key: Stored(etag, data) for key, etag, data in rows}

    async def update_if_unchanged(
        self, key: str, expected_etag: str, new_etag: str, data: str
    ) -> bool:
        async with self._engine.connect() as connection:
            sqlite = await _driver(connection)
            try:
                cursor = await sqlite.execute(_SQLITE_UPDATE, (new_etag, data, key, expected_etag))
                await sqlite.commit()
            except BaseException:
                await sqlite.rollback()
                raise
        return cursor.rowcount == 1


async def _driver(connection: AsyncConnection):
    return (await connection.get_raw_connection()).driver_connection
