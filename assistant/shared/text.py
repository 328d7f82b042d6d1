"""Text helpers for what a clerk reads: XML-safe (Word, Excel), on one line, shortened at a word boundary."""

from __future__ import annotations

import re
from typing import Final

from assistant.shared.citations import Citation

QUOTE_LIMIT: Final = 160
# Characters XML 1.0 (and therefore Word and Excel) cannot store; PDF text sometimes contains them (form feeds).
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Remove characters that are not allowed in XML (Word, Excel); page breaks of PDF text become spaces."""
    return _CONTROL_RE.sub("", text.replace("\x0c", " ").replace("\x0b", " "))


def one_line(text: str) -> str:
    """Collapse all whitespace (line breaks of PDF text) into single spaces."""
    return " ".join(clean(text).split())


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Shorten ``text`` to about ``limit`` characters at a word boundary, marking the cut with "…"."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + " …"


def file_name(source: str) -> str:
    """The file name of a source path (no server directories in the files handed out)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def citation_label(citation: Citation, limit: int | None = None) -> str:
    """Short German citation for a cell: ``<title>, S. <page>: „quote“``."""
    quote = one_line(citation.quote) if limit is None else shorten(citation.quote, limit)
    return f"{one_line(citation.title)}, S. {citation.page}: „{quote}“"
