"""The egress allow-list of a running server: loopback and the configured hosts only."""

from __future__ import annotations

import socket

import pytest

from assistant.settings import Settings
from models.offline import EgressBlockedError, is_allowed, restrict_egress
from models.settings import EmbedderSettings, LlmSettings


def test_the_allow_list_names_exactly_the_configured_remote_hosts() -> None:
    settings = Settings()
    assert settings.egress_hosts() == set()  # the embedded default talks to no one

    settings.llm = LlmSettings(backend="openai", base_url="http://gpu-server.intern:8080/v1")
    settings.database.url = "postgresql+psycopg://assistent:geheim@db.intern:5432/assistent"
    settings.oidc = settings.oidc.model_copy(update={"enabled": True, "issuer": "https://sso.intern/realms/v"})
    settings.embedder = EmbedderSettings(backend="openai", base_url="http://tei.intern/v1")

    assert settings.egress_hosts() == {"gpu-server.intern", "db.intern", "sso.intern", "tei.intern"}


def test_a_remote_backend_without_a_server_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="ASSISTANT_EMBEDDER__BASE_URL"):
        EmbedderSettings(backend="openai")
    with pytest.raises(ValueError, match="ASSISTANT_LLM__BASE_URL"):
        LlmSettings(backend="openai")


def test_only_loopback_local_sockets_and_allowed_addresses_pass() -> None:
    assert is_allowed(("127.0.0.1", 80), set()) and is_allowed(("::1", 80, 0, 0), set())
    assert is_allowed("/run/postgresql/.s.PGSQL.5432", set())
    assert is_allowed(("192.0.2.7", 8080), {"192.0.2.7"})
    assert not is_allowed(("192.0.2.8", 8080), {"192.0.2.7"})
    assert not is_allowed(("example.org", 443), set())


def test_a_restricted_process_refuses_other_hosts_before_any_packet(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("connect", "connect_ex"):  # restored after the test
        monkeypatch.setattr(socket.socket, name, getattr(socket.socket, name))
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        restrict_egress({"inference.invalid"})  # does not resolve: only loopback remains

        with socket.create_connection(listener.getsockname(), timeout=5):
            pass
        with socket.socket() as outgoing, pytest.raises(EgressBlockedError, match="Freigabeliste"):
            outgoing.connect(("192.0.2.1", 80))
