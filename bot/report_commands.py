"""`retbot report`, `retbot monitor-export` and `retbot network-report`: the periodic report
and the export for the landelijke RET-monitor, from the report facts (nothing is decrypted),
and the expertisenetwerk's report from several RETs' exports."""

import asyncio
import csv
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from documents.house_style import TemplateError, house_style_for
from documents.network import write_network_docx
from documents.report import write_leeroverzicht, write_report
from domain.disclosure import disclosure, generalise
from domain.monitor import COLUMNS
from domain.network import Export, ExportError, check_export, network_report
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
    found = _ret_and_style(config, settings)
    if found is None:
        return 2
    ret, style = found

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


def _ret_and_style(config: Path | None, settings: Settings):
    """The RET file and its house style, or None after saying why on stderr."""
    try:
        ret = load_ret_config(resolve_config_path(config or settings.config_path))
        return ret, house_style_for(ret.documents)
    except RetConfigError as error:
        print(f"retbot: ongeldige RET-configuratie: {error}", file=sys.stderr)
    except TemplateError as error:
        print(f"retbot: ongeldige huisstijl: {error}", file=sys.stderr)
    return None


def monitor_export_command(start: date, end: date, out: Path, config: Path | None = None) -> int:
    """The rows name the RET and its regio; combinations of quasi-identifiers held by fewer
    than K children are generalised before anything is written (domain.disclosure)."""
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

    found = _ret_and_style(config, settings)
    if found is None:
        return 2
    ret = found[0]

    async def run() -> list[dict[str, str]]:
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            sessions = create_session_factory(engine)
            key, which = settings.monitor_key, (ret.name, ret.region)
            return [row async for row in monitor_rows(sessions, period, key, which)]
        finally:
            await engine.dispose()

    rows = asyncio.run(run())
    safe, steps = generalise(rows)
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(safe)
    print(f"{len(rows)} casussen ({period.label}) geëxporteerd naar {out}")
    print(f"Vóór afscherming: {disclosure(rows).line}.")
    for step in steps:
        print(f"Afgeschermd: {step}.")
    print(f"Na afscherming: {disclosure(safe).line}.")
    return 0


def network_report_command(files: list[Path], out: Path, config: Path | None) -> int:
    """A wrong file is one line on stderr and exit code 2, never a traceback."""
    settings = Settings()
    found = _ret_and_style(config, settings)
    if found is None:
        return 2
    try:
        exports = [read_export(path) for path in files]
        report = network_report(exports)
    except ExportError as error:
        print(f"retbot: {error}", file=sys.stderr)
        return 2
    write_network_docx(report, out, found[1])
    rets = ", ".join(f"{e.ret} {len(e.rows)}" for e in exports)
    print(f"Netwerkrapportage {report.period.label} ({rets}) geschreven naar {out}")
    return 0


def read_export(path: Path) -> Export:
    """A monitor export as written (comma, UTF-8) or as Excel saves it again (semicolon,
    with a BOM); ExportError for anything else."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ExportError(f"{path}: bestand niet gevonden") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as error:
        raise ExportError(f"{path}: niet te lezen als csv ({type(error).__name__})") from None
    first = text.partition("\n")[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
        header = list(reader.fieldnames or [])
        raw = list(reader)
    except csv.Error as error:
        raise ExportError(f"{path}: geen geldige csv ({error})") from None
    short = [n for n, r in enumerate(raw, start=2) if None in r.values() or None in r]
    if short and set(COLUMNS) <= set(header):
        raise ExportError(f"{path}, regel {short[0]}: niet het aantal kolommen van de kop")
    rows = [{k: (v or "").strip() for k, v in r.items() if k is not None} for r in raw]
    return check_export(str(path), header, rows)
