"""Fixtures: a real database (SQLite file, and PostgreSQL when RETBOT_TEST_POSTGRES_URL is
set), retbot's real app over HTTP, and a local Bot Connector endpoint for the replies."""

import os
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from aiohttp import ClientSession
from sqlalchemy.engine import make_url

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from bot.ret_file import load_ret_config
from bot.settings import Settings
from domain.ret import RetConfig
from tests.support import EXAMPLE_RET, RunningBot, adaptive_cards_in, assert_valid_card

POSTGRES_URL = os.environ.get("RETBOT_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request, tmp_path) -> AsyncIterator[str]:
    """A fresh, empty database of each kind for one test."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'retbot.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need RETBOT_TEST_POSTGRES_URL (.ci/run sets it)")
    async with fresh_postgres_database(POSTGRES_URL) as url:
        yield url


@pytest.fixture
async def sqlite_url(tmp_path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'retbot.db'}"


class fresh_postgres_database:
    """Creates a database with a unique name on the test server and drops it afterwards."""

    def __init__(self, server_url: str) -> None:
        self._server = make_url(server_url)
        self._name = f"retbot_test_{uuid.uuid4().hex[:12]}"

    def _admin_dsn(self) -> str:
        return self._server.set(drivername="postgresql").render_as_string(hide_password=False)

    async def __aenter__(self) -> str:
        admin = await asyncpg.connect(self._admin_dsn())
        try:
            await admin.execute(f'CREATE DATABASE "{self._name}"')
        finally:
            await admin.close()
        return self._server.set(database=self._name).render_as_string(hide_password=False)

    async def __aexit__(self, *_exc) -> None:
        admin = await asyncpg.connect(self._admin_dsn())
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture(scope="session")
def ret() -> RetConfig:
    return load_ret_config(EXAMPLE_RET)


@pytest.fixture
async def bot(database_url, ret) -> AsyncIterator[RunningBot]:
    running = await RunningBot(Settings(database_url=database_url), ret).start()
    yield running
    await running.stop()


@pytest.fixture
async def connector() -> AsyncIterator[ConnectorEndpoint]:
    """Receives the bot's replies; afterwards, every Adaptive Card it got must validate."""
    endpoint = ConnectorEndpoint()
    await endpoint.start()
    yield endpoint
    await endpoint.stop()
    for activities in endpoint.received.values():
        for card in adaptive_cards_in(activities):
            assert_valid_card(card)


@pytest.fixture
async def http() -> AsyncIterator[ClientSession]:
    async with ClientSession() as session:
        yield session


@pytest.fixture
def conversation(bot, connector, http) -> Conversation:
    return Conversation(bot.messages_url, connector, http, user_name="Inge Referent")
