"""Batch analysis end to end with the real default models over synthetic case files (tests/fixtures/cases):
the CLI is killed mid-run and resumed without redoing finished cases; a corrupt case file becomes an error row
while the others complete; values are checked against the known truth; the XLSX holds the citations. The API
runs a small job with an uploaded folder."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.batch.results import BatchResult
from assistant.services import Services
from evaluation.batch import read_truth, score
from models.embedders import Embedder
from testkit import FIXTURES, PROJECT, assistant_settings, signed_in

pytestmark = pytest.mark.slow

SCHEMA = PROJECT / "data" / "schemas" / "hundesteuer-anmeldung.yaml"
RUN_TIMEOUT_S = 900


def _cli(cases: Path, out: Path, jobs: Path) -> subprocess.Popen[str]:
    environment = {
        **os.environ,
        "ASSISTANT_JOBS__FOLDER": str(jobs),
        "ASSISTANT_DATABASE__URL": f"sqlite:///{jobs / 'state.sqlite'}",  # the jobs live in the state database
        "PYTHONPATH": str(PROJECT),
    }
    command = [sys.executable, "-m", "assistant", "batch", "--schema", str(SCHEMA), "--cases", str(cases)]
    return subprocess.Popen(
        [*command, "--out", str(out)],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finished_steps(jobs: Path) -> dict[str, str]:
    database = jobs / "state.sqlite"
    if not database.exists():
        return {}
    with sqlite3.connect(database) as connection:
        try:
            return dict(connection.execute("SELECT key, finished_at FROM job_steps").fetchall())
        except sqlite3.OperationalError:  # the CLI has created the file but not yet its tables
            return {}


@pytest.fixture(scope="module")
def resumed_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("batch-cli")
    cases, jobs, out = root / "akten", root / "jobs", root / "ergebnis.xlsx"
    shutil.copytree(FIXTURES / "cases", cases)
    first = _cli(cases, out, jobs)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while "case-1" not in _finished_steps(jobs) and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)  # a crash: no clean-up of any kind
    first.wait()
    before = _finished_steps(jobs)
    assert "case-1" in before and "case-4" not in before, before
    second = _cli(cases, out, jobs)
    output, _ = second.communicate(timeout=RUN_TIMEOUT_S)
    with sqlite3.connect(jobs / "state.sqlite") as connection:
        (result_json,) = connection.execute("SELECT result_json FROM jobs").fetchone()
    return {
        "before": before,
        "after": _finished_steps(jobs),
        "output": output,
        "returncode": second.returncode,
        "out": out,
        "result": BatchResult.model_validate(json.loads(result_json)),
    }


def test_a_killed_run_resumes_without_recomputing_finished_cases(resumed_run: dict[str, Any]) -> None:
    assert "Setze den unterbrochenen Auftrag fort" in resumed_run["output"]
    for key, finished_at in resumed_run["before"].items():
        assert resumed_run["after"][key] == finished_at  # the same commit: not computed again
    assert {f"case-{n}" for n in range(1, 6)} <= set(resumed_run["after"])
    assert len(resumed_run["result"].cases) == 5


def test_a_corrupt_case_is_an_error_row_and_the_others_complete(resumed_run: dict[str, Any]) -> None:
    cases = {case.case: case for case in resumed_run["result"].cases}
    assert cases["fall-kaputt"].status == "fehler" and "beschädigt" in cases["fall-kaputt"].error
    assert all(cases[name].status == "fertig" for name in ("fall-02", "fall-03", "fall-04", "fall-05"))
    assert resumed_run["returncode"] == 1  # the CLI reports that a case failed
    assert "Fehler bei Fall „fall-kaputt“" in resumed_run["output"]


def test_values_match_the_truth_and_absent_fields_are_not_guessed(resumed_run: dict[str, Any]) -> None:
    scores = score(resumed_run["result"], read_truth(FIXTURES / "cases"))
    filled = sum(s.filled for s in scores.values())
    filled_correct = sum(s.filled_correct for s in scores.values())
    absent = sum(s.absent for s in scores.values())
    absent_correct = sum(s.absent_correct for s in scores.values())
    assert filled_correct / filled >= 0.7, [w for s in scores.values() for w in s.wrong]
    assert absent_correct / absent >= 0.6, [w for s in scores.values() for w in s.wrong]
    for case in resumed_run["result"].cases:
        for cell in case.cells:
            assert (cell.value is None) == (cell.citation is None) == (cell.status == "nicht_gefunden")


def test_the_xlsx_holds_one_row_per_case_and_the_citations(resumed_run: dict[str, Any]) -> None:
    workbook = openpyxl.load_workbook(resumed_run["out"])
    results = workbook["Ergebnisse"]
    rows = list(results.iter_rows(min_row=2, values_only=True))
    assert sorted(row[0] for row in rows) == ["fall-02", "fall-03", "fall-04", "fall-05", "fall-kaputt"]
    comments = [cell.comment.text for row in results.iter_rows(min_row=2) for cell in row if cell.comment]
    assert comments and all("S. " in text for text in comments)
    assert workbook["Quellen"].max_row > 1


def test_the_api_runs_a_batch_of_uploaded_case_files(
    sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path
) -> None:
    services = Services(assistant_settings(sample_index, tmp_path), embedder=embedder, chat_model=chat_model)
    with TestClient(create_app(services.settings, services)) as client:
        signed_in(client, services)
        files = [
            ("files", ("akten/fall-05.pdf", (FIXTURES / "cases" / "fall-05.pdf").read_bytes(), "application/pdf")),
            (
                "files",
                ("akten/fall-kaputt.pdf", (FIXTURES / "cases" / "fall-kaputt.pdf").read_bytes(), "application/pdf"),
            ),
        ]
        started = client.post("/api/batch/uploads", data={"schema": SCHEMA.read_text(encoding="utf-8")}, files=files)
        assert started.status_code == 202, started.text
        job_id = started.json()["id"]
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while (job := client.get(f"/api/batch/{job_id}").json())["status"] in ("wartend", "laeuft"):
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert job["status"] == "fertig", job["message"]
        assert (job["done"], job["total"], job["cells_total"]) == (2, 2, 14)
        rows = {case["case"]: case for case in job["result"]["cases"]}
        assert rows["fall-kaputt"]["status"] == "fehler"
        found = {cell["field"]: cell["value"] for cell in rows["fall-05"]["cells"] if cell["status"] == "gefunden"}
        assert found.get("halter") == "Kerstin Albrecht-Nowak"
        for suffix in ("csv", "xlsx", "jsonl"):
            assert client.get(f"/api/batch/{job_id}/result.{suffix}").status_code == 200
        xlsx = client.get(f"/api/batch/{job_id}/result.xlsx").content
        assert openpyxl.load_workbook(io.BytesIO(xlsx))["Ergebnisse"].max_row == 3
