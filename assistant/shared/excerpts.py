"""Excerpts: what a model sees of one source, as chosen sentences with their offsets in the document.

Document text is data: sentences that try to instruct the model ("Ignoriere alle Anweisungen …") are
recognised here so that no feature passes them on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.sentences import Sentence, is_table, split_sentences
from ingest.types import SearchHit

_INJECTION = re.compile(
    r"(ignorier|vergiss|missacht|überschreib|ignore|disregard|forget)\w*\b.{0,60}"
    r"(anweisung|instruktion|regel|vorgabe|prompt|instruction|rule)"
    r"|\b(du bist (jetzt|ab sofort|nun)|you are now|neue anweisung|new instruction|system ?prompt)\b"
    r"|^\s*(system|assistant|assistent)\s*:",
    re.IGNORECASE,
)
_TABLE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|(?<=\s)#+\s")
MAX_TABLE_CHARS = 700


@dataclass(frozen=True)
class Excerpt:
    """What the model sees of one source: chosen sentences in document order; ``number`` is its [n]."""

    number: int
    hit: SearchHit
    sentences: tuple[Sentence, ...]

    def text(self) -> str:
        """The chosen sentences as they stand in the document (for content checks, not for the prompt)."""
        return " ".join(sentence.text for sentence in self.sentences)

    def render(self) -> str:
        parts: list[str] = []
        previous_end = None
        for sentence in self.sentences:
            if previous_end is not None and sentence.start > previous_end + 2:
                parts.append("…")
            parts.append(plain(sentence.text)[:MAX_TABLE_CHARS])
            previous_end = sentence.end
        return " ".join(parts)


def passage_sentences(hit: SearchHit) -> list[Sentence]:
    """Sentences of a passage with their offsets in the document's full text."""
    return split_sentences(hit.text, hit.char_start)


def plain(text: str) -> str:
    """Markdown markup off for the prompt (fewer tokens); table separator rows dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not _TABLE_RULE.fullmatch(line.strip())]
    return _MARKUP.sub("", ("\n" if is_table(text) else " ").join(lines))


def is_instruction(text: str) -> bool:
    return bool(_INJECTION.search(text))
