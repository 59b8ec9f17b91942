"""The moment a flow acts at: timezone-aware UTC, as the domain and the database expect."""

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)
