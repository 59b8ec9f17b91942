"""Two `retbot serve` processes on one PostgreSQL database, started at the same moment, as
compose.yaml and the Azure template run them: they migrate one after the other, a
conversation goes on whichever instance a turn reaches, and messages that both instances
are woken to send arrive once each."""

import asyncio
import os
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import ClientSession
from sqlalchemy import select, text, update

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from domain.notices import Chat, Notice
from storage.database import create_engine, create_session_factory
from storage.migrate import head_revision
from storage.models import OutboxRow
from storage.outbox import SENT, WAITING, OutboxRepository
from storage.scratch import ScratchPostgresDatabase
from tests.conftest import POSTGRES_URL
from tests.support import REPO
from tests.test_serve import free_port

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs RETBOT_TEST_POSTGRES_URL")
MESSAGES = 40


async def serve(database_url: str, port: int, folder) -> asyncio.subprocess.Process:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        "RETBOT_DATABASE_URL": database_url,
        "RETBOT_LINK_KEY": "een-gedeelde-sleutel-voor-beide-instanties",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--port",
        str(port),
        cwd=folder,
        env=env,
        stderr=asyncio.subprocess.PIPE,
    )


async def healthy(http: ClientSession, url: str) -> dict:
    while True:
        try:
            async with http.get(f"{url}/healthz") as response:
                if response.status == 200:
                    return await response.json()
        except OSError:
            pass
        await asyncio.sleep(0.2)


async def test_two_instances_share_migrations_conversations_and_the_outbox(tmp_path):
    async with ScratchPostgresDatabase(POSTGRES_URL) as database_url:
        ports = [free_port(), free_port()]
        processes = await asyncio.gather(*(serve(database_url, p, tmp_path) for p in ports))
        one, two = (f"http://127.0.0.1:{p}" for p in ports)
        connector = ConnectorEndpoint()
        await connector.start()
        engine = create_engine(database_url)
        try:
            async with ClientSession() as http, asyncio.timeout(120):
                await asyncio.gather(healthy(http, one), healthy(http, two))
                async with engine.connect() as connection:
                    migrated = list(
                        await connection.scalars(text("SELECT version_num FROM alembic_version"))
                    )

                talk = Conversation(f"{one}/api/messages", connector, http)
                await talk.join()
                await talk.say("taal")
                talk.bot_url = f"{two}/api/messages"
                await talk.say("English")
                talk.bot_url = f"{one}/api/messages"
                helped = await talk.say("help")

                await waiting_messages(engine, Chat(talk.channel_id, talk.user["id"]))
                # Two people open a chat at once, one on each instance: both wake to send.
                newcomers = [
                    Conversation(f"{url}/api/messages", connector, http) for url in (one, two)
                ]
                await asyncio.gather(*(newcomer.join() for newcomer in newcomers))
                await all_sent(engine)
        finally:
            await engine.dispose()
            await connector.stop()
            for process in processes:
                process.terminate()
            logs = [(await process.communicate())[1].decode() for process in processes]

    assert migrated == [head_revision()]
    assert helped.texts()[0].startswith("This is how I work"), logs
    delivered = Counter(
        a.get("text") for a in connector.received[talk.id] if (a.get("text") or "").startswith("#")
    )
    assert delivered == Counter({f"#{n}": 1 for n in range(MESSAGES)})
    for log in logs:
        assert "Traceback" not in log


async def waiting_messages(engine, chat: Chat) -> None:
    """Messages for someone's chat that wait (as if stored while nobody could be reached)."""
    sessions = create_session_factory(engine)
    now = datetime.now(UTC)
    notices = [Notice(chat, f"#{n}", key=f"two-instances-{n}") for n in range(MESSAGES)]
    await OutboxRepository(sessions).add(notices, now)
    async with sessions.begin() as session:
        await session.execute(
            update(OutboxRow).values(status=WAITING, next_attempt_at=now + timedelta(hours=1))
        )


async def all_sent(engine) -> None:
    """Returns once no message is left unsent (the caller's timeout bounds the wait)."""
    unsent = select(OutboxRow.id).where(OutboxRow.status != SENT)
    while True:
        async with engine.connect() as connection:
            if not list(await connection.scalars(unsent)):
                return
        await asyncio.sleep(0.2)
