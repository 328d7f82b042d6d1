"""Fallback titles shared by the loaders."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.boilerplate import is_page_mark

MAX_TITLE_CHARS = 120
_MIN_TITLE_LETTERS = 3
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def title_from_stem(path: Path) -> str:
    """'Satzung_Hundesteuer.pdf' -> 'Satzung Hundesteuer'."""
    return " ".join(path.stem.replace("_", " ").split()) or path.name


def first_short_line(text: str) -> str | None:
    """The first line with words (no page number) if it is short enough for a title."""
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if is_page_mark(line) or sum(ch.isalpha() for ch in line) < _MIN_TITLE_LETTERS:
            continue
        return line if len(line) < MAX_TITLE_CHARS else None
    return None


def first_heading(text: str, *, max_level: int = 6) -> str | None:
    """Text of the first Markdown ATX heading up to ``max_level``."""
    for match in _HEADING.finditer(text):
        if len(match.group(1)) <= max_level:
            return match.group(2).strip()
    return None
