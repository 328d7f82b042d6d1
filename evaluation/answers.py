"""Answer evaluation: correct, wrong and declined answers, verified citations, abstention, time to first token.

    python -m evaluation.answers --qa ../shared/eval/dev_qa.jsonl --index data/runtime/eval-index \
        [--per-dataset 20] [--unanswerable data/eval/unanswerable.jsonl] [--json]
    python -m evaluation.answers --municipal data/eval/municipal_qa.jsonl --split check [--limit N] [--json]

The dev-set run needs an index of the corpus the questions refer to (``python -m evaluation.retrieval`` builds
it). The municipal run ingests ``data/samples`` into its own index. An answer is *correct* when it carries the key
content (dev set) or every gold fact (municipal set); *wrong* when it is given but not correct; *declined* when
the assistant says it found nothing, that the case is not regulated, or that it is unsure. For unanswerable and
trap questions only a decline is right. Tune on ``--split tuning``, report ``--split check``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path
from typing import Any

from assistant.chat.answerer import ChatAnswer, Question
from assistant.services import Services
from assistant.settings import Settings
from assistant.shared.citations import StoredTexts
from ingest.german import shared_analyzer
from ingest.pipeline import Ingestor
from ingest.types import DEFAULT_COLLECTION

ANSWER_DATASETS = ("legalquad", "htwg_spo_quad")
DECLINED = ("nichts_gefunden", "nicht_geregelt", "unsicher")
SAMPLES = Path("data/samples")
SAMPLES_INDEX = Path("data/runtime/eval-samples-index")
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


def normalised(text: str) -> str:
    return " ".join(text.lower().replace("\u00a0", " ").split())


def has_facts(answer: str, facts: list[list[str]]) -> bool:
    """Every fact group has one of its spellings in the answer (case and whitespace aside)."""
    text = normalised(answer)
    return bool(facts) and all(any(normalised(option) in text for option in group) for group in facts)


def outcome(status: str, correct: bool) -> str:
    if status in DECLINED:
        return "declined"
    return "correct" if correct else "wrong"


def sample_questions(path: Path, per_dataset: int, seed: int = 13) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen: list[dict[str, Any]] = []
    for dataset in ANSWER_DATASETS:
        items = [r for r in records if r["dataset"] == dataset and r.get("answer")]
        random.Random(seed).shuffle(items)
        chosen.extend(items[:per_dataset] if per_dataset else items)
    return chosen


def run(services: Services, questions: list[dict[str, Any]], unanswerable: list[dict[str, Any]]) -> dict[str, Any]:
    scope = services.index.operator_scope()
    answerer = services.answerer(scope)
    texts = StoredTexts(services.index.store, scope)
    sources = {doc.doc_id: doc.source for doc in services.index.store.documents(scope)}
    per_dataset: dict[str, list[dict[str, Any]]] = {}
    ttft: list[float] = []
    verified = shown = 0
    for record in questions:
        answer = answerer.answer(Question(record["question"]))
        ok, count = citations_verify(answer, texts)
        verified, shown = verified + ok, shown + count
        if answer.done.seconds_to_first_token:
            ttft.append(answer.done.seconds_to_first_token)
        final = answer.verified
        key_content = contains_key_content(final.answer, record["answer"])
        per_dataset.setdefault(record["dataset"], []).append(
            {
                "key_content": key_content,
                "wrong": outcome(final.status, key_content) == "wrong",
                "cites_gold": any(sources.get(c.doc_id) == record["source_doc"] for c in final.citations),
                "abstained": final.status in DECLINED,
            }
        )
    declined = [answerer.answer(Question(r["question"])).verified for r in unanswerable]
    return {
        "datasets": {name: _shares(rows) for name, rows in per_dataset.items()},
        "citations_verified": verified / shown if shown else 1.0,
        "citations_shown": shown,
        "unanswerable_declined": sum(a.status in DECLINED for a in declined) / max(len(declined), 1),
        "unanswerable_n": len(declined),
        "ttft_p50_s": statistics.median(ttft) if ttft else None,
        "ttft_max_s": max(ttft) if ttft else None,
    }


def run_municipal(services: Services, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Correct/wrong/declined for answerable questions, declined for unanswerable and trap questions."""
    scope = services.index.operator_scope()
    answerer = services.answerer(scope)
    texts = StoredTexts(services.index.store, scope)
    answerable: list[str] = []
    traps: list[str] = []
    ttft: list[float] = []
    evidence_s: list[float] = []
    verified = shown = 0
    details = []
    for record in records:
        answer = answerer.answer(Question(record["question"]))
        if answer.done.seconds_to_evidence is not None:
            evidence_s.append(answer.done.seconds_to_evidence)
        ok, count = citations_verify(answer, texts)
        verified, shown = verified + ok, shown + count
        if answer.done.seconds_to_first_token:
            ttft.append(answer.done.seconds_to_first_token)
        final = answer.verified
        if record["expect"] == "answer":
            result = outcome(final.status, has_facts(final.answer, record["facts"]))
            answerable.append(result)
        else:
            result = "declined" if final.status in DECLINED else "wrong"
            traps.append(result)
        details.append(
            {
                "id": record["id"],
                "expect": record["expect"],
                "status": final.status,
                "result": result,
                "answer": final.answer,
            }
        )
        print(f"{len(details)}/{len(records)} {record['id']} {result}", file=sys.stderr, flush=True)
    return {
        "answerable_n": len(answerable),
        **{share: answerable.count(share) / max(len(answerable), 1) for share in ("correct", "wrong", "declined")},
        "traps_n": len(traps),
        "traps_declined": traps.count("declined") / max(len(traps), 1),
        "citations_verified": verified / shown if shown else 1.0,
        "citations_shown": shown,
        "ttft_p50_s": statistics.median(ttft) if ttft else None,
        "evidence_p50_s": statistics.median(evidence_s) if evidence_s else None,
        "details": details,
    }


def _shares(rows: list[dict[str, Any]]) -> dict[str, float]:
    n = max(len(rows), 1)
    return {
        "n": len(rows),
        **{key: sum(row[key] for row in rows) / n for key in ("key_content", "wrong", "cites_gold", "abstained")},
    }


def _format(result: dict[str, Any]) -> str:
    lines = [
        "Antwort-Qualität",
        f"{'Datensatz':15} {'n':>4} {'richtig':>8} {'falsch':>7} {'zitiert Gold':>12} {'abgelehnt':>10}",
    ]
    for name, shares in result["datasets"].items():
        lines.append(
            f"{name:15} {shares['n']:4d} {shares['key_content']:8.2f} {shares['wrong']:7.2f} "
            f"{shares['cites_gold']:12.2f} {shares['abstained']:10.2f}"
        )
    lines.append(f"Geprüfte Zitate: {result['citations_verified']:.0%} von {result['citations_shown']} angezeigten")
    lines.append(
        f"Nicht beantwortbare Fragen korrekt abgelehnt: {result['unanswerable_declined']:.0%} "
        f"(n={result['unanswerable_n']})"
    )
    if result["ttft_p50_s"] is not None:
        lines.append(f"Zeit bis zum ersten Token: p50 {result['ttft_p50_s']:.1f} s, max {result['ttft_max_s']:.1f} s")
    return "\n".join(lines)


def _format_municipal(result: dict[str, Any], split: str) -> str:
    lines = [
        f"Kommunale Fragen zu data/samples (Teil: {split})",
        f"Beantwortbar (n={result['answerable_n']}): richtig {result['correct']:.2f}, "
        f"falsch {result['wrong']:.2f}, abgelehnt {result['declined']:.2f}",
        f"Nicht beantwortbar oder nicht geregelt (n={result['traps_n']}): abgelehnt {result['traps_declined']:.2f}",
        f"Geprüfte Zitate: {result['citations_verified']:.0%} von {result['citations_shown']} angezeigten",
    ]
    if result["ttft_p50_s"] is not None:
        lines.append(f"Zeit bis zum ersten Token: p50 {result['ttft_p50_s']:.1f} s")
    if result["evidence_p50_s"] is not None:
        lines.append(f"Zeit bis zur entscheidenden Fundstelle: p50 {result['evidence_p50_s']:.2f} s")
    lines += [f"  {row['id']} {row['result']:8} {row['status']:15} {row['answer'][:110]}" for row in result["details"]]
    return "\n".join(lines)


def _municipal_services(settings: Settings) -> Services:
    settings.ingest.index_dir = SAMPLES_INDEX
    Ingestor(settings).ingest([SAMPLES], collection=DEFAULT_COLLECTION, progress=False)
    return Services(settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.answers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--qa", type=Path, help="dev set (../shared/eval/dev_qa.jsonl)")
    parser.add_argument("--municipal", type=Path, help="municipal set over data/samples")
    parser.add_argument("--split", choices=("tuning", "check", "all"), default="check")
    parser.add_argument("--limit", type=int, default=0, help="höchstens so viele Fragen (0 = alle)")
    parser.add_argument("--index", type=Path, default=Path("data/runtime/eval-index"))
    parser.add_argument("--per-dataset", type=int, default=20, help="Fragen je Datensatz (0 = alle)")
    parser.add_argument("--unanswerable", type=Path, default=Path("data/eval/unanswerable.jsonl"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.municipal:
        records = [json.loads(line) for line in args.municipal.read_text(encoding="utf-8").splitlines() if line]
        records = [r for r in records if args.split == "all" or r["split"] == args.split]
        services = _municipal_services(Settings())
        services.warm_up()
        municipal = run_municipal(services, records[: args.limit] if args.limit else records)
        shown = json.dumps(municipal, indent=2, ensure_ascii=False) if args.json else None
        print(shown or _format_municipal(municipal, args.split))
    if args.qa:
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
