"""Dialog-state storage on both databases: eTag optimistic concurrency."""

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from botbuilder.core import StoreItem

from storage.bot_state import DatabaseStorage, ETagConflict
from storage.state_rows import InLoopSqliteStateRows, PooledSqliteStateRows


@pytest.fixture
async def storage(migrated_engine):
    storage = DatabaseStorage(migrated_engine)
    yield storage
    await storage.close()


async def test_written_items_come_back_with_an_etag(storage):
    await storage.write({"a": {"step": 1, "answers": ["x"]}})

    item = (await storage.read(["a", "missing"]))["a"]

    assert item["step"] == 1 and item["answers"] == ["x"]
    assert item["e_tag"]
    assert "missing" not in await storage.read(["a", "missing"])


async def test_write_with_stale_etag_fails_and_keeps_the_newer_value(storage):
    await storage.write({"k": {"v": 1}})
    first = (await storage.read(["k"]))["k"]
    second = (await storage.read(["k"]))["k"]

    await storage.write({"k": {**first, "v": 2}})
    with pytest.raises(ETagConflict):
        await storage.write({"k": {**second, "v": 3}})

    assert (await storage.read(["k"]))["k"]["v"] == 2


async def test_write_with_star_wins(storage):
    await storage.write({"k": {"v": 1}})
    stale = (await storage.read(["k"]))["k"]
    await storage.write({"k": {**stale, "v": 2}})

    await storage.write({"k": {**stale, "e_tag": "*", "v": 9}})

    assert (await storage.read(["k"]))["k"]["v"] == 9


async def test_each_write_gives_a_new_etag(storage):
    await storage.write({"k": {"v": 1}})
    one = (await storage.read(["k"]))["k"]
    await storage.write({"k": one})
    two = (await storage.read(["k"]))["k"]

    assert one["e_tag"] != two["e_tag"]


async def test_concurrent_writers_of_the_same_version_one_wins(storage):
    await storage.write({"k": {"v": 0}})
    seen = (await storage.read(["k"]))["k"]

    results = await asyncio.gather(
        *(storage.write({"k": {**seen, "v": n}}) for n in range(1, 6)), return_exceptions=True
    )

    winners = [n for n, result in enumerate(results, 1) if result is None]
    assert len(winners) == 1
    assert all(isinstance(r, ETagConflict) for r in results if r is not None)
    assert (await storage.read(["k"]))["k"]["v"] == winners[0]


async def test_store_items_and_delete(storage):
    await storage.write({"obj": StoreItem(counter=3)})
    item = (await storage.read(["obj"]))["obj"]
    assert item.counter == 3 and item.e_tag

    await storage.delete(["obj"])

    assert await storage.read(["obj"]) == {}


async def test_empty_etag_is_refused(storage):
    with pytest.raises(ValueError):
        await storage.write({"k": {"e_tag": "", "v": 1}})


async def test_sqlite_writer_elsewhere_neither_blocks_the_loop_nor_loses_the_write(
    storage, migrated_engine
):
    """State statements run in the event loop on SQLite; while another connection holds the
    write lock they must wait off the loop (and then succeed), not block it."""
    if migrated_engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock")
    await storage.write({"k": {"v": 1}})
    seen = (await storage.read(["k"]))["k"]
    other = sqlite3.connect(migrated_engine.url.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock, like a case being stored
    try:
        write = asyncio.create_task(storage.write({"k": {**seen, "v": 2}}))
        gaps = []
        for _ in range(10):  # the loop keeps turning while the write waits for the lock
            began = time.perf_counter()
            await asyncio.sleep(0.01)
            gaps.append(time.perf_counter() - began)
        assert max(gaps) < 0.5 and not write.done()
        assert (await storage.read(["k"]))["k"]["v"] == 1  # readers are not held up
    finally:
        other.execute("COMMIT")
        other.close()

    await write
    assert (await storage.read(["k"]))["k"]["v"] == 2


async def test_sqlite_write_ahead_log_is_checkpointed_off_the_loop(storage, migrated_engine):
    """Automatic checkpoints are off on the in-loop connection (they would pause the loop);
    the periodic checkpoint on a worker thread must keep the log from growing anyway."""
    if migrated_engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write-ahead log")
    database = migrated_engine.url.database
    await storage.write({"k": {"v": 0}})
    etag = (await storage.read(["k"]))["k"]["e_tag"]
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
