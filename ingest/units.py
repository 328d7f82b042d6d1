"""Evidence units of a passage: a sentence, a list item with its lead-in, a table row with its header and caption.

A unit is what can decide an answer. Its span is verbatim in the document (offsets into the full text), and its
context (the lead-in of a list, the header and caption of a table) says what the span is about, so a row such as
"| für ein Kind … | 125,00 € |" is never read without "Kindergarten (VÖ) … | Familiensituation | Gebühr |".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ingest.sentences import TABLE_RULE, Sentence, is_table_line, split_sentences

UnitKind = Literal["satz", "listenpunkt", "tabellenzeile"]

_LIST_ITEM = re.compile(r"\s*(?:[-*•–]|\d{1,3}[.)]|[a-z][.)])\s+\S")
_SUB_ITEM = re.compile(r"\s*[a-z][.)]\s")
_HEADING = re.compile(r"\s*#{1,6}\s")
_PAGE_FOOTER = re.compile(r"\s*-?\s*Seite \d+ von \d+\s*-?\s*", re.IGNORECASE)
_CONTINUATION_CHARS = 60  # a short line after a list item ("31 Euro,") belongs to it (PDF layout)
# a sentence that points back ("Dies gilt nicht für DVDs.") is read with the sentence before it
_ANAPHOR = re.compile(
    r"(dies|das|diese[rsmn]?|dabei|dazu|davon|hierbei|hierfür|hiervon|ausgenommen|ausnahmen?|sie|er|es|"
    r"ebenso|gleiches|entsprechendes)\b",
    re.IGNORECASE,
)
_CAPTION_LINES = 2
_WRAPPED_CHARS = 60
_CAPTION_CHARS = 200


@dataclass(frozen=True)
class Unit:
    kind: UnitKind
    span: Sentence  # the deciding text itself, verbatim
    context: tuple[Sentence, ...] = ()  # lead-in, caption and header, verbatim, in document order
    group: int = 0  # the items of one list or the rows of one table share a group

    def text(self) -> str:
        return " ".join([*(part.text for part in self.context), self.span.text])

    def context_text(self) -> str:
        return " ".join(part.text for part in self.context)


@dataclass(frozen=True)
class _Line:
    start: int
    text: str

    @property
    def sentence(self) -> Sentence:
        stripped = self.text.strip()
        return Sentence(self.start + len(self.text) - len(self.text.lstrip()), stripped)


def passage_units(text: str, offset: int = 0) -> list[Unit]:
    """The units of ``text`` (offsets plus ``offset``) in document order."""
    return _Parser(text, offset).units()


class _Parser:
    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        self.lines = _lines(text, offset)

    def span(self, first: int, last: int) -> Sentence:
        """The verbatim text from line ``first`` to line ``last`` (inclusive), outer whitespace off."""
        start = self.lines[first].sentence.start
        end_line = self.lines[last]
        end = end_line.start + len(end_line.text.rstrip())
        return Sentence(start, self.text[start - self.offset : end - self.offset])

    def units(self) -> list[Unit]:
        lines = self.lines
        units: list[Unit] = []
        prose: list[_Line] = []
        lead_in: Sentence | None = None
        group = 0
        index = 0
        while index < len(lines):
            line = lines[index]
            if is_table_line(line.text):
                units += _prose_units(prose)
                end = index
                while end < len(lines) and is_table_line(lines[end].text):
                    end += 1
                group += 1
                units += _table_units(lines[index:end], _caption(lines, index), group)
                prose, lead_in, index = [], None, end
            elif _LIST_ITEM.match(line.text):
                if prose:
                    lead_in = _prose_units(prose)[-1].span
                    units += _prose_units(prose)
                    prose = []
                group += 1
                index = self.list_units(index, lead_in, group, units)
            else:
                if _HEADING.match(line.text) or not line.text.strip():
                    paragraph = _prose_units(prose)
                    units += paragraph
                    prose = []
                    if _HEADING.match(line.text):
                        lead_in = None
                    elif paragraph:
                        lead_in = paragraph[-1].span
                else:
                    prose.append(line)
                index += 1
        return units + _prose_units(prose)

    def list_units(self, index: int, lead_in: Sentence | None, group: int, units: list[Unit]) -> int:
        """Adds the items of the list starting at ``index``; a lettered sub-item keeps its parent item as
        context. Returns the index after the list."""
        lines = self.lines
        parent: Sentence | None = None
        while index < len(lines):
            line = lines[index]
            if not _LIST_ITEM.match(line.text):
                if not line.text.strip() and index + 1 < len(lines) and _LIST_ITEM.match(lines[index + 1].text):
                    index += 1  # a blank line between items (Markdown "loose" list)
                    continue
                break
            last = index
            while last + 1 < len(lines) and _continues_item(lines[last + 1]):
                last += 1
            if _value_after_blank(lines, last):
                last += 2  # PDF layout puts an item's value after a blank line ("a) bis 3 500 kg …" / "31 Euro,")
            span = self.span(index, last)
            is_sub = bool(_SUB_ITEM.match(line.text))
            context = tuple(part for part in (lead_in, parent if is_sub else None) if part is not None)
            units.append(Unit("listenpunkt", span, context, group))
            if not is_sub:
                parent = span
            index = last + 1
        return index


def _lines(text: str, offset: int) -> list[_Line]:
    lines = []
    position = 0
    for raw in text.split("\n"):
        if not _PAGE_FOOTER.fullmatch(raw):
            lines.append(_Line(offset + position, raw))
        position += len(raw) + 1
    return lines


def _prose_units(prose: list[_Line]) -> list[Unit]:
    """Sentences of consecutive prose lines (contiguous in the text). A line wrapped by the PDF layout does not
    end a sentence: it is split as if joined, and each sentence keeps its verbatim text."""
    if not prose:
        return []
    joined = ""
    for line, following in zip(prose, [*prose[1:], None], strict=True):
        joined += line.text
        if following is not None:
            joined += " " if _wrapped(line.text, following.text) else "\n"
    original = "\n".join(line.text for line in prose)
    start = prose[0].start
    sentences = [
        Sentence(sentence.start, original[sentence.start - start : sentence.end - start])
        for sentence in split_sentences(joined, start, clauses=False)
    ]
    return [
        Unit("satz", sentence, (previous,) if previous and _ANAPHOR.match(sentence.text) else ())
        for sentence, previous in zip(sentences, [None, *sentences[:-1]], strict=True)
    ]


def _wrapped(line: str, following: str) -> bool:
    """Whether a line break only wraps a sentence: a long line without a final stop, or a lower-case start."""
    stripped, next_text = line.rstrip(), following.lstrip()
    if not stripped or not next_text or stripped.endswith((".", "!", "?", ":", ";")):
        return False
    return len(stripped) >= _WRAPPED_CHARS or next_text[0].islower()


def _continues_item(line: _Line) -> bool:
    text = line.text
    return bool(text.strip()) and not (_LIST_ITEM.match(text) or _HEADING.match(text) or is_table_line(text))


def _value_after_blank(lines: list[_Line], last: int) -> bool:
    if last + 2 >= len(lines) or lines[last + 1].text.strip():
        return False
    following = lines[last + 2].text.strip()
    return (
        bool(following)
        and len(following) <= _CONTINUATION_CHARS
        and not _LIST_ITEM.match(lines[last + 2].text)
        and (following[0].isdigit() or following[0].islower())
    )


def _caption(lines: list[_Line], table_index: int) -> tuple[Sentence, ...]:
    """Up to two short lines right above a table (heading, bold line), skipping blank lines."""
    caption: list[Sentence] = []
    index = table_index - 1
    while index >= 0 and len(caption) < _CAPTION_LINES:
        text = lines[index].text.strip()
        if text:
            if len(text) > _CAPTION_CHARS or _LIST_ITEM.match(lines[index].text):
                break
            caption.insert(0, lines[index].sentence)
        elif caption:
            break
        index -= 1
    return tuple(caption)


def _table_units(rows: list[_Line], caption: tuple[Sentence, ...], group: int) -> list[Unit]:
    cells = [row for row in rows if not TABLE_RULE.fullmatch(row.text.strip())]
    if not cells:
        return []
    has_header = len(rows) > 1 and TABLE_RULE.fullmatch(rows[1].text.strip()) is not None
    header = (cells[0].sentence,) if has_header else ()
    body = cells[1:] if has_header else cells
    return [Unit("tabellenzeile", row.sentence, (*caption, *header), group) for row in body]
