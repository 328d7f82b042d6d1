"""Sign-in: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me; GET /api/auth/audit (auditors)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Query, Request, Response

from assistant.api.audit_log import record
from assistant.api.auth import CurrentUser, clear_session_cookie, session_token, set_session_cookie
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.api.schemas import AuditEventPublic, LoginRequest, UserPublic

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login", response_model=UserPublic)
def login(body: LoginRequest, request: Request, response: Response, services: ServicesDep) -> UserPublic:
    name = body.username.strip().lower()[:120]
    access = services.settings.access
    since = datetime.now(UTC) - timedelta(minutes=access.lockout_minutes)
    if services.audit.count_since(name, "anmeldung", "abgelehnt", since) >= access.max_failed_logins:
        record(request, name, "anmeldung_gesperrt", outcome="abgelehnt", via="passwort")
        raise ApiError(
            429,
            "zu_viele_versuche",
            f"Zu viele fehlgeschlagene Anmeldungen. Bitte in {access.lockout_minutes} Minuten erneut versuchen.",
        )
    principal = services.accounts.check_password(name, body.password.get_secret_value())
    if principal is None:
        record(request, name, "anmeldung", outcome="abgelehnt", via="passwort")
        raise ApiError(401, "anmeldung_fehlgeschlagen", "Benutzername oder Passwort ist falsch.")
    record(request, principal.name, "anmeldung", via="passwort")
    token = services.accounts.open_session(principal)
    set_session_cookie(request, response, token, services.settings.access.session_hours * 3600)
    return UserPublic.of(principal)


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, services: ServicesDep) -> Response:
    if (token := session_token(request)) and (principal := services.accounts.session_user(token)):
        record(request, principal.name, "abmeldung", via="sitzung")
    if token:
        services.accounts.close_session(token)
    clear_session_cookie(request, response)
    response.status_code = 204
    return response


@router.get("/me", response_model=UserPublic)
def me(user: CurrentUser) -> UserPublic:
    return UserPublic.of(user)


@router.get("/audit", response_model=list[AuditEventPublic], tags=["audit"])
def read_audit(
    user: CurrentUser, services: ServicesDep, limit: int = Query(200, ge=1, le=5000)
) -> list[AuditEventPublic]:
    """Die neuesten Einträge des Protokolls; nur für die Rolle ``auditor`` (Datenschutz)."""
    if user.role != "auditor":
        raise ApiError(
            403, "keine_berechtigung", "Das Protokoll dürfen nur Prüferinnen und Prüfer (Rolle auditor) lesen."
        )
    return [AuditEventPublic.of(event) for event in services.audit.events(newest_first=True, limit=limit)]
