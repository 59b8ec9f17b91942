"""What the bot remembers between turns, on both databases: written back only when it
changed, with eTag optimistic concurrency, under the keys botbuilder used."""

import asyncio
import json
import sqlite3
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from storage.bot_state import ETagConflict, StateStore, state_keys
from storage.encryption import FieldCipher
from storage.state_rows import InLoopSqliteStateRows, PooledSqliteStateRows

KEYS = state_keys("msteams", "29:user", "a:chat")


@pytest.fixture
async def storage(migrated_engine):
    storage = StateStore(migrated_engine)
    yield storage
    await storage.close()


async def test_the_keys_are_those_botbuilder_used():
    """State kept before the move to the Agents SDK is found again."""
    assert KEYS.user == "msteams/users/29:user"
    assert KEYS.conversation == "msteams/conversations/a:chat"


async def test_what_a_turn_changed_comes_back_in_the_next(storage):
    first = await storage.load(KEYS)
    assert (first.user, first.conversation) == ({}, {})
    first.user["language"] = "en"
    first.conversation["waiting"] = "intake"
    await storage.save(first)

    second = await storage.load(KEYS)

    assert second.user == {"language": "en"}
    assert second.conversation == {"waiting": "intake"}


async def test_only_what_changed_is_written(storage):
    turn = await storage.load(KEYS)
    turn.user["language"] = "en"
    await storage.save(turn)
    stored = await storage.read_stored([KEYS.user, KEYS.conversation])
    etags = {key: row.etag for key, row in stored.items()}

    unchanged = await storage.load(KEYS)
    await storage.save(unchanged)

    assert set(etags) == {KEYS.user}  # an empty conversation state is not written at all
    assert (await storage.read_stored([KEYS.user]))[KEYS.user].etag == etags[KEYS.user]


async def test_a_turn_that_read_before_another_wrote_is_refused(storage):
    one, two = await storage.load(KEYS), await storage.load(KEYS)
    one.user["draft"] = {"step": 1}
    two.user["draft"] = {"step": 2}

    await storage.save(one)
    with pytest.raises(ETagConflict):
        await storage.save(two)

    assert (await storage.load(KEYS)).user == {"draft": {"step": 1}}


async def test_two_turns_that_write_the_same_do_not_conflict(storage):
    """A double click: both turns did the same, nothing is lost by keeping either."""
    one, two = await storage.load(KEYS), await storage.load(KEYS)
    for turn in (one, two):
        turn.user["draft"] = {"step": 3}

    await storage.save(one)
    await storage.save(two)

    assert (await storage.load(KEYS)).user == {"draft": {"step": 3}}


async def test_of_concurrent_writers_of_one_version_one_wins(storage):
    await storage.write_stored("k", None, json.dumps({"v": 0}))
    seen = (await storage.read_stored(["k"]))["k"].etag

    results = await asyncio.gather(
        *(storage.write_stored("k", seen, json.dumps({"v": n})) for n in range(1, 6)),
        return_exceptions=True,
    )

    winners = [n for n, result in enumerate(results, 1) if isinstance(result, str)]
    assert len(winners) == 1
    assert all(isinstance(r, ETagConflict) for r in results if not isinstance(r, str))
    assert json.loads((await storage.read_stored(["k"]))["k"].data) == {"v": winners[0]}


async def test_the_dialog_stack_of_botbuilder_is_left_behind(storage):
    """A conversation stored by retbot on botbuilder: what it waited for is dropped, the
    rest (a draft, a language) stays."""
    old = {"dialog_state": {"$t": "object", "attributes": {}}, "self_apply_greeted": True}
    await storage.write_stored(KEYS.conversation, None, json.dumps(old))

    loaded = await storage.load(KEYS)

    assert loaded.conversation == {"self_apply_greeted": True}


async def test_drafts_are_encrypted_at_rest(migrated_engine):
    storage = StateStore(migrated_engine, FieldCipher(Fernet.generate_key().decode()))
    try:
        turn = await storage.load(KEYS)
        turn.user["intake_draft"] = {"hulpvraag": "Thijs loopt vast op school"}
        await storage.save(turn)

        async with migrated_engine.connect() as connection:
            raw = (await connection.exec_driver_sql("SELECT data FROM bot_state")).scalar_one()
        assert "Thijs" not in raw
        assert (await storage.load(KEYS)).user["intake_draft"]["hulpvraag"].startswith("Thijs")
    finally:
        await storage.close()


async def test_delete(storage):
    await storage.write_stored("obj", None, "{}")

    await storage.delete(["obj"])

    assert await storage.read_stored(["obj"]) == {}


async def test_empty_etag_is_refused(storage):
    with pytest.raises(ValueError):
        await storage.write_stored("k", "", "{}")


async def test_sqlite_writer_elsewhere_neither_blocks_the_loop_nor_loses_the_write(
    storage, migrated_engine
):
    """State statements run in the event loop on SQLite; while another connection holds the
    write lock they must wait off the loop (and then succeed), not block it."""
    if migrated_engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock")
    await storage.write_stored("k", None, '{"v":1}')
    seen = (await storage.read_stored(["k"]))["k"].etag
    other = sqlite3.connect(migrated_engine.url.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock, like a case being stored
    try:
        write = asyncio.create_task(storage.write_stored("k", seen, '{"v":2}'))
        gaps = []
        for _ in range(10):  # the loop keeps turning while the write waits for the lock
            began = time.perf_counter()
            await asyncio.sleep(0.01)
            gaps.append(time.perf_counter() - began)
        assert max(gaps) < 0.5 and not write.done()
        assert (await storage.read_stored(["k"]))["k"].data == '{"v":1}'  # readers are not held up
    finally:
        other.execute("COMMIT")
        other.close()

    await write
    assert (await storage.read_stored(["k"]))["k"].data == '{"v":2}'


async def test_sqlite_write_ahead_log_is_checkpointed_off_the_loop(storage, migrated_engine):
    """Automatic checkpoints are off on the in-loop connection (they would pause the loop);
    the periodic checkpoint on a worker thread must keep the log from growing anyway."""
    if migrated_engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write-ahead log")
    database = migrated_engine.url.database
    etag = await storage.write_stored("k", None, '{"v":0}')
    rows = InLoopSqliteStateRows(database, PooledSqliteStateRows(migrated_engine), 10)
    try:
        for n in range(300):
            new_etag = f"e{n}"
            assert await rows.update_if_unchanged("k", etag, new_etag, "x" * 8000)
            etag = new_etag
            await asyncio.sleep(0.005)  # turns take a while; the worker thread gets its turn
    finally:
        await rows.close()

    log_pages = Path(f"{database}-wal").stat().st_size // 4096  # noqa: ASYNC240 (test)
    # Without the checkpoints: 350 and more. With them, about 100 on a quiet machine; a busy
    # one (tests run on both cores) gives the worker thread fewer turns.
    assert log_pages < 200
