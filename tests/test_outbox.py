"""The outbox: a message whose send fails is retried with back-off and arrives once;
dispatchers of several instances never send a message twice; an expired claim is taken
over; a message that keeps failing is given up; nothing of the content leaks."""

import asyncio
import os
import subprocess
import sys
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.adapter import create_adapter
from bot.app import RETBOT
from bot.outbox import OutboxDispatcher
from bot.settings import Settings
from domain.cases import CaseStatus, Referrer
from domain.notices import Notice
from domain.triage import CaseEvent
from storage.cases import SqlCaseRepository
from storage.database import create_engine, create_session_factory
from storage.encryption import PREFIX, FieldCipher
from storage.models import OutboxRow
from storage.outbox import CLAIM_LEASE, OutboxRepository, Target
from storage.references import ReferenceRepository
from tests.support import REPO
from tests.test_consult_flow import aware
from tests.test_triage_flow import submitted_case


@asynccontextmanager
async def instance(database_url: str, batch: int = 20, **outbox_options):
    """Another retbot instance's dispatcher: its own engine, adapter and connectors."""
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    adapter, connectors = create_adapter(Settings(database_url=database_url))
    outbox = OutboxRepository(sessions, **outbox_options)
    try:
        yield OutboxDispatcher(adapter, "", ReferenceRepository(sessions), outbox, batch)
    finally:
        await connectors.close()
        await engine.dispose()


async def outbox_rows(bot) -> list[OutboxRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(OutboxRow).order_by(OutboxRow.id)))


def chat_of(conversation) -> Target:
    return Target(conversation.channel_id, "user", conversation.user["id"])


async def test_a_failed_send_is_retried_after_a_minute_and_arrives_once(bot, connector, http):
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    seen = len(connector.received[referrer.id])
    connector.failures_left = 1  # the connector answers the next send with a 500

    decided = await chair.execute("triage.consultatie", {"case": number})

    assert decided.status == 200  # the decision stands, the message waits in the outbox
    assert len(connector.received[referrer.id]) == seen
    [waiting] = [row for row in await outbox_rows(bot) if row.status == "pending"]
    assert waiting.attempts == 1 and waiting.last_error == "ErrorResponseException (HTTP 500)"
    retry_at = aware(waiting.next_attempt_at)
    waited = retry_at - aware(waiting.created_at)  # created just before the first attempt
    assert timedelta(minutes=1) <= waited < timedelta(minutes=1, seconds=5)
    dispatcher = bot.app[RETBOT].dispatcher

    too_early = await dispatcher.dispatch_due(retry_at - timedelta(seconds=1))
    on_time = await dispatcher.dispatch_due(retry_at)
    again = await dispatcher.dispatch_due(retry_at + timedelta(hours=5))

    assert (too_early, on_time, again) == (0, 1, 0)
    told = connector.received[referrer.id][seen:]
    assert len(told) == 1 and number in told[0]["text"]
    [row] = [row for row in await outbox_rows(bot) if row.id == waiting.id]
    assert row.status == "sent" and row.attempts == 2 and row.last_error is None


async def test_the_ticker_sends_due_messages_every_minute_and_cleans_up(
    bot, connector, conversation
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    retbot = bot.app[RETBOT]
    await retbot.dispatcher.outbox.add(
        chat_of(conversation), "Casus RET-2026-0003", datetime.now(UTC)
    )
    job, minutes = retbot.jobs.schedule()["outbox"]

    sent = await job()
    removed_now = await retbot.jobs.outbox_clean_up()
    removed_later = await retbot.jobs.outbox_clean_up(datetime.now(UTC) + timedelta(days=8))

    assert (minutes, sent, removed_now, removed_later) == (1, 1, 0, 1)
    assert [a["text"] for a in connector.received[conversation.id][seen:]] == [
        "Casus RET-2026-0003"
    ]
    assert await outbox_rows(bot) == []


async def test_dispatchers_of_several_instances_send_each_message_once(
    bot, connector, conversation, database_url
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    outbox = bot.app[RETBOT].dispatcher.outbox
    now = datetime.now(UTC)
    for n in range(40):
        await outbox.add(chat_of(conversation), f"Bericht {n}", now)

    async with (
        instance(database_url, 3) as one,
        instance(database_url, 3) as two,
        instance(database_url, 3) as three,
    ):
        counts = await asyncio.gather(
            *(d.dispatch_due(now) for d in (one, two, three, one, two, three))
        )

    arrived = Counter(a["text"] for a in connector.received[conversation.id][seen:])
    assert arrived == Counter(f"Bericht {n}" for n in range(40))
    assert sum(counts) == 40
    assert {row.status for row in await outbox_rows(bot)} == {"sent"}


async def test_an_expired_claim_is_taken_over_and_an_unexpired_one_is_not(
    bot, connector, conversation, database_url
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    now = datetime.now(UTC)
    async with instance(database_url) as crashed, instance(database_url) as other:
        await crashed.outbox.add(chat_of(conversation), "Herinnering RET-2026-0001", now)
        [held] = await crashed.outbox.claim_due(now, 10)  # … and the instance dies

        while_held = await other.dispatch_due(now + CLAIM_LEASE - timedelta(seconds=1))
        after_expiry = await other.dispatch_due(now + CLAIM_LEASE + timedelta(seconds=1))
        late = now + CLAIM_LEASE * 2
        late_failure = await crashed.outbox.mark_failed(held, "TimeoutError", late)
        late_success = await crashed.outbox.mark_sent(held, late)

    assert (while_held, after_expiry) == (0, 1)
    assert [a["text"] for a in connector.received[conversation.id][seen:]] == [
        "Herinnering RET-2026-0001"
    ]
    assert late_failure is None and late_success is False
    [row] = await outbox_rows(bot)
    assert row.status == "sent" and row.attempts == 2


async def test_a_message_that_keeps_failing_is_given_up(bot, connector, conversation, database_url):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    connector.failures_left = 100
    now = datetime.now(UTC)
    async with instance(database_url, max_attempts=3) as dispatcher:
        await dispatcher.outbox.add(chat_of(conversation), "Casus RET-2026-0001", now)
        waits = []
        for _ in range(3):
            await dispatcher.dispatch_due(now)
            [row] = await dispatcher.outbox.unsent()
            waits.append(aware(row.next_attempt_at) - now)
            now = aware(row.next_attempt_at)
        tries = connector.failures_left
        much_later = await dispatcher.dispatch_due(now + timedelta(days=1))

    assert waits[:2] == [timedelta(minutes=1), timedelta(minutes=2)]
    assert (row.status, row.attempts, tries, much_later) == ("failed", 3, 97, 0)
    assert connector.failures_left == 97  # not tried again
    assert row.last_error == "ErrorResponseException (HTTP 500)"
    assert len(connector.received[conversation.id]) == seen


@pytest.mark.parametrize(("status", "given_up"), [(403, True), (404, True), (429, False)])
async def test_a_refusal_no_retry_can_change_is_given_up_at_once(
    bot, connector, conversation, database_url, status, given_up
):
    """403: the bot was removed from the chat; 404: the chat is gone. Throttling passes."""
    await conversation.join()
    connector.failures_left, connector.failure_status = 1, status
    now = datetime.now(UTC)
    async with instance(database_url) as dispatcher:
        await dispatcher.outbox.add(chat_of(conversation), "Casus RET-2026-0003", now)
        await dispatcher.dispatch_due(now)
        [row] = await dispatcher.outbox.unsent()
        later = await dispatcher.dispatch_due(now + timedelta(minutes=1))

    assert row.status == ("failed" if given_up else "pending")
    assert row.last_error == f"ErrorResponseException (HTTP {status})"
    assert later == (0 if given_up else 1)


async def test_unreachable_connector_is_retried(bot, connector, conversation, database_url):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    now = datetime.now(UTC)
    async with instance(database_url) as dispatcher:
        await dispatcher.outbox.add(chat_of(conversation), "Casus RET-2026-0002", now)
        await connector.stop()  # connection refused
        refused = await dispatcher.dispatch_due(now)
        [row] = await dispatcher.outbox.unsent()
        await connector.start(port=int(connector.service_url.rsplit(":", 1)[1].strip("/")))
        delivered = await dispatcher.dispatch_due(now + timedelta(minutes=1))

    assert (refused, delivered) == (0, 1)
    assert row.last_error == "ClientConnectorError"
    assert [a["text"] for a in connector.received[conversation.id][seen:]] == [
        "Casus RET-2026-0002"
    ]


async def test_payloads_are_encrypted_and_sent_messages_cleaned_up(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    outbox = OutboxRepository(sessions, FieldCipher(Fernet.generate_key().decode()))
    now = datetime.now(UTC)
    target = Target("msteams", "user", "29:1")
    old, recent, waiting = [await outbox.add(target, {"body": ["J.D."]}, now) for _ in range(3)]
    claimed = {message.id: message for message in await outbox.claim_due(now, 10)}
    await outbox.mark_sent(claimed[old], now - timedelta(days=8))
    await outbox.mark_sent(claimed[recent], now)

    removed = await outbox.prune(now - timedelta(days=7), now - timedelta(days=30))

    async with sessions() as session:
        rows = list(await session.scalars(select(OutboxRow).order_by(OutboxRow.id)))
    assert removed == 1
    assert [row.id for row in rows] == [recent, waiting]
    assert all(row.payload.startswith(PREFIX) and "J.D." not in row.payload for row in rows)


def retbot_outbox(database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "outbox"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


async def test_cli_lists_what_did_not_go_out_without_content(migrated_engine, database_url):
    outbox = OutboxRepository(create_session_factory(migrated_engine), max_attempts=1)
    now = datetime.now(UTC)
    target = Target("msteams", "user", "29:geheim-id")
    nothing = retbot_outbox(database_url)
    ids = [await outbox.add(target, f"Casus van Jan de Vries {n}", now) for n in range(3)]
    first, second = await outbox.claim_due(now, 2)
    await outbox.mark_sent(first, now)
    await outbox.mark_failed(second, "ErrorResponseException (HTTP 500)", now)

    listed = retbot_outbox(database_url)

    assert nothing.returncode == 0 and "alles is verstuurd" in nothing.stdout
    assert listed.returncode == 0
    lines = listed.stdout.strip().splitlines()[1:]
    assert [line.split()[:4] for line in lines] == [
        [str(ids[1]), "msteams/user", "mislukt", "1"],
        [str(ids[2]), "msteams/user", "wacht", "0"],
    ]
    assert "ErrorResponseException (HTTP 500)" in lines[0]
    assert "Jan de Vries" not in listed.stdout and "geheim" not in listed.stdout


async def test_a_case_move_stores_its_notice_in_the_same_transaction(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    cases, outbox = SqlCaseRepository(sessions), OutboxRepository(sessions)
    now = datetime.now(UTC)
    case = await cases.submit(Referrer("msteams", "29:1", "Inge Referent"), {}, now)
    moved = replace(case, status=CaseStatus.CONSULTATIE)
    notice = Notice("msteams", "29:1", f"Je aanmelding {case.number} wordt een consultatie")
    event = CaseEvent(now, "Marieke Hofstede", "triage: consultatie")
    unstorable = replace(event, actor=None)  # the event row violates NOT NULL: rollback

    with pytest.raises(IntegrityError):
        await cases.move(moved, CaseStatus.AANGEMELD, unstorable, "msteams", [notice])
    after_rollback = await outbox.unsent()
    stale = await cases.move(moved, CaseStatus.MEER_INFORMATIE, event, "msteams", [notice])
    after_stale = await outbox.unsent()
    done = await cases.move(moved, CaseStatus.AANGEMELD, event, "msteams", [notice])
    [stored] = await outbox.claim_due(now, 10)

    assert (after_rollback, stale, after_stale, done) == ([], False, [], True)
    assert stored.target == Target("msteams", "user", "29:1")
    assert stored.message == notice.message
