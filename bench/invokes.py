"""Action.Execute latency: kernteamleden confirming their organisation's mandate on the shared
card, N conversations at once, each answering for one case: a first confirmation, then the
last one (which makes and sends the final Word document, after the card came back).

Beside it, in the same run, the floor: an invoke with a verb no card has, which goes through
the same edge, authentication, state and routing and is answered at once. Prints JSON: p50
and p95 of each kind, the ratios to the floor, and how long the document took to be stored
after the last confirmation's card came back.

    python bench/invokes.py --conversations 20 [--database postgresql]
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml
from aiohttp import ClientSession, TCPConnector
from sqlalchemy import func, select

from bench.turns import start_server
from bot.chat.connector import ConnectorEndpoint
from bot.chat.conversation import Conversation
from dialogs.cards.advice import VERB_CONFIRM
from domain.advice import Advice, Afspraak
from domain.cases import CaseStatus, Referrer
from domain.triage import CaseEvent
from storage.advice import SqlAdviceRepository
from storage.database import create_engine, create_session_factory
from storage.migrate import upgrade_to_head
from storage.models import DocumentVersionRow
from storage.scratch import ScratchPostgresDatabase

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GGZ, LVB = "Jeugd-GGZ De Bron", "LVB-zorg Het Anker"
PEOPLE = {  # who answers for which organisation, with a Teams id of their own here
    GGZ: ("Thijs Wennink", "0b7e1d52-4c1a-4e0f-a1d2-00000000a001"),
    LVB: ("Fatima el Amrani", "0b7e1d52-4c1a-4e0f-a1d2-00000000a002"),
}


def ret_file(workdir: Path) -> Path:
    """The example RET, with Teams ids for the two kernteamleden who answer."""
    ret = yaml.safe_load((REPO / "examples" / "ret.example.yaml").read_text(encoding="utf-8"))
    ids = {name: aad for name, aad in PEOPLE.values()}
    for member in ret["members"]:
        if member["name"] in ids:
            member["aad_object_id"] = ids[member["name"]]
    path = workdir / "ret.yaml"
    path.write_text(yaml.safe_dump(ret, allow_unicode=True), encoding="utf-8")
    return path


async def advised_cases(database_url: str, count: int) -> list[str]:
    """`count` cases with advice issued, each with an afspraak for GGZ and one for LVB."""
    engine = create_engine(database_url)
    await upgrade_to_head(engine)
    repository = SqlAdviceRepository(create_session_factory(engine))
    numbers = []
    now = datetime.now(UTC)
    for n in range(count):
        referrer = Referrer("msteams", f"29:referrer-{n}", "Inge Referent")
        case = (await repository.submit(referrer, {"initialen": "B.N."}, now)).case
        event = CaseEvent(now, "Marieke Hofstede", "triage: ret_tafel")
        at_table = replace(case, status=CaseStatus.RET_TAFEL)
        await repository.move(at_table, CaseStatus.AANGEMELD, event, "msteams")
        due = date.today() + timedelta(days=21)
        afspraken = (Afspraak(GGZ, "Start behandeling", due), Afspraak(LVB, "Gedragsadvies", due))
        advice = Advice(case.number, "Samenvatting", "Advies", afspraken, "Marieke Hofstede", now)
        issued = CaseEvent(now, "Marieke Hofstede", "advies gegeven")
        await repository.issue(advice, at_table, issued, "msteams")
        numbers.append(case.number)
    await engine.dispose()
    return numbers


def answerer(url: str, connector: ConnectorEndpoint, http: ClientSession, org: str):
    name, aad = PEOPLE[org]
    talk = Conversation(url, connector, http, user_name=name, channel_id="msteams")
    talk.user["aadObjectId"] = aad
    talk.extra = {"conversation": {"id": talk.id, "conversationType": "channel"}}
    return talk


async def drive(url: str, numbers: list[str], database_url: str) -> dict:
    connector = ConnectorEndpoint()
    await connector.start()
    times: dict[str, list[float]] = {"floor": [], "first": [], "last": []}
    failures = 0
    try:
        async with ClientSession(connector=TCPConnector(limit=len(numbers) * 4)) as http:

            async def execute(kind: str, talk: Conversation, verb: str, data: dict) -> None:
                nonlocal failures
                started = time.perf_counter()
                result = await talk.execute(verb, data)
                times[kind].append(time.perf_counter() - started)
                expected = 200  # the floor too: Teams gets its error in the body
                failures += result.status != expected

            async def confirm(number: str) -> None:
                thijs, fatima = (answerer(url, connector, http, org) for org in (GGZ, LVB))
                await execute("floor", thijs, "geen.kaart", {"case": number})
                await execute("first", thijs, VERB_CONFIRM, {"case": number, "organisation": GGZ})
                await execute("floor", fatima, "geen.kaart", {"case": number})
                await execute("last", fatima, VERB_CONFIRM, {"case": number, "organisation": LVB})

            began = time.perf_counter()
            await asyncio.gather(*(confirm(number) for number in numbers))
            cards_back = time.perf_counter()
            documents = await _wait_for_documents(database_url, len(numbers) * 2)
            stored = time.perf_counter()
    finally:
        await connector.stop()
    return {
        "invokes": sum(len(v) for v in times.values()),
        "failed": failures,
        **{f"{kind}_{cut}": _ms(values, cut) for kind, values in times.items() for cut in (50, 95)},
        "documents_stored": documents,
        "all_cards_back_s": round(cards_back - began, 2),
        "documents_done_after_last_card_s": round(stored - cards_back, 2),
    }


async def _wait_for_documents(database_url: str, expected: int) -> int:
    """The advies versions the answers made (one per answer), once all are stored."""
    engine = create_engine(database_url)
    try:
        async with asyncio.timeout(300):
            while True:
                async with engine.connect() as connection:
                    count = await connection.scalar(
                        select(func.count()).select_from(DocumentVersionRow)
                    )
                if count >= expected:
                    return count
                await asyncio.sleep(0.1)
    finally:
        await engine.dispose()


def _ms(values: list[float], cut: int) -> float:
    return round(statistics.quantiles(values, n=100)[cut - 1] * 1000, 1)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(
            "RETBOT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    async with AsyncExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        if args.database == "postgresql":
            database_url = await stack.enter_async_context(
                ScratchPostgresDatabase(args.postgres_url)
            )
        else:
            database_url = f"sqlite+aiosqlite:///{workdir / 'retbot.db'}"
        numbers = await advised_cases(database_url, args.conversations)
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "RETBOT_DATABASE_URL": database_url,
            "RETBOT_CONFIG": str(ret_file(workdir)),
        }
        for azure in ("MicrosoftAppId", "MicrosoftAppPassword"):
            env.pop(azure, None)
        process, url = await start_server([sys.executable, "-m", "bot", "--port"], env, workdir)
        try:
            result = await drive(url, numbers, database_url)
        finally:
            process.terminate()
            await process.wait()
    result["first_p95_vs_floor"] = round(result["first_95"] / result["floor_95"], 2)
    result["last_p95_vs_floor"] = round(result["last_95"] / result["floor_95"], 2)
    report = {
        "conversations": args.conversations,
        "database": args.database,
        "cores": os.cpu_count(),
        **result,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
