"""Saving uploaded files safely: allowed types, size and count limits, German refusals, nothing half-saved."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from fastapi import UploadFile

from assistant.api.errors import ApiError
from ingest.settings import SUPPORTED_SUFFIXES

_BYTES_PER_MB = 1024 * 1024
_UNSAFE_NAME = re.compile(r"[^\w.\- ()äöüÄÖÜß]+")
_MAX_STORED_NAME_BYTES = 120  # file systems allow 255 bytes; the name the clerk gave is kept for display


def save_uploads(uploads: Sequence[UploadFile], folder: Path, *, max_files: int, max_mb: int) -> dict[Path, str]:
    """Store the uploads below ``folder`` as ``{saved path: name the user gave}``, each in its own sub-folder
    (two case folders may both hold an "antrag.pdf"); any refused file removes the folder again and raises."""
    if len(uploads) > max_files:
        raise ApiError(413, "zu_viele_dateien", f"Höchstens {max_files} Dateien auf einmal hochladen.")
    names = unique_names([upload.filename or "datei" for upload in uploads])
    try:
        return {
            _save(upload, folder / f"{number:05d}", max_mb): name
            for number, (upload, name) in enumerate(zip(uploads, names, strict=True))
        }
    except ApiError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except OSError as exc:  # disk full, or a name the file system refuses after all
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError(507, "speichern_fehlgeschlagen", "Die Dateien konnten nicht gespeichert werden.") from exc


def unique_names(names: list[str]) -> list[str]:
    """The names as given, a repeated one numbered ("antrag.pdf", "antrag (2).pdf"), so every upload keeps its
    own identity in reports and nothing is mistaken for another file."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        count = seen[name] = seen.get(name, 0) + 1
        if count == 1:
            unique.append(name)
        else:
            stem, dot, suffix = name.rpartition(".")
            unique.append(f"{stem} ({count}).{suffix}" if dot else f"{name} ({count})")
    return unique


def _stored_name(given: str) -> str:
    """A safe file name for the disk: no path, no odd characters, at most ``_MAX_STORED_NAME_BYTES``."""
    name = _UNSAFE_NAME.sub("_", Path(given).name).strip(" .") or "datei"
    stem, suffix = Path(name).stem, Path(name).suffix[:16]
    while len((stem + suffix).encode("utf-8")) > _MAX_STORED_NAME_BYTES:
        stem = stem[:-1]
    return (stem.rstrip(" .") or "datei") + suffix


def _save(upload: UploadFile, folder: Path, max_mb: int) -> Path:
    name = _stored_name(upload.filename or "datei")
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ApiError(
            415,
            "format_nicht_unterstuetzt",
            f"„{name}“: Dieses Dateiformat wird nicht unterstützt (erlaubt: PDF, DOCX, HTML, Markdown, Text).",
        )
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    written = 0
    with open(target, "wb") as handle:
        while block := upload.file.read(1 << 20):
            written += len(block)
            if written > max_mb * _BYTES_PER_MB:
                raise ApiError(413, "datei_zu_gross", f"„{name}“ ist zu groß (höchstens {max_mb} MB je Datei).")
            handle.write(block)
    return target
