"""API tests on the real app with the sample documents and the real embedder (no LLM needed here)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from models.embedders import Embedder
from testkit import FIXTURES, PROJECT, assistant_settings, signed_in


@pytest.fixture
def client(private_index: Path, embedder: Embedder, tmp_path: Path) -> Iterator[TestClient]:
    settings = assistant_settings(private_index, tmp_path)
    settings.server.max_upload_mb = 1
    services = Services(settings, embedder=embedder)
    with TestClient(create_app(settings, services)) as test_client:
        yield signed_in(test_client, services)


def test_health_reports_offline_operation_and_index_size(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["offline"] is True
    assert body["documents"] == 8 and body["passages"] > 50


def test_search_returns_passages_with_document_page_and_section(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Räum- und Streupflicht Gehweg", "k": 3}).json()
    assert hits[0]["source"] == "BBO_Satzung_Streupflicht.md"
    assert hits[0]["section"].startswith("§")
    assert hits[0]["page_start"] == 1 and hits[0]["char_end"] > hits[0]["char_start"]


def test_document_detail_has_pages_and_passages_for_the_source_view(client: TestClient) -> None:
    documents = client.get("/api/documents").json()
    pdf = next(doc for doc in documents if doc["source"] == "FeuerwKostErsV_BW.pdf")
    detail = client.get(f"/api/documents/{pdf['id']}").json()
    assert [page["number"] for page in detail["page_texts"]] == [1, 2, 3]
    text = "\n\n".join(page["text"] for page in detail["page_texts"])
    passage = detail["passage_refs"][0]
    assert text[passage["char_start"] : passage["char_end"]].strip()


def test_unknown_document_gets_a_german_404(client: TestClient) -> None:
    response = client.get("/api/documents/gibtesnicht")
    assert response.status_code == 404
    assert response.json() == {"error": "nicht_gefunden", "message": "Dieses Dokument gibt es (nicht mehr) im Index."}


def test_invalid_chat_request_gets_a_german_message(client: TestClient) -> None:
    response = client.post("/api/chat", json={"question": ""})
    assert response.status_code == 422
    assert "ungültig" in response.json()["message"]


def test_corrupt_upload_gets_a_german_error_and_changes_nothing(client: TestClient) -> None:
    before = client.get("/api/documents").json()
    broken = (FIXTURES / "FeuerwKostErsV_BW.pdf").read_bytes()[:700]
    response = client.post(
        "/api/documents",
        data={"collection": "allgemein"},
        files=[("files", ("bescheid.pdf", broken, "application/pdf"))],
    )
    assert response.status_code == 422
    assert "beschädigt" in response.json()["message"]
    assert client.get("/api/documents").json() == before


def test_oversized_upload_is_refused_and_changes_nothing(client: TestClient) -> None:
    before = client.get("/api/documents").json()
    big = b"Gemeinde " * 150_000  # 1.35 MB > max_upload_mb = 1
    response = client.post(
        "/api/documents", data={"collection": "allgemein"}, files=[("files", ("akte.txt", big, "text/plain"))]
    )
    assert response.status_code == 413
    assert "zu groß" in response.json()["message"]
    assert client.get("/api/documents").json() == before


def test_unsupported_upload_type_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/documents",
        data={"collection": "allgemein"},
        files=[("files", ("tabelle.xlsx", b"PK\x03\x04", "application/zip"))],
    )
    assert response.status_code == 415
    assert "nicht unterstützt" in response.json()["message"]


def test_upload_is_searchable_and_delete_removes_it(client: TestClient) -> None:
    content = (FIXTURES / "legalquad_121560.txt").read_bytes()
    response = client.post(
        "/api/documents", data={"collection": "allgemein"}, files=[("files", ("urteil.txt", content, "text/plain"))]
    )
    assert response.status_code == 200
    document = response.json()["documents"][0]
    assert document["source"] == "urteil.txt" and document["passages"] >= 1
    hits = client.get("/api/search", params={"q": "Berufungszulassung Streitwert", "k": 3}).json()
    assert hits[0]["doc_id"] == document["id"]

    assert client.delete(f"/api/documents/{document['id']}").status_code == 204
    assert document["id"] not in {doc["id"] for doc in client.get("/api/documents").json()}
    assert client.delete(f"/api/documents/{document['id']}").status_code == 404


def test_web_chat_page_and_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<html" in page.text.lower()
    assert "https://" not in page.text  # no CDN
    main = client.get("/static/js/main.js")
    assert main.status_code == 200 and "javascript" in main.headers["content-type"]
    imported = set(re.findall(r'from "\./([\w-]+\.js)"', main.text))
    assert imported, "main.js imports the feature modules"
    for module in imported:
        served = client.get(f"/static/js/{module}")
        assert served.status_code == 200 and "https://" not in served.text, module
    assert client.get("/docs").status_code == 200


def _wait_for(client: TestClient, url: str, statuses: tuple[str, ...]) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job: dict[str, object] = client.get(url).json()
        if job["status"] in statuses:
            return job
        time.sleep(0.2)
    pytest.fail(f"{url} did not reach {statuses}")


def test_a_job_is_deleted_with_its_uploaded_files(client: TestClient, tmp_path: Path) -> None:
    broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog"  # fails in the ingest step, before any model is needed
    started = client.post(
        "/api/summaries/uploads",
        data={"collection": "allgemein"},
        files={"files": ("bescheid.pdf", broken, "application/pdf")},
    )
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    job = _wait_for(client, f"/api/summaries/{job_id}", ("fehlgeschlagen", "fertig"))
    assert job["status"] == "fehlgeschlagen" and "bescheid.pdf" in str(job["message"])
    job_folder = tmp_path / "jobs" / job_id
    assert any((job_folder / "uploads").rglob("bescheid.pdf"))
    assert client.delete(f"/api/batch/{job_id}").status_code == 404  # a summary is no batch job
    assert client.delete(f"/api/summaries/{job_id}").status_code == 204
    assert not job_folder.exists()
    assert client.get(f"/api/summaries/{job_id}").status_code == 404


def test_bad_summary_and_batch_requests_are_refused_at_submit_in_german(client: TestClient) -> None:
    schema = yaml.safe_load((PROJECT / "data" / "schemas" / "widerspruch-gebuehrenbescheid.yaml").read_text("utf-8"))
    twins = {"schema": schema, "cases": [{"name": "Fall 1", "doc_ids": ["a"]}, {"name": "Fall 1", "doc_ids": ["b"]}]}
    refused = {
        "duplicate case names": client.post("/api/batch", json=twins),
        "server paths": client.post(
            "/api/batch", json={"schema": schema, "cases": [{"name": "x", "doc_ids": ["a"], "files": {"/etc": "x"}}]}
        ),
        "field list": client.post(
            "/api/batch", json={"schema": {"name": "x", "felder": [{"name": "a", "frage": "Art?", "typ": "auswahl"}]}}
        ),
        "yaml": client.post(
            "/api/batch/uploads", data={"schema": "name: [offen"}, files={"files": ("a.md", b"# A", "text/markdown")}
        ),
        "yaml in json": client.post("/api/batch", json={"schema": "name: [offen", "cases": twins["cases"][:1]}),
        "template": client.post("/api/summaries", json={"doc_ids": ["x"], "template": "brief"}),
        "no documents": client.post("/api/summaries", json={"template": "vermerk"}),
    }
    for what, response in refused.items():
        assert response.status_code == 422, (what, response.text)
    plain = client.post("/api/summaries", content=b'{"doc_ids": ["x"]}', headers={"Content-Type": "text/plain"})
    assert plain.status_code == 415  # never parsed as JSON (see test_security)
    messages = {what: response.json()["message"] for what, response in refused.items()}
    assert "denselben Namen" in messages["duplicate case names"]
    assert "files" in messages["server paths"]
    assert "zwei Optionen" in messages["field list"]
    assert "nicht lesbar" in messages["yaml"] and "nicht lesbar" in messages["yaml in json"]
    assert "Vorlage" in messages["template"] and "mindestens ein Dokument" in messages["no documents"]
    assert client.get("/api/summaries/templates").status_code == 200  # nothing was submitted above


def test_openapi_documents_json_and_multipart_request_bodies(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for json_path, upload_path in (("/api/summaries", "/api/summaries/uploads"), ("/api/batch", "/api/batch/uploads")):
        assert "application/json" in paths[json_path]["post"]["requestBody"]["content"]
        assert "multipart/form-data" in paths[upload_path]["post"]["requestBody"]["content"]
        assert "delete" in paths[f"{json_path}/{{job_id}}"]
