"""The canary: a unique sentence in a collection user B may not read never reaches B, by text or by id, on any
route the API documents, nor the prompt the model receives for B. Driven from the OpenAPI route list, so a new
route without an entry here fails the test (and gets a scope check before it ships)."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.batch.cases import BatchJob, CaseSpec
from assistant.batch.fields import load_schema
from assistant.batch.results import BatchResult, CaseResult, CellResult
from assistant.drafts.draft import Draft, DraftSection, SummaryJob
from assistant.services import Services
from assistant.shared.citations import Citation
from assistant.shared.jobs import JobStatus
from evaluation.live import ChatModelProxy
from models.embedders import Embedder
from models.llm import ChatMessage, ChatModel
from testkit import PROJECT, TEST_PASSWORD, api_key_for, assistant_settings

pytestmark = pytest.mark.slow  # two answers by the local LLM

CANARY_WORD = "Zebrafink4471"
CANARY = f"Der Tresorschlüssel der Kämmerei liegt im Blumentopf neben dem Aktenschrank ({CANARY_WORD})."
QUESTION = "Wo liegt der Tresorschlüssel der Kämmerei?"
SCHEMA = PROJECT / "data" / "schemas" / "hundesteuer-anmeldung.yaml"


class RecordingModel(ChatModelProxy):
    """The real local LLM, with every prompt it is given kept for inspection (not a fake: it delegates)."""

    def __init__(self, model: ChatModel) -> None:
        super().__init__(model)
        self.prompts: list[str] = []

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        self.prompts.append("\n".join(message.content for message in messages))
        return super().stream(messages, max_tokens=max_tokens, stop=stop)

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        self.prompts.append("\n".join(message.content for message in messages))
        return super().complete(messages, max_tokens=max_tokens, json_schema=json_schema)


@dataclass
class World:
    client: TestClient
    services: Services
    model: RecordingModel
    owner: dict[str, str]  # headers of user A (Bauamt), who may read the collection
    outsider: dict[str, str]  # headers of user B (Ordnungsamt), who may not
    doc_id: str  # the canary document
    summary_id: str  # A's finished summary, quoting the canary
    batch_id: str  # A's finished batch result, quoting the canary
    conversation_id: str  # A's conversation, whose answer quotes the canary


@pytest.fixture
def world(private_index: Path, embedder: Embedder, chat_model: Any, tmp_path: Path) -> Iterator[World]:
    settings = assistant_settings(private_index, tmp_path)
    model = RecordingModel(chat_model)
    services = Services(settings, embedder=embedder, chat_model=model)
    with TestClient(create_app(settings, services)) as client:
        owner = {"Authorization": f"Bearer {api_key_for(services, 'a.bauer', department='Bauamt')}"}
        outsider = {"Authorization": f"Bearer {api_key_for(services, 'b.ordnung', department='Ordnungsamt')}"}
        created = client.post(
            "/api/collections",
            json={"name": "bauakten", "grants": [{"department": "Bauamt", "permission": "read"}]},
            headers=owner,
        )
        assert created.status_code == 201, created.text
        upload = client.post(
            "/api/documents",
            data={"collection": "bauakten"},
            files=[("files", ("tresor.md", f"# Interner Vermerk\n\n{CANARY}\n".encode(), "text/markdown"))],
            headers=owner,
        )
        assert upload.status_code == 200, upload.text
        doc_id = upload.json()["documents"][0]["id"]
        summary_id, batch_id = _finished_jobs_of_a(services, doc_id)
        conversation_id = _conversation(client, services, owner, "a.bauer", doc_id)
        yield World(client, services, model, owner, outsider, doc_id, summary_id, batch_id, conversation_id)


def _conversation(client: TestClient, services: Services, headers: dict[str, str], name: str, doc_id: str) -> str:
    """A conversation of ``name`` whose one answer quotes the canary document (as a chat in it would store)."""
    conversation_id: str = client.post("/api/conversations", json={}, headers=headers).json()["id"]
    detail = client.get(f"/api/documents/{doc_id}", headers=headers).json()
    citation = Citation(
        number=1,
        passage_id=detail["passage_refs"][0]["passage_id"],
        doc_id=doc_id,
        title=detail["title"],
        source=detail["source"],
        page=1,
        section="",
        quote=CANARY,
        quote_start=0,
        quote_end=len(CANARY),
        passage_start=0,
        passage_end=len(CANARY),
    )
    principal = services.accounts.active(name)
    assert principal is not None
    services.history.append(principal, conversation_id, QUESTION, f"{CANARY} [1]", "beantwortet", [citation])
    services.history.keep_completion(principal, f"chatcmpl-{conversation_id}", [citation])  # as /v1 would
    return conversation_id


def _finished_jobs_of_a(services: Services, doc_id: str) -> tuple[str, str]:
    """A's finished summary and batch job, both quoting the canary (as A's real jobs would)."""
    store = services.jobs.store
    summary = store.create("summary", SummaryJob(doc_ids=[doc_id]), origin="api", owner="a.bauer")
    draft = Draft(
        template="vermerk",
        title="Vermerk",
        subject=CANARY,
        documents=[CANARY],
        sections=[DraftSection(heading="Sachverhalt", text=CANARY)],
        sources=[],
        created_at="2026-12-01T09:00:00+00:00",
    )
    store.finish(summary.id, JobStatus.DONE, result=draft)
    schema = load_schema(SCHEMA)
    job = BatchJob(schema_=schema, cases=[CaseSpec(name="Fall 1", doc_ids=[doc_id])])
    batch = store.create("batch", job, origin="api", owner="a.bauer")
    cell = CellResult(field=schema.felder[0].name, status="gefunden", value=CANARY, raw=CANARY)
    case = CaseResult(case="Fall 1", documents=[doc_id], status="fertig", cells=[cell])
    result = BatchResult(schema_=schema, cases=[case], created_at="2026-12-01T09:00:00+00:00")
    store.finish(batch.id, JobStatus.DONE, result=result)
    return summary.id, batch.id


Call = Callable[[World], list[httpx.Response]]


def _b(method: str, url: str, **options: Any) -> Call:
    return lambda w: [w.client.request(method, url.format(w=w), headers=w.outsider, **options)]


def _b_job(kind: str, body: Callable[[str], dict[str, Any]]) -> Call:
    """B starts a job naming the canary document, and reads it until it has finished."""

    def call(w: World) -> list[httpx.Response]:
        started = w.client.post(f"/api/{kind}", json=body(w.doc_id), headers=w.outsider)
        responses = [started]
        if started.status_code == 202:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                polled = w.client.get(f"/api/{kind}/{started.json()['id']}", headers=w.outsider)
                responses.append(polled)
                if polled.json()["status"] in ("fertig", "fehlgeschlagen", "abgebrochen"):
                    break
                time.sleep(0.2)
        return responses

    return call


def _b_chat_stream(w: World) -> list[httpx.Response]:
    """B's streamed answer, and B asking inside A's conversation (which does not exist for B)."""
    streamed = {"question": QUESTION, "stream": True}
    in_a_conversation = {"question": QUESTION, "conversation_id": w.conversation_id}
    return [w.client.post("/api/chat", json=body, headers=w.outsider) for body in (streamed, in_a_conversation)]


UPLOAD = {"files": [("files", ("neu.md", b"# Neu\n\nInhalt.", "text/markdown"))]}
SCHEMA_TEXT = SCHEMA.read_text(encoding="utf-8")
SCHEMA_JSON = load_schema(SCHEMA).model_dump(mode="json", by_alias=True)
# Every route of the OpenAPI document: how B calls it with A's ids (a missing route fails the test).
CALLS: dict[tuple[str, str], Call] = {
    ("post", "/api/chat"): lambda w: [w.client.post("/api/chat", json={"question": QUESTION}, headers=w.outsider)],
    ("get", "/api/search"): _b("GET", "/api/search", params={"q": f"{QUESTION} {CANARY_WORD}", "k": 50}),
    ("get", "/api/documents"): _b("GET", "/api/documents"),
    ("post", "/api/documents"): _b("POST", "/api/documents", data={"collection": "bauakten"}, **UPLOAD),
    ("get", "/api/documents/{doc_id}"): _b("GET", "/api/documents/{w.doc_id}"),
    ("delete", "/api/documents/{doc_id}"): _b("DELETE", "/api/documents/{w.doc_id}"),
    ("get", "/api/conversations"): _b("GET", "/api/conversations"),
    ("post", "/api/conversations"): _b("POST", "/api/conversations", json={"title": "Meins"}),
    ("get", "/api/conversations/{conversation_id}"): _b("GET", "/api/conversations/{w.conversation_id}"),
    ("put", "/api/conversations/{conversation_id}"): _b(
        "PUT", "/api/conversations/{w.conversation_id}", json={"title": "Übernommen"}
    ),
    ("delete", "/api/conversations/{conversation_id}"): _b("DELETE", "/api/conversations/{w.conversation_id}"),
    ("get", "/api/collections"): _b("GET", "/api/collections"),
    ("post", "/api/collections"): _b("POST", "/api/collections", json={"name": "bauakten", "grants": []}),
    ("put", "/api/collections/{name}/grants"): _b(
        "PUT", "/api/collections/bauakten/grants", json={"grants": [{"everyone": True, "permission": "read"}]}
    ),
    ("delete", "/api/collections/{name}"): _b("DELETE", "/api/collections/bauakten"),
    ("get", "/api/summaries/templates"): _b("GET", "/api/summaries/templates"),
    ("post", "/api/summaries"): _b_job("summaries", lambda doc_id: {"doc_ids": [doc_id], "template": "vermerk"}),
    ("post", "/api/summaries/uploads"): _b("POST", "/api/summaries/uploads", data={"collection": "bauakten"}, **UPLOAD),
    ("get", "/api/summaries/{job_id}"): _b("GET", "/api/summaries/{w.summary_id}"),
    ("delete", "/api/summaries/{job_id}"): _b("DELETE", "/api/summaries/{w.summary_id}"),
    ("post", "/api/summaries/{job_id}/cancel"): _b("POST", "/api/summaries/{w.summary_id}/cancel"),
    ("get", "/api/summaries/{job_id}/entwurf.docx"): _b("GET", "/api/summaries/{w.summary_id}/entwurf.docx"),
    ("get", "/api/summaries/{job_id}/entwurf.md"): _b("GET", "/api/summaries/{w.summary_id}/entwurf.md"),
    ("post", "/api/batch"): _b_job(
        "batch", lambda doc_id: {"schema": SCHEMA_JSON, "cases": [{"name": "Fall 1", "doc_ids": [doc_id]}]}
    ),
    ("post", "/api/batch/uploads"): _b("POST", "/api/batch/uploads", data={"schema": SCHEMA_TEXT}, **UPLOAD),
    ("get", "/api/batch/examples"): _b("GET", "/api/batch/examples"),
    ("get", "/api/batch/{job_id}"): _b("GET", "/api/batch/{w.batch_id}"),
    ("delete", "/api/batch/{job_id}"): _b("DELETE", "/api/batch/{w.batch_id}"),
    ("post", "/api/batch/{job_id}/cancel"): _b("POST", "/api/batch/{w.batch_id}/cancel"),
    ("get", "/api/batch/{job_id}/result.{suffix}"): lambda w: [
        w.client.get(f"/api/batch/{w.batch_id}/result.{suffix}", headers=w.outsider)
        for suffix in ("csv", "xlsx", "jsonl")
    ],
    ("post", "/api/auth/login"): _b(
        "POST", "/api/auth/login", json={"username": "b.ordnung", "password": TEST_PASSWORD}
    ),
    ("post", "/api/auth/logout"): _b("POST", "/api/auth/logout"),
    ("get", "/api/auth/me"): _b("GET", "/api/auth/me"),
    ("get", "/api/auth/audit"): _b("GET", "/api/auth/audit"),
    ("get", "/api/auth/methods"): _b("GET", "/api/auth/methods"),
    ("get", "/api/auth/oidc/login"): _b("GET", "/api/auth/oidc/login", follow_redirects=False),
    ("get", "/api/auth/oidc/callback"): _b("GET", "/api/auth/oidc/callback", follow_redirects=False),
    ("get", "/healthz"): _b("GET", "/healthz"),
    ("get", "/v1/models"): _b("GET", "/v1/models"),
    ("post", "/v1/chat/completions"): lambda w: [
        w.client.post(
            "/v1/chat/completions",
            json={"model": model, "messages": [{"role": "user", "content": QUESTION}]},
            headers=w.outsider,
        )
        for model in ("verwaltungsassistent", "verwaltungsassistent/bauakten")
    ],
    ("get", "/v1/citations/{completion_id}"): _b("GET", "/v1/citations/chatcmpl-{w.conversation_id}"),
    ("get", "/api/admin/users"): _b("GET", "/api/admin/users"),
    ("post", "/api/admin/users"): _b(
        "POST", "/api/admin/users", json={"name": "x.neu", "department": "Bauamt", "password": TEST_PASSWORD}
    ),
    ("post", "/api/admin/users/{name}/disable"): _b("POST", "/api/admin/users/a.bauer/disable"),
    ("get", "/api/admin/departments"): _b("GET", "/api/admin/departments"),
}
CHAT_STREAM: Call = _b_chat_stream


def _documented(client: TestClient) -> set[tuple[str, str]]:
    paths = client.app.openapi()["paths"]  # type: ignore[attr-defined]
    return {(method, path) for path, methods in paths.items() for method in methods}


def test_the_canary_never_reaches_a_user_without_read_access(world: World) -> None:
    documented = _documented(world.client)
    assert documented - CALLS.keys() == set(), "a route without a canary check"

    seen: list[tuple[tuple[str, str], httpx.Response]] = []
    for route in sorted(CALLS):
        seen += [(route, response) for response in CALLS[route](world)]
    seen += [(("post", "/api/chat (SSE)"), response) for response in CHAT_STREAM(world)]

    for route, response in seen:
        body = response.content
        assert CANARY_WORD.encode() not in body and world.doc_id.encode() not in body, (route, body[:300])
        assert response.status_code < 500, (route, response.status_code, body[:300])
    prompts = "\n".join(world.model.prompts)
    assert world.model.prompts, "B's chat reached the model (else the prompt check proves nothing)"
    assert CANARY_WORD not in prompts and "Tresorschlüssel der Kämmerei liegt" not in prompts


def test_the_owner_still_reads_the_canary_and_the_outsider_changed_nothing(world: World) -> None:
    for route in (("delete", "/api/documents/{doc_id}"), ("delete", "/api/collections/{name}")):
        assert CALLS[route](world)[0].status_code in (403, 404)
    refused = CALLS[("post", "/api/documents")](world)[0]

    found = world.client.get("/api/search", params={"q": QUESTION, "k": 3}, headers=world.owner).json()
    detail = world.client.get(f"/api/documents/{world.doc_id}", headers=world.owner)
    summary = world.client.get(f"/api/summaries/{world.summary_id}/entwurf.md", headers=world.owner)

    assert refused.status_code == 403 and "bauakten" in refused.json()["message"]
    assert any(CANARY_WORD in hit["text"] for hit in found)  # the canary is findable: the test above can fail
    assert detail.status_code == 200 and summary.status_code == 200 and CANARY_WORD in summary.text
    assert "zugriff_verweigert" in {event.action for event in world.services.audit.events()}
    reopened = world.client.get(f"/api/conversations/{world.conversation_id}", headers=world.owner).json()
    assert reopened["title"] == QUESTION and CANARY_WORD in reopened["history"][0]["answer"]


def test_a_reopened_answer_is_withheld_once_its_source_is_no_longer_readable(world: World) -> None:
    colleague = {"Authorization": f"Bearer {api_key_for(world.services, 'c.kollege', department='Bauamt')}"}
    conversation_id = _conversation(world.client, world.services, colleague, "c.kollege", world.doc_id)
    before = world.client.get(f"/api/conversations/{conversation_id}", headers=colleague).json()

    revoked = world.client.put(
        "/api/collections/bauakten/grants",
        json={"grants": [{"user": "a.bauer", "permission": "manage"}]},
        headers=world.owner,
    )
    after = world.client.get(f"/api/conversations/{conversation_id}", headers=colleague)

    assert CANARY_WORD in before["history"][0]["answer"]
    assert revoked.status_code == 200
    assert after.status_code == 200 and CANARY_WORD.encode() not in after.content
    assert after.json()["history"][0]["status"] == "zurueckgehalten"
    assert after.json()["history"][0]["question"] == QUESTION
