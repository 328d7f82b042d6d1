"""DOCX files: heading styles become Markdown headings, table rows become 'cell | cell' lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.errors import UnreadableFileError
from ingest.loaders.layout import TextBlock, heading_block, join_blocks, squash
from ingest.loaders.sniffing import check_docx
from ingest.loaders.titles import first_heading, title_from_stem
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page

# Word stores built-in style names in English; documents made elsewhere may carry German ones.
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "titel"})
_LIST_STYLE = re.compile(r"^(?:list|listen)", re.IGNORECASE)
_CORRUPT = "Die DOCX-Datei ist beschädigt und kann nicht gelesen werden."


def load_docx(path: Path, settings: IngestSettings) -> LoadedDocument:
    check_docx(path, settings.max_unpacked_mb * 1_000_000)
    try:
        document = docx.Document(str(path))
        text = join_blocks(_blocks(document))
        metadata = _metadata(document)
    except Exception as exc:  # python-docx raises KeyError, lxml and zip errors on broken files
        raise UnreadableFileError(_CORRUPT) from exc
    title = metadata.get("title") or first_heading(text) or title_from_stem(path)
    return LoadedDocument(path=path, format="docx", title=title, pages=[Page(1, text)], metadata=metadata)


def _blocks(document: Document) -> Iterator[TextBlock]:
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item)
            if block is not None:
                yield block
        elif isinstance(item, Table):
            yield from _table_blocks(item)


def _paragraph_block(paragraph: Paragraph) -> TextBlock | None:
    text = squash(paragraph.text)
    if not text:
        return None
    style = paragraph.style.name if paragraph.style is not None else None
    level = _heading_level(style or "")
    if level:
        return heading_block(level, text)
    return TextBlock(text, tight=bool(style and _LIST_STYLE.match(style)))


def _heading_level(style: str) -> int:
    if style.strip().lower() in _TITLE_STYLES:
        return 1
    match = _HEADING_STYLE.match(style.strip())
    return int(match.group(1)) if match else 0


def _table_blocks(table: Table) -> Iterator[TextBlock]:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # merged cells repeat the same element
                seen.add(id(cell._tc))
                cells.append(squash(cell.text))
        if any(cells):
            yield TextBlock(" | ".join(cells), tight=True)


def _metadata(document: Document) -> dict[str, str]:
    properties = document.core_properties
    values = {
        "title": properties.title,
        "author": properties.author,
        "subject": properties.subject,
        "keywords": properties.keywords,
    }
    return {key: squash(value) for key, value in values.items() if value and squash(value)}
