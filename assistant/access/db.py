"""The relational state of the assistant (accounts, sessions, API keys, the audit trail; later collections,
grants, history): SQLAlchemy 2 on SQLite by default, PostgreSQL for several instances; the schema is Alembic's.

    engine = open_database(settings.database)   # creates or migrates the schema to the newest revision
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from assistant.settings import DatabaseSettings

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x76612D6D6967  # "va-mig": the PostgreSQL advisory lock held while the schema is migrated


class Base(DeclarativeBase):
    """The declarative base of every table of the assistant's state."""


def open_database(settings: DatabaseSettings) -> Engine:
    """An engine for ``settings.url`` whose schema is at the newest migration."""
    url = make_url(settings.url)
    if url.drivername == "postgresql":  # psycopg (3) is the driver the assistant ships, not SQLAlchemy's psycopg2
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # instances starting together migrate one after the other (the lock ends with the transaction; DDL is
            # transactional there, so the next one finds the schema at head and does nothing)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _sqlite_pragmas(connection: object, _: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()


def as_utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC datetime: SQLite returns naive ones (they were written in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
