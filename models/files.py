"""Crash-safe file writes and file digests, one copy for every layer (models, ingest, assistant)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in blocks (``hashlib.file_digest``)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_directory(folder: Path) -> None:
    """Persist a rename or new entry in ``folder`` (the rename itself is atomic, its durability is not)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def atomic_file(target: Path, *, mode: int = 0o644) -> Iterator[IO[bytes]]:
    """A file written beside ``target`` that replaces it only when the block ends without an error (fsynced,
    renamed, directory fsynced): a crash or a refused result leaves the old file or the new one, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False) as handle:
        try:
            os.fchmod(handle.fileno(), mode)  # readable by a service user, like a normally written file
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(handle.name, target)
        finally:
            Path(handle.name).unlink(missing_ok=True)
    fsync_directory(target.parent)


def write_atomically(target: Path, content: bytes | str) -> None:
    with atomic_file(target) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)
