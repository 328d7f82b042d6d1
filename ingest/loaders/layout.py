"""Blocks of extracted text joined into Markdown-like page text (used by HTML and DOCX)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_HEADING_LEVEL = 6


@dataclass(frozen=True)
class TextBlock:
    text: str
    tight: bool = False  # list items and table rows stay on adjacent lines


def heading_block(level: int, text: str) -> TextBlock:
    """A Markdown heading line: ``## text`` for level 2."""
    return TextBlock("#" * min(max(level, 1), MAX_HEADING_LEVEL) + " " + text)


def join_blocks(blocks: Iterable[TextBlock]) -> str:
    """Blank line between blocks, single newline between neighbouring tight blocks."""
    parts: list[str] = []
    previous: TextBlock | None = None
    for block in blocks:
        if previous is not None:
            parts.append("\n" if previous.tight and block.tight else "\n\n")
        parts.append(block.text)
        previous = block
    return "".join(parts)


def squash(text: str) -> str:
    """Collapse all whitespace runs (including no-break spaces and newlines) to single spaces."""
    return " ".join(text.split())
