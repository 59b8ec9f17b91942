"""`retbot serve` with RETBOT_LOG_FORMAT=json: every line it logs is one JSON object with
time, level, logger and message, and a conversation with names and a question about a child
leaves none of them in the log."""

import asyncio
import json
import sys
from datetime import datetime

from aiohttp import ClientSession

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from tests.support import REPO
from tests.test_consult_flow import UNKNOWN_QUESTION
from tests.test_serve import free_port

NAME = "Inge Referent"
ORGANISATION = "Wijkteam Hengelo"


async def test_json_lines_without_personal_data(tmp_path):
    port = free_port()
    env = {"PATH": "", "PYTHONPATH": str(REPO), "RETBOT_LOG_FORMAT": "json"}
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
    connector = ConnectorEndpoint()
    await connector.start()
    url = f"http://127.0.0.1:{port}"
    try:
        async with ClientSession() as http, asyncio.timeout(60):
            while True:
                try:
                    async with http.get(f"{url}/healthz") as response:
                        break
                except OSError:
                    await asyncio.sleep(0.2)
            talk = Conversation(f"{url}/api/messages", connector, http, user_name=NAME)
            await talk.join()
            for line in (UNKNOWN_QUESTION, "1", ORGANISATION):
                await talk.say(line)
            bad = {"Content-Type": "application/json"}
            async with http.post(f"{url}/api/messages", data=b"{not", headers=bad) as response:
                assert response.status == 400
    finally:
        await connector.stop()
        process.terminate()
        _, err = await process.communicate()

    lines = [line for line in err.decode().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # fails on any line that is not JSON
    assert len(records) >= 3
    for record in records:
        assert {"time", "level", "logger", "message"} <= set(record)
        datetime.fromisoformat(record["time"])
    messages = [r["message"] for r in records]
    assert any("RET Jeugd Twente (voorbeeld)" in m for m in messages)
    assert any(r["level"] == "WARNING" and "local mode" in r["message"] for r in records)
    for personal in (NAME, UNKNOWN_QUESTION, "wachtlijst", ORGANISATION, talk.user["id"]):
        assert personal not in err.decode(), personal
