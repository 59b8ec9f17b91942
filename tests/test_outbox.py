"""The outbox: a message whose send fails is retried with back-off and arrives once;
dispatchers of several instances never send a message twice; an instance killed mid-send
leaves at most the one message it was sending to go again; a message that keeps failing
is retried for a week, reported once, never pruned, and `retbot outbox retry` puts it back;
nothing of the content leaks."""

import asyncio
import os
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.app import RETBOT
from domain.cases import CaseStatus, Referrer
from domain.notices import Chair, ChairPlace, Chat, Notice, Outcome, RosterMember
from domain.triage import CaseEvent
from storage.cases import SqlCaseRepository
from storage.database import create_session_factory
from storage.encryption import PREFIX, FieldCipher
from storage.models import OutboxRow
from storage.outbox import (
    CLAIM_LEASE,
    FAST_ATTEMPTS,
    MAX_ATTEMPTS,
    SLOW_RETRY,
    OutboxRepository,
    Target,
)
from tests.outbox_instance import instance
from tests.support import REPO
from tests.test_advice_flow import THIJS_AAD
from tests.test_advice_flow import ret as with_teams_ids
from tests.test_consult_flow import CHAIR_AAD, aware, person
from tests.test_triage_flow import submitted_case

ret = with_teams_ids  # the example RET, with Thijs's Teams id


async def outbox_rows(bot) -> list[OutboxRow]:
    async with bot.app[RETBOT].engine.connect() as connection:
        return list(await connection.execute(select(OutboxRow).order_by(OutboxRow.id)))


def chat_of(conversation) -> Chat:
    return Chat(conversation.channel_id, conversation.user["id"])


def is_report(row: OutboxRow) -> bool:
    """A message that tells who looks after retbot which recipients keep failing."""
    return (row.notice_key or "").startswith("outbox-report")


def texts_since(connector, conversation, seen: int) -> list[str]:
    return [a.get("text") for a in connector.received[conversation.id][seen:]]


async def test_a_failed_send_is_retried_after_a_minute_and_arrives_once(bot, connector, http):
    chair, referrer, _, number = await submitted_case(bot, connector, http)
    seen = len(connector.received[referrer.id])
    connector.failures_left = 1  # the connector answers the next send with a 500

    decided = await chair.execute("triage.consultatie", {"case": number})

    assert decided.status == 200  # the decision stands, the message waits in the outbox
    assert len(connector.received[referrer.id]) == seen
    [waiting] = [row for row in await outbox_rows(bot) if row.status == "pending"]
    assert waiting.attempts == 1 and waiting.last_error == "ClientResponseError (HTTP 500)"
    retry_at = aware(waiting.next_attempt_at)
    dispatcher = bot.app[RETBOT].dispatcher

    too_early = await dispatcher.dispatch_due(retry_at - timedelta(seconds=1))
    on_time = await dispatcher.dispatch_due(retry_at)
    again = await dispatcher.dispatch_due(retry_at + timedelta(hours=5))

    assert retry_at - datetime.now(UTC) <= timedelta(minutes=1)
    assert retry_at - datetime.now(UTC) > timedelta(seconds=50)
    assert (too_early, on_time, again) == (0, 1, 0)
    told = connector.received[referrer.id][seen:]
    assert len(told) == 1 and number in told[0]["text"]
    [row] = [row for row in await outbox_rows(bot) if row.id == waiting.id]
    assert (row.status, row.sent_via, row.attempts, row.last_error) == ("sent", "teams", 1, None)


async def test_the_ticker_sends_due_messages_every_minute_and_cleans_up_only_what_was_sent(
    bot, connector, conversation
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    retbot = bot.app[RETBOT]
    now = datetime.now(UTC)
    await retbot.dispatcher.outbox.add([Notice(chat_of(conversation), "Casus RET-2026-0003")], now)
    await retbot.dispatcher.outbox.add(
        [Notice(RosterMember("k.scholten@ervaringswerk.example.org"), "Casus RET-2026-0004")], now
    )
    job, minutes = retbot.jobs.schedule()["outbox"]

    sent = await retbot.dispatcher.dispatch_due(now + timedelta(minutes=1))
    removed_now = await retbot.jobs.outbox_clean_up()
    removed_later = await retbot.jobs.outbox_clean_up(datetime.now(UTC) + timedelta(days=400))

    assert (minutes, sent, removed_now, removed_later) == (1, 1, 0, 1)
    assert job == retbot.dispatcher.dispatch_due
    assert texts_since(connector, conversation, seen) == ["Casus RET-2026-0003"]
    [kept] = await outbox_rows(bot)  # Kevin has no chat with retbot: his message waits
    assert (kept.status, kept.scope_id) == ("waiting", "k.scholten@ervaringswerk.example.org")


async def test_dispatchers_of_several_instances_send_each_message_once(
    bot, connector, conversation, database_url, ret
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    outbox = bot.app[RETBOT].dispatcher.outbox
    now = datetime.now(UTC)
    await outbox.add([Notice(chat_of(conversation), f"Bericht {n}") for n in range(40)], now)

    async with (
        instance(database_url, ret) as one,
        instance(database_url, ret) as two,
        instance(database_url, ret) as three,
    ):
        later = now + timedelta(minutes=1)
        counts = await asyncio.gather(
            *(d.dispatch_due(later) for d in (one, two, three, one, two, three))
        )

    arrived = Counter(a["text"] for a in connector.received[conversation.id][seen:])
    assert arrived == Counter(f"Bericht {n}" for n in range(40))
    assert sum(counts) == 40
    assert {row.status for row in await outbox_rows(bot)} == {"sent"}


async def test_an_instance_killed_mid_send_leaves_only_that_message_to_go_again(
    bot, connector, conversation, database_url, ret
):
    """The other instance takes over what the dead one claimed when its lease runs out;
    the message it was sending (delivered, but not yet marked) is the only one that
    arrives twice."""
    await conversation.join()
    seen = len(connector.received[conversation.id])
    outbox = bot.app[RETBOT].dispatcher.outbox
    now = datetime.now(UTC) - timedelta(minutes=2)  # due now, past the writer's grace
    await outbox.add([Notice(chat_of(conversation), f"Bericht {n}") for n in range(5)], now)
    connector.answer_after = 60  # delivered, answered only after the kill
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    dying = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.outbox_instance", database_url, env=env
    )
    try:
        async with asyncio.timeout(60):
            await connector.wait_for(conversation.id, seen + 1)
    finally:
        dying.send_signal(signal.SIGKILL)
        await dying.wait()
    connector.answer_after = 0
    [held] = [row for row in await outbox_rows(bot) if row.claimed_by]

    async with instance(database_url, ret) as other:
        while_held = await other.dispatch_due(datetime.now(UTC) + timedelta(minutes=1))
        after_lease = await other.dispatch_due(datetime.now(UTC) + CLAIM_LEASE * 2)

    arrived = Counter(texts_since(connector, conversation, seen))
    assert arrived == {"Bericht 0": 2, **{f"Bericht {n}": 1 for n in range(1, 5)}}
    assert (while_held, after_lease) == (4, 1)  # the others were never held by the dead one
    assert held.payload and aware(held.claimed_until) - aware(held.created_at) > CLAIM_LEASE
    assert {row.status for row in await outbox_rows(bot)} == {"sent"}


async def test_a_lease_starts_when_the_message_is_claimed(migrated_engine):
    outbox = OutboxRepository(create_session_factory(migrated_engine))
    start = datetime.now(UTC)
    await outbox.add([Notice(Chat("msteams", "29:1"), f"Bericht {n}") for n in range(2)], start)

    first = await outbox.claim_next(start + timedelta(minutes=1))
    second = await outbox.claim_next(start + timedelta(minutes=9))

    async with create_session_factory(migrated_engine)() as session:
        leases = {r.id: aware(r.claimed_until) for r in await session.scalars(select(OutboxRow))}
    assert leases[first.id] == start + timedelta(minutes=1) + CLAIM_LEASE
    assert leases[second.id] == start + timedelta(minutes=9) + CLAIM_LEASE


async def test_a_message_that_keeps_failing_is_tried_for_a_week_reported_once_and_kept(
    bot, connector, conversation, database_url, ret
):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    chair_seen = {k: len(v) for k, v in connector.received.items()}
    connector.failures_left = 10_000
    now = datetime.now(UTC)
    await bot.app[RETBOT].dispatcher.outbox.add(
        [Notice(chat_of(conversation), "Casus RET-2026-0001")], now - timedelta(minutes=2)
    )
    dispatcher = bot.app[RETBOT].dispatcher
    waits = []
    for _ in range(MAX_ATTEMPTS):
        await dispatcher.dispatch_due(now)
        [row] = [
            r
            for r in await outbox_rows(bot)
            if not (r.notice_key or "").startswith("outbox-report")
        ]
        waits.append(aware(row.next_attempt_at) - now)
        now = aware(row.next_attempt_at)
    failed_tries = 10_000 - connector.failures_left
    much_later = await dispatcher.dispatch_due(now + timedelta(days=60))
    removed = await bot.app[RETBOT].jobs.outbox_clean_up(now + timedelta(days=60))
    reports = [
        r for r in await outbox_rows(bot) if (r.notice_key or "").startswith("outbox-report")
    ]

    assert waits[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert waits[FAST_ATTEMPTS - 1 : FAST_ATTEMPTS + 1] == [SLOW_RETRY, SLOW_RETRY]
    assert timedelta(days=6) < sum(waits[:-1], timedelta()) < timedelta(days=8)
    assert (row.status, row.attempts) == ("failed", MAX_ATTEMPTS)
    assert failed_tries >= MAX_ATTEMPTS and much_later == 0
    assert removed == 0  # never deleted unsent
    assert row.last_error == "ClientResponseError (HTTP 500)"
    assert len(connector.received[conversation.id]) == seen
    # Told once, when the fast attempts were over: the voorzitter and the admin (who have no
    # chat here, so it waits for them).
    assert sorted((r.scope, r.scope_id) for r in reports) == [
        ("chair", "private"),
        ("member", "b.terhorst@ret-twente.example.org"),
    ]
    assert {k: len(v) for k, v in connector.received.items()} == chair_seen

    connector.failures_left = 0
    retried = retbot_cli(database_url, "outbox", "retry")
    delivered = await dispatcher.dispatch_due(datetime.now(UTC))

    assert retried.returncode == 0 and "1 bericht" in retried.stdout
    assert delivered == 1
    assert texts_since(connector, conversation, seen) == ["Casus RET-2026-0001"]


@pytest.mark.parametrize(("status", "given_up"), [(403, True), (404, True), (429, False)])
async def test_a_refusal_no_retry_can_change_is_given_up_at_once(
    bot, connector, conversation, database_url, status, given_up, ret
):
    """403: the bot was removed from the chat; 404: the chat is gone. Throttling passes."""
    await conversation.join()
    connector.failures_left, connector.failure_status = 1, status
    now = datetime.now(UTC) - timedelta(minutes=2)
    async with instance(database_url, ret) as dispatcher:
        await dispatcher.outbox.add([Notice(chat_of(conversation), "Casus RET-2026-0003")], now)
        await dispatcher.dispatch_due()
        [row] = await dispatcher.outbox.unsent()
        later = await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(minutes=1))

    assert row.status == ("failed" if given_up else "pending")
    assert row.last_error == f"ClientResponseError (HTTP {status})"
    assert later == (0 if given_up else 1)


async def test_unreachable_connector_is_retried(bot, connector, conversation, database_url, ret):
    await conversation.join()
    seen = len(connector.received[conversation.id])
    now = datetime.now(UTC) - timedelta(minutes=2)
    async with instance(database_url, ret) as dispatcher:
        await dispatcher.outbox.add([Notice(chat_of(conversation), "Casus RET-2026-0002")], now)
        await connector.stop()  # connection refused
        refused = await dispatcher.dispatch_due()
        [row] = await dispatcher.outbox.unsent()
        await connector.start(port=int(connector.service_url.rsplit(":", 1)[1].strip("/")))
        delivered = await dispatcher.dispatch_due(datetime.now(UTC) + timedelta(minutes=1))

    assert (refused, delivered) == (0, 1)
    assert row.last_error == "ClientConnectorError"
    assert texts_since(connector, conversation, seen) == ["Casus RET-2026-0002"]


async def test_payloads_are_encrypted_and_only_sent_messages_cleaned_up(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    outbox = OutboxRepository(sessions, FieldCipher(Fernet.generate_key().decode()))
    now = datetime.now(UTC)
    chat = Chat("msteams", "29:1")
    await outbox.add([Notice(chat, {"body": ["J.D."]}) for _ in range(4)], now)
    old, recent, failed, waiting = [
        await outbox.claim_next(now + timedelta(minutes=1)) for _ in range(4)
    ]
    await outbox.mark_sent(old, now - timedelta(days=8), "teams")
    await outbox.mark_sent(recent, now, "teams")
    await outbox.mark_failed(failed, "TimeoutError", now - timedelta(days=60), give_up=True)
    await outbox.mark_waiting(waiting, now, "no conversation yet")

    removed = await outbox.prune(now - timedelta(days=7))

    async with sessions() as session:
        rows = list(await session.scalars(select(OutboxRow).order_by(OutboxRow.id)))
    assert removed == 1
    assert [row.id for row in rows] == [recent.id, failed.id, waiting.id]
    assert all(row.payload.startswith(PREFIX) and "J.D." not in row.payload for row in rows)


def retbot_cli(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def retbot_outbox(database_url: str) -> subprocess.CompletedProcess:
    return retbot_cli(database_url, "outbox")


async def test_cli_lists_what_did_not_go_out_without_content(migrated_engine, database_url):
    outbox = OutboxRepository(create_session_factory(migrated_engine), max_attempts=1)
    now = datetime.now(UTC)
    nothing = retbot_outbox(database_url)
    await outbox.add(
        [Notice(Chat("msteams", "29:geheim-id"), f"Casus van Jan de Vries {n}") for n in range(3)]
        + [Notice(RosterMember("t.wennink@jggz-debron.example.org"), "Casus van Jan de Vries")],
        now,
    )
    later = now + timedelta(minutes=1)
    first, second, third, fourth = [await outbox.claim_next(later) for _ in range(4)]
    await outbox.mark_sent(first, now, "teams")
    await outbox.mark_failed(second, "ClientResponseError (HTTP 500)", now)
    await outbox.mark_waiting(fourth, now + timedelta(minutes=15), "no conversation yet")
    await outbox.mark_failed(third, "TimeoutError", now)

    listed = retbot_outbox(database_url)

    assert nothing.returncode == 0 and "alles is verstuurd" in nothing.stdout
    assert listed.returncode == 0
    lines = listed.stdout.strip().splitlines()
    rows = {
        line.split()[0]: line for line in lines if line.split()[:1] and line.split()[0].isdigit()
    }
    assert rows[str(second.id)].split()[1:4] == ["chat", "(msteams)", "mislukt"]
    assert "Thijs Wennink" in rows[str(fourth.id)] and " wacht " in rows[str(fourth.id)]
    assert "nog niet in Teams geopend" in listed.stdout
    assert "ClientResponseError (HTTP 500)" in rows[str(second.id)]
    assert "Jan de Vries" not in listed.stdout and "geheim" not in listed.stdout


async def test_a_case_move_stores_its_notice_in_the_same_transaction(migrated_engine):
    sessions = create_session_factory(migrated_engine)
    cases, outbox = SqlCaseRepository(sessions), OutboxRepository(sessions)
    now = datetime.now(UTC)
    case = (await cases.submit(Referrer("msteams", "29:1", "Inge Referent"), {}, now)).case
    moved = replace(case, status=CaseStatus.CONSULTATIE)
    notice = Notice(Chat("msteams", "29:1"), f"Je aanmelding {case.number} wordt een consultatie")
    event = CaseEvent(now, "Marieke Hofstede", "triage: consultatie")
    unstorable = replace(event, actor=None)  # the event row violates NOT NULL: rollback

    with pytest.raises(IntegrityError):
        await cases.move(moved, CaseStatus.AANGEMELD, unstorable, "msteams", [notice])
    after_rollback = await outbox.unsent()
    stale = await cases.move(moved, CaseStatus.MEER_INFORMATIE, event, "msteams", [notice])
    after_stale = await outbox.unsent()
    done = await cases.move(moved, CaseStatus.AANGEMELD, event, "msteams", [notice])
    [stored] = await outbox.claim_keys([notice.key], now)

    assert (after_rollback, stale, after_stale, done) == ([], False, [], True)
    assert stored.target == Target("msteams", "user", "29:1")
    assert stored.message == notice.message


async def test_a_message_for_someone_without_a_chat_waits_then_arrives_when_they_open_one(
    bot, connector, http
):
    """Thijs has never opened retbot: the message waits (no attempt used up) and comes the
    moment he does; the voorzitter's private message waits the same way."""
    retbot = bot.app[RETBOT]
    for_thijs = Notice(RosterMember("t.wennink@jggz-debron.example.org"), "Casus RET-2026-0009")
    for_chair = Notice(Chair(ChairPlace.PRIVATE), "Alleen voor de voorzitter: RET-2026-0009")

    outcomes = await retbot.dispatcher.send([for_thijs, for_chair])
    stored = await outbox_rows(bot)

    thijs = person(bot, connector, http, "Thijs Wennink", THIJS_AAD)
    chair = person(bot, connector, http, "Marieke Hofstede", CHAIR_AAD)
    opened = await thijs.join()
    chair_opened = await chair.join()

    assert outcomes == {for_thijs.key: Outcome.WAITING, for_chair.key: Outcome.WAITING}
    assert {(r.status, r.attempts) for r in stored} == {("waiting", 0)}
    assert opened.texts()[-1] == "Casus RET-2026-0009"
    assert chair_opened.texts()[-1] == "Alleen voor de voorzitter: RET-2026-0009"
    assert {r.status for r in await outbox_rows(bot)} == {"sent"}
