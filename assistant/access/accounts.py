"""Accounts and sign-in: local users with argon2 password hashes, server-side sessions, API keys.

Secrets never rest in the database: sessions and API keys are random tokens of which only the SHA-256 digest is
stored (they have 256 bits of entropy, so a fast digest suffices); passwords are argon2 hashes (pwdlib).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from assistant.access.db import as_utc, session_factory
from assistant.access.tables import ApiKeyRow, DepartmentRow, SessionRow, UserRow
from assistant.settings import AccessSettings
from assistant.shared.jobs import OPERATOR as OPERATOR_NAME
from models.errors import AssistantError

Role = Literal["admin", "user", "auditor"]
ROLES: tuple[Role, ...] = get_args(Role)
API_KEY_PREFIX = "va_"
BOOTSTRAP_ADMIN = "admin"
DEPARTMENT_CHARS = 120  # departments.name
_USER_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
_HASHER = PasswordHash((Argon2Hasher(),))
# verified when a name is unknown, so a wrong name takes as long as a wrong password
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


class AccountError(AssistantError):
    """An account operation that cannot be done, with a German reason."""

    code = "konto"


@dataclass(frozen=True)
class Principal:
    """Who a request acts for: a signed-in user (session or API key)."""

    user_id: int
    name: str
    display_name: str
    department: str
    role: Role
    key_collections: frozenset[str] | None = None  # an API key limited to these collections; None: no limit


# The operator at the server's command line (``users``, ``collections``, CLI jobs): an admin that no one can sign
# in as; it has no account row and no grants of its own.
OPERATOR = Principal(0, OPERATOR_NAME, "Betrieb (Kommandozeile)", "", "admin")


@dataclass(frozen=True, kw_only=True)
class UserAccount(Principal):
    disabled: bool
    created_at: datetime


class Accounts:
    """Users, departments, sessions and API keys in the state database."""

    def __init__(self, engine: Engine, settings: AccessSettings) -> None:
        self._sessions = session_factory(engine)
        self.settings = settings

    # --- users ---------------------------------------------------------------------------------------
    def add_user(
        self, name: str, *, department: str, role: str = "user", password: str | None, display_name: str = ""
    ) -> Principal:
        """A new local user; ``password`` None makes a user who signs in only by OIDC or API key."""
        name = name.strip().lower()
        if not _USER_NAME.match(name):
            raise AccountError(
                "Der Benutzername darf nur Kleinbuchstaben, Ziffern und . _ @ - enthalten (2 bis 64 Zeichen)."
            )
        if role not in ROLES:
            raise AccountError(f"Die Rolle „{role}“ gibt es nicht. Möglich: {', '.join(ROLES)}.")
        if not department.strip():
            raise AccountError("Bitte eine Abteilung angeben.")
        if password is not None and len(password) < self.settings.min_password_chars:
            raise AccountError(f"Das Passwort muss mindestens {self.settings.min_password_chars} Zeichen haben.")
        with self._sessions.begin() as session:
            if _find(session, name) is not None:
                raise AccountError(f"Den Benutzer „{name}“ gibt es schon.")
            row = UserRow(
                name=name,
                display_name=display_name.strip()[:200] or name,
                role=role,
                department=_department(session, department.strip()),
                password_hash=_HASHER.hash(password) if password is not None else None,
                disabled=False,
                created_at=_now(),
            )
            session.add(row)
            session.flush()
            return _principal(row)

    def bootstrap_admin(self) -> str | None:
        """On a fresh installation (no account yet): an ``admin`` with a random password, returned once."""
        with self._sessions() as session:
            if session.scalar(select(UserRow.id).limit(1)) is not None:
                return None
        password = secrets.token_urlsafe(12)
        self.add_user(BOOTSTRAP_ADMIN, department="Verwaltung", role="admin", password=password)
        return password

    def users(self) -> list[UserAccount]:
        with self._sessions() as session:
            rows = session.scalars(select(UserRow).order_by(UserRow.name)).all()
            return [
                UserAccount(**vars(_principal(row)), disabled=row.disabled, created_at=as_utc(row.created_at))
                for row in rows
            ]

    def active(self, name: str) -> Principal | None:
        """The user ``name`` if the account exists and is not disabled (for jobs, which re-check their owner)."""
        with self._sessions() as session:
            row = _find(session, name)
            return None if row is None or row.disabled else _principal(row)

    def departments(self) -> list[str]:
        with self._sessions() as session:
            return list(session.scalars(select(DepartmentRow.name).order_by(DepartmentRow.name)).all())

    def disable(self, name: str) -> None:
        """The user can no longer sign in; their sessions end and their API keys stop working."""
        with self._sessions.begin() as session:
            row = self._user(session, name)
            row.disabled = True
            session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))

    # --- sign-in -------------------------------------------------------------------------------------
    def check_password(self, name: str, password: str) -> Principal | None:
        with self._sessions() as session:
            row = _find(session, name)
            stored = row.password_hash if row is not None and row.password_hash else _DUMMY_HASH
            valid = _HASHER.verify(password, stored)
            if row is None or row.disabled or not row.password_hash or not valid:
                return None
            return _principal(row)

    def external_user(self, subject: str, name: str, *, department: str, display_name: str = "") -> Principal:
        """The user an OIDC provider vouches for (``subject``: issuer and sub): created at the first sign-in with
        role ``user`` and no password; display name and department follow the provider at every sign-in. The
        name is kept from the first sign-in; a local account of the same name is never taken over."""
        name, department = name.strip().lower(), department.strip()
        if not department:
            raise AccountError("Bitte eine Abteilung angeben.")
        with self._sessions.begin() as session:
            row = session.scalar(select(UserRow).where(UserRow.external_subject == subject))
            if row is None:
                if not _USER_NAME.match(name):
                    raise AccountError(
                        f"Der Benutzername „{name[:64]}“ des Dienstkontos passt nicht (erlaubt: Kleinbuchstaben, "
                        "Ziffern und . _ @ -, 2 bis 64 Zeichen)."
                    )
                if _find(session, name) is not None:
                    raise AccountError(
                        f"Den Benutzer „{name}“ gibt es schon als eigenes Konto dieses Assistenten; es wird nicht "
                        "mit dem Dienstkonto verbunden. Bitte wenden Sie sich an die IT."
                    )
                row = UserRow(name=name, role="user", password_hash=None, disabled=False, created_at=_now())
                row.external_subject = subject
            elif row.disabled:
                raise AccountError("Dieses Konto ist gesperrt.")
            row.department = _department(session, department)
            row.display_name = display_name.strip()[:200] or row.name
            session.add(row)
            session.flush()
            return _principal(row)

    def open_session(self, principal: Principal) -> str:
        """A new session token for the cookie (shown once, stored as its digest)."""
        token = secrets.token_urlsafe(32)
        now = _now()
        with self._sessions.begin() as session:
            session.execute(delete(SessionRow).where(SessionRow.expires_at < now))
            expires = now + timedelta(hours=self.settings.session_hours)
            session.add(
                SessionRow(token_hash=_digest(token), user_id=principal.user_id, created_at=now, expires_at=expires)
            )
        return token

    def session_user(self, token: str) -> Principal | None:
        with self._sessions() as session:
            found = session.get(SessionRow, _digest(token))
            if found is None or as_utc(found.expires_at) < _now():
                return None
            return self._active(session, found.user_id)

    def close_session(self, token: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(SessionRow).where(SessionRow.token_hash == _digest(token)))

    # --- API keys ------------------------------------------------------------------------------------
    def create_api_key(self, name: str, collections: list[str] | None = None) -> str:
        """A new API key for ``name``, optionally limited to some collections (within what the user may read);
        printed once, only its digest is kept."""
        key = API_KEY_PREFIX + secrets.token_urlsafe(32)
        with self._sessions.begin() as session:
            user = self._user(session, name)
            session.add(
                ApiKeyRow(
                    key_hash=_digest(key),
                    prefix=key[:10],
                    user_id=user.id,
                    created_at=_now(),
                    revoked=False,
                    collections=json.dumps(sorted(set(collections))) if collections is not None else None,
                )
            )
        return key

    def key_user(self, key: str) -> Principal | None:
        with self._sessions() as session:
            found = session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_hash == _digest(key)))
            if found is None or found.revoked:
                return None
            principal = self._active(session, found.user_id)
            if principal is None or found.collections is None:
                return principal
            return replace(principal, key_collections=frozenset(json.loads(found.collections)))

    # --- helpers -------------------------------------------------------------------------------------
    def _user(self, session: Session, name: str) -> UserRow:
        row = _find(session, name)
        if row is None:
            raise AccountError(f"Den Benutzer „{name}“ gibt es nicht.")
        return row

    def _active(self, session: Session, user_id: int) -> Principal | None:
        row = session.get(UserRow, user_id)
        return None if row is None or row.disabled else _principal(row)


def _find(session: Session, name: str) -> UserRow | None:
    return session.scalar(select(UserRow).where(UserRow.name == name.strip().lower()))


def _department(session: Session, name: str) -> DepartmentRow:
    if len(name) > DEPARTMENT_CHARS:  # PostgreSQL enforces the column's length (SQLite would store it whole)
        raise AccountError(f"Der Name der Abteilung darf höchstens {DEPARTMENT_CHARS} Zeichen haben.")
    row = session.scalar(select(DepartmentRow).where(DepartmentRow.name == name))
    if row is None:
        row = DepartmentRow(name=name)
        session.add(row)
    return row


def _principal(row: UserRow) -> Principal:
    role: Role = row.role  # type: ignore[assignment]  # checked on write
    return Principal(row.id, row.name, row.display_name, row.department.name, role)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)
