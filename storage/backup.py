"""A copy of the SQLite database while retbot runs, with SQLite's online backup API: the copy
is one consistent moment, also when retbot writes meanwhile (PostgreSQL: pg_dump)."""

import sqlite3
from pathlib import Path


class BackupError(Exception):
    """The copy could not be made or does not check out; the message says why (in Dutch,
    for the person who runs `retbot backup`)."""


def backup_sqlite(database: Path, out: Path) -> int:
    """Copies `database` to `out` (which must not exist yet) and checks the copy; returns its
    size in bytes. The copy is written beside `out` first and renamed when it checks out."""
    if not database.is_file():
        raise BackupError(f"{database}: geen databasebestand")
    if out.exists():
        raise BackupError(f"{out} bestaat al (kies een nieuwe bestandsnaam)")
    partial = out.with_name(out.name + ".partial")
    source = sqlite3.connect(database)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            [verdict] = target.execute("PRAGMA integrity_check").fetchone()
            # One file without its write-ahead log: what a restore copies back.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
    finally:
        source.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"{out}: de kopie klopt niet ({verdict})")
    partial.rename(out)
    return out.stat().st_size
