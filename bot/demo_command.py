"""`retbot demo-data`: invented cases through the whole process, for a first look."""

import asyncio
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from bot.demo_letters import demo_letters
from bot.ret_file import RetConfigError, load_ret_config, resolve_config_path
from bot.settings import Settings
from documents.house_style import house_style_for
from storage.case_walk import CHAIR, CaseWalker
from storage.database import create_engine, create_session_factory
from storage.demo_data import demo_plans
from storage.encryption import FieldCipher
from storage.learning import SqlLearningRepository
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
            cipher = FieldCipher(settings.data_key)
            walker = CaseWalker(sessions, cipher)
            for plan in plans:
                await walker.walk(plan)
            learning = SqlLearningRepository(sessions, cipher)
            await demo_letters(ret, learning, house_style_for(ret.documents), CHAIR)
        finally:
            await engine.dispose()
        print(f"{cases} verzonnen casussen aangemaakt (seed {seed}).")
        return 0

    return asyncio.run(run())
