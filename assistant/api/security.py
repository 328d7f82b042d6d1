"""Same-origin only: what a foreign web page in the clerk's browser must not be able to do.

* A Host allow-list defeats DNS rebinding (a foreign name that resolves to this server).
* State-changing requests from another site are refused: browsers send ``Origin`` and ``Sec-Fetch-Site`` with
  them, so a cross-site form or fetch is recognised; clients that send neither (CLI tools, SDKs) are no browser.
* Bodies are only JSON (``application/json``) or uploads (``multipart/form-data``): a ``text/plain`` body, which
  a page may send without a CORS preflight, is refused before any route parses it.
* Every response carries security headers: a CSP without inline script, no framing, no sniffing, no referrer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_BODY_TYPES = ("application/json", "multipart/form-data")
_SAME_SITE_FETCH = frozenset({"same-origin", "none"})  # "none": typed into the address bar, a bookmark
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "testserver")
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


def allowed_hosts(configured_host: str, extra: Iterable[str]) -> frozenset[str]:
    """Loopback names, the address the server binds to (unless it is the wildcard) and the configured names."""
    names = {*LOOPBACK_NAMES, *(name.strip().lower() for name in extra if name.strip())}
    if configured_host not in ("0.0.0.0", "::", ""):
        names.add(configured_host.lower())
    return frozenset(names)


def _host_name(host_header: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SameOriginGuard:
    """Pure ASGI middleware (streams pass through untouched)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        refusal = self._refusal(scope["method"], headers)
        if refusal is not None:
            await _refuse(send, *refusal)
            return
        await self.app(scope, receive, _with_security_headers(send))

    def _refusal(self, method: str, headers: dict[str, str]) -> tuple[int, str, str] | None:
        host = headers.get("host", "")
        if _host_name(host) not in self.hosts:
            return 421, "unbekannter_host", "Dieser Server ist unter diesem Namen nicht erreichbar."
        if method in _SAFE_METHODS:
            return None
        if headers.get("sec-fetch-site", "same-origin") not in _SAME_SITE_FETCH:
            return 403, "fremde_seite", "Anfragen von fremden Webseiten werden abgelehnt."
        origin = headers.get("origin")
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            return 403, "fremde_seite", "Anfragen von fremden Webseiten werden abgelehnt."
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        has_body = headers.get("content-length", "0") != "0" or "transfer-encoding" in headers
        if has_body and content_type not in _BODY_TYPES:
            return (
                415,
                "format_nicht_unterstuetzt",
                "Anfragen bitte als JSON (application/json) oder als Datei-Upload (multipart/form-data) senden.",
            )
        return None


def _with_security_headers(send: Send) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {key.lower() for key, _ in message.get("headers", [])}
            extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return send_with_headers


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": code, "message": message}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(key.encode(), value.encode()) for key, value in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
