"""The audit trail's hash chain on a real state database, on SQLite and PostgreSQL: any change, deletion (also of
the newest entry) or reordering is found by ``verify``; threads and instances appending together keep one chain."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import Engine, text

from assistant.access.audit import AuditTrail, audit_csv, audit_jsonl
from assistant.access.db import open_database
from assistant.settings import DatabaseSettings


@pytest.fixture
def engine(state_url: str) -> Engine:
    return open_database(DatabaseSettings(url=state_url))


@pytest.fixture
def trail(engine: Engine) -> AuditTrail:
    audit = AuditTrail(engine)
    for number in range(5):
        audit.record(f"nutzer{number}", "dokument_angesehen", f"doc-{number}")
    return audit


def test_an_untouched_chain_verifies(trail: AuditTrail) -> None:
    check = trail.verify()

    assert check.ok and check.events == 5
    assert trail.head()[0] == 5


@pytest.mark.parametrize(
    ("tampering", "problem"),
    [
        (["UPDATE audit_events SET actor = 'jemand' WHERE seq = 3"], "Eintrag 3 wurde verändert"),
        (["DELETE FROM audit_events WHERE seq = 2"], "Eintrag 2 fehlt"),
        (["DELETE FROM audit_events WHERE seq = 5"], "fehlen Einträge"),
        (
            [
                "UPDATE audit_events SET seq = 100 WHERE seq = 2",
                "UPDATE audit_events SET seq = 2 WHERE seq = 3",
                "UPDATE audit_events SET seq = 3 WHERE seq = 100",
            ],
            "schließt nicht an",
        ),
    ],
    ids=["changed", "deleted", "newest-deleted", "reordered"],
)
def test_tampering_is_found(trail: AuditTrail, engine: Engine, tampering: list[str], problem: str) -> None:
    with engine.begin() as connection:
        for statement in tampering:
            connection.execute(text(statement))

    check = trail.verify()

    assert not check.ok
    assert problem in check.problem


def test_concurrent_writers_keep_one_unbroken_chain(trail: AuditTrail) -> None:
    def write(worker: int) -> None:
        for number in range(10):
            trail.record(f"nutzer{worker}", "suche", str(number))

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    check = trail.verify()
    assert check.ok and check.events == 45


def test_long_actors_and_targets_are_cut_to_what_the_database_holds(trail: AuditTrail) -> None:
    event = trail.record("x" * 300, "anmeldung", "y" * 300, "abgelehnt")

    assert (len(event.actor), len(event.target)) == (120, 200)
    assert trail.verify().ok


def test_exports_hold_every_event(trail: AuditTrail) -> None:
    events = trail.events()

    assert audit_jsonl(events).decode().count("\n") == 5
    rows = audit_csv(events).decode("utf-8-sig").splitlines()
    assert rows[0].startswith("seq;at;actor;action") and len(rows) == 6


APPEND = """
import os
from assistant.access.audit import AuditTrail
from assistant.access.db import open_database
from assistant.settings import DatabaseSettings

trail = AuditTrail(open_database(DatabaseSettings(url=os.environ["STATE_URL"])))
for number in range(int(os.environ["EVENTS"])):
    trail.record("instanz" + os.environ["WORKER"], "suche", str(number))
"""


def test_instances_appending_together_keep_one_unbroken_chain(state_url: str) -> None:
    """Several server processes on one database append at once. On PostgreSQL they also start together on a fresh
    database and migrate it one after the other; SQLite, the setting for one instance, is migrated beforehand."""
    if state_url.startswith("sqlite"):
        open_database(DatabaseSettings(url=state_url))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", APPEND],
            env={**os.environ, "STATE_URL": state_url, "EVENTS": "15", "WORKER": str(worker)},
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(3)
    ]
    errors = [worker.communicate(timeout=120)[1] for worker in workers]

    assert [worker.returncode for worker in workers] == [0, 0, 0], errors
    check = AuditTrail(open_database(DatabaseSettings(url=state_url))).verify()
    assert check.ok and check.events == 45, check.problem


def test_entries_written_before_via_and_request_id_existed_still_verify() -> None:
    from assistant.access.audit import GENESIS, event_hash

    old = event_hash(GENESIS, 1, "2026-11-01T08:00:00+00:00", "m.muster", "anmeldung", "", "ok")

    assert event_hash(GENESIS, 1, "2026-11-01T08:00:00+00:00", "m.muster", "anmeldung", "", "ok", "", "") == old
    assert event_hash(GENESIS, 1, "2026-11-01T08:00:00+00:00", "m.muster", "anmeldung", "", "ok", "oidc", "") != old
