"""`retbot outbox`: the messages that have not gone out (yet), without their content."""

import asyncio

from bot.settings import Settings
from storage.database import create_engine, create_session_factory
from storage.migrate import upgrade_to_head
from storage.outbox import EMAIL, FAILED, OutboxRepository, Unsent


def outbox_command() -> int:
    settings = Settings()

    async def unsent() -> list[Unsent]:
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            return await OutboxRepository(create_session_factory(engine)).unsent()
        finally:
            await engine.dispose()

    rows = asyncio.run(unsent())
    if not rows:
        print("Geen onverzonden berichten: alles is verstuurd.")
        return 0
    print(f"{'nr':>6}  {'doel':<22}  {'status':<9}  pogingen  volgende poging (UTC)  fout")
    for row in rows:
        target = "e-mail" if row.channel_id == EMAIL.channel_id else f"{row.channel_id}/{row.scope}"
        print(
            f"{row.id:>6}  {target:<22}  {_status(row):<9}  {row.attempts:>8}  "
            f"{row.next_attempt_at:%Y-%m-%d %H:%M}       {row.last_error or ''}"
        )
    if not settings.email_configured and any(r.channel_id == EMAIL.channel_id for r in rows):
        print(
            "E-mails wachten: er is geen SMTP-server ingesteld (RETBOT_SMTP_HOST en "
            "RETBOT_MAIL_FROM). Ze gaan uit zodra die er is."
        )
    return 0


def _status(row: Unsent) -> str:
    if row.status == FAILED:
        return "mislukt"
    return "bezig" if row.claimed_until else "wacht"
