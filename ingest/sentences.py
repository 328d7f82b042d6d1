"""The one sentence splitter: sentences of a text with their offsets, German abbreviations and tables respected.

Used for passages (prompt compression, summaries), for the model's answers (citation checks) and for case files
(batch evidence). Offsets let every caller point back into the stored document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and, with ``clauses``, at ; :) before the start of a new one, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9(§„\"])|\n+")
_CLAUSE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZÄÖÜ0-9(§„\"])|\n+")
_ABBREVIATION = re.compile(
    r"\b(Abs|Nr|Art|S|z|u|d|i|o|Ziff|lit|bzw|ggf|vgl|z\. ?B|u\. ?a|d\. ?h|Buchst|Satz|Anl|Kap|Bd|ca|Dr|Str|gem"
    r"|i\. ?V\. ?m|GBl|BGBl|GABl|ABl|Bl|bspw|insb|usw|sog|inkl|zzgl|mind|Tel|Az)\.$"
)
_DAY_NUMBER = re.compile(r"\b\d{1,2}\.$")  # "am 1." before "Juli": a date, not a sentence end
_ORDINAL = re.compile(
    r"\b(vollendeten|vollendung des|zum|zur|am|ab dem|bis zum|dem|des|vom)\s+\d{1,3}\.$", re.IGNORECASE
)
_MONTH = re.compile(r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b")
_BLOCK = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")
_CAPTION_CHARS = 200
TABLE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")  # the separator row under a table header


@dataclass(frozen=True)
class Sentence:
    start: int  # offset of the first character in the text the caller passed (plus its ``offset``)
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str, offset: int = 0, *, clauses: bool = True) -> list[Sentence]:
    """Sentences of ``text`` with offsets (``offset`` added). "Abs. 2", "Nr. 3", "z. B." end no sentence; a
    Markdown table stays one unit with the short line before it (its caption), so a row keeps its header."""
    sentences: list[Sentence] = []
    boundary = _CLAUSE_END if clauses else _SENTENCE_END
    for block_start, block in _blocks(text):
        if is_table(block):
            sentences.append(Sentence(offset + block_start, block))
            continue
        cursor = 0
        for match in [*boundary.finditer(block), None]:
            if match is not None and _no_sentence_end(block, match):
                continue
            end = match.start() if match else len(block)
            piece = block[cursor:end]
            if piece.strip():
                start = offset + block_start + cursor + (len(piece) - len(piece.lstrip()))
                sentences.append(Sentence(start, piece.strip()))
            cursor = match.end() if match else len(block)
    return sentences


def _no_sentence_end(block: str, boundary: re.Match[str]) -> bool:
    """ "Abs. 2", "Nr. 3", "z. B.", the day of a date ("1. Juli") and an ordinal ("des 18. Lebensjahres") end no
    sentence."""
    if _ABBREVIATION.search(block, 0, boundary.start()):
        return True
    if _ORDINAL.search(block, 0, boundary.start()):
        return True  # "ab dem vollendeten 18. Lebensjahr": an ordinal
    return bool(_DAY_NUMBER.search(block, 0, boundary.start()) and _MONTH.match(block, boundary.end()))


def is_table(block: str) -> bool:
    return sum(is_table_line(line) for line in block.splitlines()) >= 2


def is_table_line(line: str) -> bool:
    """A Markdown table row (or its separator row)."""
    return line.lstrip().startswith("|")


def _blocks(text: str) -> list[tuple[int, str]]:
    """Paragraphs (split at blank lines) with their offsets; a table joins the short line just before it."""
    blocks: list[tuple[int, str]] = []
    for match in _BLOCK.finditer(text):
        block = match.group(0)
        if is_table(block) and blocks and len(blocks[-1][1]) < _CAPTION_CHARS and not is_table(blocks[-1][1]):
            start = blocks[-1][0]
            blocks[-1] = (start, text[start : match.end()])
        else:
            blocks.append((match.start(), block))
    return blocks
