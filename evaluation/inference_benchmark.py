"""Inference on a shared server: what the assistant adds on top of the inference server, and four clerks at
once against a server versus the in-process model. Both in the same run, on this machine.

    python -m evaluation.inference_benchmark [--index data/index] [--questions 6] [--clerks 4]
                                             [--llama-server PATH] [--json]

Overhead: each question is answered through the openai backend from llama-cpp-python's server, once streamed by
POST /api/chat (tokens as they come) and once by POST /v1/chat/completions (the answer is verified before its
first delta is sent). Afterwards the prompt the assistant sent is replayed to the same server directly with the
official openai client. Before every call the server is primed with the system prompt only, so each path starts
from the same cache state.

Concurrency: ``--clerks`` clerks ask at the same time through /api/chat, each their questions one after another,
once against the in-process model and once against an inference server: llama.cpp's ``llama-server`` with one
slot per clerk where ``--llama-server`` names the binary (scripts/build-llama-server.sh builds it), else
llama-cpp-python's server, which answers one request at a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import openai

from assistant.services import Services
from assistant.settings import Settings
from evaluation.chat_benchmark import QUESTIONS
from evaluation.inference_server import start_inference_server, start_llama_server
from evaluation.live import ChatModelProxy, Timed, benchmark_key, benchmark_settings, serve, stream_chat, time_pieces
from models.llm import ChatMessage, ChatModel, create_chat_model
from models.settings import LlmSettings


class RecordingModel(ChatModelProxy):
    """A chat model that keeps the messages of its last streamed request (to replay them directly)."""

    def __init__(self, model: ChatModel) -> None:
        super().__init__(model)
        self.last_messages: list[ChatMessage] = []

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        self.last_messages = list(messages)
        return super().stream(messages, max_tokens=max_tokens, stop=stop)


def _stream_openai(client: openai.OpenAI, model: str, messages: Any, max_tokens: int) -> Timed:
    started = time.perf_counter()
    chunks = client.chat.completions.create(
        model=model, messages=messages, max_tokens=max_tokens, temperature=0.0, stream=True
    )
    return time_pieces((c.choices[0].delta.content or "" for c in chunks if c.choices), started)


def _summary(rows: list[Timed]) -> dict[str, float]:
    return {
        "ttft_p50_s": statistics.median(row.first_s for row in rows),
        "total_p50_s": statistics.median(row.last_s for row in rows),
        "chars_per_s": statistics.median(row.chars_per_s for row in rows),
    }


def overhead(settings: Settings, questions: list[str]) -> dict[str, Any]:
    server, base_url = start_inference_server()
    try:
        settings.llm = LlmSettings(backend="openai", base_url=base_url, max_parallel=1)
        model = RecordingModel(create_chat_model(settings.llm))
        services = Services(settings, chat_model=model)
        key = benchmark_key(services)
        app_url = serve(services)
        system = services.answerer(services.index.operator_scope()).system_prompt
        ours = openai.OpenAI(base_url=f"{app_url}/v1", api_key=key, max_retries=0)
        direct = openai.OpenAI(base_url=base_url, api_key="kein-schluessel", max_retries=0)
        tokens = settings.llm.max_answer_tokens
        rows: dict[str, list[Timed]] = {"direct": [], "api_chat": [], "v1": []}
        for question in questions:
            model.warm_up(system)
            rows["api_chat"].append(stream_chat(app_url, key, question))
            prompt = [{"role": m.role, "content": m.content} for m in model.last_messages]
            model.warm_up(system)
            rows["v1"].append(
                _stream_openai(ours, "verwaltungsassistent", [{"role": "user", "content": question}], tokens)
            )
            model.warm_up(system)
            rows["direct"].append(_stream_openai(direct, "qwen-klein", prompt, tokens))
    finally:
        server.kill()
        server.wait()
    result: dict[str, Any] = {path: _summary(values) for path, values in rows.items()}
    direct_row = result["direct"]
    result["ratios"] = {
        "api_chat_ttft": result["api_chat"]["ttft_p50_s"] / direct_row["ttft_p50_s"],
        "api_chat_chars_per_s": result["api_chat"]["chars_per_s"] / direct_row["chars_per_s"],
        "v1_total": result["v1"]["total_p50_s"] / direct_row["total_p50_s"],
        "v1_ttft_vs_direct_total": result["v1"]["ttft_p50_s"] / direct_row["total_p50_s"],
    }
    return result


def _clerks(ask: Callable[[str], Timed], questions: list[str], clerks: int) -> dict[str, float]:
    """``clerks`` threads at once, clerk n asking questions n, n+clerks, … of the list one after another."""

    def clerk(number: int) -> list[Timed]:
        return [ask(question) for question in questions[number::clerks]]

    started = time.perf_counter()
    with ThreadPoolExecutor(clerks) as pool:
        rows = [timed for answers in pool.map(clerk, range(clerks)) for timed in answers]
    seconds = time.perf_counter() - started
    firsts = sorted(row.first_s for row in rows)
    return {
        "answers": len(rows),
        "ttft_p50_s": statistics.median(firsts),
        "ttft_p95_s": firsts[min(len(firsts) - 1, round(0.95 * (len(firsts) - 1)))],
        "answers_per_minute": len(rows) / seconds * 60,
    }


def concurrency(settings: Settings, questions: list[str], clerks: int, llama_server: Path | None) -> dict[str, Any]:
    result: dict[str, Any] = {}
    local = Services(settings)
    local.warm_up()
    key = benchmark_key(local)
    local_url = serve(local)
    result["in_process"] = _clerks(lambda q: stream_chat(local_url, key, q), questions, clerks)
    del local
    if llama_server:
        server, base_url = start_llama_server(llama_server, parallel=clerks)
        result["server_kind"] = f"llama-server, {clerks} slots"
    else:
        server, base_url = start_inference_server()
        result["server_kind"] = "llama-cpp-python server, 1 slot"
    try:
        remote_settings = settings.model_copy(deep=True)
        remote_settings.llm = LlmSettings(backend="openai", base_url=base_url, max_parallel=clerks)
        remote_settings.database.url = settings.database.url.replace("state.sqlite", "state-remote.sqlite")
        remote = Services(remote_settings)
        remote.warm_up()
        remote_key = benchmark_key(remote)
        remote_url = serve(remote)
        result["server"] = _clerks(lambda q: stream_chat(remote_url, remote_key, q), questions, clerks)
    finally:
        server.kill()
        server.wait()
    result["ratio_answers_per_minute"] = (
        result["server"]["answers_per_minute"] / result["in_process"]["answers_per_minute"]
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.inference_benchmark", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--index", type=Path)
    parser.add_argument("--questions", type=int, default=6)
    parser.add_argument("--clerks", type=int, default=4)
    parser.add_argument("--llama-server", type=Path, help="llama.cpp's llama-server binary (several slots)")
    parser.add_argument("--skip", choices=["overhead", "concurrency"], help="leave one part out")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    questions = list(QUESTIONS[: args.questions])
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as runtime:
        for part in ("overhead", "concurrency"):
            if args.skip == part:
                continue
            settings = benchmark_settings(Settings(), Path(runtime) / part)
            if args.index:
                settings.ingest.index_dir = args.index
            if part == "overhead":
                result[part] = overhead(settings, questions)
            else:
                result[part] = concurrency(settings, questions * 2, args.clerks, args.llama_server)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return 0


def _print(result: dict[str, Any]) -> None:
    if "overhead" in result:
        part = result["overhead"]
        for path, label in (("direct", "Server direkt"), ("api_chat", "/api/chat"), ("v1", "/v1 (geprüft)")):
            row = part[path]
            rate = "" if path == "v1" else f", {row['chars_per_s']:.1f} Zeichen/s"  # v1 sends the checked text at once
            print(
                f"{label:15} erstes Token p50 {row['ttft_p50_s']:.2f} s, letztes p50 {row['total_p50_s']:.2f} s{rate}"
            )
        for name, value in part["ratios"].items():
            print(f"  Verhältnis {name}: {value:.3f}")
    if "concurrency" in result:
        part = result["concurrency"]
        for key, label in (("in_process", "im Prozess"), ("server", part["server_kind"])):
            row = part[key]
            print(
                f"{label:32} {row['answers']} Antworten, erstes Token p50 {row['ttft_p50_s']:.2f} s, "
                f"p95 {row['ttft_p95_s']:.2f} s, {row['answers_per_minute']:.2f} Antworten/min"
            )
        print(f"  Verhältnis Antworten/min Server/im Prozess: {part['ratio_answers_per_minute']:.3f}")


if __name__ == "__main__":
    sys.exit(main())
