"""INSERT ... ON CONFLICT DO UPDATE for both SQLite and PostgreSQL."""

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def dialect_insert(dialect: Dialect, model: type):
    """The dialect's own INSERT, which knows ON CONFLICT."""
    return _INSERTS[dialect.name](model)


def upsert(dialect: Dialect, model: type, values: dict[str, Any], conflict_on: list[str]):
    statement = dialect_insert(dialect, model).values(**values)
    changed = {k: statement.excluded[k] for k in values if k not in conflict_on}
    return statement.on_conflict_do_update(index_elements=conflict_on, set_=changed)
