"""The openai LLM backend against a real OpenAI-compatible inference server on loopback (llama-cpp-python's
server with the packaged model): chat with verified citations, constrained JSON for the batch analysis, German
errors when the server is down, and no global lock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from models.embedders import Embedder
from models.errors import ModelBusyError, ModelError
from models.llm import ChatMessage, create_chat_model
from models.remote_llm import OpenAiChatModel
from models.settings import LlmSettings
from testkit import assistant_settings, signed_in, start_inference_server

pytestmark = pytest.mark.slow

QUESTION = "Bis wann müssen die Gehwege montags bis freitags geräumt und gestreut sein?"
CHOICE = {
    "type": "object",
    "properties": {"wahl": {"type": "string", "enum": ["keiner", "k1", "k2"]}},
    "required": ["wahl"],
}


def test_the_remote_model_streams_and_returns_constrained_json(inference_server: str) -> None:
    model = create_chat_model(LlmSettings(backend="openai", base_url=inference_server))
    messages = [ChatMessage("user", "Nenne die drei größten Städte Deutschlands.")]

    pieces = list(model.stream(messages, max_tokens=40))
    chosen = json.loads(model.complete([ChatMessage("user", "Wähle k2.")], max_tokens=30, json_schema=CHOICE))

    assert model.name == "openai:qwen-klein@127.0.0.1"  # the server's first model, asked at start
    assert len(pieces) > 3 and "Berlin" in "".join(pieces)
    assert chosen["wahl"] in ("keiner", "k1", "k2")


@pytest.fixture
def remote_app(inference_server: str, private_index: Path, embedder: Embedder, tmp_path: Path) -> Iterator[TestClient]:
    settings = assistant_settings(private_index, tmp_path)
    settings.llm = LlmSettings(backend="openai", base_url=inference_server)
    services = Services(settings, embedder=embedder)
    with TestClient(create_app(settings, services)) as client:
        yield signed_in(client, services)


def test_the_app_answers_with_verified_citations_from_the_remote_model(remote_app: TestClient) -> None:
    health = remote_app.get("/healthz").json()
    answer = remote_app.post("/api/chat", json={"question": QUESTION}).json()

    assert health["llm_backend"] == "openai" and "127.0.0.1" in health["llm"]
    assert answer["status"] == "beantwortet", answer
    assert answer["citations"][0]["source"] == "BBO_Satzung_Streupflicht.md"


def test_a_server_that_is_down_gives_a_german_message_and_no_trace(
    private_index: Path, embedder: Embedder, tmp_path: Path
) -> None:
    settings = assistant_settings(private_index, tmp_path)
    settings.llm = LlmSettings(backend="openai", base_url="http://127.0.0.1:9/v1", model="weg", retries=1)
    services = Services(settings, embedder=embedder)
    with TestClient(create_app(settings, services)) as client:
        response = signed_in(client, services).post("/api/chat", json={"question": QUESTION})

    assert response.status_code == 503
    assert response.json()["message"] == (
        "Der Sprachmodell-Server 127.0.0.1 ist nicht erreichbar. Bitte die IT verständigen."
    )
    assert "Traceback" not in response.text


def test_requests_go_to_the_server_in_parallel_up_to_the_limit() -> None:
    model = OpenAiChatModel(
        LlmSettings(backend="openai", base_url="http://127.0.0.1:9/v1", model="x", max_parallel=2, busy_timeout_s=0.1)
    )
    with model._slot(), model._slot(), pytest.raises(ModelBusyError), model._slot():  # two at once, not three
        pass
    with pytest.raises(ModelError, match="nicht erreichbar"):
        model.complete([ChatMessage("user", "Hallo")], max_tokens=5)


def test_a_server_killed_mid_stream_gives_a_german_error_event_not_a_hang(
    private_index: Path, embedder: Embedder, tmp_path: Path
) -> None:
    server, base_url = start_inference_server()  # its own server: this test kills it
    settings = assistant_settings(private_index, tmp_path)
    settings.llm = LlmSettings(backend="openai", base_url=base_url, retries=0, timeout_s=30)
    services = Services(settings, embedder=embedder)
    events: list[str] = []
    message = ""
    try:
        with TestClient(create_app(settings, services)) as client:
            signed_in(client, services)
            with client.stream("POST", "/api/chat", json={"question": QUESTION, "stream": True}) as response:
                for line in response.iter_lines():
                    if line.startswith("event: "):
                        events.append(line.removeprefix("event: "))
                        if events[-1] == "token" and server.poll() is None:
                            server.kill()
                    if line.startswith("data: ") and events and events[-1] == "error":
                        message = json.loads(line.removeprefix("data: "))["message"]
    finally:
        server.kill()
        server.wait(timeout=30)

    assert "token" in events and events[-1] == "error"
    assert message.startswith("Der Sprachmodell-Server 127.0.0.1")  # German, and no stack trace
