"""Applies the Alembic migrations (the only way the schema changes): at start-up, before
every command, and as `retbot migrate`.

On PostgreSQL, which several instances share, the upgrade holds an advisory lock for its
transaction: instances that start at once migrate one after the other, and those after the
first find the schema at head and change nothing. SQLite is one instance's file."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 7_265_746_201  # the advisory lock's key: any number no other lock uses


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def _lock(connection: AsyncConnection) -> None:
    """Waits for any other instance's upgrade; released when this transaction ends."""
    if connection.dialect.name == "postgresql":
        await connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
        )


async def upgrade_to_head(engine: AsyncEngine) -> tuple[str | None, str | None]:
    """The database's migration before and after (None: an empty database), as seen while
    holding the lock."""
    async with engine.begin() as connection:
        await _lock(connection)
        return await connection.run_sync(_upgrade)


def _upgrade(connection: Connection) -> tuple[str | None, str | None]:
    before = MigrationContext.configure(connection).get_current_revision()
    command.upgrade(_alembic_config(connection), "head")
    return before, MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest migration this retbot has."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()
