"""Who is asking: every route but /healthz and the sign-in routes requires a signed-in user.

A request is signed in by an API key (``Authorization: Bearer va_…``, for machine clients) or by the session
cookie the sign-in route sets. The cookie is opaque (the session lives on the server), HttpOnly and
SameSite=Lax; over TLS it is ``__Host-``-prefixed and Secure (browsers refuse both on plain HTTP, so loopback
without TLS uses the plain name). Cross-site requests are refused before this by ``SameOriginGuard``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from assistant.access.accounts import Principal
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from ingest.types import Scope

SECURE_COOKIE = "__Host-sitzung"
PLAIN_COOKIE = "sitzung"


class NotSignedInError(ApiError):
    def __init__(self) -> None:
        super().__init__(401, "nicht_angemeldet", "Bitte melden Sie sich an.")


def is_tls(request: Request) -> bool:
    return request.url.scheme == "https"


def session_cookie_name(request: Request) -> str:
    return SECURE_COOKIE if is_tls(request) else PLAIN_COOKIE


def session_token(request: Request) -> str | None:
    return request.cookies.get(session_cookie_name(request))


def current_user(request: Request, services: ServicesDep) -> Principal:
    """The signed-in user of the request; 401 with a German message otherwise."""
    authorization = request.headers.get("authorization", "")
    scheme, _, credential = authorization.partition(" ")
    if scheme.lower() == "bearer" and credential.strip():
        principal, method = services.accounts.key_user(credential.strip()), "api_schluessel"
    elif token := session_token(request):
        principal, method = services.accounts.session_user(token), "sitzung"
    else:
        principal, method = None, ""
    if principal is None:
        raise NotSignedInError()
    request.state.principal = principal
    request.state.auth_method = method
    return principal


def set_session_cookie(request: Request, response: Response, token: str, max_age: int) -> None:
    response.set_cookie(
        session_cookie_name(request),
        token,
        max_age=max_age,
        path="/",
        secure=is_tls(request),
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        session_cookie_name(request), path="/", secure=is_tls(request), httponly=True, samesite="lax"
    )


CurrentUser = Annotated[Principal, Depends(current_user)]
SIGNED_IN = [Depends(current_user)]


def read_scope(principal: CurrentUser, services: ServicesDep) -> Scope:
    """The collections the signed-in user may read, computed for this request."""
    return services.collections.scope(principal)


ReadScope = Annotated[Scope, Depends(read_scope)]
