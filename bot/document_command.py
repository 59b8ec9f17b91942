"""`retbot document advies RET-2026-0001 --out advies.docx`: the newest stored version of a
document, from the command line; `retbot document goed-voorbeeld RET-2026-0001 --out …`:
the casusbeschrijving as the voorzitter approved it (a draft never). Writing it out is
audited like a download."""

import asyncio
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import Settings
from domain.documents import DocumentKind
from storage.database import create_engine, create_session_factory
from storage.documents import SqlDocumentRepository
from storage.encryption import FieldCipher
from storage.learning import SqlLearningRepository
from storage.migrate import upgrade_to_head


def document_command(kind: DocumentKind, subject: str, out: Path) -> int:
    async def run() -> int:
        settings = Settings()
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            sessions, cipher = create_session_factory(engine), FieldCipher(settings.data_key)
            store = SqlDocumentRepository(sessions, cipher)
            if kind is DocumentKind.GOED_VOORBEELD:  # only what the voorzitter approved
                learning = SqlLearningRepository(sessions, cipher)
                version = await learning.reviewed_good_practice(subject)
            else:
                version = await store.latest(kind, subject)
            if version is None:
                missing = (
                    f"Er is geen goedgekeurde casusbeschrijving van {subject}."
                    if kind is DocumentKind.GOED_VOORBEELD
                    else f"Er is nog geen {kind}document voor {subject}."
                )
                print(missing, file=sys.stderr)
                return 1
            await asyncio.to_thread(out.write_bytes, version.content)
            await store.record_read(version, f"{getpass.getuser()} (cli)", "cli", datetime.now(UTC))
        finally:
            await engine.dispose()
        print(f"{kind} {subject} versie {version.version} geschreven naar {out}")
        return 0

    return asyncio.run(run())
