"""The product's settings tree: ingest/search (from ``ingest``), models, and the assistant's own groups.

Environment prefix ``ASSISTANT_``, nested groups with ``__``, e.g. ``ASSISTANT_LLM__MODEL_PATH=/modelle/x.gguf``.
"""

from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

from pydantic import BaseModel, Field, SecretStr, model_validator
from sqlalchemy import make_url

from ingest.settings import CoreSettings
from models.settings import LlmSettings


class ServerSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address the web server binds to (loopback by default).")
    port: int = Field(8000, ge=1, le=65535, description="Port of the web server.")
    uploads_dir: Path = Field(Path("data/runtime/uploads"), description="Where uploaded documents are kept.")
    max_upload_mb: int = Field(50, ge=1, description="Largest accepted upload per file.")
    max_upload_files: int = Field(20, ge=1, description="Most files per upload request.")
    warm_up: bool = Field(True, description="Load the models and evaluate the system prompt at start-up.")
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Host names the server answers to besides loopback and 'host' (e.g. its DNS name behind a "
        "reverse proxy, as a JSON list); any other Host header is refused (DNS rebinding).",
    )
    restrict_egress: bool = Field(
        True,
        description="Refuse every outgoing connection except to loopback and the configured inference server, OIDC "
        "provider and database (the allow-list is printed at start).",
    )
    trusted_proxies: str = Field(
        "127.0.0.1",
        description="Addresses of reverse proxies whose X-Forwarded-Proto/-For headers are believed (comma "
        "separated; '*' for all): behind a TLS proxy the session cookie then becomes __Host- and Secure.",
    )


class AnswerSettings(BaseModel):
    passages: int = Field(4, ge=1, le=20, description="Passages given to the LLM per question.")
    context_chars: int = Field(750, ge=300, description="Character budget of all passages in the prompt.")
    min_evidence: float = Field(
        0.80,
        ge=0.0,
        le=1.0,
        description="Below this cosine similarity of the best passage the LLM is not asked and the answer is "
        "'nichts gefunden' (tuned for the default embedder; other embedders have other scales).",
    )
    history_turns: int = Field(2, ge=0, description="Earlier question/answer pairs used for follow-up questions.")


class SummarySettings(BaseModel):
    read_share: float = Field(
        0.5,
        gt=0.0,
        le=1.0,
        description="Share of each passage's text the LLM reads in the map step: its most central sentences "
        "(1.0 = everything; lower is faster, every passage still contributes).",
    )
    map_input_tokens: int = Field(1800, ge=300, description="Tokens of document text per map step.")
    notes_per_step: int = Field(5, ge=1, le=20, description="Statements the map step writes per group.")
    section_tokens: int = Field(200, ge=50, description="Most tokens the LLM writes per section (ausführlich).")
    section_notes: int = Field(
        10, ge=2, le=40, description="Notes, spread over the documents, that a section uses (ausführlich; kurz half)."
    )


class BatchSettings(BaseModel):
    case_chars: int = Field(
        6000, ge=1000, description="A case up to this many characters is read whole; longer ones by retrieval."
    )
    answer_tokens_per_field: int = Field(
        60, ge=10, description="Output token allowance per freely written text field (one with no candidate)."
    )
    max_files: int = Field(2000, ge=1, description="Most case files per uploaded batch analysis.")
    examples_dir: Path = Field(Path("data/schemas"), description="Example field lists offered in the web page.")


class JobSettings(BaseModel):
    folder: Path = Field(
        Path("data/runtime/jobs"),
        description="Per-job files (uploads, private case indexes); the jobs themselves are in the state database.",
    )
    retention_days: int = Field(
        30,
        ge=1,
        description="Finished summary and batch jobs are removed after this many days, with their uploads, "
        "private case index and result.",
    )
    lease_seconds: float = Field(
        60.0,
        ge=5.0,
        description="An instance holds a running job this long and renews it every third of that; a job whose "
        "instance died is taken over by another after at most this time.",
    )


class HistorySettings(BaseModel):
    retention_days: int = Field(
        90, ge=1, description="Conversations untouched for this many days are deleted with their answers."
    )


class DatabaseSettings(BaseModel):
    url: str = Field(
        "sqlite:///data/runtime/state.sqlite",
        description="SQLAlchemy URL of the state database (accounts, sessions, API keys); SQLite by default.",
    )


class AccessSettings(BaseModel):
    session_hours: int = Field(10, ge=1, le=24 * 7, description="A web sign-in lasts this many hours.")
    min_password_chars: int = Field(12, ge=8, description="Shortest password a local account may have.")
    max_failed_logins: int = Field(
        5, ge=1, description="Failed sign-ins of one name within 'lockout_minutes' after which it is refused."
    )
    lockout_minutes: int = Field(15, ge=1, description="How long sign-in stays refused after too many failures.")


class OidcSettings(BaseModel):
    """Sign-in with a service account of an OpenID Connect provider (e.g. Keycloak): authorization code with PKCE."""

    enabled: bool = Field(False, description="Offer sign-in by OIDC besides local passwords.")
    issuer: str = Field(
        "",
        description="Issuer URL of the provider (Keycloak: https://HOST/realms/REALM); its configuration is read "
        "from {issuer}/.well-known/openid-configuration. https is required (plain http only on loopback).",
    )
    client_id: str = Field("", description="Client ID of the assistant at the provider.")
    client_secret: SecretStr = Field(
        SecretStr(""), description="Client secret (confidential client); empty for a public client (PKCE only)."
    )
    scopes: str = Field(
        "openid profile email", description="Scopes requested, separated by spaces (must contain 'openid')."
    )
    groups_claim: str = Field(
        "groups", description="Claim with the user's groups (Keycloak: the 'Group Membership' mapper's claim name)."
    )
    department_prefix: str = Field(
        "",
        description="Only groups below this path name a department (e.g. '/Abteilung' for Keycloak groups like "
        "'/Abteilung/Bauamt'); the last path segment of the first such group is the department. Empty: every "
        "group counts. A user without such a group is refused.",
    )
    username_claim: str = Field(
        "preferred_username", description="Claim whose value becomes the user name (taken at the first sign-in)."
    )
    redirect_url: str = Field(
        "",
        description="Callback URL registered at the provider (https://HOST/api/auth/oidc/callback); empty: derived "
        "from the request (set it behind a reverse proxy).",
    )

    @model_validator(mode="after")
    def _complete_when_enabled(self) -> Self:
        if not self.enabled:
            return self
        if not self.issuer.strip() or not self.client_id.strip():
            raise ValueError("OIDC sign-in needs 'issuer' and 'client_id'")
        if "openid" not in self.scopes.split():
            raise ValueError("OIDC 'scopes' must contain 'openid'")
        issuer = urlsplit(self.issuer.strip())
        loopback = issuer.hostname in ("localhost", "127.0.0.1", "::1")
        if issuer.scheme != "https" and not (issuer.scheme == "http" and loopback):
            raise ValueError("OIDC 'issuer' must be an https URL (plain http only on loopback)")
        return self


class Settings(CoreSettings):
    llm: LlmSettings = Field(default_factory=LlmSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    summary: SummarySettings = Field(default_factory=SummarySettings)
    batch: BatchSettings = Field(default_factory=BatchSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    access: AccessSettings = Field(default_factory=AccessSettings)
    history: HistorySettings = Field(default_factory=HistorySettings)
    oidc: OidcSettings = Field(default_factory=OidcSettings)

    def egress_hosts(self) -> set[str]:
        """The hosts the server may connect to besides loopback: the inference servers (LLM, embeddings), the
        OIDC provider, the database server (each only where configured)."""
        urls = [
            self.llm.base_url if self.llm.backend == "openai" else "",
            self.embedder.base_url if self.embedder.backend == "openai" else "",
            self.oidc.issuer if self.oidc.enabled else "",
        ]
        hosts = {urlsplit(url).hostname or "" for url in urls if url}
        if not self.database.url.startswith("sqlite"):
            hosts.add(make_url(self.database.url).host or "")
        return hosts - {""}
