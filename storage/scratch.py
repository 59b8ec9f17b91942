"""Throw-away PostgreSQL databases for tests and benchmarks."""

import uuid

import asyncpg
from sqlalchemy.engine import make_url


class ScratchPostgresDatabase:
    """Creates a database with a unique name on a server and drops it afterwards.

    `async with ScratchPostgresDatabase(url) as scratch_url:` gives the SQLAlchemy URL of the
    new database; the server URL's own database is used only to create and drop it.
    """

    def __init__(self, server_url: str) -> None:
        self._server = make_url(server_url)
        self._name = f"retbot_scratch_{uuid.uuid4().hex[:12]}"

    def _admin_dsn(self) -> str:
        return self._server.set(drivername="postgresql").render_as_string(hide_password=False)

    async def _admin(self, statement: str) -> None:
        connection = await asyncpg.connect(self._admin_dsn())
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    async def __aenter__(self) -> str:
        await self._admin(f'CREATE DATABASE "{self._name}"')
        return self._server.set(database=self._name).render_as_string(hide_password=False)

    async def __aexit__(self, *_exc) -> None:
        await self._admin(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)')
