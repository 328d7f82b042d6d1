"""Sign-in by OpenID Connect (e.g. Keycloak): authorization code flow with PKCE (S256), state and nonce.

    client = OidcClient(settings.oidc, engine)
    url, state = client.begin(redirect_url)        # the browser goes to ``url``; ``state`` binds it (cookie)
    identity = client.finish(state, code)          # at the callback: code exchanged, ID token verified

A sign-in begun is kept in the state database (its state as digest, nonce and PKCE verifier; 10 minutes, used
once), so any instance may take the callback. The ID token is verified with authlib/joserfc against the provider's
JWKS (asymmetric algorithms only) and for iss, aud, exp, iat and nonce. Claims become an ``Identity``: the user
name (``username_claim``), the display name (``name``) and the department from the groups claim (see
``department_of``). No token is logged or stored.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx2
from authlib.common.security import is_secure_transport
from authlib.integrations.base_client import OAuthError
from authlib.integrations.httpx_client import OAuth2Client
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from sqlalchemy import Engine, delete

from assistant.access.db import as_utc, session_factory
from assistant.access.tables import OidcLoginRow
from assistant.settings import OidcSettings
from models.errors import AssistantError

logger = logging.getLogger(__name__)

FLOW_MINUTES = 10  # a sign-in begun must come back within this time
METADATA_SECONDS = 3600  # the provider's configuration and keys are read again after this time
LEEWAY_SECONDS = 60  # clock difference tolerated for exp and iat
HTTP_TIMEOUT_SECONDS = 10
DEPARTMENT_CHARS = 120  # as in the departments table
# never HS256 & co.: their key would be the client secret, not the provider's published key
SIGNING_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")


class OidcError(AssistantError):
    """A refused OIDC sign-in: a German message, the HTTP status, and a short reason for the audit trail."""

    code = "anmeldung_oidc"

    def __init__(self, message: str, *, reason: str, status: int = 400, user: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.status = status
        self.user = user


@dataclass(frozen=True)
class Identity:
    """Who the provider vouches for."""

    subject: str  # "issuer|sub": stable across renames at the provider
    name: str
    display_name: str
    department: str


@dataclass(frozen=True)
class PendingLogin:
    nonce: str
    code_verifier: str
    redirect_url: str


def department_of(groups: object, prefix: str = "") -> str | None:
    """The department named by the first group below ``prefix``: that group's last path segment.

    Groups are paths (Keycloak with "full group path": "/Abteilung/Bauamt") or plain names ("Bauamt"). With
    ``prefix`` "/Abteilung" the group "/Abteilung/Bauamt" (or "/Abteilung/Bauamt/Tiefbau": the last segment,
    "Tiefbau") names a department and "/Admins" does not; without a prefix every group does. Segments are
    compared exactly (case matters, "/Abteilungsleitung/x" is not below "/Abteilung").
    """
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list | tuple):
        return None
    wanted = _segments(prefix)
    for group in groups:
        if not isinstance(group, str):
            continue
        parts = _segments(group)
        if len(parts) > len(wanted) and parts[: len(wanted)] == wanted and len(parts[-1]) <= DEPARTMENT_CHARS:
            return parts[-1]
    return None


def _segments(path: str) -> list[str]:
    return [part.strip() for part in path.split("/") if part.strip()]


def identity_of(claims: Mapping[str, Any], settings: OidcSettings, issuer: str) -> Identity:
    """The identity in verified ``claims``; ``OidcError`` (403) when the name or a department group is missing."""
    name = claims.get(settings.username_claim)
    if not isinstance(name, str) or not name.strip():
        raise OidcError(
            f"Das Dienstkonto nennt keinen Benutzernamen (Angabe „{settings.username_claim}“). "
            "Bitte wenden Sie sich an die IT.",
            reason="kein_benutzername",
            status=403,
        )
    name = name.strip().lower()
    department = department_of(claims.get(settings.groups_claim), settings.department_prefix)
    if department is None:
        raise OidcError(
            "Ihrem Dienstkonto ist keine Abteilung zugeordnet (keine passende Gruppe). "
            "Bitte wenden Sie sich an die IT.",
            reason="keine_abteilung",
            status=403,
            user=name,
        )
    display_name = claims.get("name")
    return Identity(
        subject=f"{issuer}|{claims['sub']}",
        name=name,
        display_name=display_name.strip() if isinstance(display_name, str) else "",
        department=department,
    )


class OidcClient:
    """The assistant as an OIDC client of one provider; safe to share between threads."""

    def __init__(self, settings: OidcSettings, engine: Engine) -> None:
        self.settings = settings
        self.issuer = settings.issuer.strip().rstrip("/")
        self._sessions = session_factory(engine)
        self._lock = threading.Lock()
        self._metadata: tuple[float, dict[str, Any]] | None = None
        self._keys: tuple[float, KeySet] | None = None

    # --- the flow --------------------------------------------------------------------------------------
    def begin(self, redirect_url: str) -> tuple[str, str]:
        """The provider's authorization URL for a new sign-in, and its state (to bind it to the browser)."""
        metadata = self.metadata()
        state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(48)
        now = _now()
        with self._sessions.begin() as session:
            session.execute(delete(OidcLoginRow).where(OidcLoginRow.expires_at < now))
            session.add(
                OidcLoginRow(
                    state_hash=_digest(state),
                    nonce=nonce,
                    code_verifier=verifier,
                    redirect_url=redirect_url,
                    expires_at=now + timedelta(minutes=FLOW_MINUTES),
                )
            )
        with self._client(redirect_url) as client:
            url, _ = client.create_authorization_url(
                metadata["authorization_endpoint"], state=state, code_verifier=verifier, nonce=nonce
            )
        return str(url), state

    def finish(self, state: str, code: str, error: str = "") -> Identity:
        """The identity of a sign-in coming back with ``state`` and ``code`` (or the provider's ``error``); the
        state must already be checked against the browser's cookie. The sign-in begun is used up either way."""
        pending = self._take(state)
        if pending is None:
            raise OidcError(STALE, reason="state_unbekannt")
        if error:
            raise provider_refusal(error)
        if not code:
            raise OidcError("Der Anmeldedienst hat keinen Anmeldecode geschickt.", reason="kein_code")
        metadata = self.metadata()
        with self._client(pending.redirect_url) as client:
            try:
                token = client.fetch_token(
                    metadata["token_endpoint"],
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=pending.code_verifier,
                )
            except OAuthError as error:
                raise OidcError(
                    "Der Anmeldedienst hat die Anmeldung nicht bestätigt. Bitte melden Sie sich erneut an.",
                    reason=f"token:{getattr(error, 'error', '')}"[:60],
                ) from None
            except (httpx2.HTTPError, ValueError) as error:
                raise _unreachable(f"token:{type(error).__name__}") from None
            id_token, access_token = token.get("id_token"), token.get("access_token")
            if not isinstance(id_token, str):
                raise OidcError(_UNVERIFIED, reason="kein_id_token", status=401)
            claims = self.verify_id_token(id_token, nonce=pending.nonce, access_token=access_token)
            if _missing(claims, self.settings) and metadata.get("userinfo_endpoint") and access_token:
                claims = self._with_userinfo(client, metadata["userinfo_endpoint"], claims)
        return identity_of(claims, self.settings, self.issuer)

    def verify_id_token(self, id_token: str, *, nonce: str, access_token: str | None = None) -> dict[str, Any]:
        """The claims of ``id_token`` after checking its signature (the provider's JWKS), iss, aud, exp, iat,
        nonce (and at_hash, azp where present); ``OidcError`` (401) otherwise."""
        metadata = self.metadata()
        offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        # never an empty list: joserfc would read that as "its defaults", HS256 among them
        algorithms = [algorithm for algorithm in offered if algorithm in SIGNING_ALGORITHMS] or list(SIGNING_ALGORITHMS)
        try:
            try:
                decoded = jwt.decode(id_token, self.keys(), algorithms=algorithms)
            except InvalidKeyIdError:  # the provider may have rotated its keys
                decoded = jwt.decode(id_token, self.keys(refresh=True), algorithms=algorithms)
        except (JoseError, ValueError, TypeError, KeyError) as error:
            raise OidcError(_UNVERIFIED, reason=f"signatur:{type(error).__name__}"[:60], status=401) from None
        claims = CodeIDToken(
            decoded.claims,
            decoded.header,
            {
                "iss": {"essential": True, "value": metadata["issuer"]},
                "aud": {"essential": True, "value": self.settings.client_id},
                "nonce": {"essential": True, "value": nonce},
            },
            {"nonce": nonce, "client_id": self.settings.client_id, "access_token": access_token},
        )
        try:
            claims.validate(now=int(time.time()), leeway=LEEWAY_SECONDS)
        except (JoseError, ValueError, TypeError) as error:
            reason = getattr(error, "error", "") or type(error).__name__
            claim = getattr(error, "claim", "")
            raise OidcError(_UNVERIFIED, reason=f"id_token:{reason}:{claim}"[:60], status=401) from None
        if not isinstance(claims.get("sub"), str) or not claims["sub"]:
            raise OidcError(_UNVERIFIED, reason="id_token:sub", status=401)
        return dict(claims)

    # --- the provider's configuration and keys ---------------------------------------------------------
    def metadata(self) -> dict[str, Any]:
        """The provider's configuration (``{issuer}/.well-known/openid-configuration``), kept for an hour."""
        with self._lock:
            if self._metadata is not None and time.monotonic() - self._metadata[0] < METADATA_SECONDS:
                return self._metadata[1]
        metadata = self._get_json(f"{self.issuer}/.well-known/openid-configuration", "discovery")
        if not isinstance(metadata, dict) or str(metadata.get("issuer", "")).rstrip("/") != self.issuer:
            raise _unreachable("discovery:issuer")  # OIDC Discovery 4.3: it must name the configured issuer
        for endpoint in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(metadata.get(endpoint), str) or not is_secure_transport(metadata[endpoint]):
                raise _unreachable(f"discovery:{endpoint}")
        with self._lock:
            self._metadata = (time.monotonic(), metadata)
        return metadata

    def keys(self, *, refresh: bool = False) -> KeySet:
        """The provider's published signing keys (``jwks_uri``), kept for an hour or until ``refresh``."""
        with self._lock:
            if not refresh and self._keys is not None and time.monotonic() - self._keys[0] < METADATA_SECONDS:
                return self._keys[1]
        document = self._get_json(self.metadata()["jwks_uri"], "jwks")
        try:
            keys = KeySet.import_key_set(document)
        except (JoseError, ValueError, TypeError, KeyError):
            raise _unreachable("jwks:ungueltig") from None
        with self._lock:
            self._keys = (time.monotonic(), keys)
        return keys

    # --- helpers ---------------------------------------------------------------------------------------
    def _client(self, redirect_url: str) -> Any:
        secret = self.settings.client_secret.get_secret_value()
        return OAuth2Client(
            client_id=self.settings.client_id,
            client_secret=secret or None,
            token_endpoint_auth_method="client_secret_basic" if secret else "none",
            scope=self.settings.scopes,
            redirect_uri=redirect_url,
            code_challenge_method="S256",
            timeout=HTTP_TIMEOUT_SECONDS,
        )

    def _get_json(self, url: str, what: str) -> Any:
        try:
            with httpx2.Client(timeout=HTTP_TIMEOUT_SECONDS) as http:
                response = http.get(url, headers={"Accept": "application/json"})
                response.raise_for_status()
                return response.json()
        except (httpx2.HTTPError, ValueError) as error:
            raise _unreachable(f"{what}:{type(error).__name__}") from None

    def _take(self, state: str) -> PendingLogin | None:
        """The sign-in begun with ``state``, removed (so it is used once); None if unknown or expired."""
        with self._sessions.begin() as session:
            row = session.get(OidcLoginRow, _digest(state))
            if row is None:
                return None
            pending, expires_at = PendingLogin(row.nonce, row.code_verifier, row.redirect_url), row.expires_at
            removed = session.execute(
                delete(OidcLoginRow)
                .where(OidcLoginRow.state_hash == row.state_hash)
                .execution_options(synchronize_session=False)
            )
        if getattr(removed, "rowcount", 0) != 1 or as_utc(expires_at) < _now():
            return None  # another request took it first, or it came back too late
        return pending

    def _with_userinfo(self, client: Any, endpoint: str, claims: dict[str, Any]) -> dict[str, Any]:
        """Claims the ID token lacks (Keycloak mappers may add groups to userinfo only), from the userinfo
        endpoint; only if it speaks of the same subject (OIDC Core 5.3.2)."""
        try:
            response = client.get(endpoint, headers={"Accept": "application/json"})
            response.raise_for_status()
            userinfo = response.json()
        except (httpx2.HTTPError, ValueError, OAuthError):
            return claims
        if not isinstance(userinfo, dict) or userinfo.get("sub") != claims["sub"]:
            return claims
        return {**userinfo, **claims}


STALE = "Diese Anmeldung ist abgelaufen oder wurde nicht in diesem Browser begonnen. Bitte melden Sie sich erneut an."
_UNVERIFIED = "Die Anmeldung konnte nicht bestätigt werden (ungültiges ID-Token). Bitte wenden Sie sich an die IT."


def provider_refusal(error: str) -> OidcError:
    """The user cancelled at the provider, or it refused (``error`` of the callback, e.g. access_denied)."""
    code_name = "".join(char for char in error if char.isascii() and (char.isalnum() or char == "_"))
    return OidcError(
        "Die Anmeldung beim Anmeldedienst wurde abgebrochen oder abgelehnt.", reason=f"anbieter:{code_name}"[:60]
    )


def _unreachable(reason: str) -> OidcError:
    return OidcError(
        "Der Anmeldedienst ist nicht erreichbar oder nicht richtig eingerichtet. Bitte wenden Sie sich an die IT.",
        reason=reason[:60],
        status=502,
    )


def _missing(claims: Mapping[str, Any], settings: OidcSettings) -> bool:
    return settings.username_claim not in claims or settings.groups_claim not in claims


def states_match(cookie: str | None, state: str) -> bool:
    """The state the provider sent back is the one this browser's cookie holds (constant time)."""
    if not cookie or not state:
        return False
    return hmac.compare_digest(cookie.encode("utf-8"), state.encode("utf-8"))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)
