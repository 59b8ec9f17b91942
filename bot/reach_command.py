"""`retbot reach`: for every member of the RET, how retbot can reach them now (their chat
in Teams, e-mail, or not at all), and what waits for them. Exits 1 when someone cannot be
reached at all, so a go-live checklist can run it."""

import asyncio
from collections import Counter
from pathlib import Path

from bot.reach import MemberReach, Reach
from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from domain.ret import RetConfig
from storage.database import create_engine, create_session_factory
from storage.member_emails import MemberEmails
from storage.migrate import upgrade_to_head
from storage.outbox import WAITING, OutboxRepository
from storage.references import ReferenceRepository


async def _look(settings: Settings, ret: RetConfig) -> tuple[list[MemberReach], bool, Counter]:
    engine = create_engine(settings.database_url)
    try:
        await upgrade_to_head(engine)
        sessions = create_session_factory(engine)
        reach = Reach(ret, ReferenceRepository(sessions), MemberEmails(sessions))
        waiting = Counter(
            row.target.scope_id
            for row in await OutboxRepository(sessions).unsent()
            if row.status == WAITING and row.target.scope == "member"
        )
        return await reach.roster(), await reach.team_channel() is not None, waiting
    finally:
        await engine.dispose()


def reach_command(config: Path | None) -> int:
    settings = Settings()
    try:
        ret = load_ret_config(resolve_config_path(config or settings.config_path))
    except RetConfigError as error:
        print(f"retbot: invalid RET configuration: {error}")
        return 2
    members, channel, waiting = asyncio.run(_look(settings, ret))
    print(f"Zo bereikt retbot de leden van {ret.name}:\n")
    print(f"{'naam':<28}  {'rol':<18}  {'bereikbaar via':<34}  wacht")
    unreachable = 0
    for found in members:
        member = found.member
        if found.in_teams:
            how = "Teams (eigen chat)"
        elif settings.email_configured:
            how = f"e-mail na {ret.reach.email_after_minutes} min (nog niet in Teams)"
        else:
            how = "niet: heeft retbot nog niet geopend"
            unreachable += 1
        count = waiting[member.email.lower()]
        print(f"{member.name:<28}  {member.role.value:<18}  {how:<34}  {count}")
    print()
    if channel:
        print("Teamkanaal van het RET: retbot is er toegevoegd.")
    else:
        print(
            "Teamkanaal van het RET: nog niet. Voeg retbot toe aan het team van het RET; tot "
            "dan komen kaarten voor de voorzitter in diens eigen chat."
        )
    if unreachable:
        print(
            f"\n{unreachable} van de {len(members)} leden kan retbot nu niet bereiken. "
            "Laat de app voor hen installeren (Teams-beheercentrum: beleid voor app-instellingen) "
            "of stel SMTP in (RETBOT_SMTP_HOST, RETBOT_MAIL_FROM)."
        )
        return 1
    return 0
