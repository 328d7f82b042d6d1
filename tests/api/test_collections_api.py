"""Collections, grants and account administration through the API (real app, real embedder, no LLM)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from models.embedders import Embedder
from testkit import TEST_PASSWORD, api_key_for, assistant_settings

NOTE = ("files", ("notiz.md", b"# Notiz\n\nDie Sitzung des Bauausschusses ist am Dienstag.", "text/markdown"))


@pytest.fixture
def app(private_index: Path, embedder: Embedder, tmp_path: Path) -> Iterator[tuple[TestClient, Services]]:
    settings = assistant_settings(private_index, tmp_path)
    services = Services(settings, embedder=embedder)
    with TestClient(create_app(settings, services)) as client:
        yield client, services


def _headers(services: Services, name: str, department: str, role: str = "user") -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key_for(services, name, department=department, role=role)}"}


def test_uploads_go_into_a_collection_the_uploader_may_write(app: tuple[TestClient, Services]) -> None:
    client, services = app
    bau = _headers(services, "b.bauer", "Bauamt")
    ordnung = _headers(services, "o.ordnung", "Ordnungsamt")
    client.post("/api/collections", json={"name": "bau", "title": "Bauamt"}, headers=bau)

    refused = client.post("/api/documents", data={"collection": "bau"}, files=[NOTE], headers=ordnung)
    missing = client.post("/api/documents", files=[NOTE], headers=bau)
    stored = client.post("/api/documents", data={"collection": "bau"}, files=[NOTE], headers=bau)

    assert refused.status_code == 403 and "Schreibzugriff" in refused.json()["message"]
    assert missing.status_code == 422
    assert stored.status_code == 200 and stored.json()["documents"][0]["collection"] == "bau"
    listed = {doc["collection"] for doc in client.get("/api/documents", headers=ordnung).json()}
    assert listed == {"allgemein"}


def test_a_grant_to_a_department_opens_the_collection_to_its_members(app: tuple[TestClient, Services]) -> None:
    client, services = app
    bau = _headers(services, "b.bauer", "Bauamt")
    ordnung = _headers(services, "o.ordnung", "Ordnungsamt")
    client.post("/api/collections", json={"name": "bau"}, headers=bau)
    client.post("/api/documents", data={"collection": "bau"}, files=[NOTE], headers=bau)
    query = {"q": "Sitzung Bauausschuss Dienstag", "k": 3, "collections": ["bau"]}

    before = client.get("/api/search", params=query, headers=ordnung)
    granted = client.put(
        "/api/collections/bau/grants",
        json={
            "grants": [{"user": "b.bauer", "permission": "manage"}, {"department": "Ordnungsamt", "permission": "read"}]
        },
        headers=bau,
    )
    after = client.get("/api/search", params=query, headers=ordnung)
    mine = {c["name"]: c for c in client.get("/api/collections", headers=ordnung).json()}

    assert before.status_code == 403
    assert granted.status_code == 200 and {"department": "Ordnungsamt", "permission": "read"}.items() <= (
        granted.json()["grants"][1].items()
    )
    assert after.status_code == 200 and after.json()[0]["source"] == "notiz.md"
    assert mine["bau"]["permission"] == "read" and mine["bau"]["documents"] == 1


def test_deleting_a_collection_removes_its_documents(app: tuple[TestClient, Services]) -> None:
    client, services = app
    bau = _headers(services, "b.bauer", "Bauamt")
    client.post("/api/collections", json={"name": "bau"}, headers=bau)
    doc_id = client.post("/api/documents", data={"collection": "bau"}, files=[NOTE], headers=bau).json()["documents"][
        0
    ]["id"]

    deleted = client.delete("/api/collections/bau", headers=bau)

    assert deleted.status_code == 204
    assert client.get(f"/api/documents/{doc_id}", headers=bau).status_code == 404
    assert "bau" not in {c["name"] for c in client.get("/api/collections", headers=bau).json()}


def test_only_admins_manage_accounts(app: tuple[TestClient, Services]) -> None:
    client, services = app
    admin = _headers(services, "a.admin", "IT", role="admin")
    clerk = _headers(services, "m.muster", "Ordnungsamt")
    new_user = {"name": "n.neu", "department": "Bauamt", "password": TEST_PASSWORD, "display_name": "Nina Neu"}

    refused = client.post("/api/admin/users", json=new_user, headers=clerk)
    created = client.post("/api/admin/users", json=new_user, headers=admin)
    disabled = client.post("/api/admin/users/n.neu/disable", headers=admin)
    login = client.post("/api/auth/login", json={"username": "n.neu", "password": TEST_PASSWORD})

    assert refused.status_code == 403 and "admin" in refused.json()["message"]
    assert created.status_code == 201 and created.json()["department"] == "Bauamt"
    assert disabled.json()["disabled"] is True and login.status_code == 401
    assert "Bauamt" in client.get("/api/admin/departments", headers=admin).json()
