"""`retbot backup --out FILE`: a copy of the SQLite database, made while retbot runs.
PostgreSQL is backed up with its own tools (pg_dump); this says how."""

import sqlite3
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.settings import Settings
from storage.backup import BackupError, backup_sqlite


def backup_command(out: Path) -> int:
    url = make_url(Settings().database_url)
    if url.get_backend_name() != "sqlite":
        plain = url.set(drivername="postgresql").render_as_string(hide_password=True)
        print(
            "retbot: de database is PostgreSQL; maak de back-up met pg_dump, bijvoorbeeld:\n"
            f'  pg_dump --format=custom --file="{out}" "{plain}"\n'
            "(het wachtwoord via PGPASSWORD of ~/.pgpass; terugzetten: zie de livegang-gids)",
            file=sys.stderr,
        )
        return 2
    if not url.database or url.database == ":memory:":
        print("retbot: een database in het geheugen heeft geen back-up", file=sys.stderr)
        return 2
    try:
        size = backup_sqlite(Path(url.database), out)
    except (BackupError, sqlite3.Error) as error:
        print(f"retbot: geen back-up gemaakt: {error}", file=sys.stderr)
        return 1
    print(f"Back-up van {url.database} in {out} ({size / 1_000_000:.1f} MB), gecontroleerd.")
    return 0
