"""Plain text files: one page, title from a short first line."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.sniffing import read_text
from ingest.loaders.titles import first_short_line, title_from_stem
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page


def load_text(path: Path, settings: IngestSettings) -> LoadedDocument:
    text = read_text(path).strip()
    title = first_short_line(text) or title_from_stem(path)
    return LoadedDocument(path=path, format="text", title=title, pages=[Page(1, text)])
