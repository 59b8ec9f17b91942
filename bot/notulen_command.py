"""`retbot document notulen --meeting 2026-03-03 --out notulen.docx`: the notulen of a
meeting day as a file. The newest stored version (approved or not) when retbot made them
already; else a draft made now from what is recorded (not stored). Reading the cases for it
is audited."""

import argparse
import asyncio
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from documents.house_style import HouseStyle, TemplateError, house_style_for
from documents.notulen import long_date, notulen_docx
from domain.notulen import NoMeeting, draft_minutes
from domain.ret import RetConfig
from storage.database import create_engine, create_session_factory
from storage.encryption import FieldCipher
from storage.migrate import upgrade_to_head
from storage.notulen import SqlNotulenRepository


def add_notulen_parser(documents: argparse._SubParsersAction) -> None:
    notulen = documents.add_parser("notulen", help="the notulen of a RET meeting day")
    notulen.add_argument("--meeting", type=date.fromisoformat, required=True, help="2026-03-03")
    notulen.add_argument("--out", type=Path, required=True)
    notulen.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")


def notulen_command(meeting: date, out: Path, config: Path | None) -> int:
    settings = Settings()
    try:
        ret = load_ret_config(resolve_config_path(config or settings.config_path))
        style = house_style_for(ret.documents)
    except (RetConfigError, TemplateError) as error:
        print(f"retbot: invalid RET configuration: {error}", file=sys.stderr)
        return 2

    code, content, message = asyncio.run(_notulen(settings, ret, style, meeting))
    if content is None:
        print(message, file=sys.stderr)
        return code
    out.write_bytes(content)
    print(f"{message}: {out}")
    return code


async def _notulen(
    settings: Settings, ret: RetConfig, style: HouseStyle, meeting: date
) -> tuple[int, bytes | None, str]:
    """The exit code, the .docx (None: there is none) and what to say about it."""
    day = long_date(meeting)
    engine = create_engine(settings.database_url)
    try:
        await upgrade_to_head(engine)
        sessions = create_session_factory(engine)
        notulen = SqlNotulenRepository(sessions, FieldCipher(settings.data_key))
        state = await notulen.state(meeting)
        stored = await notulen.version(meeting)
        if stored is not None:
            approved = state is not None and state.approved_version == stored.version
            how = "goedgekeurd" if approved else "concept"
            return 0, stored.content, f"Notulen van {day}, versie {stored.version} ({how})"
        transcript = state.transcript if state else None
        now = datetime.now(UTC)
        try:
            minutes = await draft_minutes(notulen, ret, meeting, transcript, "cli", "cli", now)
        except NoMeeting:
            return 1, None, f"Op {day} was er geen RET-overleg met casussen."
        return 0, notulen_docx(minutes, style), f"Conceptnotulen van {day} (nog niet bewaard)"
    finally:
        await engine.dispose()
