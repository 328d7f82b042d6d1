"""The openai LLM backend against a real OpenAI-compatible inference server on loopback (llama-cpp-python's
server with the packaged model): chat with verified citations, constrained JSON for the batch analysis, German
errors when the server is down, no global lock, and a batch of three cases whose JSON the server constrains."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from evaluation.batch import run_set
from evaluation.inference_server import start_inference_server
from evaluation.live import ChatModelProxy
from models.embedders import Embedder
from models.errors import ModelBusyError, ModelError
from models.llm import ChatMessage, ChatModel, create_chat_model
from models.remote_llm import OpenAiChatModel
from models.settings import LlmSettings
from testkit import FIXTURES, PROJECT, assistant_settings, signed_in

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


class RecordingModel(ChatModelProxy):
    """The remote model, recording each structured request's schema and the server's answer."""

    def __init__(self, model: ChatModel) -> None:
        super().__init__(model)
        self.structured: list[tuple[dict[str, Any], str]] = []

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        text = super().complete(messages, max_tokens=max_tokens, json_schema=json_schema)
        if json_schema is not None:
            self.structured.append((json_schema, text))
        return text


def test_a_batch_of_three_cases_gets_schema_constrained_json_from_the_server(
    inference_server: str, private_index: Path, embedder: Embedder, tmp_path: Path
) -> None:
    settings = assistant_settings(private_index, tmp_path)
    settings.llm = LlmSettings(backend="openai", base_url=inference_server)
    model = RecordingModel(create_chat_model(settings.llm))
    services = Services(settings, embedder=embedder, chat_model=model)

    report = run_set(FIXTURES / "cases", PROJECT / "data" / "schemas" / "hundesteuer-anmeldung.yaml", services, 3)

    assert report["cases"] == 3
    assert model.structured, "the batch asked the server for no structured answer"
    for schema, text in model.structured:
        assert _conforms(json.loads(text), schema), (schema, text)
    assert report["filled_accuracy"] >= 0.7, report["fields"]


def _conforms(value: Any, rule: dict[str, Any]) -> bool:
    """``value`` keeps the enums and required properties of ``rule`` (the subset of JSON Schema the batch uses)."""
    if "enum" in rule:
        return value in rule["enum"]
    if rule.get("type") == "object" or "properties" in rule:
        return (
            isinstance(value, dict)
            and all(name in value for name in rule.get("required", rule["properties"]))
            and all(_conforms(value[name], sub) for name, sub in rule["properties"].items() if name in value)
        )
    return True
