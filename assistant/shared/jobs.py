"""One job runner for long work (summaries, batch analysis): state in the state database, progress, cancel, resume,
retention.

A job type is a params model and a handler ``(JobContext, params) -> result model``, run by a worker thread. The
handler wraps each unit of work in ``context.step(key, Model, compute)``: a finished step's result is committed
to the database as JSON and validated against its model when it is read back, so a job that was interrupted (crash,
restart, killed CLI) re-runs only the steps that had not finished. The result is stored in the same database in
one transaction with the status ``fertig``; downloads are rendered from it, so a cancelled or failed job never
leaves a half-written file behind. Each job owns one folder (uploads, private case index), removed with the job.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Executable,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    Text,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

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

# The job tables live in the state database (SQLite by default, PostgreSQL for several instances); their schema
# is created by the Alembic migrations in assistant/access/migrations, these are the store's view of them.
_METADATA = MetaData()
JOBS = Table(
    "jobs",
    _METADATA,
    Column("id", String(32), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("origin", String(20), nullable=False),
    Column("owner", String(120), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    Column("params_json", Text, nullable=False),
    Column("done", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("message", Text, nullable=False),
    Column("cancel_requested", Boolean, nullable=False),
    Column("result_json", Text),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("run_started", Float),
    Column("run_start_done", Integer, nullable=False),
    Column("lease_until", Float),  # a claiming instance holds the job until then, and renews it while it runs
)
STEPS = Table(
    "job_steps",
    _METADATA,
    Column("job_id", String(32), ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(120), primary_key=True),
    Column("result_json", Text, nullable=False),
    Column("finished_at", String(32), nullable=False),
)
_RECORD_COLUMNS = [
    JOBS.c[name]
    for name in (
        "id",
        "kind",
        "origin",
        "owner",
        "status",
        "params_json",
        "done",
        "total",
        "message",
        "result_json",
        "created_at",
        "updated_at",
        "run_started",
        "run_start_done",
    )
]


@dataclass(frozen=True)
class JobPaths:
    """Where jobs keep their files: one folder per job for its uploads and private case index."""

    folder: Path

    @property
    def legacy_database(self) -> Path:
        """The jobs' own SQLite file of earlier versions; its jobs move into the state database once."""
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
    """The jobs in the state database, shared by the server and the CLIs (each statement its own transaction)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _execute(self, statement: Executable) -> list[Row[Any]]:
        with self._engine.begin() as connection:
            result = connection.execute(statement)
            return list(result.all()) if result.returns_rows else []

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
        self._execute(
            insert(JOBS).values(
                id=job_id,
                kind=kind,
                origin=origin,
                owner=owner,
                fingerprint=fingerprint,
                status=JobStatus.WAITING,
                params_json=params.model_dump_json(by_alias=True),
                done=0,
                total=0,
                message="",
                cancel_requested=False,
                created_at=now,
                updated_at=now,
                run_start_done=0,
            )
        )
        return self.require(job_id)

    def get(self, job_id: str) -> JobRecord | None:
        rows = self._execute(select(*_RECORD_COLUMNS).where(JOBS.c.id == job_id))
        return _record(tuple(rows[0])) if rows else None

    def require(self, job_id: str) -> JobRecord:
        record = self.get(job_id)
        if record is None:
            raise KeyError(job_id)
        return record

    def unfinished(self, kind: JobKind, *, origin: str, fingerprint: str | None = None) -> list[str]:
        """Jobs that were queued or running when their process stopped, oldest first."""
        query = select(JOBS.c.id).where(
            JOBS.c.kind == kind, JOBS.c.origin == origin, JOBS.c.status.in_([JobStatus.WAITING, JobStatus.RUNNING])
        )
        if fingerprint is not None:
            query = query.where(JOBS.c.fingerprint == fingerprint)
        return [row[0] for row in self._execute(query.order_by(JOBS.c.created_at))]

    def finished_before(self, moment: datetime) -> list[str]:
        """Finished jobs last touched before ``moment`` (for retention)."""
        cutoff = moment.isoformat(timespec="seconds")
        query = select(JOBS.c.id).where(JOBS.c.status.in_(list(FINISHED)), JOBS.c.updated_at < cutoff)
        return [row[0] for row in self._execute(query)]

    def claim(self, origin: str, lease_seconds: float) -> str | None:
        """The oldest job of ``origin`` that no live instance holds: waiting, or running without a live lease (its
        instance died). Exactly one caller gets it (row lock with SKIP LOCKED on PostgreSQL, and the update
        re-checks the condition, which also serialises SQLite's writers)."""
        now = time.time()
        free = or_(
            JOBS.c.status == JobStatus.WAITING,
            and_(JOBS.c.status == JobStatus.RUNNING, or_(JOBS.c.lease_until.is_(None), JOBS.c.lease_until < now)),
        )
        claimable = and_(JOBS.c.origin == origin, free)
        with self._engine.begin() as connection:
            oldest = select(JOBS.c.id).where(claimable).order_by(JOBS.c.created_at).limit(1)
            row = connection.execute(oldest.with_for_update(skip_locked=True)).first()
            if row is None:
                return None
            taken = connection.execute(
                update(JOBS)
                .where(JOBS.c.id == row[0], claimable)
                .values(status=JobStatus.RUNNING, lease_until=now + lease_seconds, updated_at=_now())
            )
            return str(row[0]) if taken.rowcount == 1 else None

    def renew(self, job_id: str, lease_seconds: float) -> None:
        self._execute(update(JOBS).where(JOBS.c.id == job_id).values(lease_until=time.time() + lease_seconds))

    def start_run(self, job_id: str) -> None:
        """Mark the job running; the time estimate counts only steps finished in this run."""
        self._update(job_id, status=JobStatus.RUNNING, message="", run_started=time.time(), run_start_done=JOBS.c.done)

    def set_progress(self, job_id: str, done: int, total: int, message: str) -> None:
        self._update(job_id, done=done, total=total, message=message)

    def finish(self, job_id: str, status: JobStatus, *, message: str = "", result: BaseModel | None = None) -> None:
        result_json = None if result is None else result.model_dump_json(by_alias=True)
        self._update(job_id, status=status, message=message, result_json=result_json)

    def request_cancel(self, job_id: str) -> None:
        self._execute(update(JOBS).where(JOBS.c.id == job_id).values(cancel_requested=True))
        self._execute(
            update(JOBS)
            .where(JOBS.c.id == job_id, JOBS.c.status == JobStatus.WAITING)
            .values(status=JobStatus.CANCELLED, message="Abgebrochen, bevor der Auftrag begann.", updated_at=_now())
        )

    def cancel_requested(self, job_id: str) -> bool:
        rows = self._execute(select(JOBS.c.cancel_requested).where(JOBS.c.id == job_id))
        return bool(rows and rows[0][0])

    def delete(self, job_id: str) -> None:
        """Remove the job and its steps (the caller removes its folder)."""
        self._execute(delete(STEPS).where(STEPS.c.job_id == job_id))
        self._execute(delete(JOBS).where(JOBS.c.id == job_id))

    def step_result(self, job_id: str, key: str) -> tuple[bool, Json]:
        rows = self._execute(select(STEPS.c.result_json).where(STEPS.c.job_id == job_id, STEPS.c.key == key))
        return (True, json.loads(rows[0][0])) if rows else (False, None)

    def save_step(self, job_id: str, key: str, result: BaseModel) -> None:
        with self._engine.begin() as connection:  # a step is computed again only after a crash: replace it
            connection.execute(delete(STEPS).where(STEPS.c.job_id == job_id, STEPS.c.key == key))
            connection.execute(
                insert(STEPS).values(
                    job_id=job_id, key=key, result_json=result.model_dump_json(by_alias=True), finished_at=_now()
                )
            )

    def step_count(self, job_id: str) -> int:
        rows = self._execute(select(func.count()).select_from(STEPS).where(STEPS.c.job_id == job_id))
        return int(rows[0][0])

    def _update(self, job_id: str, **values: Any) -> None:
        self._execute(update(JOBS).where(JOBS.c.id == job_id).values(**values, updated_at=_now()))


def import_legacy_jobs(store: JobStore, path: Path) -> int:
    """Move the jobs (and their finished steps) of an earlier version's jobs.sqlite into the store, once: the file
    is renamed afterwards. Jobs the store already has are left alone. Returns how many moved."""
    if not path.is_file():
        return 0
    with closing(sqlite3.connect(path)) as legacy:
        legacy.row_factory = sqlite3.Row
        jobs = [dict(row) for row in legacy.execute("SELECT * FROM jobs")]
        steps = [dict(row) for row in legacy.execute("SELECT * FROM steps")]
    known = {row[0] for row in store._execute(select(JOBS.c.id))}
    moved = [job for job in jobs if job["id"] not in known]
    columns = set(JOBS.c.keys())
    with store._engine.begin() as connection:
        for job in moved:
            values = {key: value for key, value in job.items() if key in columns}
            values.setdefault("owner", "")  # before owners: the job reads nothing (deny by default)
            values["cancel_requested"] = bool(values.get("cancel_requested"))
            connection.execute(insert(JOBS).values(**values))
        ids = {job["id"] for job in moved}
        for step in steps:
            if step["job_id"] in ids:
                connection.execute(insert(STEPS).values(**step))
    path.rename(path.with_name(path.name + ".importiert"))
    logger.info("Moved %d jobs from %s into the state database", len(moved), path)
    return len(moved)


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
    """Background worker of one server instance: one thread (the LLM is one instance per process, so more would
    only wait for it) claims jobs from the shared database, so with several instances each job runs on exactly one
    of them. While it runs a job it renews the job's lease; a job whose instance died (lease run out) or that a
    stopped server left running is claimed again and resumes at its first unfinished step. A job submitted on one
    instance is visible and cancellable on every other (cancelling is a flag in the database). While idle, the
    worker removes jobs past their retention period."""

    ORIGIN = "api"

    def __init__(
        self,
        store: JobStore,
        paths: JobPaths,
        job_types: dict[JobKind, JobType[Any]],
        retention_days: int,
        *,
        lease_seconds: float = 60.0,
        poll_seconds: float = 2.0,
    ) -> None:
        self.store = store
        self.paths = paths
        self._job_types = job_types
        self._retention_days = retention_days
        self._lease_seconds = lease_seconds
        self._poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def start(self) -> None:
        with self._start_lock:
            if self._thread is not None:
                return
            remove_expired(self.store, self.paths, self._retention_days)
            self._stopping.clear()
            self._thread = threading.Thread(target=self._work, name="job-runner", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop claiming; a job running now keeps its lease until it runs out (another instance then resumes it)."""
        if self._thread is not None:
            self._stopping.set()
            self._wake.set()
            self._thread.join(timeout=5)
            self._thread = None

    def submit(self, kind: JobKind, params: BaseModel, *, owner: str, job_id: str | None = None) -> JobRecord:
        record = self.store.create(kind, params, origin=self.ORIGIN, owner=owner, job_id=job_id)
        self.start()
        self._wake.set()
        return record

    def cancel(self, job_id: str) -> JobRecord:
        self.store.request_cancel(job_id)
        return self.store.require(job_id)

    def remove(self, job_id: str) -> None:
        remove_job(self.store, self.paths, job_id)

    def _work(self) -> None:
        last_cleanup = time.monotonic()
        while not self._stopping.is_set():
            job_id = self.store.claim(self.ORIGIN, self._lease_seconds)
            if job_id is not None:
                self._run(job_id)
                continue
            if time.monotonic() - last_cleanup > RETENTION_CHECK_SECONDS:
                remove_expired(self.store, self.paths, self._retention_days)
                last_cleanup = time.monotonic()
            self._wake.wait(self._poll_seconds)
            self._wake.clear()

    def _run(self, job_id: str) -> None:
        record = self.store.get(job_id)
        if record is None or record.finished or record.kind not in self._job_types:
            return
        done = threading.Event()

        def renew() -> None:
            while not done.wait(self._lease_seconds / 3):
                self.store.renew(job_id, self._lease_seconds)

        renewer = threading.Thread(target=renew, name=f"job-lease-{job_id}", daemon=True)
        renewer.start()
        try:
            run_job(self.store, job_id, self._job_types[record.kind])
        finally:
            done.set()
            renewer.join()
