"""Helpers the tests share (importable as ``testkit``: ``tests`` is on pytest's ``pythonpath``)."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from assistant.access.accounts import OPERATOR
from assistant.access.collections import Grant
from assistant.services import Services
from assistant.settings import DatabaseSettings, JobSettings, ServerSettings, Settings
from ingest.passage_store import PassageStore, StoredDocument
from ingest.settings import IngestSettings
from ingest.types import DEFAULT_COLLECTION, LoadedDocument, Page, Passage, Scope, SearchHit, join_pages
from models.settings import LlmSettings

PROJECT = Path(__file__).parents[2]
FIXTURES = PROJECT / "tests" / "fixtures"
SAMPLES = PROJECT / "data" / "samples"
PUBLIC = Scope.of(DEFAULT_COLLECTION)  # where test documents are ingested, readable by every user


def assistant_settings(index_dir: Path, runtime: Path) -> Settings:
    """Settings of a test assistant: its own index and runtime folders, the packaged models, no warm-up."""
    return Settings(
        ingest=IngestSettings(index_dir=index_dir),
        llm=LlmSettings(models_dir=PROJECT / "data" / "models"),
        server=ServerSettings(uploads_dir=runtime / "uploads", warm_up=False, allowed_hosts=["testserver"]),
        jobs=JobSettings(folder=runtime / "jobs"),
        database=DatabaseSettings(url=f"sqlite:///{runtime / 'state.sqlite'}"),
    )


@contextmanager
def postgres_database() -> Iterator[str]:
    """The URL of a new, empty database on the test PostgreSQL server (ASSISTANT_TEST_POSTGRES_URL; ``make test``
    sets it from scripts/postgres.sh), dropped afterwards; the test is skipped without the server."""
    import pytest
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.pool import NullPool

    server = os.environ.get("ASSISTANT_TEST_POSTGRES_URL", "")
    if not server:
        pytest.skip("ASSISTANT_TEST_POSTGRES_URL ist nicht gesetzt (make test startet PostgreSQL: scripts/postgres.sh)")
    name = f"t_{secrets.token_hex(8)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:  # FORCE: the test's engines may still hold connections
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


TEST_USER = "pruefung"
TEST_PASSWORD = "ein-langes-Testpasswort"


def api_key_for(services: Services, name: str = TEST_USER, department: str = "Hauptamt", role: str = "user") -> str:
    """A new API key of ``name`` (created with ``TEST_PASSWORD`` if the account does not exist yet)."""
    accounts = services.accounts
    if not any(user.name == name for user in accounts.users()):
        accounts.add_user(name, department=department, role=role, password=TEST_PASSWORD)
        if role == "user":  # reads the samples (as everyone) and may upload into their collection
            services.collections.add_grant(OPERATOR, DEFAULT_COLLECTION, Grant("write", user=name))
    return accounts.create_api_key(name)


def auth_headers(services: Services) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key_for(services)}"}


def signed_in(client: Any, services: Services) -> Any:
    """``client`` (a TestClient or httpx client) sending the test user's API key with every request."""
    client.headers.update(auth_headers(services))
    return client


def hit(
    text: str, *, doc_id: str = "d1", char_start: int = 0, passage_id: int = 1, title: str = "Satzung"
) -> SearchHit:
    """A search hit over ``text`` as if it stood at ``char_start`` of document ``doc_id``."""
    return SearchHit(
        passage_id=passage_id,
        doc_id=doc_id,
        title=title,
        source=f"{doc_id}.md",
        page_start=1,
        page_end=1,
        heading="",
        section="",
        char_start=char_start,
        char_end=char_start + len(text),
        text=text,
        score=1.0,
    )


def sse_events(body: str) -> list[tuple[str, dict[str, Any]]]:
    """The (event name, JSON data) pairs of a Server-Sent Events body."""
    events = []
    for block in body.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def store_document(store: PassageStore, doc_id: str, title: str, pages: list[str]) -> None:
    """Write a document as the ingest pipeline would: its pages, one passage per page, zero embeddings."""
    loaded = LoadedDocument(
        path=Path(f"/akten/{doc_id}.pdf"),
        format="pdf",
        title=title,
        pages=[Page(number, text) for number, text in enumerate(pages, start=1)],
    )
    full_text, starts = join_pages(loaded.pages)
    passages = [
        Passage(doc_id, ordinal, text, text, ordinal + 1, ordinal + 1, "", "", start, start + len(text))
        for ordinal, (text, start) in enumerate(zip(pages, starts, strict=True))
    ]
    stored = StoredDocument(
        doc_id=doc_id,
        path=str(loaded.path),
        source=f"akten/{doc_id}.pdf",
        title=title,
        format="pdf",
        content_hash=f"hash-{doc_id}",
        size_bytes=len(full_text.encode()),
        page_count=len(pages),
        ocr_pages=0,
        metadata={},
        ingested_at="2025-04-07T09:00:00+00:00",
    )
    store.replace_document(stored, loaded, passages, np.zeros((len(passages), 8), dtype=np.float32))
