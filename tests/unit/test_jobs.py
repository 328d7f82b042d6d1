"""The job runner: typed steps committed and never redone, cancel, failures in German, resume after a crash,
removal with the job's folder, retention."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel
from sqlalchemy import Engine, update

from assistant.access.db import open_database
from assistant.settings import DatabaseSettings
from assistant.shared.jobs import (
    JOBS,
    JobContext,
    JobPaths,
    JobRunner,
    JobStatus,
    JobStore,
    JobType,
    import_legacy_jobs,
    remove_expired,
    remove_job,
    run_job,
)
from models.errors import AssistantError


class Factor(BaseModel):
    factor: int = 1


class Number(BaseModel):
    value: int


class Crash(BaseException):
    """Stands in for a killed process: not an Exception, so nothing records it."""


class CountingHandler:
    """Three steps; counts how often each is really computed and can crash in step 2."""

    def __init__(self, crash_in_step_two: bool = False) -> None:
        self.computed: list[str] = []
        self.crash_in_step_two = crash_in_step_two

    def __call__(self, context: JobContext, params: Factor) -> Number:
        results = []
        for number in range(1, 4):
            results.append(context.step(f"step-{number}", Number, lambda n=number: self._compute(n, params)).value)
            context.progress(number, 3, f"Schritt {number}")
        return Number(value=sum(results))

    def _compute(self, number: int, params: Factor) -> Number:
        if number == 2 and self.crash_in_step_two:
            raise Crash
        self.computed.append(f"step-{number}")
        return Number(value=number * params.factor)


def job_type(handler: Callable[[JobContext, Factor], BaseModel]) -> JobType[Factor]:
    return JobType(Factor, handler)


@pytest.fixture
def engine(state_url: str) -> Engine:
    return open_database(DatabaseSettings(url=state_url))


@pytest.fixture
def store(engine: Engine) -> JobStore:
    return JobStore(engine)


def test_a_job_runs_to_its_result(store: JobStore) -> None:
    job = store.create("summary", Factor(factor=2), origin="test", owner="tester")
    record = run_job(store, job.id, job_type(CountingHandler()))
    assert (record.status, record.result, record.done, record.total) == ("fertig", {"value": 12}, 3, 3)


def test_an_interrupted_job_resumes_without_redoing_finished_steps(engine: Engine, state_url: str) -> None:
    first_store = JobStore(engine)
    job = first_store.create("batch", Factor(), origin="cli", owner="tester", fingerprint="same-command")
    crashing = CountingHandler(crash_in_step_two=True)
    first_store.start_run(job.id)
    with pytest.raises(Crash):
        crashing(JobContext(first_store, job), Factor())
    engine.dispose()  # the process is gone; its job stays "laeuft"

    store = JobStore(open_database(DatabaseSettings(url=state_url)))
    assert store.unfinished("batch", origin="cli", fingerprint="same-command") == [job.id]
    resumed = CountingHandler()
    record = run_job(store, job.id, job_type(resumed))
    assert crashing.computed == ["step-1"]
    assert resumed.computed == ["step-2", "step-3"]
    assert record.status == "fertig" and record.result == {"value": 6}
    assert store.unfinished("batch", origin="cli") == []


def test_a_stored_step_that_no_longer_fits_its_model_is_computed_again(store: JobStore) -> None:
    job = store.create("summary", Factor(), origin="test", owner="tester")
    store.save_step(job.id, "step-1", Factor(factor=5))  # written by an older version: another shape
    handler = CountingHandler()
    record = run_job(store, job.id, job_type(handler))
    assert handler.computed == ["step-1", "step-2", "step-3"] and record.result == {"value": 6}


def test_a_cancelled_job_stops_at_the_next_step_and_keeps_no_result(store: JobStore) -> None:
    job = store.create("summary", Factor(), origin="test", owner="tester")

    def cancel_after_first_step(context: JobContext, params: Factor) -> Number:
        context.step("step-1", Number, lambda: Number(value=1))
        store.request_cancel(job.id)
        return context.step("step-2", Number, lambda: pytest.fail("step 2 must not run after cancel"))

    record = run_job(store, job.id, job_type(cancel_after_first_step))
    assert record.status == "abgebrochen"
    assert record.result is None


def test_a_queued_job_is_cancelled_at_once(store: JobStore) -> None:
    job = store.create("summary", Factor(), origin="test", owner="tester")
    store.request_cancel(job.id)
    assert store.require(job.id).status == "abgebrochen"


def test_failures_are_recorded_with_a_german_message(store: JobStore) -> None:
    def refuse(context: JobContext, params: Factor) -> Number:
        raise AssistantError("Das Dokument enthält keinen lesbaren Text.")

    def crash(context: JobContext, params: Factor) -> Number:
        raise RuntimeError("internal detail that must not reach the clerk")

    refused = run_job(store, store.create("summary", Factor(), origin="test", owner="tester").id, job_type(refuse))
    crashed = run_job(store, store.create("summary", Factor(), origin="test", owner="tester").id, job_type(crash))
    assert (refused.status, refused.message) == ("fehlgeschlagen", "Das Dokument enthält keinen lesbaren Text.")
    assert crashed.status == "fehlgeschlagen"
    assert "internal detail" not in crashed.message and "Fehler" in crashed.message


def _runner(store: JobStore, tmp_path: Path, handler: Callable[[JobContext, Factor], BaseModel]) -> JobRunner:
    return JobRunner(store, JobPaths(tmp_path), {"summary": job_type(handler)}, retention_days=30)


def _wait_until_finished(store: JobStore, job_id: str) -> None:
    deadline = time.monotonic() + 10
    while not store.require(job_id).finished and time.monotonic() < deadline:
        time.sleep(0.02)


def test_the_runner_works_the_queue_in_the_background_and_estimates_time_left(store: JobStore, tmp_path: Path) -> None:
    estimates: list[float | None] = []

    def slow(context: JobContext, params: Factor) -> Number:
        for number in range(1, 4):
            context.step(f"s{number}", Number, lambda: time.sleep(0.05) or Number(value=0))
            context.progress(number, 3)
            estimates.append(store.require(context.job_id).seconds_left)
        return Number(value=0)

    runner = _runner(store, tmp_path, slow)
    job = runner.submit("summary", Factor(), owner="tester")
    _wait_until_finished(store, job.id)
    runner.stop()
    assert store.require(job.id).status == JobStatus.DONE
    assert estimates[0] is not None and estimates[0] > 0  # two steps left after the first
    assert estimates[-1] is None  # nothing left


def test_the_server_resumes_only_its_own_unfinished_jobs(store: JobStore, tmp_path: Path) -> None:
    api_job = store.create("summary", Factor(), origin="api", owner="tester")
    store.start_run(api_job.id)  # it was running when the server stopped
    cli_job = store.create("summary", Factor(), origin="cli", owner="tester")
    runner = _runner(store, tmp_path, CountingHandler())
    runner.start()
    _wait_until_finished(store, api_job.id)
    runner.stop()
    assert store.require(api_job.id).status == "fertig"
    assert store.require(cli_job.id).status == "wartend"


def test_removing_a_job_removes_its_record_steps_and_folder(store: JobStore, tmp_path: Path) -> None:
    paths = JobPaths(tmp_path)
    job = store.create("batch", Factor(), origin="api", owner="tester")
    run_job(store, job.id, job_type(CountingHandler()))
    upload = paths.uploads(job.id) / "00000" / "antrag.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF personal data")
    paths.case_index(job.id).mkdir(parents=True)
    remove_job(store, paths, job.id)
    assert store.get(job.id) is None and store.step_count(job.id) == 0
    assert not paths.job_folder(job.id).exists()


def test_finished_jobs_older_than_the_retention_are_removed_and_others_kept(
    store: JobStore, engine: Engine, tmp_path: Path
) -> None:
    paths = JobPaths(tmp_path)
    old, recent, running = (store.create("summary", Factor(), origin="api", owner="tester") for _ in range(3))
    for job in (old, recent):
        run_job(store, job.id, job_type(CountingHandler()))
        paths.uploads(job.id).mkdir(parents=True)
    store.start_run(running.id)
    with engine.begin() as connection:  # age two of them by 31 days
        connection.execute(
            update(JOBS).where(JOBS.c.id.in_([old.id, running.id])).values(updated_at="2020-01-01T00:00:00+00:00")
        )
    stray = tmp_path / "uploads" / "0123abcd"  # an old layout's upload folder that belongs to no job
    stray.mkdir(parents=True)
    fresh_stray = tmp_path / "f00d"
    fresh_stray.mkdir()
    os.utime(tmp_path / "uploads", (0, 0))
    assert remove_expired(store, paths, retention_days=30) == 1
    assert not (tmp_path / "uploads").exists() and fresh_stray.exists()
    assert store.get(old.id) is None and not paths.job_folder(old.id).exists()
    assert store.get(recent.id) is not None and paths.uploads(recent.id).exists()
    assert store.get(running.id) is not None  # unfinished work is never removed


def test_jobs_of_an_earlier_versions_own_database_move_in_once(store: JobStore, tmp_path: Path) -> None:
    legacy = tmp_path / "jobs.sqlite"
    with sqlite3.connect(legacy) as connection:
        connection.executescript(
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT, origin TEXT, fingerprint TEXT, status TEXT, "
            "params_json TEXT, done INTEGER, total INTEGER, message TEXT, cancel_requested INTEGER, result_json TEXT, "
            "created_at TEXT, updated_at TEXT, run_started REAL, run_start_done INTEGER);"
            "CREATE TABLE steps (job_id TEXT, key TEXT, result_json TEXT, finished_at TEXT);"
            "INSERT INTO jobs VALUES ('alt1', 'summary', 'api', '', 'fertig', '{}', 3, 3, '', 0, '{\"value\": 6}', "
            "'2026-11-30T08:00:00+00:00', '2026-11-30T08:05:00+00:00', NULL, 0);"
            "INSERT INTO steps VALUES ('alt1', 'step-1', '{\"value\": 1}', '2026-11-30T08:01:00+00:00');"
        )

    moved = import_legacy_jobs(store, legacy)

    record = store.require("alt1")
    assert moved == 1 and (record.status, record.result, record.owner) == ("fertig", {"value": 6}, "")
    assert store.step_count("alt1") == 1
    assert not legacy.exists() and import_legacy_jobs(store, legacy) == 0


def test_each_job_is_claimed_by_exactly_one_of_many_workers(store: JobStore) -> None:
    jobs = {store.create("summary", Factor(), origin="api", owner="tester").id for _ in range(12)}
    claimed: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        while (job_id := store.claim("api", lease_seconds=60)) is not None:
            with lock:
                claimed.append(job_id)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(claimed) == sorted(jobs)  # every job once, none twice
    assert store.claim("api", lease_seconds=60) is None


def test_a_job_submitted_on_one_instance_is_seen_and_cancelled_on_another(
    store: JobStore, state_url: str, tmp_path: Path
) -> None:
    other_instance = JobStore(open_database(DatabaseSettings(url=state_url)))
    started = threading.Event()

    def waits_for_cancel(context: JobContext, params: Factor) -> Number:
        started.set()
        for number in range(200):
            context.step(f"s{number}", Number, lambda: time.sleep(0.02) or Number(value=0))
        return Number(value=0)

    runner = _runner(store, tmp_path, waits_for_cancel)
    job = runner.submit("summary", Factor(), owner="tester")
    assert started.wait(10)
    assert other_instance.require(job.id).status == JobStatus.RUNNING
    other_instance.request_cancel(job.id)
    _wait_until_finished(store, job.id)
    runner.stop()
    assert store.require(job.id).status == JobStatus.CANCELLED


def test_a_job_of_an_instance_that_died_is_taken_over_and_resumed(store: JobStore, tmp_path: Path) -> None:
    job = store.create("summary", Factor(), origin="api", owner="tester")
    assert store.claim("api", lease_seconds=0.3) == job.id  # instance A takes it …
    first = CountingHandler(crash_in_step_two=True)
    with pytest.raises(Crash):
        first(JobContext(store, store.require(job.id)), Factor())  # … and dies after step 1, renewing nothing
    assert store.claim("api", lease_seconds=60) is None  # its lease still holds

    time.sleep(0.4)
    resumed = CountingHandler()
    runner = JobRunner(store, JobPaths(tmp_path), {"summary": job_type(resumed)}, 30, poll_seconds=0.05)
    runner.start()  # instance B
    _wait_until_finished(store, job.id)
    runner.stop()
    assert store.require(job.id).status == JobStatus.DONE
    assert first.computed == ["step-1"] and resumed.computed == ["step-2", "step-3"]
