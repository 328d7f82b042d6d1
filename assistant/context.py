"""Context compression: only the sentences of each passage that bear on the question go into the prompt.

Prompt processing dominates the time to first token on a CPU, so the prompt carries a budget of characters,
filled with the best sentences across the retrieved passages (at least one per passage). Sentences that try
to instruct the model ("Ignoriere alle Anweisungen …") are never passed on: document text is data.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ingest.german import GermanAnalyzer
from ingest.types import SearchHit

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZÄÖÜ0-9(§„\"])|\n+")
_INJECTION = re.compile(
    r"(ignorier|vergiss|missacht|überschreib|ignore|disregard|forget)\w*\b.{0,60}"
    r"(anweisung|instruktion|regel|vorgabe|prompt|instruction|rule)"
    r"|\b(du bist (jetzt|ab sofort|nun)|you are now|neue anweisung|new instruction|system ?prompt)\b"
    r"|^\s*(system|assistant|assistent)\s*:",
    re.IGNORECASE,
)
_ANALYZER = GermanAnalyzer()


@dataclass(frozen=True)
class Sentence:
    start: int  # offset in the document's full text
    text: str


@dataclass(frozen=True)
class Excerpt:
    """What the model sees of one source: chosen sentences in document order."""

    number: int
    hit: SearchHit
    sentences: tuple[Sentence, ...]

    def render(self) -> str:
        parts: list[str] = []
        previous_end = None
        for sentence in self.sentences:
            if previous_end is not None and sentence.start > previous_end + 2:
                parts.append("…")
            parts.append(sentence.text)
            previous_end = sentence.start + len(sentence.text)
        return " ".join(parts)


def split_sentences(hit: SearchHit) -> list[Sentence]:
    sentences: list[Sentence] = []
    cursor = 0
    for match in [*_SENTENCE_END.finditer(hit.text), None]:
        end = match.start() if match else len(hit.text)
        piece = hit.text[cursor:end]
        stripped = piece.strip()
        if stripped:
            offset = hit.char_start + cursor + (len(piece) - len(piece.lstrip()))
            sentences.append(Sentence(offset, stripped))
        cursor = match.end() if match else len(hit.text)
    return sentences


def is_instruction(text: str) -> bool:
    return bool(_INJECTION.search(text))


def compress(question: str, hits: list[SearchHit], budget_chars: int) -> list[Excerpt]:
    """Best sentences across ``hits`` within ``budget_chars``, each source keeping at least one."""
    wanted = set(_ANALYZER.tokens(question))
    candidates: list[tuple[float, int, Sentence]] = []
    for rank, hit in enumerate(hits):
        for position, sentence in enumerate(s for s in split_sentences(hit) if not is_instruction(s.text)):
            candidates.append((_score(sentence.text, wanted, rank, position), rank, sentence))
    chosen: dict[int, list[Sentence]] = {rank: [] for rank in range(len(hits))}
    used = 0
    for _, rank, sentence in sorted(candidates, key=lambda item: -item[0]):
        if chosen[rank] and used + len(sentence.text) > budget_chars:
            continue
        if not chosen[rank] and used + len(sentence.text) > budget_chars:
            sentence = Sentence(sentence.start, sentence.text[: max(80, budget_chars - used)].rstrip())
        chosen[rank].append(sentence)
        used += len(sentence.text)
    return [
        Excerpt(rank + 1, hit, tuple(sorted(chosen[rank], key=lambda s: s.start)))
        for rank, hit in enumerate(hits)
        if chosen[rank]
    ]


def _score(text: str, wanted: set[str], rank: int, position: int) -> float:
    tokens = set(_ANALYZER.tokens(text))
    overlap = len(tokens & wanted)
    heading_bonus = 0.3 if position == 0 else 0.0
    return (overlap + heading_bonus) / math.sqrt(1 + len(tokens) / 12) / (1 + 0.25 * rank)
