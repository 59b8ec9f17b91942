"""Persistence: SQLAlchemy models and repositories, migrations, dialog-state storage."""
