"""Alembic environment: migrations run on the connection ``open_database`` passes in (no alembic.ini)."""

from alembic import context

from assistant.access import tables  # noqa: F401  (registers the tables on Base.metadata)
from assistant.access.db import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
