"""The real app served by uvicorn on loopback for benchmarks, with a state database of its own and a benchmark
user who reads every collection of the index, and a streamed /api/chat client that times the answer."""

from __future__ import annotations

import json
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn

from assistant.access.accounts import OPERATOR
from assistant.access.collections import Grant
from assistant.api.app import create_app
from assistant.services import Services
from assistant.settings import Settings

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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
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
    first: float | None = None
    characters, last = 0, 0.0
    headers = {"Authorization": f"Bearer {key}", "X-Request-ID": secrets.token_hex(4)}
    request = {"question": question, "stream": True}
    with httpx.stream("POST", f"{base_url}/api/chat", json=request, headers=headers, timeout=600) as reply:
        reply.raise_for_status()
        event = ""
        for line in reply.iter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "token":
                last = time.perf_counter() - started
                first = first or last
                characters += len(json.loads(line.removeprefix("data: "))["text"])
    return Timed(first or last, last, characters)
