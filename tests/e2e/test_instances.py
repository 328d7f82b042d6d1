"""Two assistant instances behind one load balancer, as real uvicorn processes on one PostgreSQL, one published
index, one jobs folder and one inference server: a batch job submitted on the first is visible with its progress on
the second, and when the first dies mid-job the second takes it over and finishes it without redoing the cases
that were done."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from assistant.batch.results import BatchResult
from assistant.services import Services
from assistant.settings import DatabaseSettings
from assistant.shared.jobs import STEPS
from evaluation.batch import read_truth, score
from evaluation.inference_server import free_port, wait_until_answering
from testkit import FIXTURES, PROJECT, api_key_for, assistant_settings, postgres_database

pytestmark = pytest.mark.slow

SCHEMA = PROJECT / "data" / "schemas" / "hundesteuer-anmeldung.yaml"
CASES = ("fall-02.docx", "fall-03.pdf", "fall-05.pdf")
TIMEOUT_S = 600


def _start(environment: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT,
        env=environment,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_answering(process, f"{url}/healthz"):
        raise RuntimeError(f"instance did not start: {log.read_text(errors='replace')[-2000:]}")
    return process, url


@dataclass
class Cluster:
    """Instances of one installation: a shared database, index, jobs folder and inference server."""

    environment: dict[str, str]
    logs: Path
    key: str  # API key of the test user
    database_url: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self) -> tuple[subprocess.Popen[bytes], str]:
        process, url = _start(self.environment, self.logs / f"instanz-{len(self.processes) + 1}.log")
        self.processes.append(process)
        return process, url


@pytest.fixture
def cluster(inference_server: str, private_index: Path, tmp_path: Path) -> Iterator[Cluster]:
    with postgres_database() as database_url:
        settings = assistant_settings(private_index, tmp_path / "shared")
        settings.database = DatabaseSettings(url=database_url)
        environment = {
            **os.environ,
            "PYTHONPATH": str(PROJECT),
            "ASSISTANT_INGEST__INDEX_DIR": str(private_index),
            "ASSISTANT_DATABASE__URL": database_url,
            "ASSISTANT_JOBS__FOLDER": str(tmp_path / "shared" / "jobs"),
            "ASSISTANT_JOBS__LEASE_SECONDS": "6",
            "ASSISTANT_SERVER__UPLOADS_DIR": str(tmp_path / "shared" / "uploads"),
            "ASSISTANT_SERVER__WARM_UP": "false",
            "ASSISTANT_LLM__BACKEND": "openai",
            "ASSISTANT_LLM__BASE_URL": inference_server,
        }
        running = Cluster(environment, tmp_path, api_key_for(Services(settings)), database_url)
        try:
            yield running
        finally:
            for process in running.processes:
                process.kill()
                process.wait(timeout=30)


def _finished_steps(database_url: str) -> dict[str, Any]:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(STEPS.c.key, STEPS.c.finished_at)).all()
    finally:
        engine.dispose()
    return {key: finished for key, finished in rows if finished is not None}


def test_a_job_survives_the_instance_that_ran_it(cluster: Cluster) -> None:
    first, first_url = cluster.start()
    headers = {"Authorization": f"Bearer {cluster.key}"}
    files = [("files", (f"akten/{name}", (FIXTURES / "cases" / name).read_bytes())) for name in CASES]
    with httpx.Client(headers=headers, timeout=60) as client:
        started = client.post(
            f"{first_url}/api/batch/uploads", data={"schema": SCHEMA.read_text(encoding="utf-8")}, files=files
        )
        assert started.status_code == 202, started.text
        job_id = started.json()["id"]
        deadline = time.monotonic() + TIMEOUT_S
        while client.get(f"{first_url}/api/batch/{job_id}").json()["status"] == "wartend":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        _, second_url = cluster.start()  # only now: the first instance holds the job
        job_url = f"{second_url}/api/batch/{job_id}"  # from here on only the second instance

        while (job := client.get(job_url).json())["done"] < 1:
            assert job["status"] == "laeuft" and time.monotonic() < deadline, job
            time.sleep(0.5)
        first.send_signal(signal.SIGKILL)  # the instance running the job dies without any clean-up
        first.wait(timeout=30)
        done_before = _finished_steps(cluster.database_url)
        assert job["total"] == 3 and job["done"] < 3, job  # the second saw the first's progress

        while (job := client.get(job_url).json())["status"] in ("wartend", "laeuft"):
            assert time.monotonic() < deadline, job
            time.sleep(0.5)

    assert job["status"] == "fertig", job["message"]
    assert (job["done"], job["total"]) == (3, 3)
    done_after = _finished_steps(cluster.database_url)
    for step, finished_at in done_before.items():
        assert done_after[step] == finished_at  # taken over, not started again
    scores = score(BatchResult.model_validate(job["result"]), read_truth(FIXTURES / "cases"))
    assert sum(s.filled_correct for s in scores.values()) >= 0.7 * sum(s.filled for s in scores.values())
