"""Turn latency and throughput: retbot beside the Agents SDK's echo agent and a bare aiohttp floor.

Each bot runs in its own process, one after another on the same machine in one run;
N simulated conversations post message turns concurrently over HTTP, and this process
plays the Bot Connector that receives the replies. Prints JSON.

    python bench/turns.py --conversations 50 --turns 20 [--database postgresql]
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from pathlib import Path

from aiohttp import ClientSession, TCPConnector

from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from storage.scratch import ScratchPostgresDatabase

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
# A real two-step dialog: every turn changes dialog state, so every turn writes it.
SCRIPT = ("taal", "Nederlands")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def start_server(
    command: list[str], env: dict, cwd: Path
) -> tuple[asyncio.subprocess.Process, str]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *command,
        str(port),
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    async with ClientSession() as http, asyncio.timeout(60):
        while True:
            try:
                async with http.get(f"{base}/healthz") as response:
                    if response.status == 200:
                        return process, f"{base}/api/messages"
            except OSError:
                await asyncio.sleep(0.1)


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system, all threads) the process has used so far; Linux only.
    Less sensitive than turns/s to whatever else the machine is doing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def drive(url: str, conversations: int, turns: int, pid: int) -> dict:
    connector = ConnectorEndpoint()
    await connector.start()
    latencies: list[float] = []
    failures = 0
    try:
        async with ClientSession(connector=TCPConnector(limit=conversations * 2)) as http:
            talks = [Conversation(url, connector, http) for _ in range(conversations)]
            await asyncio.gather(*(talk.join() for talk in talks))

            async def converse(talk: Conversation) -> None:
                nonlocal failures
                for turn in range(turns):
                    started = time.perf_counter()
                    result = await talk.say(SCRIPT[turn % len(SCRIPT)])
                    latencies.append(time.perf_counter() - started)
                    if result.status >= 300 or not result.replies:
                        failures += 1

            began, cpu_before = time.perf_counter(), cpu_seconds(pid)
            await asyncio.gather(*(converse(talk) for talk in talks))
            elapsed, cpu_after = time.perf_counter() - began, cpu_seconds(pid)
    finally:
        await connector.stop()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "turns": len(latencies),
        "failed_turns": failures,
        "turns_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p95_ms": round(cuts[94] * 1000, 1),
        "server_cpu_ms_per_turn": (
            round((cpu_after - cpu_before) * 1000 / len(latencies), 2)
            if cpu_before is not None and cpu_after is not None
            else None
        ),
    }


async def measure(name: str, command: list[str], env: dict, cwd: Path, args) -> dict:
    process, url = await start_server(command, env, cwd)
    try:
        return await drive(url, args.conversations, args.turns, process.pid)
    finally:
        process.terminate()
        await process.wait()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--turns", type=int, default=20, help="message turns per conversation")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "RETBOT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
    )
    parser.add_argument("--bots", default="retbot,sdk_echo,bare_aiohttp")
    args = parser.parse_args()

    python = sys.executable
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for azure in [name for name in env if name.startswith(("Microsoft", "CONNECTIONS__"))]:
        env.pop(azure, None)  # every bot in local mode
    results: dict[str, dict] = {}
    async with AsyncExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        retbot_env = dict(env)
        if args.database == "postgresql":
            retbot_env["RETBOT_DATABASE_URL"] = await stack.enter_async_context(
                ScratchPostgresDatabase(args.postgres_url)
            )
        commands = {
            "retbot": ([python, "-m", "bot", "--port"], retbot_env),
            "sdk_echo": ([python, str(BENCH / "echo_agent.py")], env),
            "bare_aiohttp": ([python, str(BENCH / "bare_floor.py")], env),
        }
        for name in args.bots.split(","):
            command, command_env = commands[name]
            results[name] = await measure(name, command, command_env, workdir, args)

    report = {
        "conversations": args.conversations,
        "turns_per_conversation": args.turns,
        "database": args.database,
        "cores": os.cpu_count(),
        "results": results,
    }
    if "retbot" in results and "sdk_echo" in results:
        report["retbot_vs_sdk_echo_turns_per_s"] = round(
            results["retbot"]["turns_per_s"] / results["sdk_echo"]["turns_per_s"], 2
        )
        cpu = [results[name]["server_cpu_ms_per_turn"] for name in ("sdk_echo", "retbot")]
        if None not in cpu:
            report["sdk_echo_vs_retbot_cpu_per_turn"] = round(cpu[0] / cpu[1], 2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
