"""One folder holds the whole index. Each write builds a new generation beside the current one and
switches a pointer file atomically, so a crash at any moment leaves the previous index fully usable.

    index_dir/CURRENT                 name of the live generation
    index_dir/gen-<time>-<pid>/       manifest.json, passages.sqlite, vectors.faiss, keyword/
    index_dir/embedding_cache.sqlite  embeddings by text hash, so an interrupted ingest resumes cheaply
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.errors import EmbedderMismatchError, IndexFormatError, IndexMissingError, IngestError
from models.files import fsync_directory, fsync_file, write_atomically

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
# How pages become passages; raised when that changes (3: boilerplate and tables of contents kept out), so
# every file is re-read.
TEXT_VERSION = 3
CURRENT_FILE = "CURRENT"
MANIFEST_FILE = "manifest.json"
STORE_FILE = "passages.sqlite"
VECTORS_FILE = "vectors.faiss"
KEYWORD_FOLDER = "keyword"
CACHE_FILE = "embedding_cache.sqlite"
_GENERATION_PREFIX = "gen-"


@dataclass(frozen=True)
class Manifest:
    format_version: int
    embedder: str
    dimension: int
    chunk_size: int
    chunk_overlap: int
    vector_index: str
    documents: int
    passages: int
    created_at: str
    embed_chars: int = 0
    text_version: int = 1

    def chunking(self) -> tuple[int, int, int, int]:
        return (self.chunk_size, self.chunk_overlap, self.embed_chars, self.text_version)


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT_FILE
    if not pointer.is_file():
        return None
    generation = index_dir / pointer.read_text(encoding="utf-8").strip()
    return generation if (generation / MANIFEST_FILE).is_file() else None


def require_generation(index_dir: Path) -> Path:
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexMissingError(
            f"Im Ordner '{index_dir}' gibt es noch keinen Suchindex. Bitte zuerst Dokumente einlesen: "
            "python -m ingest ORDNER"
        )
    return generation


def read_manifest(generation: Path) -> Manifest:
    try:
        data = json.loads((generation / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexFormatError(f"Die Index-Beschreibung in '{generation}' ist nicht lesbar.") from exc
    if data.get("format_version") != FORMAT_VERSION:
        raise IndexFormatError(
            f"Der Index in '{generation.parent}' hat das Format {data.get('format_version')}, erwartet wird "
            f"{FORMAT_VERSION}. Bitte den Index neu aufbauen (python -m ingest --rebuild ORDNER)."
        )
    return Manifest(**data)


def check_embedder(manifest: Manifest, embedder_name: str, dimension: int) -> None:
    if manifest.embedder != embedder_name or manifest.dimension != dimension:
        raise EmbedderMismatchError(
            f"Der Index wurde mit dem Einbettungsmodell '{manifest.embedder}' ({manifest.dimension} Dimensionen) "
            f"erstellt, eingestellt ist aber '{embedder_name}' ({dimension} Dimensionen). Bitte dasselbe Modell "
            "einstellen oder den Index neu aufbauen (python -m ingest --rebuild ORDNER)."
        )


def new_generation(index_dir: Path) -> Path:
    index_dir.mkdir(parents=True, exist_ok=True)
    generation = index_dir / f"{_GENERATION_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
    generation.mkdir()
    return generation


def write_manifest(generation: Path, manifest: Manifest) -> None:
    write_atomically(generation / MANIFEST_FILE, json.dumps(asdict(manifest), indent=2).encode())


def publish(index_dir: Path, generation: Path) -> None:
    """Make ``generation`` the live index: fsync its files, then swap the pointer atomically."""
    for path in generation.rglob("*"):
        if path.is_file():
            fsync_file(path)
    fsync_directory(generation)
    write_atomically(index_dir / CURRENT_FILE, generation.name.encode())
    remove_stale_generations(index_dir)


def remove_stale_generations(index_dir: Path) -> None:
    """Delete every generation but the live one (old ones and leftovers of interrupted writes)."""
    live = current_generation(index_dir)
    for path in index_dir.glob(f"{_GENERATION_PREFIX}*"):
        if path != live and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """One writer at a time per index folder (CLI ingest, uploads, deletions)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.info("Waiting for another writer on %s", index_dir)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
            except OSError as exc:  # pragma: no cover - lock failure is a system problem
                raise IngestError("Der Index ist gerade gesperrt. Bitte später erneut versuchen.") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
