"""`retbot migrate`: brings the database to this retbot's schema and says from which
revision to which. `retbot serve` migrates at start too (under the same lock); run this on
its own to upgrade before new instances start, or to see where a database stands."""

import asyncio
import sys

from alembic.util.exc import CommandError
from sqlalchemy.engine import make_url

from bot.settings import Settings
from storage.database import create_engine
from storage.migrate import head_revision, upgrade_to_head


async def _migrate(database_url: str) -> tuple[str | None, str | None]:
    engine = create_engine(database_url)
    try:
        return await upgrade_to_head(engine)
    finally:
        await engine.dispose()


def migrate_command() -> int:
    settings = Settings()
    database = make_url(settings.database_url).render_as_string(hide_password=True)
    try:
        before, after = asyncio.run(_migrate(settings.database_url))
    except CommandError:
        print(
            f"retbot: de database {database} is van een nieuwere retbot dan deze (die kent "
            f"migraties tot {head_revision()}); start de nieuwere versie of zet de back-up "
            "van vóór de upgrade terug",
            file=sys.stderr,
        )
        return 1
    except (OSError, TimeoutError) as error:
        print(
            f"retbot: database {database} niet bereikbaar ({type(error).__name__})", file=sys.stderr
        )
        return 1
    if before == after:
        print(f"Database {database}: al bij, migratie {after}.")
    else:
        print(f"Database {database}: bijgewerkt van migratie {before or '(leeg)'} naar {after}.")
    return 0
