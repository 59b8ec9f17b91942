"""`retbot outbox`: the messages that have not gone out (yet), without their content; and
`retbot outbox retry`: every given-up message is tried again."""

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from dialogs.texts import plural_text
from domain.notices import Chair, ChairPlace, Chat, EmailAddress, Job, RosterMember
from domain.people import find_member
from domain.ret import RetConfig
from storage.database import create_engine, create_session_factory
from storage.migrate import upgrade_to_head
from storage.outbox import FAILED, WAITING, OutboxRepository, Unsent, recipient_of

STATUS = {FAILED: "mislukt", WAITING: "wacht"}


async def _with_outbox(settings: Settings, work):
    engine = create_engine(settings.database_url)
    try:
        await upgrade_to_head(engine)
        return await work(OutboxRepository(create_session_factory(engine)))
    finally:
        await engine.dispose()


def outbox_command(config: Path | None = None) -> int:
    settings = Settings()
    rows: list[Unsent] = asyncio.run(_with_outbox(settings, lambda outbox: outbox.unsent()))
    if not rows:
        print("Geen onverzonden berichten: alles is verstuurd.")
        return 0
    ret = _ret_or_none(config or settings.config_path)
    print(f"{'nr':>6}  {'voor':<34}  {'status':<8}  pogingen  volgende poging (UTC)  reden")
    for row in rows:
        print(
            f"{row.id:>6}  {recipient_label(row, ret):<34}  {_status(row):<8}  "
            f"{row.attempts:>8}  {row.next_attempt_at:%Y-%m-%d %H:%M}       {row.last_error or ''}"
        )
    if any(r.status == WAITING and r.target.scope in ("member", "chair") for r in rows):
        print(
            "'wacht': de ontvanger heeft retbot nog niet in Teams geopend. Het bericht komt "
            "zodra dat gebeurt, of per e-mail na de wachttijd uit het RET-bestand (reach)."
        )
    emails = [r for r in rows if isinstance(recipient_of(r.target), EmailAddress)]
    if emails and not settings.email_configured:
        print(
            "E-mails wachten: er is geen SMTP-server ingesteld (RETBOT_SMTP_HOST en "
            "RETBOT_MAIL_FROM). Ze gaan uit zodra die er is."
        )
    if any(r.status == FAILED for r in rows):
        print("Mislukte berichten zet je weer klaar met: retbot outbox retry")
    return 0


def retry_command() -> int:
    now = datetime.now(UTC)
    count = asyncio.run(_with_outbox(Settings(), lambda outbox: outbox.retry_failed(now)))
    print(
        plural_text("outbox.messages", count) + " weer klaargezet; ze gaan binnen een minuut uit."
    )
    return 0


def recipient_label(row: Unsent, ret: RetConfig | None) -> str:
    """Who a message is for, without any id of a chat or an address."""
    match recipient_of(row.target):
        case Chat(channel_id, _):
            return f"chat ({channel_id})"
        case RosterMember(email):
            member = find_member(ret, None, email) if ret else None
            return member.name if member else "lid van het RET"
        case Chair(place):
            return "voorzitter" + (" (eigen chat)" if place is ChairPlace.PRIVATE else "")
        case EmailAddress():
            return "e-mail"
        case Job(kind):
            return f"taak ({kind})"
    return f"{row.target.channel_id}/{row.target.scope}"


def _status(row: Unsent) -> str:
    if row.status in STATUS:
        return STATUS[row.status]
    if row.claimed_until:
        return "bezig"
    return "opnieuw" if row.attempts else "klaar"


def _ret_or_none(config: Path | None) -> RetConfig | None:
    try:
        return load_ret_config(resolve_config_path(config))
    except RetConfigError:
        return None
