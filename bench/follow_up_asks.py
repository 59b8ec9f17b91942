"""How long 10,000 due follow-up asks take to go out with two retbot instances on one
PostgreSQL database.

Two `retbot serve` processes start on a fresh database. Referrers and kernteamleden open
their chats with retbot (real turns over HTTP); then the asks of the follow-up rounds are
stored in the outbox, due at once, as the follow-up job stores them: per case a question to
the referrer in their own chat and one to the kernteamlid of each of two organisations, each
an Adaptive Card with a signed answer link (dialogs.cards.follow_up.ask_card). The instances'
own ticker sends them (every minute; each instance sends one message at a time), to a Bot
Connector played by this process, which answers each post after `--connector-ms` (the real
one's latency; 0 on loopback measures retbot alone). Prints JSON: seconds from the first ask
delivered to the last, messages per second, CPU time of each instance, doubles.

    python -m bench.follow_up_asks [--asks 10000] [--connector-ms 0] [--postgres-url …]

A benchmark, not a test: run it on a quiet machine.
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from aiohttp import ClientSession
from sqlalchemy import func, select, update

from bench.turns import cpu_seconds, free_port
from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from bot.links import FollowUpLinks
from bot.ret_file import EXAMPLE_CONFIG, load_ret_config
from dialogs.cards.follow_up import ask_card
from domain.follow_up import Ask, AskKind
from domain.mail import Mail
from domain.notices import Chat, Notice, RosterMember
from domain.roles import Role
from storage.database import create_engine, create_session_factory
from storage.models import OutboxRow
from storage.outbox import PENDING, SENT, OutboxRepository
from storage.scratch import ScratchPostgresDatabase

REPO = Path(__file__).resolve().parent.parent
LINK_KEY = "bench-follow-up-asks"
PUBLIC_URL = "https://retbot.example.org"
REFERRERS = 500
INSERT_BATCH = 1000


async def start_instance(database_url: str, folder: Path) -> tuple[asyncio.subprocess.Process, str]:
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        "RETBOT_DATABASE_URL": database_url,
        "RETBOT_LINK_KEY": LINK_KEY,
        "RETBOT_PUBLIC_URL": PUBLIC_URL,
        "RETBOT_CONFIG": str(EXAMPLE_CONFIG),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--port", str(port), cwd=folder, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    return process, f"http://127.0.0.1:{port}"


async def healthy(http: ClientSession, url: str) -> None:
    async with asyncio.timeout(120):
        while True:
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            await asyncio.sleep(0.2)


async def open_chats(urls: list[str], connector: ConnectorEndpoint, kernteamleden) -> list[str]:
    """Every referrer and kernteamlid opens a chat with retbot, on either instance; a
    kernteamlid is recognised by the e-mail address Teams gives (the connector's directory).
    Returns the referrers' user ids."""
    referrers = [f"referrer-{n}" for n in range(REFERRERS)]
    async with ClientSession() as http:
        for n, user_id in enumerate(referrers):
            await Conversation(
                f"{urls[n % 2]}/api/messages", connector, http, user_id=user_id
            ).join()
        for n, member in enumerate(kernteamleden):
            user_id = f"kernteamlid-{n}"
            connector.directory[user_id] = member.email
            talk = Conversation(f"{urls[n % 2]}/api/messages", connector, http, user_id=user_id)
            talk.channel_id = "msteams"
            talk.user["aadObjectId"] = f"00000000-0000-4000-8000-{n:012d}"
            talk.extra = {
                "conversation": {"id": talk.id, "conversationType": "personal"},
                "channelData": {"tenant": {"id": "bench-tenant"}},
            }
            await talk.join()
    return referrers


def ask_notices(count: int, ret, referrers: list[str], now: datetime) -> list[Notice]:
    """The asks of follow-up rounds: per case the referrer and two organisations."""
    links = FollowUpLinks(LINK_KEY, PUBLIC_URL)
    kernteamleden = ret.members_with_role(Role.KERNTEAMLID)
    notices = []
    for n in range(count):
        case, part = divmod(n, 3)
        number = f"RET-2026-{case + 1:04d}"
        referrer = referrers[case % len(referrers)]
        member = kernteamleden[(case * 2 + part) % len(kernteamleden)]
        kind = AskKind.VERWIJZER if part == 0 else AskKind.AFSPRAAK
        ask = Ask(
            id=n + 1, case_number=number, initials="J.D.", round=1, kind=kind,
            organisation=None if part == 0 else member.organisation,
            afspraak=None if part == 0 else "Intake plannen en starten",
            referrer_channel_id="emulator", referrer_user_id=referrer,
            messages_sent=0, last_sent_at=None,
        )  # fmt: skip
        card = ask_card(ask, links.url(ask.id, now), links.valid_for_days, "nl")
        if part == 0:
            notices.append(Notice(Chat("emulator", referrer), card, key=f"ask-{n}"))
        else:
            mail = Mail(to=(), subject=f"Follow-up {number}", text=links.url(ask.id, now))
            notices.append(Notice(RosterMember(member.email), card, email=mail, key=f"ask-{n}"))
    return notices


async def store_due(database_url: str, notices: list[Notice]) -> None:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    outbox = OutboxRepository(sessions)
    now = datetime.now(UTC)
    try:
        for start in range(0, len(notices), INSERT_BATCH):
            await outbox.add(notices[start : start + INSERT_BATCH], now)
        async with sessions.begin() as session:  # due now, not after the writer's grace
            await session.execute(update(OutboxRow).values(next_attempt_at=now))
    finally:
        await engine.dispose()


async def wait_until_sent(database_url: str, total: int) -> None:
    """Returns when every ask is sent; stops the run when one waits or fails instead."""
    engine = create_engine(database_url)
    statuses = select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
    try:
        while True:
            async with engine.connect() as connection:
                counts = dict((await connection.execute(statuses)).all())
            if counts.get(SENT, 0) >= total:
                return
            if set(counts) - {SENT, PENDING}:
                raise SystemExit(f"not every ask can be sent: {counts}")
            await asyncio.sleep(0.5)
    finally:
        await engine.dispose()


async def run(asks: int, connector_ms: int, postgres_url: str) -> dict:
    ret = load_ret_config(EXAMPLE_CONFIG)
    arrivals: list[tuple[float, str]] = []
    measuring = False

    def arrived(activity: dict) -> None:
        if measuring:
            arrivals.append((time.perf_counter(), activity["conversation"]["id"]))

    connector = ConnectorEndpoint(on_activity=arrived)
    await connector.start()
    async with ScratchPostgresDatabase(postgres_url) as database_url:
        with tempfile.TemporaryDirectory() as folder:
            started = [await start_instance(database_url, Path(folder)) for _ in range(2)]
            processes = [process for process, _ in started]
            urls = [url for _, url in started]
            try:
                async with ClientSession() as http:
                    await asyncio.gather(*(healthy(http, url) for url in urls))
                kernteamleden = ret.members_with_role(Role.KERNTEAMLID)
                referrers = await open_chats(urls, connector, kernteamleden)
                connector.answer_after = connector_ms / 1000
                notices = ask_notices(asks, ret, referrers, datetime.now(UTC))
                cpu_before = [cpu_seconds(p.pid) for p in processes]
                measuring = True
                stored_at = time.perf_counter()
                await store_due(database_url, notices)
                async with asyncio.timeout(4 * 3600):
                    await wait_until_sent(database_url, asks)
                cpu_after = [cpu_seconds(p.pid) for p in processes]
            finally:
                for process in processes:
                    process.terminate()
                    await process.wait()
    await connector.stop()
    first, last = arrivals[0][0], arrivals[-1][0]
    seconds = last - first
    cpu = [
        round(after - before, 1) if before is not None and after is not None else None
        for before, after in zip(cpu_before, cpu_after, strict=True)
    ]
    return {
        "asks": asks,
        "instances": 2,
        "connector_ms": connector_ms,
        "delivered": len(arrivals),
        "doubles": len(arrivals) - asks,  # each ask is one post; more posts: sent twice
        "seconds_waiting_for_the_ticker": round(first - stored_at, 1),
        "seconds_first_to_last": round(seconds, 1),
        "messages_per_second": round(asks / seconds, 1) if seconds else None,
        "cpu_seconds_per_instance": cpu,
        "cpu_ms_per_message": round(1000 * sum(cpu) / asks, 1) if None not in cpu else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--asks", type=int, default=10_000)
    parser.add_argument("--connector-ms", type=int, default=0)
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "RETBOT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.asks, args.connector_ms, args.postgres_url)), indent=2))


if __name__ == "__main__":
    main()
