"""Lines of a paged document that are no content: running headers and footers, page marks, tables of contents.

    spans = find_boilerplate(document.pages)

The page text stays as extracted (citations are checked against it and the page view shows it); the spans,
offsets into the joined document text, keep these lines out of passages, titles, embeddings and drafts.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from ingest.types import Page, TextSpan, join_pages

EDGE_LINES = 4  # running headers and footers stand among the first and last lines of a page
MIN_PAGES_FOR_REPEATS = 3
MIN_REPEAT_SHARE = 0.5
MAX_BOILERPLATE_CHARS = 200
TOC_SEARCH_SHARE = 0.34  # a table of contents stands in the first third of a document
MAX_TOC_GAP = 4  # short lines between entries (column headers, a title wrapped over lines)
MAX_TOC_GAP_CHARS = 100

_DIGITS = re.compile(r"\d+")
# "- 4 -", "Seite 4", "Seite 4 von 9", "4 von 9", "4/9" (digits already masked as '#')
_PAGE_MARK = re.compile(r"^[\s\-–—‒]*(?:seite|s\.|page)?\s*#(?:\s*(?:von|/|of)\s*#)?[\s\-–—‒]*$")
_TOC_HEADING = re.compile(
    r"^(?:nichtamtliches\s+|amtliches\s+)?(?:inhaltsverzeichnis|inhaltsübersicht|inhalt)(?:\s+seite)?$"
)
# matched on the line as printed: "A. Allgemeiner Teil" is an entry, "S. 333), das …" (a citation) is not
_TOC_ENTRY_START = re.compile(
    r"^(?:§§?\s*\d|(?i:art\.?\s*\d|artikel\s+\d|anlage\b|anhang\b|abschnitt\b|teil\b|kapitel\b)|"
    r"(?:[IVX]+|[A-Z])\.\s+[A-ZÄÖÜ][a-zäöüß]|\d+(?:\.\d+)*\.?\s|[IVX]+\.?\s+(?i:abschnitt)\b)"
)
# dot leaders and a page number, a page number (not a year), or a date of validity ("… 02.03.2018")
_TOC_ENTRY_END = re.compile(r"(?:(?:\.\s*){3,}|…)\s*\d{1,4}$|\s\d{1,3}$|\s\d{1,2}\.\d{1,2}\.\d{4}$")
_LEADERS_AND_PAGE = re.compile(r"(?:\.\s*){4,}\d{1,4}$")
_DOT_LEADERS = re.compile(r"(?:\s*\.){3,}\s*\d{0,4}$|\s+\d{1,4}$")


@dataclass(frozen=True)
class _Line:
    page: int  # index into the pages
    start: int  # offset in the document text
    end: int
    text: str  # whitespace squashed

    @cached_property
    def plain(self) -> str:
        return self.text.casefold()

    @cached_property
    def key(self) -> str:
        """The line with its numbers masked, so "Seite 3 von 9" and "Seite 4 von 9" are the same line."""
        return _DIGITS.sub("#", self.plain)


def find_boilerplate(pages: Sequence[Page]) -> tuple[TextSpan, ...]:
    """Spans of running headers/footers, page marks and the table of contents, in document order."""
    lines = list(_lines(pages))
    marked = _running_lines(lines, len(pages)) | _table_of_contents(lines, len(pages))
    return tuple(TextSpan(lines[i].start, lines[i].end) for i in sorted(marked))


def is_page_mark(line: str) -> bool:
    """'- 4 -', 'Seite 4 von 9', '4/9': a line that only numbers the page."""
    return bool(_PAGE_MARK.match(_DIGITS.sub("#", " ".join(line.split()).casefold())))


def outside(spans: Sequence[TextSpan], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of [start, end) that no span covers."""
    parts: list[tuple[int, int]] = []
    cursor = start
    for span in spans:
        if span.end <= cursor or span.start >= end:
            continue
        if span.start > cursor:
            parts.append((cursor, span.start))
        cursor = max(cursor, span.end)
    if cursor < end:
        parts.append((cursor, end))
    return parts


def covers(spans: Sequence[TextSpan], offset: int) -> bool:
    return any(span.start <= offset < span.end for span in spans)


def _lines(pages: Sequence[Page]) -> Iterator[_Line]:
    _, starts = join_pages(list(pages))
    for index, (page, page_start) in enumerate(zip(pages, starts, strict=True)):
        position = 0
        for raw in page.text.split("\n"):
            squashed = " ".join(raw.split())
            if squashed:
                lead = len(raw) - len(raw.lstrip())
                start = page_start + position + lead
                yield _Line(index, start, start + len(raw.strip()), squashed)
            position += len(raw) + 1


def _running_lines(lines: list[_Line], page_count: int) -> set[int]:
    """Page marks at a page's edge, and edge lines that repeat (digits aside) on most pages."""
    edge = _edge_lines(lines)
    marked = {i for i in edge if _PAGE_MARK.match(lines[i].key)}
    if page_count < MIN_PAGES_FOR_REPEATS:
        return marked
    pages_with: dict[str, set[int]] = defaultdict(set)
    for i in edge:
        pages_with[lines[i].key].add(lines[i].page)
    needed = max(MIN_PAGES_FOR_REPEATS, math.ceil(MIN_REPEAT_SHARE * page_count))
    repeated = {
        key
        for key, pages in pages_with.items()
        if len(pages) >= needed and len(key) <= MAX_BOILERPLATE_CHARS and sum(ch.isalnum() for ch in key) >= 2
    }
    return marked | {i for i in edge if lines[i].key in repeated}


def _edge_lines(lines: list[_Line]) -> set[int]:
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        by_page[line.page].append(i)
    edge: set[int] = set()
    for indices in by_page.values():
        edge.update(indices[:EDGE_LINES])
        edge.update(indices[-EDGE_LINES:])
    return edge


def _table_of_contents(lines: list[_Line], page_count: int) -> set[int]:
    """The lines from an 'Inhaltsverzeichnis' heading up to where its first entries reappear as body headings."""
    last_page = max(1, math.ceil(TOC_SEARCH_SHARE * page_count))
    marked: set[int] = set()
    for i, line in enumerate(lines):
        if line.page < last_page and _TOC_HEADING.match(line.plain):
            marked |= _toc_block(lines, i)
    # dot leaders with a page number are entries wherever they stand ("§ 4 Gebühren ........ 12")
    marked |= {i for i, line in enumerate(lines) if _LEADERS_AND_PAGE.search(line.plain)}
    return marked


def _toc_block(lines: list[_Line], heading: int) -> set[int]:
    block = {heading}
    entries: list[str] = []
    gap = 0
    for i in range(heading + 1, len(lines)):
        line = lines[i]
        if _PAGE_MARK.match(line.key):
            block.add(i)
            continue
        entry = _entry_key(line.plain)
        if _is_entry(line.text):
            if any(entry == seen or seen.startswith(entry + " ") for seen in entries):
                break  # the body begins: a listed heading stands again
            entries.append(entry)
            block.add(i)
            gap = 0
        elif gap < MAX_TOC_GAP and len(line.text) <= MAX_TOC_GAP_CHARS:
            block.add(i)
            gap += 1
        else:
            break
    last_entry = max((i for i in block if _is_entry(lines[i].text)), default=heading)
    return {i for i in block if i <= last_entry} if entries else set()


def _is_entry(text: str) -> bool:
    return bool(_TOC_ENTRY_START.match(text) or _TOC_ENTRY_END.search(text))


def _entry_key(key: str) -> str:
    """An entry without its dot leaders and page number ('§ # geltungsbereich ..... #' → '§ # geltungsbereich')."""
    return _DOT_LEADERS.sub("", key).strip()
