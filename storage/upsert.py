"""INSERT ... ON CONFLICT DO UPDATE for both SQLite and PostgreSQL."""

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def upsert(dialect: Dialect, model: type, values: dict[str, Any], conflict_on: list[str]):
    insert = _INSERTS[dialect.name]
    statement = insert(model).values(**values)
    changed = {k: statement.excluded[k] for k in values if k not in conflict_on}
    return statement.on_conflict_do_update(index_elements=conflict_on, set_=changed)
