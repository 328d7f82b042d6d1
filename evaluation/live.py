"""The real app served by uvicorn on loopback for benchmarks, with a state database of its own and a benchmark
user who reads every collection of the index; timing of streamed answers; a chat model proxy for recording or
scripting what a model is asked (benchmarks and tests)."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from assistant.access.accounts import OPERATOR
from assistant.access.collections import Grant
from assistant.api.app import create_app
from assistant.services import Services
from assistant.settings import Settings
from evaluation.inference_server import free_port
from models.llm import ChatMessage, ChatModel

BENCHMARK_USER = "benchmark"


@dataclass(frozen=True)
class Timed:
    """One streamed answer: seconds to its first and to its last piece of text, and its characters."""

    first_s: float
    last_s: float
    characters: int

    @property
    def chars_per_s(self) -> float:
        return self.characters / max(self.last_s - self.first_s, 1e-9)


def time_pieces(pieces: Iterable[str], started: float) -> Timed:
    """Time the text pieces of a stream from ``started`` (a ``time.perf_counter()`` value taken before the
    request)."""
    first: float | None = None
    characters, last = 0, 0.0
    for piece in pieces:
        if not piece:
            continue  # a chunk without text (role, finish reason) is no token
        last = time.perf_counter() - started
        first = first or last
        characters += len(piece)
    return Timed(first or last, last, characters)


class ChatModelProxy:
    """A chat model that hands every call to ``model``; subclasses override what they record or script."""

    def __init__(self, model: ChatModel) -> None:
        self.model = model
        self.name = model.name

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        return self.model.stream(messages, max_tokens=max_tokens, stop=stop)

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        return self.model.complete(messages, max_tokens=max_tokens, json_schema=json_schema)

    def count_tokens(self, text: str) -> int:
        return self.model.count_tokens(text)

    def warm_up(self, system_prompt: str) -> None:
        self.model.warm_up(system_prompt)


def benchmark_settings(settings: Settings, runtime: Path) -> Settings:
    """``settings`` with the state, jobs and uploads in ``runtime`` (never the installation's own accounts)."""
    settings.database.url = f"sqlite:///{runtime / 'state.sqlite'}"
    settings.jobs.folder = runtime / "jobs"
    settings.server.uploads_dir = runtime / "uploads"
    settings.server.warm_up = False
    return settings


def benchmark_key(services: Services) -> str:
    """An API key of the benchmark user, who may read every collection of the index."""
    services.accounts.add_user(BENCHMARK_USER, department="Benchmark", password=None)
    for collection in services.index.operator_scope().sorted():
        services.collections.add_grant(OPERATOR, collection, Grant("read", user=BENCHMARK_USER))
    return services.accounts.create_api_key(BENCHMARK_USER)


def serve(services: Services) -> str:
    """The app on a free loopback port in a background thread; its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(services.settings, services), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def stream_chat(base_url: str, key: str, question: str) -> Timed:
    """Ask through POST /api/chat (SSE) and time the streamed tokens as a clerk's browser sees them."""
    started = time.perf_counter()
    headers = {"Authorization": f"Bearer {key}", "X-Request-ID": secrets.token_hex(4)}
    request = {"question": question, "stream": True}
    with httpx.stream("POST", f"{base_url}/api/chat", json=request, headers=headers, timeout=600) as reply:
        reply.raise_for_status()
        return time_pieces(_token_texts(reply.iter_lines()), started)


def _token_texts(lines: Iterator[str]) -> Iterator[str]:
    event = ""
    for line in lines:
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event == "token":
            yield json.loads(line.removeprefix("data: "))["text"]
