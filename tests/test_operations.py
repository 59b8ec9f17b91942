"""The commands an IT department runs, on both databases, over the real app: `retbot
migrate` (also two at once on PostgreSQL), `retbot backup` of the SQLite file while retbot
runs and the documented pg_dump/pg_restore for PostgreSQL, each restored copy served again."""

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bot.chat.conversation import Conversation
from bot.settings import Settings
from storage.database import create_engine
from storage.encryption import FieldCipher
from storage.migrate import head_revision, upgrade_to_head
from storage.models import ConsultationRow
from storage.scratch import ScratchPostgresDatabase
from tests.conftest import POSTGRES_URL
from tests.support import REPO, RunningBot
from tests.test_consult_flow import UNKNOWN_QUESTION

DATA_KEY = Fernet.generate_key().decode()


def retbot(database_url: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def libpq(database_url: str) -> str:
    """The URL as pg_dump and pg_restore read it."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(False)


async def revisions(database_url: str) -> list[str]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return list(await connection.scalars(text("SELECT version_num FROM alembic_version")))
    finally:
        await engine.dispose()


async def test_migrate_brings_an_empty_database_to_head_and_then_says_so(database_url, ret, http):
    first = retbot(database_url, "migrate")
    again = retbot(database_url, "migrate")

    assert first.returncode == 0, first.stderr
    assert f"bijgewerkt van migratie (leeg) naar {head_revision()}" in first.stdout
    assert again.returncode == 0 and f"al bij, migratie {head_revision()}" in again.stdout
    assert await revisions(database_url) == [head_revision()]
    running = await RunningBot(Settings(database_url=database_url), ret).start()
    try:
        async with http.get(f"{running.url}/healthz") as response:
            assert response.status == 200
    finally:
        await running.stop()


async def test_health_says_whether_a_running_retbot_is_healthy(bot):
    healthy = await asyncio.to_thread(
        retbot, bot.settings.database_url, "health", "--url", f"{bot.url}/healthz"
    )
    await bot.stop()
    gone = await asyncio.to_thread(
        retbot, bot.settings.database_url, "health", "--url", f"{bot.url}/healthz"
    )

    assert healthy.returncode == 0 and '"status": "ok"' in healthy.stdout
    assert gone.returncode == 1 and "antwoordt niet" in gone.stderr


async def test_migrate_refuses_a_database_of_a_newer_retbot(database_url):
    engine = create_engine(database_url)
    await upgrade_to_head(engine)
    async with engine.begin() as connection:
        await connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    await engine.dispose()

    refused = retbot(database_url, "migrate")

    assert refused.returncode == 1
    assert "is van een nieuwere retbot" in refused.stderr
    assert f"migraties tot {head_revision()}" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.skipif(not POSTGRES_URL, reason="needs RETBOT_TEST_POSTGRES_URL")
async def test_instances_that_migrate_at_once_take_turns():
    """Three `retbot migrate` processes on one empty PostgreSQL database at the same moment,
    as instances that start together: all succeed, and the schema is made once."""
    async with ScratchPostgresDatabase(POSTGRES_URL) as url:
        env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": url}
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot.cli",
                "migrate",
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            for _ in range(3)
        ]
        async with asyncio.timeout(120):
            results = [(await p.communicate(), p.returncode) for p in processes]
        assert [code for _, code in results] == [0, 0, 0], [err for (_, err), _ in results]
        said = sorted(out.decode().split(": ", 1)[1] for (out, _), _ in results)
        assert said == [
            f"al bij, migratie {head_revision()}.\n",
            f"al bij, migratie {head_revision()}.\n",
            f"bijgewerkt van migratie (leeg) naar {head_revision()}.\n",
        ]
        assert await revisions(url) == [head_revision()]


async def leave_data(bot: RunningBot, connector, http) -> Conversation:
    """A conversation in English and a question for the voorzitter (encrypted at rest)."""
    talk = Conversation(bot.messages_url, connector, http, user_name="Inge Referent")
    await talk.join()
    await talk.say("taal")
    await talk.say("English")
    for line in (UNKNOWN_QUESTION, "1", "Wijkteam Hengelo"):
        await talk.say(line)
    return talk


async def assert_served_again(restored_url: str, ret, talk: Conversation, http) -> None:
    """retbot on the restored copy: the question is there and readable with the key, and
    the conversation goes on in English."""
    engine = create_engine(restored_url)
    try:
        async with engine.connect() as connection:
            [stored] = list(await connection.scalars(select(ConsultationRow.question)))
    finally:
        await engine.dispose()
    assert stored != UNKNOWN_QUESTION  # encrypted in the copy too
    assert FieldCipher(DATA_KEY).decrypt(stored) == UNKNOWN_QUESTION
    restored = await RunningBot(Settings(database_url=restored_url, data_key=DATA_KEY), ret).start()
    try:
        talk.bot_url = restored.messages_url
        helped = await talk.say("help")
        async with http.get(f"{restored.url}/healthz") as response:
            assert response.status == 200
    finally:
        await restored.stop()
    assert helped.texts()[0].startswith("This is how I work")


async def test_backup_of_the_sqlite_file_while_retbot_runs_restores(tmp_path, ret, connector, http):
    database = tmp_path / "retbot.db"
    url = f"sqlite+aiosqlite:///{database}"
    running = await RunningBot(Settings(database_url=url, data_key=DATA_KEY), ret).start()
    try:
        talk = await leave_data(running, connector, http)
        # retbot keeps running (and writing its WAL) while the copy is made
        made = await asyncio.to_thread(retbot, url, "backup", "--out", str(tmp_path / "copy.db"))
        await talk.say("menu")
    finally:
        await running.stop()
    again = retbot(url, "backup", "--out", str(tmp_path / "copy.db"))

    assert made.returncode == 0, made.stderr
    assert "gecontroleerd" in made.stdout
    assert again.returncode == 1 and "bestaat al" in again.stderr  # never overwrites
    restored = tmp_path / "restored" / "retbot.db"  # restore: the copy back in place
    restored.parent.mkdir()
    shutil.copyfile(tmp_path / "copy.db", restored)
    await assert_served_again(f"sqlite+aiosqlite:///{restored}", ret, talk, http)


@pytest.mark.skipif(not POSTGRES_URL, reason="needs RETBOT_TEST_POSTGRES_URL")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="needs pg_dump and pg_restore")
async def test_postgresql_backup_with_pg_dump_restores_with_pg_restore(
    tmp_path, ret, connector, http
):
    dump = tmp_path / "retbot.dump"
    async with ScratchPostgresDatabase(POSTGRES_URL) as url:
        running = await RunningBot(Settings(database_url=url, data_key=DATA_KEY), ret).start()
        try:
            talk = await leave_data(running, connector, http)
            told = retbot(url, "backup", "--out", str(dump))
            # the command `retbot backup` gives, as the guide documents it
            dumped = run("pg_dump", "--format=custom", f"--file={dump}", libpq(url))
        finally:
            await running.stop()
    assert told.returncode == 2 and "pg_dump --format=custom" in told.stderr
    assert dumped.returncode == 0, dumped.stderr

    async with ScratchPostgresDatabase(POSTGRES_URL) as restored_url:
        restored = run(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--dbname={libpq(restored_url)}",
            str(dump),
        )
        assert restored.returncode == 0, restored.stderr
        await assert_served_again(restored_url, ret, talk, http)
