"""What the permission scope costs: search latency (p50/p95) without a mask and with scopes of 1 and 19 of 20
collections, the access layer's scope lookup for a user with 1 and 20 grants, and both against a chat request.

    python -m evaluation.scope_benchmark [--index data/runtime/eval-index] [--qa ../shared/eval/dev_qa.jsonl]

The live generation of ``--index`` (the dev corpus index that ``evaluation.retrieval`` builds) is copied, and its
documents are dealt round-robin into 20 collections. Conditions run interleaved per query, so drift hits all alike.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

from assistant.access.accounts import OPERATOR, Accounts
from assistant.access.collections import Collections, Grant
from assistant.access.db import open_database
from assistant.chat.answerer import Question
from assistant.services import Services
from assistant.settings import AccessSettings, DatabaseSettings, Settings
from ingest import index_folder as folder
from ingest.passage_store import PassageStore
from ingest.search import SearchIndex
from ingest.types import Scope
from models import create_embedder

COLLECTIONS = [f"sammlung-{number:02d}" for number in range(20)]


def scoped_copy(index_dir: Path, target: Path) -> Path:
    """A copy of the live generation whose documents are dealt round-robin into the 20 collections."""
    live = folder.require_generation(index_dir)
    generation = target / live.name
    shutil.copytree(live, generation)
    (target / folder.CURRENT_FILE).write_text(live.name, encoding="utf-8")
    path = generation / folder.STORE_FILE
    PassageStore(path).close()  # opened for writing once, it gains the collection column if it has none
    with closing(sqlite3.connect(path)) as database, database:
        database.execute("UPDATE documents SET collection = printf('sammlung-%02d', (rowid - 1) % 20)")
    return target


def percentiles(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "p50_ms": round(1000 * statistics.median(ordered), 2),
        "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 2),
    }


def search_latency(index: SearchIndex, questions: list[str]) -> dict[str, dict[str, float]]:
    scopes = {
        "all 20 collections (no mask)": Scope(frozenset(COLLECTIONS)),
        "1 of 20 collections": Scope.of(COLLECTIONS[0]),
        "19 of 20 collections": Scope(frozenset(COLLECTIONS[1:])),
    }
    timings: dict[str, list[float]] = {name: [] for name in scopes}
    for question in questions[:5]:  # warm caches (SQLite pages, BM25 arrays, the embedder)
        index.search(question, scopes["1 of 20 collections"], k=10)
    for number, question in enumerate(questions):
        names = list(scopes)
        names = names[number % len(names) :] + names[: number % len(names)]
        for name in names:
            started = time.perf_counter()
            index.search(question, scopes[name], k=10)
            timings[name].append(time.perf_counter() - started)
    return {name: percentiles(values) for name, values in timings.items()}


def scope_lookup(runs: int) -> dict[str, dict[str, float]]:
    """Collections.scope for a user with one grant and one with 20 (SQLite state database, as by default)."""
    with tempfile.TemporaryDirectory() as folder_name:
        engine = open_database(DatabaseSettings(url=f"sqlite:///{folder_name}/state.sqlite"))
        accounts, collections = Accounts(engine, AccessSettings()), Collections(engine)
        few = accounts.add_user("ein.recht", department="Bauamt", password=None)
        many = accounts.add_user("viele.rechte", department="Ordnungsamt", password=None)
        for name in COLLECTIONS:
            collections.create(OPERATOR, name, "", [Grant("read", department="Ordnungsamt")])
        results = {}
        for label, principal in (("1 grant (everyone)", few), ("21 grants", many)):
            results[label] = percentiles(_timed(partial(collections.scope, principal), runs))
        return results


def _timed(call: Callable[[], Any], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return seconds


def chat_seconds(index_dir: Path, questions: list[str]) -> float:
    """Median wall time of a full answer (retrieval, evidence, generation, verification) on this index."""
    settings = Settings()
    settings.ingest.index_dir = index_dir
    services = Services(settings)
    scope = Scope.of(*COLLECTIONS)
    services.answerer(scope).warm_up()
    times = []
    for question in questions:
        started = time.perf_counter()
        services.answerer(scope).answer(Question(question))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.scope_benchmark", description=__doc__)
    parser.add_argument("--index", type=Path, default=Path("data/runtime/eval-index"))
    parser.add_argument("--qa", type=Path, default=Path("../shared/eval/dev_qa.jsonl"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--chat", type=int, default=3, help="Full answers timed for the comparison (0 = none)")
    args = parser.parse_args(argv)
    lines = args.qa.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()][: args.queries]
    with tempfile.TemporaryDirectory() as target:
        index_dir = scoped_copy(args.index, Path(target))
        index = SearchIndex(index_dir, create_embedder(Settings().embedder), Settings().search)
        passages = index.manifest.passages
        search = search_latency(index, questions)
        lookup = scope_lookup(300)
        chat = chat_seconds(index_dir, questions[: args.chat]) if args.chat else None
    baseline = search["all 20 collections (no mask)"]["p50_ms"]
    report = {
        "passages": passages,
        "queries": len(questions),
        "search": search,
        "mask_cost_ratio_p50": {name: round(row["p50_ms"] / baseline, 3) for name, row in search.items()},
        "scope_lookup": lookup,
        "chat_p50_s": round(chat, 2) if chat is not None else None,
    }
    if chat is not None:
        worst = max(row["p50_ms"] for row in search.values()) - baseline + lookup["21 grants"]["p50_ms"]
        report["scope_share_of_chat"] = round(worst / 1000 / chat, 5)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
