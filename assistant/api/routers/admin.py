"""Administration for the role ``admin``: accounts and departments (collections and grants: /api/collections)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from assistant.access.accounts import Principal
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.api.schemas import AccountPublic, NewUserRequest


def admin_user(principal: CurrentUser) -> Principal:
    if principal.role != "admin":
        raise ApiError(403, "keine_berechtigung", "Diese Verwaltung ist der Rolle admin vorbehalten.")
    return principal


router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[Depends(admin_user)])


@router.get("/users", response_model=list[AccountPublic])
def list_users(services: ServicesDep) -> list[AccountPublic]:
    return [AccountPublic.of_account(account) for account in services.accounts.users()]


@router.post("/users", response_model=AccountPublic, status_code=201)
def add_user(body: NewUserRequest, services: ServicesDep) -> AccountPublic:
    """Neues lokales Konto (das erste Passwort teilt die Verwaltung der Person mit)."""
    services.accounts.add_user(
        body.name,
        department=body.department,
        role=body.role,
        password=body.password.get_secret_value(),
        display_name=body.display_name,
    )
    return _account(services, body.name.strip().lower())


@router.post("/users/{name}/disable", response_model=AccountPublic)
def disable_user(name: str, services: ServicesDep) -> AccountPublic:
    """Konto sperren: Anmeldungen und API-Schlüssel enden sofort."""
    services.accounts.disable(name)
    return _account(services, name.strip().lower())


@router.get("/departments", response_model=list[str])
def list_departments(services: ServicesDep) -> list[str]:
    return services.accounts.departments()


def _account(services: ServicesDep, name: str) -> AccountPublic:
    return next(AccountPublic.of_account(a) for a in services.accounts.users() if a.name == name)
