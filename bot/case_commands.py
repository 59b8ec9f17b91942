"""`retbot audit`, `retbot export-case` and `retbot purge-case`: a case's data for the
people who must account for it (audit, inzageverzoek, removal)."""

import asyncio
import getpass
import json
import sys
import zipfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.settings import Settings
from storage.case_archive import CaseArchive
from storage.database import create_engine, create_session_factory
from storage.encryption import FieldCipher
from storage.migrate import upgrade_to_head
from storage.rekey import reencrypt_all


def run_with_archive(work: Callable[[CaseArchive], Awaitable[int]]) -> int:
    async def run() -> int:
        settings = Settings()
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            archive = CaseArchive(create_session_factory(engine), FieldCipher(settings.data_key))
            return await work(archive)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def rotate_key_command() -> int:
    """Rewrites every encrypted field with the first key of RETBOT_DATA_KEY."""

    async def run() -> int:
        settings = Settings()
        cipher = FieldCipher(settings.data_key)
        if not cipher.enabled:
            print(
                "RETBOT_DATA_KEY is niet ingesteld: er valt niets te versleutelen.", file=sys.stderr
            )
            return 1
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            count = await reencrypt_all(create_session_factory(engine), cipher)
        finally:
            await engine.dispose()
        print(f"{count} rijen opnieuw versleuteld met de nieuwste sleutel.")
        return 0

    return asyncio.run(run())


def audit_command(number: str) -> int:
    async def work(archive: CaseArchive) -> int:
        trail = await archive.audit_trail(number)
        if not trail:
            print(f"Geen auditregels voor {number}.", file=sys.stderr)
            return 1
        for row in trail:
            print(f"{row.at:%Y-%m-%d %H:%M:%S}  {row.channel:<8}  {row.actor:<24}  {row.action}")
        return 0

    return run_with_archive(work)


def export_command(number: str, out: Path) -> int:
    async def work(archive: CaseArchive) -> int:
        data = await archive.export(number, f"{getpass.getuser()} (cli)")
        if data is None:
            print(f"Casus {number} bestaat niet.", file=sys.stderr)
            return 1
        data["audit"] = [
            {"op": r.at.isoformat(), "door": r.actor, "wat": r.action, "kanaal": r.channel}
            for r in await archive.audit_trail(number)
        ]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive_file:
            archive_file.writestr(f"{number}.json", json.dumps(data, ensure_ascii=False, indent=2))
        print(f"{number} geëxporteerd naar {out}")
        return 0

    return run_with_archive(work)


def purge_command(number: str, confirmed: bool) -> int:
    if not confirmed:
        print(f"Hiermee verwijder je casus {number} en zijn verloop definitief.")
        answer = input("Typ het casusnummer ter bevestiging: ").strip()
        if answer != number:
            print("Niet bevestigd; er is niets verwijderd.", file=sys.stderr)
            return 1

    async def work(archive: CaseArchive) -> int:
        if not await archive.purge(number, f"{getpass.getuser()} (cli)"):
            print(f"Casus {number} bestaat niet.", file=sys.stderr)
            return 1
        print(f"Casus {number} is verwijderd.")
        return 0

    return run_with_archive(work)
