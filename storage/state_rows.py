"""The two statements every turn runs on the `bot_state` table: read and conditional update.

On PostgreSQL they go to asyncpg directly. On a SQLite file they run in the event loop
itself, on a connection of their own (see `InLoopSqliteStateRows`); when SQLite is busy they
go to the pooled aiosqlite connection instead, which makes one hop to its thread per
statement, where SQLAlchemy's adapter would make four or five.
"""

import asyncio
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.database import tune_sqlite

log = logging.getLogger("retbot.storage")


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

    async def insert(self, key: str, etag: str, data: str) -> bool:
        """True when there was no such row and now there is; False when there was one."""
        ...

    async def close(self) -> None: ...


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
_POSTGRES_INSERT = (
    "INSERT INTO bot_state (key, etag, data, updated_at) VALUES ($1, $2, $3, now()) "
    "ON CONFLICT (key) DO NOTHING"
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

    async def insert(self, key: str, etag: str, data: str) -> bool:
        async with self._engine.connect() as connection:
            status = await (await _driver(connection)).execute(_POSTGRES_INSERT, key, etag, data)
        return status == "INSERT 0 1"

    async def close(self) -> None:
        return None


_SQLITE_READ = "SELECT key, etag, data FROM bot_state WHERE key IN ({marks})"
_SQLITE_UPDATE = (
    "UPDATE bot_state SET etag = ?, data = ?, updated_at = CURRENT_TIMESTAMP "
    "WHERE key = ? AND etag = ?"
)
_SQLITE_INSERT = (
    "INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP) "
    "ON CONFLICT (key) DO NOTHING"
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
        return await self.change(_SQLITE_UPDATE, (new_etag, data, key, expected_etag)) == 1

    async def insert(self, key: str, etag: str, data: str) -> bool:
        return await self.change(_SQLITE_INSERT, (key, etag, data)) == 1

    async def change(self, statement: str, parameters: tuple) -> int:
        """Runs one changing statement and commits it; how many rows it changed."""
        async with self._engine.connect() as connection:
            sqlite = await _driver(connection)
            try:
                cursor = await sqlite.execute(statement, parameters)
                await sqlite.commit()
            except BaseException:
                await sqlite.rollback()
                raise
        return cursor.rowcount

    async def close(self) -> None:
        return None


CHECKPOINT_EVERY = 250  # updates of a row or two: about a quarter of SQLite's 1000 pages
_LOCK_ERRORS = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


class InLoopSqliteStateRows:
    """Runs the statements in the event loop, on a connection that never waits for a lock.

    Reading or updating one small row of a local SQLite file in WAL mode takes tens of
    microseconds; a hop to aiosqlite's thread and back costs more than that, and under load
    the two threads queue for the GIL on every hop. So the statement runs right here, in
    autocommit, with SQLite's busy timeout at zero: when another connection holds the write
    lock (a case being stored), SQLite refuses at once instead of blocking the loop, and the
    statement goes to `fallback`, whose connection waits on its own thread.

    SQLite's automatic checkpoint would run in the committing connection, here the event
    loop, copying pages into the database file and syncing it: a pause for every turn in
    flight. It is off on this connection; every `checkpoint_every` updates a passive
    checkpoint runs on a worker thread instead, so the log stays short.
    """

    def __init__(
        self,
        database: str,
        fallback: PooledSqliteStateRows,
        checkpoint_every: int = CHECKPOINT_EVERY,
    ) -> None:
        self._database = database
        self._fallback = fallback
        self._connection: sqlite3.Connection | None = None
        self._checkpoint_every = checkpoint_every
        self._updates = 0
        self._checkpoint: asyncio.Future | None = None

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
        return await self._change(_SQLITE_UPDATE, (new_etag, data, key, expected_etag)) == 1

    async def insert(self, key: str, etag: str, data: str) -> bool:
        return await self._change(_SQLITE_INSERT, (key, etag, data)) == 1

    async def _change(self, statement: str, parameters: tuple) -> int:
        try:
            cursor = self._connect().execute(statement, parameters)
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode not in _LOCK_ERRORS:
                raise
            return await self._fallback.change(statement, parameters)
        self._updates += 1
        if self._updates % self._checkpoint_every == 0 and not self._checkpointing():
            self._checkpoint = asyncio.ensure_future(asyncio.to_thread(_checkpoint, self._database))
        return cursor.rowcount

    def _checkpointing(self) -> bool:
        return self._checkpoint is not None and not self._checkpoint.done()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = sqlite3.connect(self._database, isolation_level=None)
            tune_sqlite(self._connection)
            self._connection.execute("PRAGMA busy_timeout=0")
            self._connection.execute("PRAGMA wal_autocheckpoint=0")
        return self._connection

    async def close(self) -> None:
        if self._checkpoint is not None:
            await self._checkpoint
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _checkpoint(database: str) -> None:
    """Copies what the write-ahead log holds into the database file (on a worker thread)."""
    try:
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error as error:  # the next one will try again
        log.warning("SQLite checkpoint failed: %s", error)


async def _driver(connection: AsyncConnection):
    return (await connection.get_raw_connection()).driver_connection
