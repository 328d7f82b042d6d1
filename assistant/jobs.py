"""One job runner for long work (summaries, batch analysis): state in SQLite, progress, cancel, resume.

A job is a handler ``(JobContext, params) -> result`` run by a worker thread. The handler wraps each unit of
work in ``context.step(key, compute)``: a finished step's JSON result is committed to SQLite, so a job that
was interrupted (crash, restart, killed CLI) re-runs only the steps that had not finished. The result is
stored in the same database in one transaction with the status ``fertig``; downloads are rendered from it, so
a cancelled or failed job never leaves a half-written file behind.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from models.errors import AssistantError

logger = logging.getLogger(__name__)

JobKind = Literal["summary", "batch"]
Json = Any
Handler = Callable[["JobContext", dict[str, Json]], Json]
ProgressListener = Callable[["JobRecord"], None]
FINISHED = ("fertig", "abgebrochen", "fehlgeschlagen")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    origin TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL,
    params_json TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL DEFAULT '',
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    result_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    run_started REAL,
    run_start_done INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS steps (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    result_json TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (job_id, key)
);
CREATE INDEX IF NOT EXISTS jobs_by_fingerprint ON jobs(kind, fingerprint, status);
"""


class JobCancelled(Exception):
    """Raised inside a handler at the next step once a cancel was requested."""


@dataclass(frozen=True)
class JobRecord:
    id: str
    kind: JobKind
    origin: str
    status: str
    params: dict[str, Json]
    done: int
    total: int
    message: str
    result: Json
    created_at: str
    updated_at: str
    seconds_left: float | None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class JobStore:
    """The jobs database (one file, shared by the server and the CLIs; SQLite serialises the writers)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._connection.execute("PRAGMA journal_mode = WAL")
            self._connection.execute("PRAGMA foreign_keys = ON")
            self._connection.executescript(_SCHEMA)

    def close(self) -> None:
        self._connection.close()

    def _execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connection.execute(sql, args).fetchall()

    def create(self, kind: JobKind, params: dict[str, Json], *, origin: str, fingerprint: str = "") -> JobRecord:
        job_id = uuid.uuid4().hex[:16]
        now = _now()
        self._execute(
            "INSERT INTO jobs (id, kind, origin, fingerprint, status, params_json, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (job_id, kind, origin, fingerprint, "wartend", json.dumps(params, ensure_ascii=False), now, now),
        )
        return self.require(job_id)

    def get(self, job_id: str) -> JobRecord | None:
        rows = self._execute(
            "SELECT id, kind, origin, status, params_json, done, total, message, result_json, created_at, "
            "updated_at, run_started, run_start_done FROM jobs WHERE id = ?",
            (job_id,),
        )
        return _record(rows[0]) if rows else None

    def require(self, job_id: str) -> JobRecord:
        record = self.get(job_id)
        if record is None:
            raise KeyError(job_id)
        return record

    def unfinished(self, kind: JobKind, *, origin: str, fingerprint: str | None = None) -> list[str]:
        """Jobs that were queued or running when their process stopped, oldest first."""
        sql = "SELECT id FROM jobs WHERE kind = ? AND origin = ? AND status IN ('wartend', 'laeuft')"
        args: tuple[Any, ...] = (kind, origin)
        if fingerprint is not None:
            sql += " AND fingerprint = ?"
            args = (*args, fingerprint)
        return [row[0] for row in self._execute(sql + " ORDER BY created_at", args)]

    def start_run(self, job_id: str) -> None:
        """Mark the job running; the time estimate counts only steps finished in this run."""
        self._execute(
            "UPDATE jobs SET status = 'laeuft', message = '', run_started = ?, run_start_done = done, "
            "updated_at = ? WHERE id = ?",
            (time.time(), _now(), job_id),
        )

    def set_progress(self, job_id: str, done: int, total: int, message: str) -> None:
        self._execute(
            "UPDATE jobs SET done = ?, total = ?, message = ?, updated_at = ? WHERE id = ?",
            (done, total, message, _now(), job_id),
        )

    def finish(self, job_id: str, status: str, *, message: str = "", result: Json = None) -> None:
        result_json = None if result is None else json.dumps(result, ensure_ascii=False)
        self._execute(
            "UPDATE jobs SET status = ?, message = ?, result_json = ?, updated_at = ? WHERE id = ?",
            (status, message, result_json, _now(), job_id),
        )

    def request_cancel(self, job_id: str) -> None:
        self._execute("UPDATE jobs SET cancel_requested = 1 WHERE id = ?", (job_id,))
        self._execute(
            "UPDATE jobs SET status = 'abgebrochen', message = ?, updated_at = ? WHERE id = ? AND status = 'wartend'",
            ("Abgebrochen, bevor der Auftrag begann.", _now(), job_id),
        )

    def cancel_requested(self, job_id: str) -> bool:
        rows = self._execute("SELECT cancel_requested FROM jobs WHERE id = ?", (job_id,))
        return bool(rows and rows[0][0])

    def step_result(self, job_id: str, key: str) -> tuple[bool, Json]:
        rows = self._execute("SELECT result_json FROM steps WHERE job_id = ? AND key = ?", (job_id, key))
        return (True, json.loads(rows[0][0])) if rows else (False, None)

    def save_step(self, job_id: str, key: str, result: Json) -> None:
        self._execute(
            "INSERT OR REPLACE INTO steps (job_id, key, result_json, finished_at) VALUES (?,?,?,?)",
            (job_id, key, json.dumps(result, ensure_ascii=False), _now()),
        )

    def step_count(self, job_id: str) -> int:
        return int(self._execute("SELECT COUNT(*) FROM steps WHERE job_id = ?", (job_id,))[0][0])


def _record(row: tuple[Any, ...]) -> JobRecord:
    (job_id, kind, origin, status, params, done, total, message, result, created, updated, started, start_done) = row
    return JobRecord(
        id=job_id,
        kind=kind,
        origin=origin,
        status=status,
        params=json.loads(params),
        done=done,
        total=total,
        message=message,
        result=json.loads(result) if result else None,
        created_at=created,
        updated_at=updated,
        seconds_left=_seconds_left(status, done, total, started, start_done),
    )


def _seconds_left(status: str, done: int, total: int, started: float | None, start_done: int) -> float | None:
    finished_here = done - start_done
    if status != "laeuft" or started is None or finished_here <= 0 or total <= done:
        return None
    return (time.time() - started) / finished_here * (total - done)


class JobContext:
    """What a handler sees of its job: cached steps, progress and the cancel flag."""

    def __init__(self, store: JobStore, job_id: str, listener: ProgressListener | None = None) -> None:
        self.store = store
        self.job_id = job_id
        self._listener = listener

    def step(self, key: str, compute: Callable[[], Json]) -> Json:
        """Return the stored result of step ``key``, or compute and commit it (checks for cancel first)."""
        found, result = self.store.step_result(self.job_id, key)
        if found:
            return result
        self.check_cancelled()
        result = compute()
        self.store.save_step(self.job_id, key, result)
        return result

    def progress(self, done: int, total: int, message: str = "") -> None:
        self.store.set_progress(self.job_id, done, total, message)
        if self._listener is not None:
            self._listener(self.store.require(self.job_id))

    def check_cancelled(self) -> None:
        if self.store.cancel_requested(self.job_id):
            raise JobCancelled


def run_job(store: JobStore, job_id: str, handler: Handler, listener: ProgressListener | None = None) -> JobRecord:
    """Run one job to its end in this thread; every outcome is recorded, nothing propagates."""
    record = store.require(job_id)
    if record.finished:
        return record
    if store.cancel_requested(job_id):
        store.finish(job_id, "abgebrochen", message="Der Auftrag wurde abgebrochen.")
        return store.require(job_id)
    store.start_run(job_id)
    context = JobContext(store, job_id, listener)
    try:
        result = handler(context, record.params)
    except JobCancelled:
        store.finish(job_id, "abgebrochen", message="Der Auftrag wurde abgebrochen.")
    except AssistantError as exc:
        logger.warning("Job %s failed: %s", job_id, exc.code)
        store.finish(job_id, "fehlgeschlagen", message=exc.message)
    except Exception:
        logger.exception("Job %s failed", job_id)
        store.finish(job_id, "fehlgeschlagen", message="Interner Fehler bei der Verarbeitung. Details im Server-Log.")
    else:
        store.finish(job_id, "fertig", result=result)
    return store.require(job_id)


class JobRunner:
    """Background worker for the server: one thread works the queue (the LLM is one instance per process, so
    more workers would only wait for it); jobs the server left unfinished are resumed at start."""

    ORIGIN = "api"

    def __init__(self, store: JobStore, handlers: dict[JobKind, Handler]) -> None:
        self.store = store
        self._handlers = handlers
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        for kind in self._handlers:
            for job_id in self.store.unfinished(kind, origin=self.ORIGIN):
                logger.info("Resuming interrupted %s job %s", kind, job_id)
                self._queue.put(job_id)
        self._thread = threading.Thread(target=self._work, name="job-runner", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=5)
            self._thread = None

    def submit(self, kind: JobKind, params: dict[str, Json]) -> JobRecord:
        record = self.store.create(kind, params, origin=self.ORIGIN)
        self._queue.put(record.id)
        self.start()
        return record

    def cancel(self, job_id: str) -> JobRecord:
        self.store.request_cancel(job_id)
        return self.store.require(job_id)

    def _work(self) -> None:
        while (job_id := self._queue.get()) is not None:
            record = self.store.get(job_id)
            if record is not None and not record.finished:
                run_job(self.store, job_id, self._handlers[record.kind])
