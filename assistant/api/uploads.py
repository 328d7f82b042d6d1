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


def save_uploads(uploads: Sequence[UploadFile], folder: Path, *, max_files: int, max_mb: int) -> dict[Path, str]:
    """Store the uploads below ``folder`` as ``{saved path: name the user gave}``, each in its own sub-folder
    (two case folders may both hold an "antrag.pdf"); any refused file removes the folder again and raises."""
    if len(uploads) > max_files:
        raise ApiError(413, "zu_viele_dateien", f"Höchstens {max_files} Dateien auf einmal hochladen.")
    try:
        return {
            _save(upload, folder / f"{number:05d}", max_mb): upload.filename or "datei"
            for number, upload in enumerate(uploads)
        }
    except ApiError:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _save(upload: UploadFile, folder: Path, max_mb: int) -> Path:
    name = _UNSAFE_NAME.sub("_", Path(upload.filename or "datei").name).strip(" .") or "datei"
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
