"""Collections and grants: the one place that decides what a user may read, write or manage.

Every document belongs to one collection. A grant gives a department, a user or every signed-in user a
permission on a collection; grants only add up, and without a grant there is no access (deny by default).
``scope`` turns a user's grants into the ``Scope`` that every read of the index requires; requests and jobs
compute it afresh each time (a job when it runs, not when it was queued), so a revoked grant takes effect at once.
Auditors read the audit trail, never documents: their scope is always empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from sqlalchemy import Engine, Select, or_, select
from sqlalchemy.orm import Session

from assistant.access.accounts import OPERATOR, Principal
from assistant.access.db import session_factory
from assistant.access.tables import CollectionRow, DepartmentRow, GrantRow, UserRow
from ingest.types import COLLECTION_NAME, DEFAULT_COLLECTION, Scope
from models.errors import AssistantError

Permission = Literal["read", "write", "manage"]
PERMISSIONS: tuple[Permission, ...] = get_args(Permission)
_LEVEL: dict[Permission, int] = {"read": 1, "write": 2, "manage": 3}  # each includes the ones before it
_GERMAN: dict[Permission, str] = {"read": "Lesezugriff", "write": "Schreibzugriff", "manage": "Verwaltungsrecht"}


class CollectionError(AssistantError):
    code = "sammlung"


class AccessDeniedError(AssistantError):
    """A collection the user may not use in this way; the same message whether or not it exists."""

    code = "kein_zugriff"

    def __init__(self, collection: str, permission: Permission) -> None:
        super().__init__(f"Auf die Sammlung „{collection}“ haben Sie keinen {_GERMAN[permission]}.")


@dataclass(frozen=True)
class Grant:
    """Who gets a permission: a department (by name), a user (by name), or everyone (both empty)."""

    permission: Permission
    department: str = ""
    user: str = ""

    @property
    def everyone(self) -> bool:
        return not self.department and not self.user


@dataclass(frozen=True)
class Collection:
    name: str
    title: str
    grants: tuple[Grant, ...]
    created_by: str
    created_at: datetime
    permission: Permission | None = None  # what the asking user may do with it


class Collections:
    def __init__(self, engine: Engine) -> None:
        self._sessions = session_factory(engine)

    # --- the choke point -----------------------------------------------------------------------------
    def scope(self, principal: Principal, permission: Permission = "read") -> Scope:
        """The collections ``principal`` holds ``permission`` on (an API key's limit applied)."""
        if principal.role == "auditor":
            return Scope(frozenset())
        with self._sessions() as session:
            names = set(session.scalars(self._granted(principal, permission)).all())
        if principal.key_collections is not None:
            names &= principal.key_collections
        return Scope(frozenset(names))

    def narrowed(self, principal: Principal, requested: Iterable[str] | None) -> Scope:
        """The read scope of a request that names collections: those, each of which must be readable."""
        scope = self.scope(principal)
        if requested is None:
            return scope
        chosen = frozenset(requested)
        if refused := sorted(chosen - scope.collections):
            raise AccessDeniedError(refused[0], "read")
        return Scope(chosen)

    def require(self, principal: Principal, name: str, permission: Permission) -> None:
        if not self.scope(principal, permission).allows(name):
            raise AccessDeniedError(name, permission)

    def _granted(self, principal: Principal, permission: Permission) -> Select[str]:
        department = select(DepartmentRow.id).where(DepartmentRow.name == principal.department)
        return (
            select(CollectionRow.name)
            .join(GrantRow)
            .where(GrantRow.level >= _LEVEL[permission])
            .where(
                or_(
                    GrantRow.user_id == principal.user_id,
                    GrantRow.department_id.in_(department.scalar_subquery()),
                    (GrantRow.user_id.is_(None)) & (GrantRow.department_id.is_(None)),
                )
            )
            .distinct()
        )

    # --- administration ------------------------------------------------------------------------------
    def visible(self, principal: Principal) -> list[Collection]:
        """The collections the user may read, with the user's permission; admins see all of them (to manage their
        grants), with permission None where they hold no grant."""
        levels = {p: self.scope(principal, p) for p in PERMISSIONS}
        with self._sessions() as session:
            rows = session.scalars(select(CollectionRow).order_by(CollectionRow.name)).all()
            found = []
            for row in rows:
                held = [p for p in PERMISSIONS if levels[p].allows(row.name)]
                if held or principal.role == "admin":  # an admin sees every grant list, but reads only what is granted
                    found.append(_collection(row, held[-1] if held else None))
            return found

    def create(self, principal: Principal, name: str, title: str, grants: Iterable[Grant]) -> Collection:
        """A new collection; its creator may manage it. Auditors cannot create collections."""
        if principal.role == "auditor":
            raise CollectionError("Prüferinnen und Prüfer legen keine Sammlungen an.")
        if not COLLECTION_NAME.match(name):
            raise CollectionError(
                "Der Name einer Sammlung besteht aus Kleinbuchstaben, Ziffern, - und _ (bis 63 Zeichen)."
            )
        with self._sessions.begin() as session:
            if session.scalar(select(CollectionRow.id).where(CollectionRow.name == name)) is not None:
                raise CollectionError(f"Die Sammlung „{name}“ gibt es schon.")
            row = CollectionRow(
                name=name, title=title.strip() or name, created_by=principal.name, created_at=datetime.now(UTC)
            )
            session.add(row)
            mine = [Grant("manage", user=principal.name)] if principal != OPERATOR else []
            row.grants = [_grant_row(session, grant) for grant in (*mine, *grants)]
            session.flush()
            return _collection(row, "manage")

    def set_grants(self, principal: Principal, name: str, grants: Iterable[Grant]) -> Collection:
        """Replace the grants of a collection (manage permission or admin)."""
        self._require_manage(principal, name)
        with self._sessions.begin() as session:
            row = _row(session, name)
            row.grants = [_grant_row(session, grant) for grant in grants]
            session.flush()
            return _collection(row, "manage")

    def add_grant(self, principal: Principal, name: str, grant: Grant) -> Collection:
        """One more grant on a collection (manage permission or admin)."""
        self._require_manage(principal, name)
        with self._sessions.begin() as session:
            row = _row(session, name)
            row.grants.append(_grant_row(session, grant))
            session.flush()
            return _collection(row, "manage")

    def delete(self, principal: Principal, name: str) -> None:
        """Remove a collection and its grants (its documents are removed from the index by the caller)."""
        if name == DEFAULT_COLLECTION:
            raise CollectionError(f"Die Sammlung „{DEFAULT_COLLECTION}“ kann nicht gelöscht werden.")
        self._require_manage(principal, name)
        with self._sessions.begin() as session:
            session.delete(_row(session, name))

    def exists(self, name: str) -> bool:
        with self._sessions() as session:
            return session.scalar(select(CollectionRow.id).where(CollectionRow.name == name)) is not None

    def _require_manage(self, principal: Principal, name: str) -> None:
        if principal.role != "admin":
            self.require(principal, name, "manage")
        elif not self.exists(name):
            raise AccessDeniedError(name, "manage")


def _row(session: Session, name: str) -> CollectionRow:
    row = session.scalar(select(CollectionRow).where(CollectionRow.name == name))
    if row is None:
        raise AccessDeniedError(name, "manage")
    return row


def _grant_row(session: Session, grant: Grant) -> GrantRow:
    if grant.permission not in _LEVEL:
        raise CollectionError(f"Die Berechtigung „{grant.permission}“ gibt es nicht: read, write oder manage.")
    if grant.department and grant.user:
        raise CollectionError("Eine Freigabe gilt entweder einer Abteilung oder einer Person.")
    row = GrantRow(level=_LEVEL[grant.permission])
    if grant.department:
        department = session.scalar(select(DepartmentRow).where(DepartmentRow.name == grant.department))
        if department is None:
            raise CollectionError(f"Die Abteilung „{grant.department}“ gibt es nicht.")
        row.department = department
    if grant.user:
        user = session.scalar(select(UserRow).where(UserRow.name == grant.user.strip().lower()))
        if user is None:
            raise CollectionError(f"Den Benutzer „{grant.user}“ gibt es nicht.")
        row.user = user
    return row


def _collection(row: CollectionRow, permission: Permission | None) -> Collection:
    by_level = {level: name for name, level in _LEVEL.items()}
    grants = tuple(
        Grant(
            by_level[grant.level],
            department=grant.department.name if grant.department else "",
            user=grant.user.name if grant.user else "",
        )
        for grant in row.grants
    )
    return Collection(row.name, row.title, grants, row.created_by, row.created_at, permission)
