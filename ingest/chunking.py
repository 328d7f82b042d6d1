"""Structure-aware chunking: split along headings and §§ first, then by size.

Every passage keeps its page range, heading path, § label and character offsets into the document text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.boilerplate import covers, outside
from ingest.types import LoadedDocument, Passage, TextSpan, join_pages

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
# A line that opens a § or an article ("§ 5 Steuersatz", "§ 12a", "Art. 3", "Artikel 20a").
_SECTION_LINE = re.compile(r"^[ \t]*((?:§§?|Art\.|Artikel)[ \t]*\d+[a-z]?)\b[ \t]*([^\n]{0,120})$", re.MULTILINE)
_SECTION_LABEL = re.compile(r"(§§?|Art\.|Artikel)\s*(\d+[a-z]?)")
_PARAGRAPH_MARK = re.compile(r"^[ \t]*\((\d+[a-z]?)\)", re.MULTILINE)
SECTION_LEVEL = 7  # § lines nest below every Markdown heading level
MIN_SECTION_CHARS = 200


@dataclass
class _Section:
    start: int
    end: int
    heading_path: tuple[str, ...]
    label: str


class StructureChunker:
    def __init__(self, chunk_size: int, chunk_overlap: int) -> None:
        self.chunk_size = chunk_size
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=min(chunk_overlap, chunk_size // 2),
            separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""],
        )

    def split(self, document: LoadedDocument, doc_id: str) -> list[Passage]:
        text, page_starts = join_pages(document.pages)
        passages: list[Passage] = []
        for section in _merge_small(_sections(text, document.boilerplate)):
            # running headers, page marks and the table of contents stay out of every passage
            for start, end in outside(document.boilerplate, section.start, section.end):
                for chunk_start, chunk in self._split_range(text, start, end):
                    passages.append(
                        _make_passage(document, doc_id, len(passages), chunk, chunk_start, section, page_starts, text)
                    )
        return passages

    def _split_range(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        body = text[start:end]
        pieces: list[tuple[int, str]] = []
        cursor = 0
        for chunk in self._splitter.split_text(body):
            found = body.find(chunk, cursor)
            if found < 0:  # the splitter returns verbatim slices, so this is not expected
                found = body.find(chunk)
            pieces.append((start + found, chunk))
            cursor = found + 1
        return pieces


def _sections(text: str, boilerplate: tuple[TextSpan, ...]) -> list[_Section]:
    """Cut the text at every heading line (none in a table of contents); each knows its heading path and § label."""
    marks: list[tuple[int, int, str]] = []
    for match in _MARKDOWN_HEADING.finditer(text):
        if not covers(boilerplate, match.start()):
            marks.append((match.start(), len(match.group(1)), match.group(2).strip()))
    for match in _SECTION_LINE.finditer(text):
        if not _inside_heading(text, match.start()) and not covers(boilerplate, match.start(1)):
            marks.append((match.start(), SECTION_LEVEL, f"{match.group(1)} {match.group(2)}".strip()))
    marks.sort()
    sections: list[_Section] = []
    stack: list[tuple[int, str]] = []
    boundaries = [mark[0] for mark in marks] + [len(text)]
    if not marks or marks[0][0] > 0:
        sections.append(_Section(0, boundaries[0], (), ""))
    for (start, level, title), end in zip(marks, boundaries[1:], strict=True):
        stack = [entry for entry in stack if entry[0] < level] + [(level, title)]
        path = tuple(entry[1] for entry in stack)
        sections.append(_Section(start, end, path, _section_label(path)))
    return [section for section in sections if text[section.start : section.end].strip()]


def _inside_heading(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return text.startswith("#", line_start)


def _section_label(path: tuple[str, ...]) -> str:
    for title in reversed(path):
        match = _SECTION_LABEL.search(title)
        if match and title.lstrip().startswith(match.group(1)):
            return f"{match.group(1)} {match.group(2)}"
    return ""


def _merge_small(sections: list[_Section]) -> list[_Section]:
    """Join a tiny section (a bare heading, a one-line §) with the next one, keeping the first's labels."""
    merged: list[_Section] = []
    for section in sections:
        previous = merged[-1] if merged else None
        if previous is not None and previous.end - previous.start < MIN_SECTION_CHARS:
            label = previous.label or section.label
            path = (
                section.heading_path
                if len(section.heading_path) > len(previous.heading_path)
                else (previous.heading_path)
            )
            merged[-1] = _Section(previous.start, section.end, path, label)
        else:
            merged.append(section)
    return merged


def _paragraph_label(text: str, section: _Section, start: int) -> str:
    """'Abs. n' of the numbered paragraph "(n)" the passage starts in, if the section has them."""
    marks = list(_PARAGRAPH_MARK.finditer(text, section.start, start + 1))
    return f"Abs. {marks[-1].group(1)}" if marks else ""


def _make_passage(
    document: LoadedDocument,
    doc_id: str,
    ordinal: int,
    chunk: str,
    start: int,
    section: _Section,
    page_starts: list[int],
    text: str,
) -> Passage:
    end = start + len(chunk)
    heading = " > ".join(section.heading_path)
    label = section.label
    if label:
        paragraph = _paragraph_label(text, section, start)
        label = f"{label} {paragraph}".strip()
    context = "\n".join(part for part in (document.title, heading) if part)
    return Passage(
        doc_id=doc_id,
        ordinal=ordinal,
        text=chunk,
        indexed_text=f"{context}\n{chunk}" if context else chunk,
        page_start=document.pages[bisect.bisect_right(page_starts, start) - 1].number,
        page_end=document.pages[bisect.bisect_right(page_starts, max(start, end - 1)) - 1].number,
        heading=heading,
        section=label,
        char_start=start,
        char_end=end,
    )
