"""Sign-in by OIDC on the real app, against a real OIDC provider on loopback (oidc-provider-mock, authlib's
authorization server): the login route sends the browser there with PKCE, state and nonce; the callback
creates the user, maps a group to a department and opens a session. A second small provider on loopback signs
ID tokens with a test key, so that tokens with a wrong issuer, audience, nonce, expiry or signature can be
offered to the callback: each is refused."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey
from oidc_provider_mock import run_server_in_thread
from pydantic import ValidationError
from sqlalchemy import select

from assistant.access.oidc import department_of
from assistant.access.tables import UserRow
from assistant.api.app import create_app
from assistant.services import Services
from assistant.settings import OidcSettings, Settings
from testkit import TEST_PASSWORD, api_key_for, assistant_settings

# the mock provider still uses authlib's older server-side hooks; that is no concern of the assistant
pytestmark = pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning")
CLIENT_ID = "verwaltungsassistent"
CALLBACK = "http://testserver/api/auth/oidc/callback"
BAUER = {
    "preferred_username": "b.bauer",
    "name": "Berta Bauer",
    "email": "b.bauer@example.org",
    "groups": ["/Admins", "/Abteilung/Bauamt"],
}


# --- the app and the providers ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The issuer URL of a real OIDC provider served on loopback for this module's tests."""
    with run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


def _settings(tmp_path: Path, issuer: str, **oidc: Any) -> Settings:
    settings = assistant_settings(tmp_path / "index", tmp_path)
    options = {"enabled": True, "issuer": issuer, "client_id": CLIENT_ID, "client_secret": "geheim"} | oidc
    return settings.model_copy(update={"oidc": OidcSettings(**options)})


def _client(settings: Settings) -> tuple[TestClient, Services]:
    services = Services(settings)
    return TestClient(create_app(settings, services)), services


@pytest.fixture
def app(tmp_path: Path, provider: str) -> Iterator[tuple[TestClient, Services]]:
    client, services = _client(_settings(tmp_path, provider, department_prefix="/Abteilung"))
    with client:
        yield client, services


def _start(client: TestClient) -> dict[str, str]:
    """GET /api/auth/oidc/login: the query of the provider's authorization URL it redirects to."""
    response = client.get("/api/auth/oidc/login", follow_redirects=False)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()} | {"url": location}


def _sign_in(client: TestClient, provider: str, sub: str, claims: dict[str, Any]) -> httpx.Response:
    """The whole flow as a browser goes it, following each redirect by hand; the callback's response."""
    httpx.put(f"{provider}/users/{sub}", json=claims).raise_for_status()
    authorize = _start(client)["url"]
    answer = httpx.post(authorize, data={"sub": sub}, follow_redirects=False)  # the user "logs in" there
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == CALLBACK
    return client.get(f"{back.path}?{back.query}", follow_redirects=False)


def _from_the_app(record: logging.LogRecord) -> bool:
    """A log record of the app (not of the provider, not of the test client's requests to the app)."""
    return record.name not in ("werkzeug", "oidc_provider_mock") and "testserver" not in record.getMessage()


def _external_subject(services: Services, name: str) -> str | None:
    with services.state_database.connect() as connection:
        return connection.execute(select(UserRow.external_subject).where(UserRow.name == name)).scalar_one()


def _audit(services: Services) -> list[tuple[str, str, str, str]]:
    return [(event.actor, event.action, event.target, event.outcome) for event in services.audit.events()]


# --- the flow -----------------------------------------------------------------------------------------


def test_the_sign_in_methods_say_whether_oidc_is_offered(tmp_path: Path, provider: str) -> None:
    off_client, _ = _client(assistant_settings(tmp_path / "aus" / "index", tmp_path / "aus"))
    on_client, _ = _client(_settings(tmp_path / "an", provider))

    assert off_client.get("/api/auth/methods").json() == {"password": True, "oidc": False}
    assert on_client.get("/api/auth/methods").json() == {"password": True, "oidc": True}
    refused = off_client.get("/api/auth/oidc/login", follow_redirects=False)
    assert refused.status_code == 404
    assert refused.json()["message"] == "Die Anmeldung mit Dienstkonto ist hier nicht eingerichtet."
    assert off_client.get("/api/auth/oidc/callback", params={"state": "x", "code": "y"}).status_code == 404


def test_the_login_route_sends_the_browser_to_the_provider_with_pkce_state_and_nonce(
    app: tuple[TestClient, Services], provider: str
) -> None:
    client, _ = app
    response = client.get("/api/auth/oidc/login", follow_redirects=False)
    query = {key: values[0] for key, values in parse_qs(urlsplit(response.headers["location"]).query).items()}

    assert response.headers["location"].startswith(f"{provider}/oauth2/authorize?")
    assert query["response_type"] == "code" and query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == CALLBACK
    assert query["scope"].split() == ["openid", "profile", "email"]
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"oidc-anmeldung={query['state']};") and "HttpOnly" in cookie
    assert "SameSite=lax" in cookie and "Max-Age=600" in cookie
    second = _start(client)
    assert second["state"] != query["state"] and second["code_challenge"] != query["code_challenge"]


def test_the_callback_creates_the_user_with_the_groups_department_and_signs_in(
    app: tuple[TestClient, Services], provider: str, caplog: pytest.LogCaptureFixture
) -> None:
    client, services = app
    caplog.set_level(logging.DEBUG)

    response = _sign_in(client, provider, "sub-bauer-1", BAUER)

    assert response.status_code == 303 and response.headers["location"] == "/"
    cookies = response.headers.get_list("set-cookie")
    assert any(cookie.startswith("sitzung=") and "HttpOnly" in cookie for cookie in cookies)
    assert any(cookie.startswith('oidc-anmeldung=""') for cookie in cookies)  # the sign-in cookie is removed
    me = client.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json() == {"name": "b.bauer", "display_name": "Berta Bauer", "department": "Bauamt", "role": "user"}
    assert _external_subject(services, "b.bauer") == f"{provider}|sub-bauer-1"
    assert services.accounts.check_password("b.bauer", "") is None  # no password: OIDC only
    assert ("b.bauer", "anmeldung", "oidc", "ok") in _audit(services)
    code = parse_qs(urlsplit(str(response.request.url)).query)["code"][0]
    session = client.cookies["sitzung"]
    logged = [record.getMessage() for record in caplog.records if _from_the_app(record)]
    assert any("/oauth2/token" in line for line in logged)  # the app's own calls to the provider are in the log …
    assert not any(code in line or session in line for line in logged)  # … but neither the code nor the session

    assert client.post("/api/auth/logout").status_code == 204
    assert client.get("/api/auth/me").status_code == 401


def test_a_later_sign_in_follows_the_group_to_another_department(
    app: tuple[TestClient, Services], provider: str
) -> None:
    client, services = app
    assert _sign_in(client, provider, "sub-bauer-2", BAUER).status_code == 303
    assert client.get("/api/auth/me").json()["department"] == "Bauamt"
    client.cookies.clear()

    moved = BAUER | {"name": "Berta Bauer-Ordnung", "groups": ["/Abteilung/Ordnungsamt"]}
    assert _sign_in(client, provider, "sub-bauer-2", moved).status_code == 303

    me = client.get("/api/auth/me").json()
    assert me["department"] == "Ordnungsamt" and me["display_name"] == "Berta Bauer-Ordnung"
    assert [user.name for user in services.accounts.users()].count("b.bauer") == 1


def _authorized(client: TestClient, provider: str, sub: str) -> dict[str, str]:
    """Begin a sign-in in ``client`` and let ``sub`` log in at the provider: the callback's state and code."""
    httpx.put(f"{provider}/users/{sub}", json=BAUER).raise_for_status()
    answer = httpx.post(_start(client)["url"], data={"sub": sub}, follow_redirects=False)
    back = parse_qs(urlsplit(answer.headers["location"]).query)
    return {"state": back["state"][0], "code": back["code"][0]}


def test_a_forged_foreign_or_replayed_state_is_refused(app: tuple[TestClient, Services], provider: str) -> None:
    client, services = app
    attacker = TestClient(client.app)  # another browser: begins a sign-in of its own and passes its callback on
    foreign = _authorized(attacker, provider, "sub-angreifer")
    own = _authorized(client, provider, "sub-bauer-3")

    forged = client.get("/api/auth/oidc/callback", params={"state": "gefaelscht", "code": own["code"]})
    planted = client.get("/api/auth/oidc/callback", params=foreign)  # login CSRF: the attacker's sign-in
    client.cookies.delete("oidc-anmeldung")
    without_cookie = client.get("/api/auth/oidc/callback", params=own)

    for refused in (forged, planted, without_cookie):
        assert refused.status_code == 400
        assert "nicht in diesem Browser begonnen" in refused.json()["message"]
        assert "sitzung=" not in refused.headers.get("set-cookie", "")
    assert client.get("/api/auth/me").status_code == 401
    assert _audit(services).count(("anonym", "anmeldung_fehlgeschlagen", "oidc:state", "abgelehnt")) == 3

    client.cookies.set("oidc-anmeldung", own["state"])
    assert client.get("/api/auth/oidc/callback", params=own, follow_redirects=False).status_code == 303
    client.cookies.set("oidc-anmeldung", own["state"])
    replayed = client.get("/api/auth/oidc/callback", params=own, follow_redirects=False)
    assert replayed.status_code == 400  # a sign-in begun is used once


def test_a_user_without_a_department_group_is_refused(app: tuple[TestClient, Services], provider: str) -> None:
    client, services = app
    claims = BAUER | {"preferred_username": "o.gruppe", "groups": ["/Admins", "/Abteilungsleitung/Bauamt"]}

    response = _sign_in(client, provider, "sub-ohne-gruppe", claims)

    assert response.status_code == 403
    assert response.json()["message"].startswith("Ihrem Dienstkonto ist keine Abteilung zugeordnet")
    assert "o.gruppe" not in [user.name for user in services.accounts.users()]
    assert ("o.gruppe", "anmeldung_fehlgeschlagen", "oidc:keine_abteilung", "abgelehnt") in _audit(services)


def test_a_local_account_of_the_same_name_is_not_taken_over(app: tuple[TestClient, Services], provider: str) -> None:
    client, services = app
    api_key_for(services)  # the local user "pruefung" in Hauptamt, with a password

    response = _sign_in(client, provider, "sub-pruefung", BAUER | {"preferred_username": "pruefung"})

    assert response.status_code == 403 and "gibt es schon" in response.json()["message"]
    assert client.get("/api/auth/me").status_code == 401
    assert _external_subject(services, "pruefung") is None
    local = services.accounts.check_password("pruefung", TEST_PASSWORD)
    assert local is not None and local.department == "Hauptamt"


def test_a_disabled_account_cannot_sign_in_by_oidc(app: tuple[TestClient, Services], provider: str) -> None:
    client, services = app
    assert _sign_in(client, provider, "sub-bauer-4", BAUER).status_code == 303
    client.cookies.clear()
    services.accounts.disable("b.bauer")

    response = _sign_in(client, provider, "sub-bauer-4", BAUER)

    assert response.status_code == 403 and response.json()["message"] == "Dieses Konto ist gesperrt."
    assert client.get("/api/auth/me").status_code == 401


def test_an_unreachable_provider_is_reported_in_german(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client, _ = _client(_settings(tmp_path, f"http://127.0.0.1:{port}"))

    response = client.get("/api/auth/oidc/login", follow_redirects=False)

    assert response.status_code == 502
    assert response.json()["message"].startswith("Der Anmeldedienst ist nicht erreichbar")


def test_the_provider_refusing_the_sign_in_is_reported_in_german(
    app: tuple[TestClient, Services], provider: str
) -> None:
    client, _ = app
    authorize = _start(client)["url"]
    answer = httpx.post(authorize, data={"action": "deny"}, follow_redirects=False)
    back = urlsplit(answer.headers["location"])
    assert "error=access_denied" in back.query

    response = client.get(f"{back.path}?{back.query}")

    assert response.status_code == 400
    assert response.json()["message"] == "Die Anmeldung beim Anmeldedienst wurde abgebrochen oder abgelehnt."


# --- ID tokens that must be refused (a provider on loopback that signs with a test key) --------------------


class TokenProvider:
    """Discovery, JWKS, token and userinfo endpoints; the token endpoint answers with ``id_claims`` signed by
    ``signing_key`` (the key in the JWKS unless a test swaps it)."""

    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "schluessel-1"})
        self.signing_key: Any = self.key
        self.algorithm = "RS256"
        self.id_claims: dict[str, Any] = {}
        self.userinfo: dict[str, Any] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"

    def token(self, claims: dict[str, Any]) -> str:
        header = {"alg": self.algorithm, "kid": "schluessel-1"}
        return jwt.encode(header, claims, self.signing_key, algorithms=[self.algorithm])

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/.well-known/openid-configuration":
                    base = provider.issuer
                    self._json(
                        {
                            "issuer": base,
                            "authorization_endpoint": f"{base}/authorize",
                            "token_endpoint": f"{base}/token",
                            "jwks_uri": f"{base}/jwks",
                            "userinfo_endpoint": f"{base}/userinfo",
                            "id_token_signing_alg_values_supported": ["RS256", "HS256"],
                        }
                    )
                elif self.path == "/jwks":
                    self._json({"keys": [provider.key.as_dict(private=False)]})
                elif self.path == "/userinfo":
                    self._json(provider.userinfo)
                else:
                    self.send_error(404)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                token = {"access_token": "zugang", "token_type": "Bearer", "expires_in": 300}
                self._json(token | {"id_token": provider.token(provider.id_claims)})

            def _json(self, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: Any) -> None:
                pass

        return Handler


@pytest.fixture
def token_provider() -> Iterator[TokenProvider]:
    provider = TokenProvider()
    thread = threading.Thread(target=provider.server.serve_forever, daemon=True)
    thread.start()
    yield provider
    provider.server.shutdown()
    provider.server.server_close()


def _offer(client: TestClient, provider: TokenProvider, **changes: Any) -> httpx.Response:
    """Begin a sign-in, let the provider answer with an ID token for it (``changes`` to its claims; None drops a
    claim), and come back to the callback."""
    start = _start(client)
    now = int(time.time())
    claims = {
        "iss": provider.issuer,
        "sub": "sub-token",
        "aud": CLIENT_ID,
        "iat": now,
        "exp": now + 300,
        "nonce": start["nonce"],
        "preferred_username": "t.token",
        "groups": ["/Abteilung/Kaemmerei"],
    } | changes
    provider.id_claims = {key: value for key, value in claims.items() if value is not None}
    callback = {"state": start["state"], "code": "beliebig"}
    return client.get("/api/auth/oidc/callback", params=callback, follow_redirects=False)


@pytest.fixture
def token_app(tmp_path: Path, token_provider: TokenProvider) -> Iterator[tuple[TestClient, Services]]:
    client, services = _client(_settings(tmp_path, token_provider.issuer, department_prefix="/Abteilung"))
    with client:
        yield client, services


def test_a_well_formed_token_of_the_test_provider_signs_in(
    token_app: tuple[TestClient, Services], token_provider: TokenProvider
) -> None:
    client, _ = token_app
    assert _offer(client, token_provider).status_code == 303  # so the refusals below are the checks' doing
    assert client.get("/api/auth/me").json()["department"] == "Kaemmerei"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        pytest.param({"iss": "http://127.0.0.1:1/fremd"}, "invalid_claim:iss", id="fremder-aussteller"),
        pytest.param({"aud": "fremde-anwendung"}, "invalid_claim:aud", id="fremde-zielgruppe"),
        pytest.param({"aud": ["fremde-anwendung", "noch-eine"]}, "invalid_claim:aud", id="fremde-zielgruppen"),
        pytest.param({"exp": int(time.time()) - 3600}, "expired_token:exp", id="abgelaufen"),
        pytest.param({"nonce": "eine-andere-nonce"}, "invalid_claim:nonce", id="falsche-nonce"),
        pytest.param({"nonce": None}, "missing_claim:nonce", id="ohne-nonce"),
        pytest.param({"sub": None}, "missing_claim:sub", id="ohne-subjekt"),
    ],
)
def test_an_id_token_with_wrong_claims_is_refused(
    token_app: tuple[TestClient, Services], token_provider: TokenProvider, changes: dict[str, Any], reason: str
) -> None:
    client, services = token_app

    response = _offer(client, token_provider, **changes)

    assert response.status_code == 401, response.text
    assert response.json()["message"].startswith("Die Anmeldung konnte nicht bestätigt werden")
    assert client.get("/api/auth/me").status_code == 401
    assert "t.token" not in [user.name for user in services.accounts.users()]
    assert ("anonym", "anmeldung_fehlgeschlagen", f"oidc:id_token:{reason}", "abgelehnt") in _audit(services)


@pytest.mark.parametrize(
    ("forgery", "reason"),
    [("fremder-schluessel", "BadSignatureError"), ("hs256-mit-client-secret", "UnsupportedAlgorithmError")],
)
def test_an_id_token_not_signed_by_the_providers_key_is_refused(
    token_app: tuple[TestClient, Services], token_provider: TokenProvider, forgery: str, reason: str
) -> None:
    client, services = token_app
    if forgery == "fremder-schluessel":  # same key id, another key
        token_provider.signing_key = RSAKey.generate_key(2048, parameters={"kid": "schluessel-1"})
    else:  # a symmetric algorithm with a key the client knows (the provider even offers HS256): never accepted
        token_provider.signing_key, token_provider.algorithm = OctKey.import_key(b"geheim" * 6), "HS256"

    response = _offer(client, token_provider)

    assert response.status_code == 401
    assert client.get("/api/auth/me").status_code == 401
    assert ("anonym", "anmeldung_fehlgeschlagen", f"oidc:signatur:{reason}", "abgelehnt") in _audit(services)


def test_claims_missing_from_the_id_token_are_taken_from_userinfo_of_the_same_subject(
    token_app: tuple[TestClient, Services], token_provider: TokenProvider
) -> None:
    client, _ = token_app
    token_provider.userinfo = {"sub": "ein-anderer", "groups": ["/Abteilung/Standesamt"]}
    assert _offer(client, token_provider, groups=None).status_code == 403  # another subject's userinfo: unused

    token_provider.userinfo = {"sub": "sub-token", "groups": ["/Abteilung/Standesamt"]}
    assert _offer(client, token_provider, groups=None).status_code == 303
    assert client.get("/api/auth/me").json()["department"] == "Standesamt"


# --- the parts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("groups", "prefix", "department"),
    [
        (["/Abteilung/Bauamt"], "/Abteilung", "Bauamt"),
        (["/Admins", "/Abteilung/Bauamt", "/Abteilung/Kaemmerei"], "/Abteilung", "Bauamt"),  # the first one
        (["/Abteilung/Bauamt/Tiefbau"], "/Abteilung/", "Tiefbau"),
        (["/Abteilungsleitung/Bauamt"], "/Abteilung", None),
        (["/Abteilung"], "/Abteilung", None),  # the prefix itself is no department
        (["Bauamt", "/Admins"], "", "Bauamt"),
        ("/Abteilung/Bauamt", "/Abteilung", "Bauamt"),  # a single group as a string
        ([], "", None),
        (None, "", None),
        ([42, {"x": 1}, "/Abteilung/Hauptamt"], "/Abteilung", "Hauptamt"),
        (["/Abteilung/" + "x" * 121], "/Abteilung", None),
    ],
)
def test_groups_map_to_a_department(groups: object, prefix: str, department: str | None) -> None:
    assert department_of(groups, prefix) == department


@pytest.mark.parametrize(
    "options",
    [
        {"issuer": "", "client_id": CLIENT_ID},
        {"issuer": "https://login.example.org/realms/amt", "client_id": ""},
        {"issuer": "http://login.example.org/realms/amt", "client_id": CLIENT_ID},  # plain http off loopback
        {"issuer": "https://login.example.org/realms/amt", "client_id": CLIENT_ID, "scopes": "profile email"},
    ],
)
def test_incomplete_or_unsafe_oidc_settings_are_refused_at_start(options: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        OidcSettings(enabled=True, **options)
    assert OidcSettings(enabled=False, **options).enabled is False
    assert OidcSettings(enabled=True, issuer="https://login.example.org/realms/amt", client_id=CLIENT_ID).enabled
