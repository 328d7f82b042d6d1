"""Same-origin only: a foreign page in the clerk's browser can neither read nor change anything (issue: DNS
rebinding, cross-site uploads, text/plain bodies without a preflight), and every page carries security headers.
Real app, real embedder; no LLM is needed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.services import Services
from models.embedders import Embedder
from testkit import FIXTURES, assistant_settings, signed_in

ORIGIN = "http://127.0.0.1:8000"


@pytest.fixture
def client(private_index: Path, embedder: Embedder, tmp_path: Path) -> Iterator[TestClient]:
    settings = assistant_settings(private_index, tmp_path)
    services = Services(settings, embedder=embedder)
    with TestClient(create_app(settings, services), base_url=ORIGIN) as test_client:
        yield signed_in(test_client, services)


def _document_count(client: TestClient) -> int:
    return len(client.get("/api/documents").json())


def test_a_foreign_host_name_is_refused_so_dns_rebinding_reads_and_deletes_nothing(client: TestClient) -> None:
    doc_id = client.get("/api/documents").json()[0]["id"]
    for method, url in (("GET", "/api/documents"), ("DELETE", f"/api/documents/{doc_id}"), ("GET", "/")):
        response = client.request(method, url, headers={"Host": "evil.example"})
        assert response.status_code == 421, (method, url)
        assert response.json()["message"].startswith("Dieser Server ist unter diesem Namen nicht erreichbar")
    assert client.get(f"/api/documents/{doc_id}").status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a file:// page
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://intranet.example:8000"},
    ],
)
def test_state_changing_requests_from_another_site_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    before = _document_count(client)
    upload = (FIXTURES / "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md").read_bytes()
    response = client.post(
        "/api/documents",
        data={"collection": "allgemein"},
        files={"files": ("x.md", upload, "text/markdown")},
        headers=headers,
    )
    assert response.status_code == 403
    assert response.json()["message"] == "Anfragen von fremden Webseiten werden abgelehnt."
    doc_id = client.get("/api/documents").json()[0]["id"]
    assert client.delete(f"/api/documents/{doc_id}", headers=headers).status_code == 403
    assert _document_count(client) == before


def test_the_own_page_and_non_browser_clients_may_change_things(client: TestClient) -> None:
    same_origin = {"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"}
    response = client.post("/api/chat", json={"question": ""}, headers=same_origin)
    assert response.status_code == 422  # reached the route (validation), not refused by the guard
    assert client.post("/api/chat", json={"question": ""}).status_code == 422  # curl, SDKs: no Origin at all


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/html"])
def test_bodies_that_need_no_cors_preflight_are_refused_before_parsing(client: TestClient, content_type: str) -> None:
    body = b'{"doc_ids": ["x"], "template": "vermerk"}'
    for url in ("/api/summaries", "/api/batch", "/api/chat"):
        response = client.post(url, content=body, headers={"Content-Type": content_type})
        assert response.status_code == 415, (url, content_type)
        assert "application/json" in response.json()["message"]


def test_a_json_body_without_content_type_is_not_parsed(client: TestClient) -> None:
    response = client.post("/api/chat", content=b'{"question": "Was kostet Sperrmuell?"}', headers={"Content-Type": ""})
    assert response.status_code in (415, 422)


def test_every_response_carries_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/documents", "/static/js/main.js", "/gibtesnicht"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp, url
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff", url
        assert headers["referrer-policy"] == "no-referrer", url


def test_the_page_has_no_inline_script(client: TestClient) -> None:
    page = client.get("/").text
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all("src=" in attributes and not body.strip() for attributes, body in scripts)
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handlers


def test_api_docs_are_served_from_this_machine(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    assert "https://" not in page.text and "http://" not in page.text
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.text)
    assert len(scripts) == 2 and styles
    for asset in [*scripts, *styles]:
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 100, asset
    assert not re.findall(r"<script>(.*?)</script>", page.text, re.S)


def test_a_malformed_multipart_body_gets_a_german_400(client: TestClient) -> None:
    response = client.post(
        "/api/documents",
        content=b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.md"\r\n\r\nabc',
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert response.status_code in (400, 422)
    assert "error" in response.json() and "There was an error" not in response.text


def test_library_validation_texts_never_reach_the_clerk(client: TestClient) -> None:
    """A file field sent as text: FastAPI explains it in English ("Expected UploadFile"); only German is shown."""
    response = client.post("/api/documents", data={"collection": "allgemein"}, files={"files": (None, "x")})
    assert response.status_code == 422
    assert "Expected" not in response.json()["message"] and "ungültig" in response.json()["message"]
