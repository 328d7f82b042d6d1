"""Load one file as pages of text. Headings are marked as Markdown '#' lines for the chunker.

    document = load_document(Path("satzung.pdf"), settings.ingest)

Every failure is an ``UnreadableFileError`` with a German reason the pipeline records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.errors import UnreadableFileError
from ingest.loaders.docx import load_docx
from ingest.loaders.html import load_html
from ingest.loaders.markdown import load_markdown
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.settings import SUPPORTED_SUFFIXES, IngestSettings
from ingest.types import LoadedDocument

__all__ = ["load_document"]

Loader = Callable[[Path, IngestSettings], LoadedDocument]

_LOADERS: dict[str, Loader] = {
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".text": load_text,
}
_SUPPORTED_NAMES = "PDF, DOCX, HTML, Markdown, Text"
_BYTES_PER_MB = 1024 * 1024


def load_document(path: Path, settings: IngestSettings) -> LoadedDocument:
    """Text per page plus title and metadata; raises UnreadableFileError with a German reason."""
    loader = _loader_for(path)
    try:
        _check_size(path, settings)
        document = loader(path, settings)
    except OSError as exc:
        raise UnreadableFileError(
            "Die Datei kann nicht geöffnet werden (nicht vorhanden oder keine Leseberechtigung)."
        ) from exc
    if not any(page.text.strip() for page in document.pages):
        raise UnreadableFileError("Die Datei enthält keinen lesbaren Text.")
    characters = sum(len(page.text) for page in document.pages)
    if characters > settings.max_text_mb * 1_000_000:
        raise UnreadableFileError(
            f"Die Datei enthält {characters / 1e6:.0f} Mio. Zeichen Text; mehr als {settings.max_text_mb} Mio. "
            "werden nicht eingelesen (einstellbar über max_text_mb)."
        )
    return document


def _loader_for(path: Path) -> Loader:
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix) if suffix in SUPPORTED_SUFFIXES else None
    if loader is not None:
        return loader
    if not suffix:
        raise UnreadableFileError(f"Dateien ohne Endung werden nicht unterstützt (unterstützt: {_SUPPORTED_NAMES}).")
    raise UnreadableFileError(f"Dateiformat {suffix} wird nicht unterstützt (unterstützt: {_SUPPORTED_NAMES}).")


def _check_size(path: Path, settings: IngestSettings) -> None:
    if not path.is_file():
        raise UnreadableFileError("Der Pfad ist keine Datei oder existiert nicht.")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFileError("Die Datei ist leer.")
    if size > settings.max_file_mb * _BYTES_PER_MB:
        raise UnreadableFileError(
            f"Die Datei ist zu groß ({size / _BYTES_PER_MB:.0f} MB; erlaubt sind höchstens "
            f"{settings.max_file_mb} MB, einstellbar über max_file_mb)."
        )
