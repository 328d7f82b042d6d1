"""One job runner for long work (summaries, batch analysis): state in SQLite, progress, cancel, resume, retention.

A job type is a params model and a handler ``(JobContext, params) -> result model``, run by a worker thread. The
handler wraps each unit of work in ``context.step(key, Model, compute)``: a finished step's result is committed
to SQLite as JSON and validated against its model when it is read back, so a job that was interrupted (crash,
restart, killed CLI) re-runs only the steps that had not finished. The result is stored in the same database in
one transaction with the status ``fertig``; downloads are rendered from it, so a cancelled or failed job never
leaves a half-written file behind. Each job owns one folder (uploads, private case index), removed with the job.
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from models.errors import AssistantError

logger = logging.getLogger(__name__)

JobKind = Literal["summary", "batch"]
Json = Any  # what json.loads returns; validated into a model at every boundary
Params = TypeVar("Params", bound=BaseModel)
Step = TypeVar("Step", bound=BaseModel)
ProgressListener = Callable[["JobRecord"], None]
RETENTION_CHECK_SECONDS = 3600.0
# The owner of jobs started on the operator's command line (no user name can look like this); a job with no
# owner (from before owners were recorded) reads nothing.
OPERATOR = "(betrieb)"


class JobStatus(StrEnum):
    """The German status names the API, the web page and the database share."""

    WAITING = "wartend"
    RUNNING = "laeuft"
    DONE = "fertig"
    CANCELLED = "abgebrochen"
    FAILED = "fehlgeschlagen"


FINISHED = frozenset({JobStatus.DONE, JobStatus.CANCELLED, JobStatus.FAILED})

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
    run_start_done INTEGER NOT NULL DEFAULT 0,
    owner TEXT NOT NULL DEFAULT ''
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


@dataclass(frozen=True)
class JobPaths:
    """Where jobs live: one database, and one folder per job for its uploads and private case index."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "jobs.sqlite"

    def job_folder(self, job_id: str) -> Path:
        return self.folder / job_id

    def uploads(self, job_id: str) -> Path:
        return self.job_folder(job_id) / "uploads"

    def case_index(self, job_id: str) -> Path:
        return self.job_folder(job_id) / "index"


class JobCancelled(Exception):
    """Raised inside a handler at the next step once a cancel was requested."""


@dataclass(frozen=True)
class JobRecord:
    id: str
    kind: JobKind
    origin: str
    owner: str  # the user whose grants the job reads with, re-checked when it runs
    status: JobStatus
    params: Json
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


@dataclass(frozen=True)
class JobType(Generic[Params]):
    """A kind of job: its parameters (validated when the job starts) and the handler that produces its result."""

    params: type[Params]
    run: Callable[[JobContext, Params], BaseModel]


def new_job_id() -> str:
    return uuid.uuid4().hex[:16]


def fingerprint_of(kind: JobKind, params: BaseModel) -> str:
    """Identifies "the same command" so a CLI rerun resumes its unfinished job."""
    return hashlib.sha256(json.dumps([kind, params.model_dump(mode="json")], sort_keys=True).encode()).hexdigest()


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
            columns = {row[1] for row in self._connection.execute("PRAGMA table_info(jobs)").fetchall()}
            if "owner" not in columns:  # a jobs database from before owners
                self._connection.execute("ALTER TABLE jobs ADD COLUMN owner TEXT NOT NULL DEFAULT ''")

    def close(self) -> None:
        self._connection.close()

    def _execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connection.execute(sql, args).fetchall()

    def create(
        self,
        kind: JobKind,
        params: BaseModel,
        *,
        origin: str,
        owner: str,
        fingerprint: str = "",
        job_id: str | None = None,
    ) -> JobRecord:
        job_id = job_id or new_job_id()
        now = _now()
        params_json = params.model_dump_json(by_alias=True)
        self._execute(
            "INSERT INTO jobs (id, kind, origin, owner, fingerprint, status, params_json, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (job_id, kind, origin, owner, fingerprint, JobStatus.WAITING, params_json, now, now),
        )
        return self.require(job_id)

    def get(self, job_id: str) -> JobRecord | None:
        rows = self._execute(
            "SELECT id, kind, origin, owner, status, params_json, done, total, message, result_json, created_at, "
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
        sql = "SELECT id FROM jobs WHERE kind = ? AND origin = ? AND status IN (?, ?)"
        args: tuple[Any, ...] = (kind, origin, JobStatus.WAITING, JobStatus.RUNNING)
        if fingerprint is not None:
            sql += " AND fingerprint = ?"
            args = (*args, fingerprint)
        return [row[0] for row in self._execute(sql + " ORDER BY created_at", args)]

    def finished_before(self, moment: datetime) -> list[str]:
        """Finished jobs last touched before ``moment`` (for retention)."""
        marks = ",".join("?" * len(FINISHED))
        rows = self._execute(
            f"SELECT id FROM jobs WHERE status IN ({marks}) AND updated_at < ?",
            (*FINISHED, moment.isoformat(timespec="seconds")),
        )
        return [row[0] for row in rows]

    def start_run(self, job_id: str) -> None:
        """Mark the job running; the time estimate counts only steps finished in this run."""
        self._execute(
            "UPDATE jobs SET status = ?, message = '', run_started = ?, run_start_done = done, "
            "updated_at = ? WHERE id = ?",
            (JobStatus.RUNNING, time.time(), _now(), job_id),
        )

    def set_progress(self, job_id: str, done: int, total: int, message: str) -> None:
        self._execute(
            "UPDATE jobs SET done = ?, total = ?, message = ?, updated_at = ? WHERE id = ?",
            (done, total, message, _now(), job_id),
        )

    def finish(self, job_id: str, status: JobStatus, *, message: str = "", result: BaseModel | None = None) -> None:
        result_json = None if result is None else result.model_dump_json(by_alias=True)
        self._execute(
            "UPDATE jobs SET status = ?, message = ?, result_json = ?, updated_at = ? WHERE id = ?",
            (status, message, result_json, _now(), job_id),
        )

    def request_cancel(self, job_id: str) -> None:
        self._execute("UPDATE jobs SET cancel_requested = 1 WHERE id = ?", (job_id,))
        self._execute(
            "UPDATE jobs SET status = ?, message = ?, updated_at = ? WHERE id = ? AND status = ?",
            (JobStatus.CANCELLED, "Abgebrochen, bevor der Auftrag begann.", _now(), job_id, JobStatus.WAITING),
        )

    def cancel_requested(self, job_id: str) -> bool:
        rows = self._execute("SELECT cancel_requested FROM jobs WHERE id = ?", (job_id,))
        return bool(rows and rows[0][0])

    def delete(self, job_id: str) -> None:
        """Remove the job and its steps (the caller removes its folder)."""
        self._execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    def step_result(self, job_id: str, key: str) -> tuple[bool, Json]:
        rows = self._execute("SELECT result_json FROM steps WHERE job_id = ? AND key = ?", (job_id, key))
        return (True, json.loads(rows[0][0])) if rows else (False, None)

    def save_step(self, job_id: str, key: str, result: BaseModel) -> None:
        self._execute(
            "INSERT OR REPLACE INTO steps (job_id, key, result_json, finished_at) VALUES (?,?,?,?)",
            (job_id, key, result.model_dump_json(by_alias=True), _now()),
        )

    def step_count(self, job_id: str) -> int:
        return int(self._execute("SELECT COUNT(*) FROM steps WHERE job_id = ?", (job_id,))[0][0])


def _record(row: tuple[Any, ...]) -> JobRecord:
    (job_id, kind, origin, owner, status, params, done, total, message, result, created, updated, *run) = row
    started, start_done = run
    return JobRecord(
        id=job_id,
        kind=kind,
        origin=origin,
        owner=owner,
        status=JobStatus(status),
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
    if status != JobStatus.RUNNING or started is None or finished_here <= 0 or total <= done:
        return None
    return (time.time() - started) / finished_here * (total - done)


class JobContext:
    """What a handler sees of its job: cached steps, progress and the cancel flag."""

    def __init__(self, store: JobStore, record: JobRecord, listener: ProgressListener | None = None) -> None:
        self.store = store
        self.job_id = record.id
        self.owner = record.owner
        self._listener = listener

    def step(self, key: str, model: type[Step], compute: Callable[[], Step]) -> Step:
        """The stored result of step ``key``, or compute and commit it (checks for cancel first). A stored
        result that no longer fits ``model`` (written by an older version) is computed again."""
        found, stored = self.store.step_result(self.job_id, key)
        if found:
            try:
                return model.model_validate(stored)
            except ValidationError:
                logger.warning("Job %s: stored step %s is outdated and is computed again", self.job_id, key)
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


def run_job(
    store: JobStore, job_id: str, job_type: JobType[Any], listener: ProgressListener | None = None
) -> JobRecord:
    """Run one job to its end in this thread; every outcome is recorded, nothing propagates."""
    record = store.require(job_id)
    if record.finished:
        return record
    if store.cancel_requested(job_id):
        store.finish(job_id, JobStatus.CANCELLED, message="Der Auftrag wurde abgebrochen.")
        return store.require(job_id)
    store.start_run(job_id)
    context = JobContext(store, record, listener)
    try:
        result = job_type.run(context, job_type.params.model_validate(record.params))
    except JobCancelled:
        store.finish(job_id, JobStatus.CANCELLED, message="Der Auftrag wurde abgebrochen.")
    except AssistantError as exc:
        logger.warning("Job %s failed: %s", job_id, exc.code)
        store.finish(job_id, JobStatus.FAILED, message=exc.message)
    except Exception:
        logger.exception("Job %s failed", job_id)
        store.finish(job_id, JobStatus.FAILED, message="Interner Fehler bei der Verarbeitung. Details im Server-Log.")
    else:
        store.finish(job_id, JobStatus.DONE, result=result)
    return store.require(job_id)


def remove_job(store: JobStore, paths: JobPaths, job_id: str) -> None:
    """The job's record, steps and folder (uploads, private case index) are gone afterwards."""
    store.delete(job_id)
    shutil.rmtree(paths.job_folder(job_id), ignore_errors=True)


def remove_expired(store: JobStore, paths: JobPaths, retention_days: int) -> int:
    """Remove finished jobs older than the retention period, and folders of no known job that old (left by a
    crash between saving uploads and creating the job, or by earlier versions); returns how many jobs went."""
    cutoff = datetime.now(UTC) - timedelta(days=retention_days)
    expired = store.finished_before(cutoff)
    for job_id in expired:
        remove_job(store, paths, job_id)
    if expired:
        logger.info("Removed %d finished jobs after the retention period", len(expired))
    if paths.folder.is_dir():
        for folder in paths.folder.iterdir():
            orphaned = folder.is_dir() and store.get(folder.name) is None
            if orphaned and folder.stat().st_mtime < cutoff.timestamp():
                shutil.rmtree(folder, ignore_errors=True)
    return len(expired)


class JobRunner:
    """Background worker for the server: one thread works the queue (the LLM is one instance per process, so
    more workers would only wait for it). ``start`` resumes the jobs the server left unfinished; the app
    calls it at start-up. While idle, the worker removes jobs past their retention period."""

    ORIGIN = "api"

    def __init__(
        self, store: JobStore, paths: JobPaths, job_types: dict[JobKind, JobType[Any]], retention_days: int
    ) -> None:
        self.store = store
        self.paths = paths
        self._job_types = job_types
        self._retention_days = retention_days
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def start(self) -> None:
        with self._start_lock:
            if self._thread is not None:
                return
            remove_expired(self.store, self.paths, self._retention_days)
            for kind in self._job_types:
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

    def submit(self, kind: JobKind, params: BaseModel, *, owner: str, job_id: str | None = None) -> JobRecord:
        record = self.store.create(kind, params, origin=self.ORIGIN, owner=owner, job_id=job_id)
        self._queue.put(record.id)
        self.start()
        return record

    def cancel(self, job_id: str) -> JobRecord:
        self.store.request_cancel(job_id)
        return self.store.require(job_id)

    def remove(self, job_id: str) -> None:
        remove_job(self.store, self.paths, job_id)

    def _work(self) -> None:
        while True:
            try:
                job_id = self._queue.get(timeout=RETENTION_CHECK_SECONDS)
            except queue.Empty:
                remove_expired(self.store, self.paths, self._retention_days)
                continue
            if job_id is None:
                return
            record = self.store.get(job_id)
            if record is not None and not record.finished:
                run_job(self.store, job_id, self._job_types[record.kind])
