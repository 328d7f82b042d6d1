"""The data a citation needs: documents with their pages, passages that point into them, search hits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PAGE_SEPARATOR = "\n\n"
DEFAULT_COLLECTION = "allgemein"  # where the CLI ingests when no collection is named; readable by all users
COLLECTION_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


@dataclass(frozen=True)
class Scope:
    """The collections a caller may read. Every read of the index takes one as a required argument, and an empty
    scope reads nothing: there is no "all" value a forgotten check could fall back to. Requests get theirs from
    the access layer; operator tools name every collection of the index (``SearchIndex.operator_scope``)."""

    collections: frozenset[str]

    @classmethod
    def of(cls, *collections: str) -> Scope:
        return cls(frozenset(collections))

    def allows(self, collection: str) -> bool:
        return collection in self.collections

    def sorted(self) -> list[str]:
        return sorted(self.collections)


@dataclass(frozen=True)
class Page:
    """Extracted text of one page (1-based). Non-paginated formats have a single page 1."""

    number: int
    text: str
    ocr: bool = False


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the document text (pages joined with PAGE_SEPARATOR): [start, end)."""

    start: int
    end: int


@dataclass
class LoadedDocument:
    """What a loader returns: the text per page plus metadata. Headings are marked as Markdown '#' lines."""

    path: Path
    format: str
    title: str
    pages: list[Page]
    metadata: dict[str, str] = field(default_factory=dict)
    ocr_seconds: float = 0.0
    boilerplate: tuple[TextSpan, ...] = ()  # running headers/footers, page marks, table of contents

    @property
    def ocr_pages(self) -> int:
        return sum(page.ocr for page in self.pages)


@dataclass(frozen=True)
class Passage:
    """The unit that is embedded and searched.

    ``char_start``/``char_end`` are offsets into the document's full text (pages joined with
    PAGE_SEPARATOR); ``text`` is exactly that slice. ``indexed_text`` adds title and heading as context.
    """

    doc_id: str
    ordinal: int
    text: str
    indexed_text: str
    page_start: int
    page_end: int
    heading: str
    section: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class PassageRef:
    """Where a stored passage stands: its document, pages, heading, § and character offsets. The one
    declaration of these fields; stored passages, search hits and the API's sources build on it."""

    passage_id: int
    doc_id: str
    title: str
    source: str  # the document's display path
    page_start: int
    page_end: int
    heading: str
    section: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class SearchHit(PassageRef):
    text: str
    score: float
    dense_rank: int | None = None
    keyword_rank: int | None = None
    dense_score: float | None = None


def join_pages(pages: list[Page]) -> tuple[str, list[int]]:
    """Full document text and the start offset of every page in it."""
    starts: list[int] = []
    position = 0
    for page in pages:
        starts.append(position)
        position += len(page.text) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(page.text for page in pages), starts
