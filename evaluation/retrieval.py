"""Retrieval evaluation: recall@1/5/10 and MRR@10 at document level, per dataset, for dense, keyword and
hybrid search, plus ingest speed and query latency.

    python -m evaluation.retrieval --corpus ../shared/corpus --qa ../shared/eval/dev_qa.jsonl [--index DIR] [--json]
        [--split tuning|check|all]

The index is built (or brought up to date) incrementally in --index, so a second run takes seconds.
``--split`` keeps a deterministic half of every dataset: questions whose id has an even SHA-1 are the
tuning half (tune search settings on it), odd ones the check half (report on it, never tune on it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from ingest.pipeline import Ingestor, IngestReport
from ingest.search import SearchIndex, SearchMode
from ingest.settings import CoreSettings
from ingest.types import DEFAULT_COLLECTION
from models import Embedder, create_embedder

MODES: tuple[SearchMode, ...] = ("dense", "keyword", "hybrid")
CUTOFFS = (1, 5, 10)
PASSAGES_PER_QUERY = 100
REPORT_FILE = "last_ingest_report.json"
Split = Literal["tuning", "check", "all"]
SPLITS: tuple[Split, ...] = ("tuning", "check", "all")


@dataclass(frozen=True)
class Question:
    id: str
    dataset: str
    question: str
    source_doc: str


class _QueryCachingEmbedder:
    """Embeds each question once although three modes search with it."""

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.embed_query = lru_cache(maxsize=None)(inner.embed_query)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._inner.embed_passages(texts)


def load_questions(path: Path) -> list[Question]:
    questions = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                questions.append(Question(record["id"], record["dataset"], record["question"], record["source_doc"]))
    return questions


def split_of(question_id: str) -> Split:
    """Tuning or check half, by the parity of the id's SHA-1: stable across runs, machines and file order."""
    return "tuning" if int(hashlib.sha1(question_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


def select_split(questions: list[Question], split: Split) -> list[Question]:
    return questions if split == "all" else [q for q in questions if split_of(q.id) == split]


def document_ranking(index: SearchIndex, question: str, mode: SearchMode) -> list[str]:
    """Sources of the retrieved passages, each document once, best first."""
    ranking: list[str] = []
    for hit in index.search(question, index.operator_scope(), k=PASSAGES_PER_QUERY, mode=mode):
        if hit.source not in ranking:
            ranking.append(hit.source)
    return ranking


def law_of(source: str) -> str:
    """Law-level key: chapter parts of one law ("BauGB_KAP-1_…") share the part before the first '_'."""
    return Path(source).stem.split("_")[0]


def score(rankings: list[tuple[Question, list[str]]]) -> dict[str, float]:
    metrics: dict[str, float] = {"n": float(len(rankings))}
    for cutoff in CUTOFFS:
        hits = [q.source_doc in ranking[:cutoff] for q, ranking in rankings]
        metrics[f"recall@{cutoff}"] = sum(hits) / max(len(hits), 1)
    reciprocal = [
        1.0 / (ranking[:10].index(q.source_doc) + 1) if q.source_doc in ranking[:10] else 0.0 for q, ranking in rankings
    ]
    metrics["mrr@10"] = sum(reciprocal) / max(len(reciprocal), 1)
    law_hits = [law_of(q.source_doc) in {law_of(doc) for doc in ranking[:5]} for q, ranking in rankings]
    metrics["law_recall@5"] = sum(law_hits) / max(len(law_hits), 1)
    return metrics


def evaluate(index: SearchIndex, questions: list[Question]) -> dict[str, dict[str, dict[str, float]]]:
    """metrics[mode][dataset] (plus dataset "alle") and query latency of hybrid search."""
    results: dict[str, dict[str, dict[str, float]]] = {}
    latencies: list[float] = []
    for mode in MODES:
        per_dataset: dict[str, list[tuple[Question, list[str]]]] = defaultdict(list)
        for question in questions:
            started = time.perf_counter()
            ranking = document_ranking(index, question.question, mode)
            if mode == "hybrid":
                latencies.append(time.perf_counter() - started)
            per_dataset[question.dataset].append((question, ranking))
            per_dataset["alle"].append((question, ranking))
        results[mode] = {dataset: score(rankings) for dataset, rankings in sorted(per_dataset.items())}
    results["latency_ms"] = {"hybrid": _latency_summary(latencies)}
    return results


def _latency_summary(latencies: list[float]) -> dict[str, float]:
    if not latencies:
        return {}
    ordered = sorted(latencies)
    return {
        "p50": 1000 * statistics.median(ordered),
        "p95": 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
    }


def ingest_summary(report: IngestReport, embedder_seconds: float) -> dict[str, float]:
    seconds = report.seconds
    overhead = seconds.get("load", 0) - seconds.get("ocr", 0) + seconds.get("chunk", 0) + seconds.get("index", 0)
    return {
        "files": report.files_found,
        "pages": report.pages,
        "ocr_pages": report.ocr_pages,
        "passages": report.passages_total,
        "passages_embedded": report.passages_embedded,
        "seconds_total": seconds.get("total", 0.0),
        "seconds_embed": seconds.get("embed", 0.0),
        "seconds_ocr": seconds.get("ocr", 0.0),
        "seconds_pipeline_overhead": overhead,
        "overhead_share_of_embedding": overhead / embedder_seconds if embedder_seconds else 0.0,
        "passages_per_second": report.passages_embedded / seconds["total"] if seconds.get("total") else 0.0,
        "pages_per_second": report.pages / seconds["total"] if seconds.get("total") else 0.0,
    }


def _format(results: dict[str, dict[str, dict[str, float]]], ingest: dict[str, float], split: Split = "all") -> str:
    lines = [
        "Abruf-Qualität (Dokumentebene)" + ("" if split == "all" else f", Teilmenge {split}"),
        f"{'Modus':8} {'Datensatz':18} {'n':>5} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7} {'Gesetz-R@5':>10}",
    ]
    for mode in MODES:
        for dataset, metrics in results[mode].items():
            lines.append(
                f"{mode:8} {dataset:18} {int(metrics['n']):5d} {metrics['recall@1']:6.3f} {metrics['recall@5']:6.3f} "
                f"{metrics['recall@10']:6.3f} {metrics['mrr@10']:7.3f} {metrics['law_recall@5']:10.3f}"
            )
    latency = results["latency_ms"]["hybrid"]
    if latency:
        lines.append(f"Suchlatenz hybrid: p50 {latency['p50']:.1f} ms, p95 {latency['p95']:.1f} ms")
    if ingest:
        lines.append(
            "Einlesen (letzter vollständiger Lauf): {files} Dateien, {pages} Seiten ({ocr_pages} OCR), {passages} "
            "Abschnitte in {seconds_total:.0f} s = {passages_per_second:.2f} Abschnitte/s, {pages_per_second:.2f} "
            "Seiten/s; Einbetten {seconds_embed:.0f} s, OCR {seconds_ocr:.0f} s, Pipeline-Aufwand "
            "{seconds_pipeline_overhead:.1f} s = {overhead_share_of_embedding:.1%} der Einbettungszeit".format(**ingest)
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.retrieval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="Korpus-Ordner")
    parser.add_argument("--qa", type=Path, required=True, help="Fragen (JSONL, Format wie dev_qa.jsonl)")
    parser.add_argument("--index", type=Path, default=Path("data/runtime/eval-index"), help="Index-Ordner")
    parser.add_argument("--json", action="store_true", help="Ergebnisse als JSON")
    parser.add_argument("--limit", type=int, default=0, help="Nur die ersten N Fragen (0 = alle)")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="Hälfte jedes Datensatzes: tuning (SHA-1 der Frage-ID gerade), check (ungerade) oder all",
    )
    args = parser.parse_args(argv)
    settings = CoreSettings()
    settings.ingest.index_dir = args.index
    embedder = _QueryCachingEmbedder(create_embedder(settings.embedder))
    report = Ingestor(settings, embedder).ingest([args.corpus], collection=DEFAULT_COLLECTION, progress=not args.json)
    ingest = _remember_full_ingest(args.index, report)
    questions = select_split(load_questions(args.qa), args.split)
    if args.limit:
        questions = questions[: args.limit]
    results = evaluate(SearchIndex.open(settings, embedder), questions)
    if args.json:
        print(
            json.dumps(
                {
                    "retrieval": results,
                    "split": args.split,
                    "ingest": ingest,
                    "settings": settings.model_dump(mode="json"),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(_format(results, ingest, args.split))
    return 0


def _remember_full_ingest(index_dir: Path, report: IngestReport) -> dict[str, float]:
    """Ingest figures of the run that embedded the most; a later incremental run reuses them."""
    path = index_dir / REPORT_FILE
    summary = ingest_summary(report, report.seconds.get("embed", 0.0))
    previous = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    if previous and previous.get("passages_embedded", 0) >= summary["passages_embedded"]:
        return dict(previous)
    path.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


if __name__ == "__main__":
    sys.exit(main())
