"""One async engine and session factory for SQLite (aiosqlite) and PostgreSQL (asyncpg)."""

import logging
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

# These drivers log SQL with its parameters at DEBUG, and parameters are case data of
# children: they stay at WARNING whatever level the rest of the process logs at.
PARAMETER_LOGGERS = ("aiosqlite", "asyncpg", "sqlalchemy.engine", "sqlalchemy.pool")
for _name in PARAMETER_LOGGERS:
    logging.getLogger(_name).setLevel(logging.WARNING)

MAX_ROW_ID = 2**31 - 1  # the largest value of PostgreSQL's integer, the type of every id column


def is_row_id(value: object) -> bool:
    """Whether `value` can be the id of a stored row. Card data and links can carry any
    number, and the database answers one outside its column with an error, not with
    nothing: a lookup by such an id finds nothing without asking."""
    return type(value) is int and 1 <= value <= MAX_ROW_ID


def create_engine(database_url: str) -> AsyncEngine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # One connection: SQLite lets one writer in at a time anyway, and writers that
        # queue in the pool wait far less than writers that poll SQLite's busy handler.
        # Every write here runs in `engine.begin()`, which commits or rolls back, and reads
        # open no transaction (pysqlite begins only before writes): nothing to reset on
        # return, and a reset would cost a hop to aiosqlite's thread on every checkin.
        engine = create_async_engine(
            url,
            connect_args={"timeout": 30},
            pool_size=1,
            max_overflow=0,
            pool_timeout=60,
            pool_reset_on_return=None,
        )
        event.listen(
            engine.sync_engine, "connect", lambda connection, _record: tune_sqlite(connection)
        )
        return engine
    # Sized for a few dozen concurrent turns: a connection opened for overflow and closed
    # after one use costs more than the turn itself. No pre-ping: it is a round trip per
    # checkout, and a dropped connection fails one turn (which apologises) and is replaced.
    return create_async_engine(url, pool_size=20, max_overflow=20, pool_recycle=3600)


def tune_sqlite(dbapi_connection) -> None:
    """WAL lets readers work beside one writer; the busy timeout waits instead of failing."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    """Raises when the database cannot answer a trivial query."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
