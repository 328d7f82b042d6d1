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

from assistant.api.app import create_app
from assistant.cli import main as cli_main
from assistant.services import Services
from models.embedders import Embedder
from testkit import TEST_PASSWORD, api_key_for, assistant_settings

OPEN_ROUTES = {("GET", "/healthz"), ("POST", "/api/auth/login"), ("POST", "/api/auth/logout"), ("GET", "/")}


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
        assert response.json()["message"] == "Bitte melden Sie sich an."
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
