"""Batch extraction quality and speed on case files with known values.

``python -m evaluation.batch [--set CASES=SCHEMA ...] [--limit N] [--json]`` runs the batch analysis
over each case folder (its ``truth.jsonl`` holds the expected value of every field, null when the case does
not contain it) and prints, per field: accuracy on filled fields, the share of absent fields correctly
reported as "nicht gefunden", how many right and wrong cells were marked ``sicher`` and ``prüfen``, and the
throughput in cells per minute with its course over the run (which must stay linear in the number of cases).
``hundesteuer``, ``widerspruch`` and ``baumfaellung`` are tuning sets; ``sondernutzung`` is the held-out check set:
no rule or prompt was tuned on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.batch.cases import BatchJob, discover_cases
from assistant.batch.fields import load_schema
from assistant.batch.results import BatchResult, CellResult
from assistant.services import Services
from assistant.settings import Settings
from assistant.shared.jobs import OPERATOR, JobRecord, JobStatus, run_job

PROJECT = Path(__file__).parents[1]
DEFAULT_SETS = [
    f"{PROJECT}/data/eval/cases/hundesteuer={PROJECT}/data/schemas/hundesteuer-anmeldung.yaml",
    f"{PROJECT}/data/eval/cases/widerspruch={PROJECT}/data/schemas/widerspruch-gebuehrenbescheid.yaml",
    f"{PROJECT}/data/eval/cases/baumfaellung={PROJECT}/data/schemas/baumfaellung.yaml",
    f"{PROJECT}/data/eval/cases/sondernutzung={PROJECT}/data/schemas/sondernutzung-strasse.yaml",
]
TARGET_CELLS_PER_MINUTE = 20


@dataclass
class FieldScore:
    filled: int = 0
    filled_correct: int = 0
    absent: int = 0
    absent_correct: int = 0
    by_confidence: dict[str, list[int]] = field(default_factory=lambda: {"sicher": [0, 0], "prüfen": [0, 0]})
    wrong: list[str] = field(default_factory=list)


def _words(value: Any) -> str:
    return " ".join(re.findall(r"\w+", str(value).casefold()))


def cell_correct(cell: CellResult | None, expected: Any) -> bool:
    """A filled field is right when the normalised value matches; an absent one when nothing was claimed."""
    if expected is None:
        return cell is None or cell.status == "nicht_gefunden"
    if cell is None or cell.status != "gefunden" or cell.value is None:
        return False
    if isinstance(expected, bool) or isinstance(cell.value, bool):
        return cell.value == expected
    if isinstance(expected, int | float):
        return isinstance(cell.value, int | float) and abs(cell.value - expected) < 0.005
    return sorted(_words(cell.value).split()) == sorted(_words(expected).split())


def score(result: BatchResult, truth: dict[str, dict[str, Any]]) -> dict[str, FieldScore]:
    scores: dict[str, FieldScore] = defaultdict(FieldScore)
    for case in result.cases:
        expected_values = truth.get(case.case)
        if expected_values is None:
            continue
        cells = {cell.field: cell for cell in case.cells}
        for name, expected in expected_values.items():
            entry = scores[name]
            correct = cell_correct(cells.get(name), expected)
            if name in cells:
                entry.by_confidence[cells[name].confidence][0 if correct else 1] += 1
            if expected is None:
                entry.absent += 1
                entry.absent_correct += correct
            else:
                entry.filled += 1
                entry.filled_correct += correct
            if not correct:
                got = cells[name].value if name in cells else None
                sure = cells[name].confidence if name in cells else "–"
                entry.wrong.append(f"{case.case}: erwartet {expected!r}, erhalten {got!r} ({sure})")
    return dict(scores)


def read_truth(folder: Path) -> dict[str, dict[str, Any]]:
    lines = (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["case"]: row["values"] for row in map(json.loads, lines) if row}


def run_set(cases_dir: Path, schema_path: Path, services: Services, limit: int | None) -> dict[str, Any]:
    schema = load_schema(schema_path)
    cases = discover_cases(cases_dir)[:limit]
    store = services.job_store
    job = store.create("batch", BatchJob(schema_=schema, cases=cases), origin="evaluation", owner=OPERATOR)
    marks: list[tuple[int, float]] = []
    started = time.perf_counter()

    def progress(record: JobRecord) -> None:
        if record.done and (not marks or marks[-1][0] != record.done):
            marks.append((record.done, time.perf_counter() - started))

    record = run_job(store, job.id, services.job_types["batch"], progress)
    seconds = time.perf_counter() - started
    if record.status != JobStatus.DONE:
        raise SystemExit(f"Auswertung fehlgeschlagen: {record.message}")
    result = BatchResult.model_validate(record.result)
    scores = score(result, read_truth(cases_dir))
    cells = len(cases) * len(schema.felder)
    return {
        "set": cases_dir.name,
        "cases": len(cases),
        "cells": cells,
        "seconds": round(seconds, 1),
        "cells_per_minute": round(cells / seconds * 60, 1),
        "seconds_after_cases": [(done, round(at, 1)) for done, at in marks],
        "fields": {
            name: {
                "filled": s.filled,
                "filled_accuracy": round(s.filled_correct / s.filled, 3) if s.filled else None,
                "absent": s.absent,
                "absent_correct": round(s.absent_correct / s.absent, 3) if s.absent else None,
                "wrong": s.wrong,
            }
            for name, s in scores.items()
        },
        "filled_accuracy": _share(scores, "filled"),
        "absent_correct": _share(scores, "absent"),
        "confidence": {label: _confidence_counts(scores, label) for label in ("sicher", "prüfen")},
    }


def _confidence_counts(scores: dict[str, FieldScore], label: str) -> dict[str, int]:
    right = sum(s.by_confidence[label][0] for s in scores.values())
    wrong = sum(s.by_confidence[label][1] for s in scores.values())
    return {"right": right, "wrong": wrong}


def _share(scores: dict[str, FieldScore], kind: str) -> float:
    total = sum(getattr(s, kind) for s in scores.values())
    correct = sum(getattr(s, f"{kind}_correct") for s in scores.values())
    return round(correct / total, 3) if total else 0.0


def _print(report: dict[str, Any]) -> None:
    print(f"\n## {report['set']}: {report['cases']} Fälle, {report['cells']} Angaben, {report['seconds']} s")
    print(f"{'Feld':28} {'gefüllt':>8} {'richtig':>8} {'fehlt':>6} {'erkannt':>8}")
    for name, entry in report["fields"].items():
        filled = "–" if entry["filled_accuracy"] is None else f"{entry['filled_accuracy']:.2f}"
        absent = "–" if entry["absent_correct"] is None else f"{entry['absent_correct']:.2f}"
        print(f"{name:28} {entry['filled']:>8} {filled:>8} {entry['absent']:>6} {absent:>8}")
    print(
        f"gesamt: gefüllte Felder richtig {report['filled_accuracy']:.3f} (Ziel ≥ 0,90), "
        f"fehlende als „nicht gefunden“ {report['absent_correct']:.3f} (Ziel ≥ 0,95)"
    )
    for label, counts in report["confidence"].items():
        total = counts["right"] + counts["wrong"]
        share = f"{counts['right'] / total:.3f}" if total else "–"
        print(f"{label}: {total} Zellen, {counts['right']} richtig, {counts['wrong']} falsch (Anteil richtig {share})")
    print("Ziel: von den als „sicher“ markierten Zellen ≥ 0,97 richtig")
    print(f"Durchsatz: {report['cells_per_minute']} Angaben/min (Ziel ≥ {TARGET_CELLS_PER_MINUTE})")
    print("Verlauf (Fälle fertig, Sekunden):", report["seconds_after_cases"])
    for entry in report["fields"].values():
        for line in entry["wrong"]:
            print("  falsch:", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.batch", description=__doc__)
    parser.add_argument("--set", action="append", help="CASES_DIR=SCHEMA.yaml (mehrfach möglich)")
    parser.add_argument("--limit", type=int, help="nur die ersten N Fälle je Satz")
    parser.add_argument("--json", type=Path, help="Bericht zusätzlich als JSON speichern")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="batch-eval-") as runtime:
        settings = Settings()
        settings.jobs.folder = Path(runtime)
        services = Services(settings)
        reports = []
        for pair in args.set or DEFAULT_SETS:
            cases_dir, schema_path = pair.split("=", 1)
            report = run_set(Path(cases_dir), Path(schema_path), services, args.limit)
            _print(report)
            reports.append(report)
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
