"""The `retbot` command: `serve` runs the bot, `chat` talks to a running one, and the
commands that look after a RET's data."""

import argparse
import asyncio
import gc
import logging
import sys
from pathlib import Path

from aiohttp import web
from sqlalchemy.engine import make_url

from bot import __version__
from bot.logs import configure_logging
from bot.period_args import FORMATS, add_period, iso_date
from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings

log = logging.getLogger("retbot")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="retbot", description=__doc__)
    parser.add_argument("--version", action="version", version=f"retbot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="start retbot (migrates the database first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3978)
    serve.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")

    commands.add_parser("migrate", help="bring the database to this retbot's schema")
    backup = commands.add_parser("backup", help="a checked copy of the SQLite database")
    backup.add_argument("--out", type=Path, required=True, help="the copy (a new file)")
    health = commands.add_parser("health", help="ask a running retbot whether it is healthy")
    health.add_argument("--url", default="http://127.0.0.1:3978/healthz")

    chat = commands.add_parser("chat", help="talk to a running retbot from this terminal")
    chat.add_argument("--url", default="http://127.0.0.1:3978/api/messages")
    chat.add_argument("--user-name", default="Casus-inbrenger")
    chat.add_argument("--user-id", default=None, help="stable id to keep your conversation")
    chat.add_argument("--locale", default="nl-NL")
    chat.add_argument(
        "--as",
        dest="as_member",
        metavar="NAAM",
        help="chat as this member of the RET file (name or e-mail), e.g. the voorzitter",
    )
    chat.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")

    audit = commands.add_parser("audit", help="who read or changed a case, when and how")
    audit.add_argument("--case", required=True, help="case number, e.g. RET-2026-0003")
    export = commands.add_parser("export-case", help="everything about one case, as a zip")
    export.add_argument("case")
    export.add_argument("--out", type=Path, required=True)
    purge = commands.add_parser("purge-case", help="remove a case completely (asks first)")
    purge.add_argument("case")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    document = commands.add_parser("document", help="write a document retbot makes (.docx)")
    documents = document.add_subparsers(dest="document", required=True)
    advies = documents.add_parser("advies", help="the newest version of a case's advies")
    advies.add_argument("subject", help="the case number, e.g. RET-2026-0001")
    advies.add_argument("--out", type=Path, required=True)
    practice = documents.add_parser(
        "goed-voorbeeld", help="a case's casusbeschrijving, as the voorzitter approved it"
    )
    practice.add_argument("subject", help="the case number, e.g. RET-2026-0001")
    practice.add_argument("--out", type=Path, required=True)
    from bot.notulen_command import add_notulen_parser

    add_notulen_parser(documents)
    commands.add_parser("rotate-key", help="re-encrypt case data with RETBOT_DATA_KEY's first key")
    outbox = commands.add_parser("outbox", help="messages not sent (yet): waiting, failed")
    outbox.add_argument("action", nargs="?", choices=["retry"], help="retry: try failed ones again")
    outbox.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")
    reach = commands.add_parser("reach", help="how retbot reaches each member of the RET")
    reach.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")
    package = commands.add_parser("manifest", help="build the Teams app package (zip)")
    package.add_argument("--app-id", required=True, help="the bot's MicrosoftAppId (a GUID)")
    package.add_argument("--out", type=Path, default=Path("retbot-teams.zip"))
    package.add_argument("--website", default="https://www.example.org/retbot")
    package.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")

    report = commands.add_parser("report", help="the periodic report (docx, xlsx or csv)")
    add_period(report)
    report.add_argument("--format", choices=FORMATS, default="docx")
    report.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")
    report.add_argument(
        "--sections",
        choices=["alles", "leren"],
        default="alles",
        help="leren: only the leeroverzicht for the stuurgroep (evaluaties, leerpunten; docx)",
    )
    monitor = commands.add_parser("monitor-export", help="pseudonymised csv for the RET-monitor")
    add_period(monitor)
    monitor.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")
    network = commands.add_parser(
        "network-report", help="the expertisenetwerk's report from several RETs' monitor exports"
    )
    network.add_argument("exports", type=Path, nargs="+", help="monitor-export csv files")
    network.add_argument("--out", type=Path, required=True, help="the Word file to write")
    network.add_argument("--config", type=Path, help="the RET's YAML file (for the house style)")

    demo = commands.add_parser("demo-data", help="fill an empty database with invented cases")
    demo.add_argument("--cases", type=int, default=300)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--until", type=iso_date, help="last day (JJJJ-MM-DD; default today)")
    demo.add_argument("--config", type=Path, help="the RET's YAML file (or RETBOT_CONFIG)")

    args = parser.parse_args(argv)
    if args.command == "demo-data":
        from bot.demo_command import demo_data_command

        return demo_data_command(args.cases, args.seed, args.until, args.config)
    if args.command in ("report", "monitor-export", "network-report"):
        from bot import report_commands

    if args.command == "report":
        return report_commands.report_command(
            args.start, args.end, args.format, args.out, args.config, args.sections
        )
    if args.command == "monitor-export":
        return report_commands.monitor_export_command(args.start, args.end, args.out, args.config)
    if args.command == "network-report":
        return report_commands.network_report_command(args.exports, args.out, args.config)
    if args.command == "serve":
        return serve_command(args.host, args.port, args.config)
    if args.command == "migrate":
        from bot.migrate_command import migrate_command

        return migrate_command()
    if args.command == "backup":
        from bot.backup_command import backup_command

        return backup_command(args.out)
    if args.command == "health":
        from bot.health_command import health_command

        return health_command(args.url)
    if args.command == "manifest":
        return manifest_command(args.app_id, args.out, args.website, args.config)
    if args.command == "document" and args.document == "notulen":
        from bot.notulen_command import notulen_command

        return notulen_command(args.meeting, args.out, args.config)
    if args.command == "document":
        from bot.document_command import document_command
        from domain.documents import DocumentKind

        kind = DocumentKind(args.document)  # advies, goed-voorbeeld
        return document_command(kind, args.subject, args.out)
    if args.command == "outbox":
        from bot import outbox_command

        if args.action == "retry":
            return outbox_command.retry_command()
        return outbox_command.outbox_command(args.config)
    if args.command == "reach":
        from bot.reach_command import reach_command

        return reach_command(args.config)
    if args.command in ("audit", "export-case", "purge-case", "rotate-key"):
        from bot import case_commands

        if args.command == "rotate-key":
            return case_commands.rotate_key_command()
        if args.command == "audit":
            return case_commands.audit_command(args.case)
        if args.command == "export-case":
            return case_commands.export_command(args.case, args.out)
        return case_commands.purge_command(args.case, args.yes)
    return chat_command(args)


def chat_command(args: argparse.Namespace) -> int:
    from bot.chat.terminal import run_terminal_chat

    member = None
    if args.as_member:
        try:
            ret = load_ret_config(resolve_config_path(args.config or Settings().config_path))
        except RetConfigError as error:
            print(f"retbot: invalid RET configuration: {error}", file=sys.stderr)
            return 2
        wanted = args.as_member.strip().casefold()
        found = [m for m in ret.members if wanted in (m.name.casefold(), m.email.casefold())]
        if len(found) != 1:
            names = ", ".join(f"{m.name} ({m.role.value})" for m in ret.members)
            print(
                f"retbot chat: '{args.as_member}' staat niet in het RET-bestand. "
                f"Kies een van: {names}",
                file=sys.stderr,
            )
            return 2
        member = found[0]
    return asyncio.run(
        run_terminal_chat(
            args.url,
            user_name=member.name if member else args.user_name,
            user_id=args.user_id,
            locale=args.locale,
            member=member,
        )
    )


def manifest_command(app_id: str, out: Path, website: str, config: Path | None) -> int:
    from manifest.build import build_package

    try:
        ret = load_ret_config(resolve_config_path(config or Settings().config_path))
    except RetConfigError as error:
        print(f"retbot: invalid RET configuration: {error}", file=sys.stderr)
        return 2
    build_package(app_id, ret, __version__, website, out)
    print(f"Teams-app gemaakt: {out} (upload in Teams via Apps > Een app beheren > Uploaden)")
    return 0


def serve_command(host: str, port: int, config: Path | None) -> int:
    settings = Settings()
    configure_logging(settings.log_format)
    config_path = resolve_config_path(config or settings.config_path)
    try:
        ret = load_ret_config(config_path)
    except RetConfigError as error:
        print(f"retbot: invalid RET configuration: {error}", file=sys.stderr)
        return 2
    from bot.app import create_app
    from documents.house_style import TemplateError, house_style_for

    try:
        house_style_for(ret.documents)
    except TemplateError as error:
        print(f"retbot: invalid document template: {error}", file=sys.stderr)
        return 2

    database = make_url(settings.database_url).render_as_string(hide_password=True)
    log.info("retbot %s for %s, configuration %s", __version__, ret.name, config_path)
    log.info("database %s; listening on http://%s:%s/api/messages", database, host, port)
    if settings.local_mode:
        log.warning(
            "local mode: no bot identity (CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID) "
            "set, requests are not authenticated "
            "(like the Bot Framework Emulator); use only on a trusted machine"
        )
    else:
        connection = settings.connection
        log.info(
            "Bot Connector authentication on for app id %s (%s)",
            connection.client_id,
            connection.auth_type.value,
        )
    app = create_app(settings, ret)
    # What start-up made (modules, the SDK's models, the RET) lives as long as the process.
    # Frozen, it is no longer walked by every full garbage collection, each of which paused
    # all turns in flight for about 80 ms (the p95 of bench/turns.py).
    gc.collect()
    gc.freeze()
    # No access log: per-request log lines cost more than a turn's own logging is worth.
    web.run_app(app, host=host, port=port, print=None, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
