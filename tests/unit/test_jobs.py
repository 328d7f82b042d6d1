"""The job runner: steps are committed and never redone, cancel, failures in German, resume after a crash."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from assistant.jobs import JobContext, JobRunner, JobStore, run_job
from models.errors import AssistantError


class Crash(BaseException):
    """Stands in for a killed process: not an Exception, so nothing records it."""


class CountingHandler:
    """Three steps; counts how often each is really computed and can crash or wait in step 2."""

    def __init__(self, crash_in_step_two: bool = False) -> None:
        self.computed: list[str] = []
        self.crash_in_step_two = crash_in_step_two

    def __call__(self, context: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        results = []
        for number in range(1, 4):
            results.append(context.step(f"step-{number}", lambda n=number: self._compute(n, params)))
            context.progress(number, 3, f"Schritt {number}")
        return {"sum": sum(results)}

    def _compute(self, number: int, params: dict[str, Any]) -> int:
        if number == 2 and self.crash_in_step_two:
            raise Crash
        self.computed.append(f"step-{number}")
        return number * params["factor"]


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    return JobStore(tmp_path / "jobs.sqlite")


def test_a_job_runs_to_its_result(store: JobStore) -> None:
    job = store.create("summary", {"factor": 2}, origin="test")
    record = run_job(store, job.id, CountingHandler())
    assert (record.status, record.result, record.done, record.total) == ("fertig", {"sum": 12}, 3, 3)


def test_an_interrupted_job_resumes_without_redoing_finished_steps(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite"
    first_store = JobStore(path)
    job = first_store.create("batch", {"factor": 1}, origin="cli", fingerprint="same-command")
    crashing = CountingHandler(crash_in_step_two=True)
    first_store.start_run(job.id)
    with pytest.raises(Crash):
        crashing(JobContext(first_store, job.id), {"factor": 1})
    first_store.close()  # the process is gone; its job stays "laeuft"

    store = JobStore(path)
    assert store.unfinished("batch", origin="cli", fingerprint="same-command") == [job.id]
    resumed = CountingHandler()
    record = run_job(store, job.id, resumed)
    assert crashing.computed == ["step-1"]
    assert resumed.computed == ["step-2", "step-3"]
    assert record.status == "fertig" and record.result == {"sum": 6}
    assert store.unfinished("batch", origin="cli") == []


def test_a_cancelled_job_stops_at_the_next_step_and_keeps_no_result(store: JobStore) -> None:
    job = store.create("summary", {"factor": 1}, origin="test")

    def cancel_after_first_step(context: JobContext, params: dict[str, Any]) -> Any:
        context.step("step-1", lambda: 1)
        store.request_cancel(job.id)
        context.step("step-2", lambda: pytest.fail("step 2 must not run after cancel"))

    record = run_job(store, job.id, cancel_after_first_step)
    assert record.status == "abgebrochen"
    assert record.result is None


def test_a_queued_job_is_cancelled_at_once(store: JobStore) -> None:
    job = store.create("summary", {}, origin="test")
    store.request_cancel(job.id)
    assert store.require(job.id).status == "abgebrochen"


def test_failures_are_recorded_with_a_german_message(store: JobStore) -> None:
    def refuse(context: JobContext, params: dict[str, Any]) -> Any:
        raise AssistantError("Das Dokument enthält keinen lesbaren Text.")

    def crash(context: JobContext, params: dict[str, Any]) -> Any:
        raise RuntimeError("internal detail that must not reach the clerk")

    refused = run_job(store, store.create("summary", {}, origin="test").id, refuse)
    crashed = run_job(store, store.create("summary", {}, origin="test").id, crash)
    assert (refused.status, refused.message) == ("fehlgeschlagen", "Das Dokument enthält keinen lesbaren Text.")
    assert crashed.status == "fehlgeschlagen"
    assert "internal detail" not in crashed.message and "Fehler" in crashed.message


def test_the_runner_works_the_queue_in_the_background_and_estimates_time_left(store: JobStore) -> None:
    estimates: list[float | None] = []

    def slow(context: JobContext, params: dict[str, Any]) -> Any:
        for number in range(1, 4):
            context.step(f"s{number}", lambda: time.sleep(0.05))
            context.progress(number, 3)
            estimates.append(store.require(context.job_id).seconds_left)
        return "ok"

    runner = JobRunner(store, {"summary": slow})
    job = runner.submit("summary", {})
    deadline = time.monotonic() + 10
    while not store.require(job.id).finished and time.monotonic() < deadline:
        time.sleep(0.02)
    runner.stop()
    assert store.require(job.id).status == "fertig"
    assert estimates[0] is not None and estimates[0] > 0  # two steps left after the first
    assert estimates[-1] is None  # nothing left


def test_the_server_resumes_only_its_own_unfinished_jobs(store: JobStore) -> None:
    api_job = store.create("summary", {"factor": 1}, origin="api")
    store.start_run(api_job.id)  # it was running when the server stopped
    cli_job = store.create("summary", {"factor": 1}, origin="cli")
    runner = JobRunner(store, {"summary": CountingHandler()})
    runner.start()
    deadline = time.monotonic() + 10
    while not store.require(api_job.id).finished and time.monotonic() < deadline:
        time.sleep(0.02)
    runner.stop()
    assert store.require(api_job.id).status == "fertig"
    assert store.require(cli_job.id).status == "wartend"
