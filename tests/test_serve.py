"""`retbot serve` on a bare directory: migrates SQLite, says it runs locally, answers."""

import asyncio
import socket
import sys

from aiohttp import ClientSession

from tests.support import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_serve_creates_database_and_answers_health(tmp_path):
    port = free_port()
    env = {"PATH": "", "PYTHONPATH": str(REPO)}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--port",
        str(port),
        cwd=tmp_path,
        env=env,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with ClientSession() as http, asyncio.timeout(60):
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                        body = await response.json()
                        break
                except OSError:
                    await asyncio.sleep(0.2)
    finally:
        process.terminate()
        _, err = await process.communicate()

    assert body["status"] == "ok"
    assert (tmp_path / "data" / "retbot.db").exists()
    log = err.decode()
    assert "local mode: no bot identity" in log
    assert "RET Jeugd Twente (voorbeeld)" in log
