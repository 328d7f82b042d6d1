"""Every state-changing request and every download of results goes into the audit trail: who (the signed-in
account), what (the route's action and its ids), when, and the outcome. Bodies are never read, so no question,
document text or field value reaches the trail. Sign-in and sign-out are recorded by their routes (with the
name that tried to sign in)."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

import anyio
from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.access.audit import Outcome

_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# The route functions whose calls are recorded, with the action's German name.
ACTIONS = {
    "chat": "frage_gestellt",
    "search": "suche",
    "show_document": "dokument_angesehen",
    "upload_documents": "dokumente_hochgeladen",
    "delete_document": "dokument_geloescht",
    "start_summary": "entwurf_gestartet",
    "start_summary_of_uploads": "entwurf_gestartet",
    "cancel_summary": "entwurf_abgebrochen",
    "delete_summary": "entwurf_geloescht",
    "download_docx": "entwurf_heruntergeladen",
    "download_markdown": "entwurf_heruntergeladen",
    "start_batch": "auswertung_gestartet",
    "start_batch_of_uploads": "auswertung_gestartet",
    "cancel_batch": "auswertung_abgebrochen",
    "delete_batch": "auswertung_geloescht",
    "download_result": "auswertung_heruntergeladen",
    "read_audit": "protokoll_eingesehen",
    "create_collection": "sammlung_angelegt",
    "set_grants": "freigaben_geaendert",
    "delete_collection": "sammlung_geloescht",
    "show_conversation": "verlauf_geoeffnet",
    "delete_conversation": "verlauf_geloescht",
    "chat_completions": "frage_gestellt",
    "citations": "quellen_abgerufen",
    "add_user": "konto_angelegt",
    "disable_user": "konto_gesperrt",
}
DENIED = "zugriff_verweigert"  # any 403 (a collection without the permission, a role that may not)
_SIGN_IN_ROUTES = frozenset({"login", "logout"})  # recorded by the routes themselves


def record(request: Request, actor: str, action: str, target: str = "", outcome: Outcome = "ok", *, via: str) -> None:
    """An event a route records itself (sign-in, sign-out), with the request's id."""
    request.app.state.services.audit.record(
        actor, action, target, outcome, via=via, request_id=getattr(request.state, "request_id", "")
    )


class AuditMiddleware:
    """Pure ASGI middleware: gives each request an id (``X-Request-ID`` in the response), and records after the
    response has started (streams pass through untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 0
        request_id = uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id

        async def remember_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, remember_status)
        finally:
            await self._record(scope, status)

    async def _record(self, scope: Scope, status: int) -> None:
        endpoint = getattr(scope.get("endpoint"), "__name__", "")
        action = DENIED if status == 403 else ACTIONS.get(endpoint)
        if action is None and (scope["method"] not in _CHANGING or not endpoint or endpoint in _SIGN_IN_ROUTES):
            return
        state = scope.get("state", {})
        principal = state.get("principal")
        services: Any = scope["app"].state.services
        target = ",".join(str(value) for value in scope.get("path_params", {}).values())
        await anyio.to_thread.run_sync(
            partial(
                services.audit.record,
                principal.name if principal is not None else "anonym",
                action or endpoint,
                target,
                outcome_of(status),
                via=state.get("auth_method", ""),
                request_id=state.get("request_id", ""),
            )
        )


def outcome_of(status: int) -> Outcome:
    if 0 < status < 400:
        return "ok"
    return "abgelehnt" if 400 <= status < 500 else "fehler"
