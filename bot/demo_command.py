"""`retbot demo-data`: invented cases through the whole process, for a first look."""

import asyncio
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from storage.case_walk import CaseWalker
from storage.database import create_engine, create_session_factory
from storage.demo_data import demo_plans
from storage.encryption import FieldCipher
from storage.migrate import upgrade_to_head
from storage.models import CaseRow


def demo_data_command(cases: int, seed: int, until: date | None, config: Path | None) -> int:
    if cases < 1:
        print("Geef met --cases een aantal van minstens 1.", file=sys.stderr)
        return 2
    settings = Settings()
    try:
        ret = load_ret_config(resolve_config_path(config or settings.config_path))
    except RetConfigError as error:
        print(f"retbot: ongeldige RET-configuratie: {error}", file=sys.stderr)
        return 2
    plans = demo_plans(cases, seed, tuple(ret.gemeenten), until or date.today())

    async def run() -> int:
        engine = create_engine(settings.database_url)
        try:
            await upgrade_to_head(engine)
            sessions = create_session_factory(engine)
            async with sessions() as session:
                existing = await session.scalar(select(func.count()).select_from(CaseRow))
            if existing:
                print(
                    f"De database heeft al {existing} casussen. Demogegevens gaan alleen in een "
                    "lege database, zodat ze nooit tussen echte casussen staan.",
                    file=sys.stderr,
                )
                return 1
            walker = CaseWalker(sessions, FieldCipher(settings.data_key))
            for plan in plans:
                await walker.walk(plan)
        finally:
            await engine.dispose()
        print(f"{cases} verzonnen casussen aangemaakt (seed {seed}).")
        return 0

    return asyncio.run(run())
