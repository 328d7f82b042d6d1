"""Sign-in by OIDC (e.g. Keycloak): GET /api/auth/methods, GET /api/auth/oidc/login, GET /api/auth/oidc/callback.

Open without sign-in. The login route sends the browser to the provider (authorization code, PKCE S256, state,
nonce) and binds the sign-in to the browser with a short-lived HttpOnly cookie holding the state; the callback
refuses a state that is not this cookie's (400), exchanges the code, verifies the ID token, creates or updates
the user and their department, and opens a server-side session exactly like the password sign-in. Every
outcome goes into the audit trail (``anmeldung`` with target ``oidc``; ``anmeldung_fehlgeschlagen`` with the
reason), never a token.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from assistant.access.accounts import AccountError
from assistant.access.oidc import FLOW_MINUTES, STALE, OidcClient, OidcError, provider_refusal, states_match
from assistant.api.audit_log import record
from assistant.api.auth import is_tls, set_session_cookie
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.services import Services

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api/auth", tags=["auth"])

SECURE_FLOW_COOKIE = "__Host-oidc-anmeldung"
PLAIN_FLOW_COOKIE = "oidc-anmeldung"
_REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Anmeldung abgelaufen, aus einem anderen Browser oder vom Anmeldedienst abgelehnt"},
    401: {"description": "ID-Token ungültig"},
    403: {"description": "Dienstkonto ohne Benutzername oder Abteilung, oder gesperrt"},
    404: {"description": "Anmeldung mit Dienstkonto nicht eingerichtet"},
    502: {"description": "Anmeldedienst nicht erreichbar"},
}


class SignInMethods(BaseModel):
    """How one may sign in here (the web page shows the matching choices)."""

    password: bool = Field(description="Anmeldung mit Benutzername und Passwort")
    oidc: bool = Field(description="Anmeldung mit Dienstkonto (OpenID Connect, z. B. Keycloak)")


@router.get("/methods", response_model=SignInMethods)
def sign_in_methods(services: ServicesDep) -> SignInMethods:
    return SignInMethods(password=True, oidc=services.settings.oidc.enabled)


@router.get("/oidc/login", status_code=303, response_class=RedirectResponse, responses=_REFUSALS)
def oidc_login(request: Request, services: ServicesDep) -> RedirectResponse:
    """Leitet zur Anmeldung beim Anmeldedienst weiter."""
    client = _client(request, services)
    redirect_url = services.settings.oidc.redirect_url.strip() or str(request.url_for("oidc_callback"))
    try:
        url, state = client.begin(redirect_url)
    except OidcError as error:
        raise _refused(request, error) from None
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        _flow_cookie(request),
        state,
        max_age=FLOW_MINUTES * 60,
        path="/",
        secure=is_tls(request),
        httponly=True,
        samesite="lax",  # sent along when the provider sends the browser back (a top-level GET)
    )
    return response


@router.get("/oidc/callback", status_code=303, response_class=RedirectResponse, responses=_REFUSALS)
def oidc_callback(
    request: Request,
    services: ServicesDep,
    state: str = Query("", max_length=200),
    code: str = Query("", max_length=4000),
    error: str = Query("", max_length=200),
) -> RedirectResponse:
    """Rücksprung vom Anmeldedienst: meldet an und leitet zur Startseite weiter."""
    client = _client(request, services)
    if not states_match(request.cookies.get(_flow_cookie(request)), state):
        # a refusal by the provider may come without state; it signs no one in, so it is told as such
        raise _refused(request, provider_refusal(error) if error else OidcError(STALE, reason="state"))
    identity = None
    try:
        identity = client.finish(state, code, error)
        principal = services.accounts.external_user(
            identity.subject, identity.name, department=identity.department, display_name=identity.display_name
        )
    except OidcError as failure:
        raise _refused(request, failure) from None
    except AccountError as failure:
        user = identity.name if identity is not None else ""
        raise _refused(request, OidcError(failure.message, reason="konto", status=403, user=user)) from None
    record(request, principal.name, "anmeldung", "oidc", via="oidc")
    token = services.accounts.open_session(principal)
    response = RedirectResponse(request.scope.get("root_path", "") + "/", status_code=303)
    set_session_cookie(request, response, token, services.settings.access.session_hours * 3600)
    response.delete_cookie(_flow_cookie(request), path="/", secure=is_tls(request), httponly=True, samesite="lax")
    return response


def _client(request: Request, services: Services) -> OidcClient:
    """The app's OIDC client (it keeps the provider's configuration and keys); 404 when OIDC is off."""
    if not services.settings.oidc.enabled:
        raise ApiError(404, "oidc_nicht_eingerichtet", "Die Anmeldung mit Dienstkonto ist hier nicht eingerichtet.")
    client: OidcClient | None = getattr(request.app.state, "oidc_client", None)
    if client is None:
        client = request.app.state.oidc_client = OidcClient(services.settings.oidc, services.state_database)
    return client


def _refused(request: Request, error: OidcError) -> ApiError:
    logger.warning("OIDC sign-in refused: %s", error.reason)  # the reason only, never a token or code
    actor = error.user or "anonym"
    record(request, actor, "anmeldung_fehlgeschlagen", f"oidc:{error.reason}", "abgelehnt", via="oidc")
    return ApiError(error.status, error.code, error.message)


def _flow_cookie(request: Request) -> str:
    return SECURE_FLOW_COOKIE if is_tls(request) else PLAIN_FLOW_COOKIE
