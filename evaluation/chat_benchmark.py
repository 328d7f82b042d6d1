"""Chat latency: time to first token and characters/s through POST /api/chat (SSE over loopback HTTP) versus
llama-cpp-python called directly with the same prompt, in the same run; plus the server's peak memory.

    python -m evaluation.chat_benchmark [--index data/index] [--questions 5] [--json]

Before each measured call the model is primed with the fixed system prompt only, so both paths start from
the same KV-cache state (the server does the same at start-up).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.chat.answerer import Question
from assistant.chat.context import compress
from assistant.services import Services
from assistant.settings import Settings
from evaluation.live import benchmark_key, benchmark_settings, serve, stream_chat, time_pieces

QUESTIONS = (
    "Wie hoch ist die Gebühr für einen Kindergartenplatz?",
    "Bis wann müssen die Gehwege werktags geräumt sein?",
    "Welche Aufgaben hat der Bürgermeister nach der Hauptsatzung?",
    "Ab welcher Entfernung werden Schülerbeförderungskosten erstattet?",
    "Wie lange darf man Bücher aus der Bücherei ausleihen?",
    "Was kostet der Eintritt ins Freibad für Erwachsene?",
)


def _direct(services: Services, question: str) -> tuple[float, float]:
    """(time to first token, characters per second between first and last token) for the answerer's prompt.

    Retrieval runs before the clock starts here; through the API it is part of the time to first token."""
    scope = services.index.operator_scope()
    answerer = services.answerer(scope)
    hits = services.index.search(question, scope, k=services.settings.answer.passages)
    messages = answerer._messages(Question(question), compress(question, hits, answerer.settings.context_chars))
    started = time.perf_counter()
    pieces = services.chat_model.stream(messages, max_tokens=services.settings.llm.max_answer_tokens)
    timed = time_pieces(pieces, started)
    return timed.first_s, timed.chars_per_s


def run(settings: Settings, questions: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as runtime:
        services = Services(benchmark_settings(settings, Path(runtime)))
        services.warm_up()
        key = benchmark_key(services)
        base_url = serve(services)
        rows: dict[str, list[tuple[float, float]]] = {"direct": [], "api": []}
        for question in QUESTIONS[:questions]:
            for path in ("direct", "api"):
                # same cache state for both paths: only the system prompt
                services.answerer(services.index.operator_scope()).warm_up()
                if path == "direct":
                    rows[path].append(_direct(services, question))
                else:
                    timed = stream_chat(base_url, key, question)
                    rows[path].append((timed.first_s, timed.chars_per_s))
    summary = {
        path: {
            "ttft_p50_s": statistics.median(r[0] for r in values),
            "chars_per_s": statistics.median(r[1] for r in values),
        }
        for path, values in rows.items()
    }
    summary["overhead"] = {
        "ttft": summary["api"]["ttft_p50_s"] / summary["direct"]["ttft_p50_s"] - 1,
        "chars_per_s": 1 - summary["api"]["chars_per_s"] / summary["direct"]["chars_per_s"],
    }
    summary["peak_memory_mb"] = {"server_process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.chat_benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()
    if args.index:
        settings.ingest.index_dir = args.index
    result = run(settings, args.questions)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for path in ("direct", "api"):
        row = result[path]
        print(f"{path:6}: erstes Token p50 {row['ttft_p50_s']:.2f} s, {row['chars_per_s']:.1f} Zeichen/s")
    overhead = result["overhead"]
    print(f"Aufwand der API: erstes Token {overhead['ttft']:+.1%}, Zeichen/s {overhead['chars_per_s']:+.1%}")
    print(f"Spitzenspeicher des Serverprozesses: {result['peak_memory_mb']['server_process']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
