"""A bounded load test on loopback: the real server (uvicorn on 127.0.0.1) with the real default LLM serves 4
clerks asking questions and 20 clients searching at the same time, for ``LOAD_TEST_SECONDS`` (default 120).

Every request must succeed: a chat question that waits longer than the model's busy timeout (120 s) would be
answered 503 "ausgelastet", which counts as an error here (4 clients each wait their turn). Like clerks, each
client pauses briefly between its requests (it reads the result); the 20 searches still run concurrently. The
server's memory (it runs in this process) may grow only by a bounded amount. Latencies are printed (pytest -s),
never asserted.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow
AUTH: dict[str, str] = {}  # the test user's Authorization header, set for every test below


@pytest.fixture(autouse=True)
def _signed_in(live_auth: dict[str, str]) -> None:
    AUTH.update(live_auth)


DURATION_S = float(os.environ.get("LOAD_TEST_SECONDS", "120"))
CHAT_CLIENTS = 4
SEARCH_CLIENTS = 20
RSS_GROWTH_LIMIT_MB = 300.0
CHAT_TIMEOUT_S = 300.0  # far above the model's 120 s busy timeout: the server answers first
THINK_S = {"chat": 1.0, "search": 0.5}  # a clerk's pause between two requests
SEARCH_TIMEOUT_S = 60.0

QUESTIONS = (
    "Bis wann müssen die Gehwege montags bis freitags geräumt und gestreut sein?",
    "Wie lange dürfen Bücher aus der Bücherei ausgeliehen werden?",
    "Aus wem besteht der Gemeinderat?",
    "Was kostet der Eintritt ins Freibad?",
)
QUERIES = (
    "Streupflicht Gehweg Schnee",
    "Leihfrist Bücher",
    "Gemeinderat Mitglieder",
    "Eintritt Freibad Gebühren",
    "Kindergartengebühren Geschwister",
    "Erstattung Schülerbeförderung",
    "Ersthelfer Betrieb",
    "Kostenersatz Feuerwehr Einsatz",
)


@dataclass
class Tally:
    """What one kind of client saw: latencies of successful requests, descriptions of failed ones."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def succeeded(self, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)

    def failed(self, detail: str) -> None:
        with self.lock:
            self.errors.append(detail)


def _rss_mb() -> float:
    """Resident memory of this process (the server runs in it) from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("VmRSS fehlt in /proc/self/status")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def _client(deadline: float, tally: Tally, send: Callable[[int], httpx.Response], pause: float) -> None:
    """Send requests one after another until ``deadline``; only a 200 counts as success."""
    turn = 0
    while time.monotonic() < deadline:
        if turn:
            time.sleep(pause)
        started = time.monotonic()
        try:
            response = send(turn)
        except Exception as exc:  # a timeout, a dropped connection: a thread that dies silently would hide it
            tally.failed(f"{type(exc).__name__} nach {time.monotonic() - started:.1f} s: {exc}")
        else:
            seconds = time.monotonic() - started
            if response.status_code == 200:
                tally.succeeded(seconds)
            else:  # a 503 "ausgelastet" of the model as well
                tally.failed(f"{response.status_code} nach {seconds:.1f} s: {response.text[:200]}")
        turn += 1


def _chat_client(url: str, number: int, deadline: float, tally: Tally) -> None:
    with httpx.Client(headers=AUTH, base_url=url, timeout=CHAT_TIMEOUT_S) as client:
        _client(
            deadline,
            tally,
            lambda turn: client.post("/api/chat", json={"question": QUESTIONS[(number + turn) % len(QUESTIONS)]}),
            THINK_S["chat"],
        )


def _search_client(url: str, number: int, deadline: float, tally: Tally) -> None:
    with httpx.Client(headers=AUTH, base_url=url, timeout=SEARCH_TIMEOUT_S) as client:
        _client(
            deadline,
            tally,
            lambda turn: client.get("/api/search", params={"q": QUERIES[(number + turn) % len(QUERIES)], "k": 10}),
            THINK_S["search"],
        )


def _summary(name: str, tally: Tally) -> str:
    p50, p95 = _percentile(tally.latencies, 0.50), _percentile(tally.latencies, 0.95)
    return f"{name}: {len(tally.latencies)} ok, {len(tally.errors)} Fehler, p50 {p50:.2f} s, p95 {p95:.2f} s"


def test_four_clerks_asking_and_twenty_searching_get_every_answer_without_memory_growth(live_server_url: str) -> None:
    warm_up = time.monotonic()
    first = httpx.post(
        f"{live_server_url}/api/chat", json={"question": QUESTIONS[0]}, headers=AUTH, timeout=CHAT_TIMEOUT_S
    )
    assert first.status_code == 200, first.text  # loads the model and its system prompt
    assert httpx.get(
        f"{live_server_url}/api/search", params={"q": QUERIES[0]}, headers=AUTH, timeout=SEARCH_TIMEOUT_S
    ).is_success
    warm_up_s = time.monotonic() - warm_up
    gc.collect()
    rss_before = peak = _rss_mb()

    chats, searches = Tally(), Tally()
    started = time.monotonic()
    deadline = started + DURATION_S
    threads = [
        threading.Thread(target=_chat_client, args=(live_server_url, n, deadline, chats), name=f"chat-{n}")
        for n in range(CHAT_CLIENTS)
    ] + [
        threading.Thread(target=_search_client, args=(live_server_url, n, deadline, searches), name=f"search-{n}")
        for n in range(SEARCH_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        peak = max(peak, _rss_mb())
        time.sleep(0.5)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    gc.collect()
    rss_after = _rss_mb()
    growth = rss_after - rss_before

    report = "\n".join(
        [
            f"Last: {DURATION_S:.0f} s geplant, {elapsed:.1f} s gelaufen, Aufwärmen {warm_up_s:.1f} s",
            _summary(f"Chat ({CHAT_CLIENTS} Clients)", chats),
            _summary(f"Suche ({SEARCH_CLIENTS} Clients)", searches),
            f"RSS: {rss_before:.0f} MB nach dem Aufwärmen, {rss_after:.0f} MB am Ende ({growth:+.0f} MB), "
            f"Spitze {peak:.0f} MB (Grenze: +{RSS_GROWTH_LIMIT_MB:.0f} MB)",
        ]
    )
    print(f"\n{report}")

    assert not chats.errors, f"{report}\nChat-Fehler: {chats.errors[:5]}"  # a 503 "ausgelastet" lands here too
    assert not searches.errors, f"{report}\nSuch-Fehler: {searches.errors[:5]}"
    assert chats.latencies, f"{report}\nkeine einzige Chat-Antwort in der Laufzeit"
    assert len(searches.latencies) >= 5 * SEARCH_CLIENTS, report
    assert growth < RSS_GROWTH_LIMIT_MB, report
