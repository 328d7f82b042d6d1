"""The OpenAI-compatible API, driven by the official ``openai`` SDK against the real server (uvicorn on loopback)
with the sample documents and the real local LLM."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pytest

from assistant.access.collections import Grant
from testkit import api_key_for

pytestmark = pytest.mark.slow  # answers by the local LLM

QUESTION = "Bis wann müssen die Gehwege montags bis freitags geräumt und gestreut sein?"


@pytest.fixture(scope="module")
def key(app_services: Any) -> str:
    return api_key_for(app_services, "sdk.client", department="IT")


@pytest.fixture(scope="module")
def client(live_server_url: str, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{live_server_url}/v1", api_key=key, max_retries=0, timeout=300)


def test_models_lists_the_assistant_and_each_readable_collection(client: openai.OpenAI) -> None:
    ids = [model.id for model in client.models.list()]
    assert ids[:2] == ["verwaltungsassistent", "verwaltungsassistent/allgemein"]
    assert all(model_id.startswith("verwaltungsassistent") for model_id in ids)


def test_a_key_limited_to_collections_sees_only_those(app_services: Any, live_server_url: str) -> None:
    from assistant.access.accounts import OPERATOR

    app_services.collections.create(OPERATOR, "personal", "Personalakten", [])
    app_services.collections.add_grant(OPERATOR, "personal", Grant("read", user="sdk.client"))
    full = app_services.accounts.create_api_key("sdk.client")
    limited = app_services.accounts.create_api_key("sdk.client", ["allgemein"])

    def models(key: str) -> list[str]:
        return [m.id for m in openai.OpenAI(base_url=f"{live_server_url}/v1", api_key=key, max_retries=0).models.list()]

    assert "verwaltungsassistent/personal" in models(full)
    assert models(limited) == ["verwaltungsassistent", "verwaltungsassistent/allgemein"]
    with pytest.raises(openai.NotFoundError):
        openai.OpenAI(base_url=f"{live_server_url}/v1", api_key=limited, max_retries=0).chat.completions.create(
            model="verwaltungsassistent/personal", messages=[{"role": "user", "content": QUESTION}]
        )


def test_a_completion_carries_verified_markers_sources_and_usage(
    client: openai.OpenAI, live_server_url: str, key: str
) -> None:
    completion = client.chat.completions.create(
        model="verwaltungsassistent",
        messages=[{"role": "system", "content": "Du bist hilfreich."}, {"role": "user", "content": QUESTION}],
        temperature=0.2,  # accepted and ignored
    )

    choice = completion.choices[0]
    citations = (completion.model_extra or {})["citations"]
    assert completion.object == "chat.completion" and choice.finish_reason == "stop"
    assert choice.message.role == "assistant" and "[1]" in (choice.message.content or "")
    assert "Quellen:" in (choice.message.content or "") and citations
    assert citations[0]["source"] == "BBO_Satzung_Streupflicht.md" and citations[0]["quote"]
    assert completion.usage is not None and completion.usage.total_tokens > completion.usage.completion_tokens > 0
    again = httpx.get(
        f"{live_server_url}/v1/citations/{completion.id}", headers={"Authorization": f"Bearer {key}"}, timeout=30
    )
    assert again.status_code == 200 and again.json()["citations"] == citations


def test_a_streamed_completion_ends_with_finish_reason_citations_and_usage(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="verwaltungsassistent/allgemein",
        messages=[{"role": "user", "content": QUESTION}],
        stream=True,
        stream_options={"include_usage": True},
    )

    chunks = list(stream)

    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks if chunk.choices)
    finals = [chunk for chunk in chunks if chunk.choices and chunk.choices[0].finish_reason == "stop"]
    assert chunks[0].object == "chat.completion.chunk" and "[1]" in text
    assert len(finals) == 1 and (finals[0].model_extra or {})["citations"]
    assert chunks[-1].choices == [] and chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0


def test_errors_have_the_openai_shape_with_german_messages(client: openai.OpenAI, live_server_url: str) -> None:
    with pytest.raises(openai.NotFoundError) as unknown:
        client.chat.completions.create(model="verwaltungsassistent/geheim", messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.BadRequestError) as no_question:
        client.chat.completions.create(model="verwaltungsassistent", messages=[{"role": "system", "content": "x"}])
    anonymous = openai.OpenAI(base_url=f"{live_server_url}/v1", api_key="va_falsch", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as refused:
        anonymous.models.list()

    assert unknown.value.code == "model_not_found" and "gibt es nicht" in unknown.value.message
    assert no_question.value.code == "keine_frage"
    assert refused.value.status_code == 401 and "Bitte melden Sie sich an" in refused.value.message
