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
_TABLE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|(?<=\s)#+\s")
_ABBREVIATION = re.compile(
    r"\b(Abs|Nr|Art|S|z|u|d|i|o|Ziff|lit|bzw|ggf|vgl|z\. ?B|u\. ?a|d\. ?h|Buchst|Satz|Anl|Kap|Bd|ca|Dr|Str|gem"
    r"|i\. ?V\. ?m)\.$"
)
MAX_TABLE_CHARS = 700


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
            previous_end = sentence.start + len(sentence.text)
        return " ".join(parts)


def split_sentences(hit: SearchHit) -> list[Sentence]:
    """Sentences of a passage with their document offsets; a Markdown table stays one unit with the line
    before it (its caption), so a chosen row never loses its header."""
    sentences: list[Sentence] = []
    for start, block in _blocks(hit.text):
        if _is_table(block):
            sentences.append(Sentence(hit.char_start + start, block))
            continue
        cursor = 0
        for match in [*_SENTENCE_END.finditer(block), None]:
            if match is not None and _ABBREVIATION.search(block, 0, match.start()):
                continue  # "Abs. 2", "Nr. 3", "z. B." do not end a sentence
            end = match.start() if match else len(block)
            piece = block[cursor:end]
            if piece.strip():
                offset = hit.char_start + start + cursor + (len(piece) - len(piece.lstrip()))
                sentences.append(Sentence(offset, piece.strip()))
            cursor = match.end() if match else len(block)
    return sentences


def _blocks(text: str) -> list[tuple[int, str]]:
    """Paragraphs (split at blank lines) with their offsets; a table joins the short line just before it."""
    blocks: list[tuple[int, str]] = []
    for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        block = match.group(0)
        if _is_table(block) and blocks and len(blocks[-1][1]) < 200 and not _is_table(blocks[-1][1]):
            start = blocks[-1][0]
            blocks[-1] = (start, text[start : match.end()])
        else:
            blocks.append((match.start(), block))
    return blocks


def _is_table(block: str) -> bool:
    return sum(line.lstrip().startswith("|") for line in block.splitlines()) >= 2


def plain(text: str) -> str:
    """Markdown markup off for the prompt (fewer tokens); table separator rows dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not _TABLE_RULE.fullmatch(line.strip())]
    return _MARKUP.sub("", ("\n" if _is_table(text) else " ").join(lines))


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
