"""Answer evaluation on the dev set: key content, cited gold document, verified citations, abstention, TTFT.

    python -m evaluation.answers --qa ../shared/eval/dev_qa.jsonl --index data/runtime/eval-index \
        [--per-dataset 20] [--unanswerable data/eval/unanswerable.jsonl] [--json]

The index must hold the corpus the questions refer to (``python -m evaluation.retrieval`` builds it).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path
from typing import Any

from assistant.chat.answerer import NOTHING_FOUND, ChatAnswer, Question
from assistant.services import Services
from assistant.settings import Settings
from assistant.shared.citations import StoredTexts
from ingest.german import shared_analyzer

ANSWER_DATASETS = ("legalquad", "htwg_spo_quad")
KEY_CONTENT_SHARE = 0.5


def contains_key_content(answer: str, gold: str) -> bool:
    """At least half of the gold answer's content words (stemmed) appear in the answer."""
    wanted = shared_analyzer().token_set(gold)
    return bool(wanted) and len(wanted & shared_analyzer().token_set(answer)) >= KEY_CONTENT_SHARE * len(wanted)


def citations_verify(answer: ChatAnswer, texts: StoredTexts) -> tuple[int, int]:
    """(verified, shown): each shown quote is looked up again in the stored document text."""
    citations = answer.verified.citations
    verified = sum(texts.text(c.doc_id)[c.quote_start : c.quote_end] == c.quote for c in citations)
    return verified, len(citations)


def sample_questions(path: Path, per_dataset: int, seed: int = 13) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen: list[dict[str, Any]] = []
    for dataset in ANSWER_DATASETS:
        items = [r for r in records if r["dataset"] == dataset and r.get("answer")]
        random.Random(seed).shuffle(items)
        chosen.extend(items[:per_dataset] if per_dataset else items)
    return chosen


def run(services: Services, questions: list[dict[str, Any]], unanswerable: list[dict[str, Any]]) -> dict[str, Any]:
    texts = StoredTexts(services.index.store)
    sources = {doc.doc_id: doc.source for doc in services.index.store.documents()}
    per_dataset: dict[str, list[dict[str, Any]]] = {}
    ttft: list[float] = []
    verified = shown = 0
    for record in questions:
        answer = services.answerer.answer(Question(record["question"]))
        ok, count = citations_verify(answer, texts)
        verified, shown = verified + ok, shown + count
        if answer.done.seconds_to_first_token:
            ttft.append(answer.done.seconds_to_first_token)
        final = answer.verified
        per_dataset.setdefault(record["dataset"], []).append(
            {
                "key_content": contains_key_content(final.answer, record["answer"]),
                "cites_gold": any(sources.get(c.doc_id) == record["source_doc"] for c in final.citations),
                "abstained": final.status == "nichts_gefunden",
            }
        )
    declined = [services.answerer.answer(Question(r["question"])).verified for r in unanswerable]
    return {
        "datasets": {name: _shares(rows) for name, rows in per_dataset.items()},
        "citations_verified": verified / shown if shown else 1.0,
        "citations_shown": shown,
        "unanswerable_declined": sum(a.answer == NOTHING_FOUND for a in declined) / max(len(declined), 1),
        "unanswerable_n": len(declined),
        "ttft_p50_s": statistics.median(ttft) if ttft else None,
        "ttft_max_s": max(ttft) if ttft else None,
    }


def _shares(rows: list[dict[str, Any]]) -> dict[str, float]:
    n = max(len(rows), 1)
    return {
        "n": len(rows),
        **{key: sum(row[key] for row in rows) / n for key in ("key_content", "cites_gold", "abstained")},
    }


def _format(result: dict[str, Any]) -> str:
    lines = [
        "Antwort-Qualität",
        f"{'Datensatz':15} {'n':>4} {'Kerninhalt':>10} {'zitiert Gold':>12} {'Enthaltung':>10}",
    ]
    for name, shares in result["datasets"].items():
        lines.append(
            f"{name:15} {shares['n']:4d} {shares['key_content']:10.2f} {shares['cites_gold']:12.2f} "
            f"{shares['abstained']:10.2f}"
        )
    lines.append(f"Geprüfte Zitate: {result['citations_verified']:.0%} von {result['citations_shown']} angezeigten")
    lines.append(
        f"Nicht beantwortbare Fragen korrekt abgelehnt: {result['unanswerable_declined']:.0%} "
        f"(n={result['unanswerable_n']})"
    )
    if result["ttft_p50_s"] is not None:
        lines.append(f"Zeit bis zum ersten Token: p50 {result['ttft_p50_s']:.1f} s, max {result['ttft_max_s']:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.answers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--qa", type=Path, required=True)
    parser.add_argument("--index", type=Path, default=Path("data/runtime/eval-index"))
    parser.add_argument("--per-dataset", type=int, default=20, help="Fragen je Datensatz (0 = alle)")
    parser.add_argument("--unanswerable", type=Path, default=Path("data/eval/unanswerable.jsonl"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()
    settings.ingest.index_dir = args.index
    services = Services(settings)
    services.warm_up()
    unanswerable = [
        json.loads(line) for line in args.unanswerable.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    result = run(services, sample_questions(args.qa, args.per_dataset), unanswerable)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else _format(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
