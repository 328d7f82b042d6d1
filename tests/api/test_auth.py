"""Sign-in on the real app: every route but /healthz and the sign-in routes answers 401 in German without a
signed-in user; a session cookie or an API key signs a request in; sign-out and a disabled account end it."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from assistant.api.app import create_app
from assistant.cli import main as cli_main
from assistant.services import Services
from models.embedders import Embedder
from testkit import TEST_PASSWORD, api_key_for, assistant_settings

OPEN_ROUTES = {("GET", "/healthz"), ("POST", "/api/auth/login"), ("POST", "/api/auth/logout"), ("GET", "/")}
OPEN_ROUTES |= {("GET", "/api/auth/methods"), ("GET", "/api/auth/oidc/login"), ("GET", "/api/auth/oidc/callback")}


@pytest.fixture
def services(private_index: Path, embedder: Embedder, tmp_path: Path) -> Services:
    return Services(assistant_settings(private_index, tmp_path), embedder=embedder)


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services.settings, services)) as test_client:
        yield test_client


def _flat(routes: list[Any]) -> Iterator[Any]:
    """The app's routes, the included routers' routes among them (FastAPI keeps those behind one entry each)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        yield from _flat(included.routes) if included is not None else [route]


def _routes(client: TestClient) -> list[tuple[str, str]]:
    """Every route of the app with each of its methods; path parameters filled with a placeholder."""
    routes = []
    for route in _flat(client.app.routes):  # type: ignore[attr-defined]
        methods = getattr(route, "methods", None) or set()
        for method in sorted(methods - {"HEAD", "OPTIONS"}):
            path = route.path.replace("{", "").replace("}", "")  # type: ignore[attr-defined]
            routes.append((method, path))
    return routes


def test_every_route_but_health_and_sign_in_needs_a_signed_in_user(client: TestClient) -> None:
    checked = 0
    for method, path in _routes(client):
        if (method, path) in OPEN_ROUTES or path.startswith(("/static", "/docs/assets")):
            continue
        response = client.request(method, path)
        assert response.status_code == 401, (method, path, response.status_code)
        body = response.json()
        message = body["error"]["message"] if path.startswith("/v1/") else body["message"]  # OpenAI's error shape
        assert message == "Bitte melden Sie sich an."
        checked += 1
    assert checked >= 15
    assert ("POST", "/api/chat") in _routes(client)
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 200  # the page with the sign-in form


def test_sign_in_sets_an_opaque_http_only_cookie_that_signs_requests_in(client: TestClient, services: Services) -> None:
    api_key_for(services)  # creates the test user

    wrong = client.post("/api/auth/login", json={"username": "pruefung", "password": "falsch"})
    response = client.post("/api/auth/login", json={"username": "pruefung", "password": TEST_PASSWORD})

    assert wrong.status_code == 401 and wrong.json()["message"] == "Benutzername oder Passwort ist falsch."
    assert response.status_code == 200
    assert response.json() == {"name": "pruefung", "display_name": "pruefung", "department": "Hauptamt", "role": "user"}
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("sitzung=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert TEST_PASSWORD not in cookie and "pruefung" not in cookie
    assert client.get("/api/documents").status_code == 200
    assert client.get("/api/auth/me").json()["department"] == "Hauptamt"

    assert client.post("/api/auth/logout").status_code == 204
    assert client.get("/api/documents").status_code == 401


def test_over_tls_the_cookie_is_host_prefixed_and_secure(services: Services) -> None:
    api_key_for(services)
    with TestClient(create_app(services.settings, services), base_url="https://testserver") as tls:
        response = tls.post("/api/auth/login", json={"username": "pruefung", "password": TEST_PASSWORD})

        cookie = response.headers["set-cookie"]
        assert cookie.startswith("__Host-sitzung=") and "Secure" in cookie and "Path=/" in cookie
        assert tls.get("/api/documents").status_code == 200


def test_an_api_key_signs_requests_in_until_the_account_is_disabled(client: TestClient, services: Services) -> None:
    key = api_key_for(services)
    headers = {"Authorization": f"Bearer {key}"}

    assert client.get("/api/documents", headers=headers).status_code == 200
    assert client.get("/api/documents", headers={"Authorization": f"Bearer {key}x"}).status_code == 401

    services.accounts.disable("pruefung")

    assert client.get("/api/documents", headers=headers).status_code == 401


def test_accounts_and_keys_are_administered_from_the_command_line(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = services.settings.database.url
    monkeypatch.setenv("ASSISTANT_DATABASE__URL", database)
    monkeypatch.setattr(sys, "stdin", io.StringIO("ein-sicheres-Passwort\n"))

    assert cli_main(["users", "add", "o.ordnung", "--department", "Ordnungsamt", "--role", "auditor"]) == 0
    assert cli_main(["apikey", "create", "o.ordnung"]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert cli_main(["users", "list"]) == 0
    listing = capsys.readouterr().out

    assert key.startswith("va_")
    assert services.accounts.key_user(key) is not None
    assert "o.ordnung\to.ordnung\tOrdnungsamt\tauditor\taktiv" in listing
    assert cli_main(["users", "disable", "o.ordnung"]) == 0
    assert services.accounts.key_user(key) is None
    monkeypatch.setattr(sys, "stdin", io.StringIO("ein-sicheres-Passwort\n"))
    assert cli_main(["users", "add", "o.ordnung", "--department", "Ordnungsamt"]) == 2  # exists: German error
    assert "gibt es schon" in capsys.readouterr().err


def test_the_audit_trail_records_who_did_what_but_never_the_question(client: TestClient, services: Services) -> None:
    api_key_for(services)
    canary = "Wie hoch ist die Hundesteuer für Kampfhunde Kanarienvogel-7731?"
    client.post("/api/auth/login", json={"username": "pruefung", "password": "falsch"})
    client.post("/api/auth/login", json={"username": "pruefung", "password": TEST_PASSWORD})
    searched = client.get("/api/search", params={"q": canary})
    assert searched.status_code == 200
    upload = client.post(
        "/api/documents",
        data={"collection": "allgemein"},
        files=[("files", ("notiz.md", b"# Notiz\n\nGeheimer Inhalt.", "text/markdown"))],
    )
    assert upload.status_code == 200

    events = [(event.actor, event.action, event.outcome) for event in services.audit.events()]

    assert ("pruefung", "anmeldung", "abgelehnt") in events
    assert ("pruefung", "anmeldung", "ok") in events
    assert ("pruefung", "suche", "ok") in events
    assert ("pruefung", "dokumente_hochgeladen", "ok") in events
    search_event = next(event for event in services.audit.events() if event.action == "suche")
    assert search_event.via == "sitzung" and search_event.request_id == searched.headers["x-request-id"]
    assert {event.via for event in services.audit.events() if event.action == "anmeldung"} == {"passwort"}
    database = Path(services.settings.database.url.removeprefix("sqlite:///"))
    stored = b"".join(path.read_bytes() for path in database.parent.glob(database.name + "*"))
    assert b"Kanarienvogel" not in stored and b"Geheimer Inhalt" not in stored
    assert services.audit.verify().ok


def test_only_auditors_read_the_audit_trail(client: TestClient, services: Services) -> None:
    user_key = api_key_for(services)
    auditor_key = api_key_for(services, "d.schutz", department="Datenschutz", role="auditor")

    refused = client.get("/api/auth/audit", headers={"Authorization": f"Bearer {user_key}"})
    allowed = client.get("/api/auth/audit", headers={"Authorization": f"Bearer {auditor_key}"})

    assert refused.status_code == 403 and "auditor" in refused.json()["message"]
    assert allowed.status_code == 200
    assert {"seq", "at", "actor", "action", "target", "outcome", "hash"} <= set(allowed.json()[0])


def test_audit_verify_and_export_from_the_command_line(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASSISTANT_DATABASE__URL", services.settings.database.url)
    services.audit.record("pruefung", "suche")
    services.audit.record("pruefung", "dokument_angesehen", "abc")

    assert cli_main(["audit", "verify"]) == 0
    assert cli_main(["audit", "export", "--out", str(tmp_path / "protokoll.csv")]) == 0
    assert "dokument_angesehen" in (tmp_path / "protokoll.csv").read_text(encoding="utf-8-sig")
    with services.state_database.begin() as connection:
        connection.execute(text("UPDATE audit_events SET target = 'xyz' WHERE action = 'dokument_angesehen'"))
    assert cli_main(["audit", "verify"]) == 1
    assert "VERÄNDERT" in capsys.readouterr().err


def test_too_many_failed_sign_ins_lock_the_name_for_a_while(client: TestClient, services: Services) -> None:
    api_key_for(services)
    for _ in range(services.settings.access.max_failed_logins):
        assert client.post("/api/auth/login", json={"username": "pruefung", "password": "falsch"}).status_code == 401

    locked = client.post("/api/auth/login", json={"username": "pruefung", "password": TEST_PASSWORD})
    other = client.post("/api/auth/login", json={"username": "niemand", "password": "falsch"})

    assert locked.status_code == 429 and "Zu viele fehlgeschlagene Anmeldungen" in locked.json()["message"]
    assert other.status_code == 401  # only the attacked name is locked
    assert ("pruefung", "anmeldung_gesperrt") in [(event.actor, event.action) for event in services.audit.events()]
