"""Fixtures: a real database (SQLite file, and PostgreSQL when RETBOT_TEST_POSTGRES_URL is
set), retbot's real app over HTTP, and a local Bot Connector endpoint for the replies."""

import os
from collections.abc import AsyncIterator, Iterator

import pytest
from aiohttp import ClientSession

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from bot.ret_file import load_ret_config
from bot.settings import Settings
from domain.ret import RetConfig
from storage.database import create_engine
from storage.migrate import upgrade_to_head
from storage.scratch import ScratchPostgresDatabase
from tests.smtp_server import SmtpServer
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
    async with ScratchPostgresDatabase(POSTGRES_URL) as url:
        yield url


@pytest.fixture
async def migrated_engine(database_url):
    """An engine on a fresh database with every migration applied."""
    engine = create_engine(database_url)
    await upgrade_to_head(engine)
    yield engine
    await engine.dispose()


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


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server on a free loopback port (aiosmtpd), running."""
    server = SmtpServer().start()
    yield server
    server.stop()
