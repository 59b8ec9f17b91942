"""The two statements every turn runs on the `bot_state` table: read and conditional update.

On PostgreSQL they go to asyncpg directly. On a SQLite file they run in the event loop
itself, on a connection of their own (see `InLoopSqliteStateRows`); when SQLite is busy they
go to the pooled aiosqlite connection instead, which makes one hop to its thread per
statement, where SQLAlchemy's adapter would make four or five.
"""

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.database import tune_sqlite


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

    def close(self) -> None: ...


def state_rows_for(engine: AsyncEngine) -> StateRows:
    if engine.dialect.name != "sqlite":
        return PostgresStateRows(engine)
    pooled = PooledSqliteStateRows(engine)
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return pooled  # a second connection would open another database
    return InLoopSqliteStateRows(database, pooled)


_POSTGRES_READ = "SELECT key, etag, data FROM bot_state WHERE key = ANY($1::text[])"
_POSTGRES_UPDATE = (
    "UPDATE bot_state SET etag = $1, data = $2, updated_at = now() WHERE key = $3 AND etag = $4"
)


class PostgresStateRows:
    """asyncpg directly, outside any transaction: the conditional UPDATE is atomic on its
    own, so each statement is one round trip (SQLAlchemy would wrap the update in BEGIN
    and COMMIT), and asyncpg keeps both statements prepared on each connection."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def read(self, keys: list[str]) -> dict[str, Stored]:
        async with self._engine.connect() as connection:
            rows = await (await _driver(connection)).fetch(_POSTGRES_READ, keys)
        return {key: Stored(etag, data) for key, etag, data in rows}

    async def update_if_unchanged(
        self, key: str, expected_etag: str, new_etag: str, data: str
    ) -> bool:
        async with self._engine.connect() as connection:
            status = await (await _driver(connection)).execute(
                _POSTGRES_UPDATE, new_etag, data, key, expected_etag
            )
        return status == "UPDATE 1"

    def close(self) -> None:
        return None


_SQLITE_READ = "SELECT key, etag, data FROM bot_state WHERE key IN ({marks})"
_SQLITE_UPDATE = (
    "UPDATE bot_state SET etag = ?, data = ?, updated_at = CURRENT_TIMESTAMP "
    "WHERE key = ? AND etag = ?"
)


class PooledSqliteStateRows:
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

    def close(self) -> None:
        return None


_LOCK_ERRORS = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


class InLoopSqliteStateRows:
    """Runs the statements in the event loop, on a connection that never waits for a lock.

    Reading or updating one small row of a local SQLite file in WAL mode takes tens of
    microseconds; a hop to aiosqlite's thread and back costs more than that, and under load
    the two threads queue for the GIL on every hop. So the statement runs right here, in
    autocommit, with SQLite's busy timeout at zero: when another connection holds the write
    lock (a case being stored), SQLite refuses at once instead of blocking the loop, and the
    statement goes to `fallback`, whose connection waits on its own thread.
    """

    def __init__(self, database: str, fallback: PooledSqliteStateRows) -> None:
        self._database = database
        self._fallback = fallback
        self._connection: sqlite3.Connection | None = None

    async def read(self, keys: list[str]) -> dict[str, Stored]:
        marks = ",".join("?" * len(keys))
        try:
            rows = self._connect().execute(_SQLITE_READ.format(marks=marks), keys).fetchall()
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode not in _LOCK_ERRORS:
                raise
            return await self._fallback.read(keys)
        return {key: Stored(etag, data) for key, etag, data in rows}

    async def update_if_unchanged(
        self, key: str, expected_etag: str, new_etag: str, data: str
    ) -> bool:
        try:
            cursor = self._connect().execute(_SQLITE_UPDATE, (new_etag, data, key, expected_etag))
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode not in _LOCK_ERRORS:
                raise
            return await self._fallback.update_if_unchanged(key, expected_etag, new_etag, data)
        return cursor.rowcount == 1

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = sqlite3.connect(self._database, isolation_level=None)
            tune_sqlite(self._connection)
            self._connection.execute("PRAGMA busy_timeout=0")
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


async def _driver(connection: AsyncConnection):
    return (await connection.get_raw_connection()).driver_connection
