"""`retbot audit`, `export-case` and `purge-case` on a real database, as an administrator
runs them."""

import json
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime

from sqlalchemy import select

from domain.cases import Referrer
from domain.notices import Chat, Notice
from domain.triage import CaseEvent
from storage.cases import SqlCaseRepository
from storage.database import create_engine, create_session_factory
from storage.migrate import upgrade_to_head
from storage.models import OutboxRow
from storage.outbox import OutboxRepository
from tests.support import REPO

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def a_case(database_url: str) -> str:
    engine = create_engine(database_url)
    await upgrade_to_head(engine)
    cases = SqlCaseRepository(create_session_factory(engine))
    answers = {"initialen": "J.D.", "hulpvraag": "Plek"}
    case = (await cases.submit(Referrer("msteams", "u1", "Inge Referent"), answers, NOW)).case
    await cases.replace_answers(
        case, CaseEvent(NOW, "Marieke Hofstede", "notitie", "Gebeld"), "msteams"
    )
    outbox = OutboxRepository(create_session_factory(engine))
    chat = Chat("msteams", "u1")
    messages = [
        f"{case.number} is besproken.",
        {"body": [{"text": f"Casus {case.number} (J.D.)"}]},
        "RET-2026-0002 is besproken.",
    ]
    await outbox.add([Notice(chat, message) for message in messages], NOW)
    await engine.dispose()
    return case.number


async def outbox_texts(database_url: str) -> list[str]:
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        payloads = await connection.scalars(select(OutboxRow.payload).order_by(OutboxRow.id))
        texts = list(payloads)
    await engine.dispose()
    return texts


def retbot(database_url: str, *args: str, typed: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "RETBOT_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=typed,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


async def test_audit_export_and_purge(database_url, tmp_path):
    number = await a_case(database_url)

    audit = retbot(database_url, "audit", "--case", number)
    exported = retbot(database_url, "export-case", number, "--out", str(tmp_path / "x.zip"))
    refused = retbot(database_url, "purge-case", number, typed="RET-1999-0001\n")
    purged = retbot(database_url, "purge-case", number, typed=f"{number}\n")
    after = retbot(database_url, "export-case", number, "--out", str(tmp_path / "y.zip"))
    trail = retbot(database_url, "audit", "--case", number)

    assert audit.returncode == 0 and exported.returncode == 0
    assert "Inge Referent" in audit.stdout and "aanmelding ingediend" in audit.stdout
    with zipfile.ZipFile(tmp_path / "x.zip") as archive:
        data = json.loads(archive.read(f"{number}.json"))
    assert data["aanmelding"] == {"initialen": "J.D.", "hulpvraag": "Plek"}
    assert data["verloop"][0]["toelichting"] == "Gebeld"
    assert [a["wat"] for a in data["audit"]] == [
        "aanmelding ingediend",
        "notitie",
        "casus geëxporteerd",
    ]
    assert refused.returncode == 1 and "niets verwijderd" in refused.stderr
    assert purged.returncode == 0
    assert after.returncode == 1 and "bestaat niet" in after.stderr
    assert trail.stdout.strip().splitlines()[-1].endswith("casus verwijderd")
    assert await outbox_texts(database_url) == ['{"text": "RET-2026-0002 is besproken."}']


async def test_unknown_case(database_url):
    await a_case(database_url)

    result = retbot(database_url, "audit", "--case", "RET-2026-9999")

    assert result.returncode == 1 and "Geen auditregels" in result.stderr
