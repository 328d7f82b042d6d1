"""Sign-in: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from assistant.api.auth import CurrentUser, clear_session_cookie, session_token, set_session_cookie
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.api.schemas import LoginRequest, UserPublic

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login", response_model=UserPublic)
def login(body: LoginRequest, request: Request, response: Response, services: ServicesDep) -> UserPublic:
    principal = services.accounts.check_password(body.username, body.password.get_secret_value())
    if principal is None:
        raise ApiError(401, "anmeldung_fehlgeschlagen", "Benutzername oder Passwort ist falsch.")
    token = services.accounts.open_session(principal)
    set_session_cookie(request, response, token, services.settings.access.session_hours * 3600)
    return UserPublic.of(principal)


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, services: ServicesDep) -> Response:
    if token := session_token(request):
        services.accounts.close_session(token)
    clear_session_cookie(request, response)
    response.status_code = 204
    return response


@router.get("/me", response_model=UserPublic)
def me(user: CurrentUser) -> UserPublic:
    return UserPublic.of(user)
