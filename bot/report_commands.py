"""`retbot report` and `retbot monitor-export`: the periodic report and the export for the
landelijke RET-monitor, from the report facts (nothing is decrypted)."""

import asyncio
import csv
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from documents.house_style import TemplateError, house_style_for
from documents.report import write_leeroverzicht, write_report
from domain.monitor import COLUMNS
from domain.report import FIRST_DAY, LAST_DAY, Period
from storage.database import create_engine, create_session_factory
from storage.encryption import FieldCipher
from storage.migrate import upgrade_to_head
from storage.monitor_export import monitor_rows
from storage.report_build import period_report


def _period(start: date, end: date) -> Period | None:
    if end < start:
        print(f"De periode eindigt ({end}) vóór hij begint ({start}).", file=sys.stderr)
        return None
    try:
        return Period(start, end)
    except ValueError:
        print(f"Een periode ligt tussen {FIRST_DAY} en {LAST_DAY}.", file=sys.stderr)
        return None


def report_command(
    start: date, end: date, fmt: str, out: Path, config: Path | None, sections: str = "alles"
) -> int:
    """`sections` "leren": only the one-page leeroverzicht for the stuurgroep (Word)."""
    period = _period(start, end)
    if period is None:
        return 2
    if sections == "leren" and fmt != "docx":
        print("Het leeroverzicht is er als Word: gebruik --format docx.", file=sys.stderr)
        return 2
    settings = Settings()
    try:
        ret = load_ret_config(resolve_config_path(config or settings.config_path))
        style = house_style_for(ret.documents)
    except RetConfigError as error:
        print(f"retbot: ongeldige RET-configuratie: {error}", file=sys.stderr)
        return 2
    except TemplateError as error:
        print(f"retbot: ongeldige huisstijl: {error}", file=sys.stderr)
        return 2

    async def run() -> None:
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            sessions = create_session_factory(engine)
            cipher = FieldCipher(settings.data_key)
            report = await period_report(sessions, cipher, ret.name, period, datetime.now(UTC))
        finally:
            await engine.dispose()
        if sections == "leren":
            write_leeroverzicht(report, out, style)
        else:
            write_report(report, fmt, out, style)

    asyncio.run(run())
    what = "Leeroverzicht" if sections == "leren" else "Rapportage"
    print(f"{what} {period.label} geschreven naar {out}")
    return 0


def monitor_export_command(start: date, end: date, out: Path) -> int:
    period = _period(start, end)
    if period is None:
        return 2
    settings = Settings()
    if not settings.monitor_key:
        print(
            "RETBOT_MONITOR_KEY is niet ingesteld. Kies één geheime sleutel en bewaar die: "
            "met dezelfde sleutel krijgt een casus in elke export hetzelfde pseudoniem.",
            file=sys.stderr,
        )
        return 1

    async def run() -> int:
        engine = create_engine(settings.database_url)
        count = 0
        try:
            await upgrade_to_head(engine)
            with out.open("w", newline="", encoding="utf-8") as file:
                writer = csv.DictWriter(file, fieldnames=COLUMNS)
                writer.writeheader()
                sessions = create_session_factory(engine)
                async for row in monitor_rows(sessions, period, settings.monitor_key):
                    writer.writerow(row)
                    count += 1
        finally:
            await engine.dispose()
        return count

    count = asyncio.run(run())
    print(f"{count} casussen ({period.label}) geëxporteerd naar {out}")
    return 0
