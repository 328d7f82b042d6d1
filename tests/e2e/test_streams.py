"""Streams that clean up, on the real server (uvicorn on 127.0.0.1) with the real default LLM: a clerk who closes
the tab mid-answer must not block the model for everyone; a slow reader still gets the whole answer."""

from __future__ import annotations

import random
import time

import httpx
import pytest

QUESTION = "Bis wann müssen die Gehwege montags bis freitags geräumt und gestreut sein?"
FOLLOW_UP = "Wer ist für das Räumen der Gehwege zuständig?"
DROPS = 20

pytestmark = pytest.mark.slow
AUTH: dict[str, str] = {}  # the test user's Authorization header, set for every test below


@pytest.fixture(autouse=True)
def _signed_in(live_auth: dict[str, str]) -> None:
    AUTH.update(live_auth)


def _drop_after(url: str, question: str, events_to_read: int) -> None:
    """Start a streamed answer and hang up after ``events_to_read`` lines (0: right after the headers)."""
    with (
        httpx.Client(headers=AUTH, timeout=120) as client,
        client.stream("POST", f"{url}/api/chat", json={"question": question, "stream": True}) as response,
    ):
        assert response.status_code == 200
        for read, _ in enumerate(response.iter_lines(), start=1):
            if read >= events_to_read:
                break


def _answer(url: str, question: str) -> dict[str, object]:
    response = httpx.post(f"{url}/api/chat", json={"question": question}, headers=AUTH, timeout=300)
    assert response.status_code == 200, response.text  # a held model would give 503 "ausgelastet" here
    body: dict[str, object] = response.json()
    return body


def test_a_tab_closed_after_the_first_token_does_not_block_the_next_question(live_server_url: str) -> None:
    with (
        httpx.Client(headers=AUTH, timeout=120) as client,
        client.stream("POST", f"{live_server_url}/api/chat", json={"question": QUESTION, "stream": True}) as response,
    ):
        for line in response.iter_lines():
            if line.startswith("event: token"):
                break
        else:
            pytest.fail("the stream produced no token")
    answer = _answer(live_server_url, FOLLOW_UP)
    assert answer["status"] in ("beantwortet", "unsicher", "nicht_geregelt", "nichts_gefunden") and answer["sources"]


def test_twenty_streams_dropped_at_random_points_leave_the_server_answering(live_server_url: str) -> None:
    points = random.Random(7)
    for _ in range(DROPS):
        _drop_after(live_server_url, points.choice([QUESTION, FOLLOW_UP]), points.randint(0, 12))
    answer = _answer(live_server_url, QUESTION)
    assert answer["status"] == "beantwortet" and answer["citations"]
    assert httpx.get(f"{live_server_url}/healthz", timeout=10).json()["status"] == "ok"


def test_a_slow_reader_still_receives_the_whole_answer(live_server_url: str) -> None:
    events: list[str] = []
    with (
        httpx.Client(headers=AUTH, timeout=300) as client,
        client.stream("POST", f"{live_server_url}/api/chat", json={"question": QUESTION, "stream": True}) as response,
    ):
        for line in response.iter_lines():
            if line.startswith("event: "):
                events.append(line.removeprefix("event: "))
                time.sleep(0.05)  # a slow connection: the server waits for the reader, it does not give up
    assert events[0] == "sources" and "token" in events and events[-2:] == ["citations", "done"]
