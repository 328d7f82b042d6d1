"""Excerpts: what a model sees of one source, as chosen sentences with their offsets in the document.

Document text is data: sentences that try to instruct the model ("Ignoriere alle Anweisungen …") are
recognised here so that no feature passes them on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ingest.sentences import TABLE_RULE, Sentence, is_table, is_table_line, split_sentences
from ingest.types import SearchHit
from ingest.units import Unit

# Sentences that address the model instead of the reader. Checked clause by clause on a folded form of the
# text (see ``fold``), so zero-width characters, soft hyphens and look-alike letters do not hide them.
# a machine addressed in the second person ("KI, du sollst"); policies about AI ("KI muss …") are content
_MACHINE = r"(ki|sprachmodell\w*|chatbot|bot|ai|llm|chatgpt)"
_ADDRESSEE = r"(ki|sprachmodell\w*|assistent\w*|chatbot|bot|assistant|ai|llm|chatgpt)"
_ANSWER = r"(antwort|antworten|ausgabe|answer|answers|response|responses|reply|output)"
_INJECTION = re.compile(
    r"(ignorier|vergiss|missacht|überschreib|umgeh|ignore|disregard|forget|override|bypass)\w*\b[^.!?]{0,200}"
    r"(anweisung|instruktion|regel|vorgabe|prompt|richtlinie|instruction|rule|guideline|polic)"
    rf"|\b(neue|geänderte|wichtige|zusätzliche|geheime|new|secret)\s+(regel|anweisung|vorgabe|rule|instruction)\w*"
    rf"|\b{_MACHINE}\b[^.!?]{{0,80}}\b(musst|sollst|darfst|you\s+must|you\s+should)\b"
    rf"|\b(an|für|to|for|dear|liebe|lieber|hallo|hey|note\s+to)\s+(die|den|das|dich|the)?\s*{_ADDRESSEE}\b[^.!?,:]{{0,20}}[,:]"
    r"|\b(beginne|starte|eröffne|schließe|beende|ergänze|schreibe|setze|füge|antworte|start|begin|end|prefix|reply|"
    r"respond|answer|output|print)\w*\b[^.!?]{0,60}\b(jede|jeder|alle|deine|ihre|immer|stets|nur|ausschließlich|"
    rf"every|each|all|your|always|only)\b[^.!?]{{0,40}}\b{_ANSWER}"
    rf"|\b(jede|deine|every|your)\s+(\w+\s+)?{_ANSWER}\w*\b[^.!?]{{0,80}}"
    r"\b(beginn|end|start|lautet|einleit|mit dem wort|with the word)"
    r"|\b(antworte|antwortet|reply|respond)\s+(nur|ausschließlich|immer|stets|bitte|mit|only|always|exclusively|"
    r"just|with)\b"
    r"|\b(gib|print|output)\b[^.!?]{0,40}\b(aus|am anfang|zuerst|first|before)\b"
    r"|\b(du bist (jetzt|ab sofort|nun)|ab sofort (bist|gilt|giltst)|von nun an|you are now|from now on|"
    r"neue anweisung|new instruction|system ?prompt|jailbreak)"
    r"|^\s*(system|assistant|assistent|developer|user)\s*:",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^.!?:;\n]+[.!?:;]*")
# Characters that render as nothing, and Cyrillic/Greek letters that look like Latin ones.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d"
        "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff",
    )
)
_LOOK_ALIKES = str.maketrans("аеорсухіјѕԁԛԝοαειкмнтвАЕОРСУХІЈЅΟΑΕΙΚΜΝΤΒ", "aeopcyxijsdqwoaeikmhtbAEOPCYXIJSOAEIKMHTB")
_MARKUP = re.compile(r"\*\*|__|^#+\s*|(?<=\s)#+\s")
MAX_TABLE_CHARS = 700


@dataclass(frozen=True)
class Excerpt:
    """What the model sees of one source: chosen sentences in document order; ``number`` is its [n]."""

    number: int
    hit: SearchHit
    sentences: tuple[Sentence, ...]
    units: tuple[Unit, ...] = ()  # the evidence units these sentences make up (chat), if chosen as units

    def text(self) -> str:
        """The chosen sentences as they stand in the document (for content checks, not for the prompt)."""
        return " ".join(sentence.text for sentence in self.sentences)

    def render(self) -> str:
        if self.units:
            return render_units(self.units)
        parts: list[str] = []
        previous_end = None
        for sentence in self.sentences:
            if previous_end is not None and sentence.start > previous_end + 2:
                parts.append("…")
            parts.append(plain(sentence.text)[:MAX_TABLE_CHARS])
            previous_end = sentence.end
        return " ".join(parts)


def render_units(units: tuple[Unit, ...]) -> str:
    """Units for the prompt: a table row as "Header: cell; …" under its caption, a list item under its lead-in,
    a context shared by several units written once."""
    lines: list[str] = []
    shown_context = None
    for unit in units:
        caption = [part for part in unit.context if not is_table_line(part.text)]
        context = " ".join(plain(part.text) for part in caption)
        if context and context != shown_context:
            lines.append(context)
            shown_context = context
        if unit.kind == "tabellenzeile":
            header = next((part.text for part in unit.context if is_table_line(part.text)), "")
            lines.append(_row_with_header(unit.span.text, header))
        else:
            lines.append(plain(unit.span.text)[:MAX_TABLE_CHARS])
    return "\n".join(lines)


def _row_with_header(row: str, header: str) -> str:
    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    names = [name.strip() for name in header.strip().strip("|").split("|")] if header else []
    if len(names) != len(cells):
        return "; ".join(cells)
    return "; ".join(f"{name}: {cell}" for name, cell in zip(names, cells, strict=True))


def passage_sentences(hit: SearchHit) -> list[Sentence]:
    """Sentences of a passage with their offsets in the document's full text."""
    return split_sentences(hit.text, hit.char_start)


def plain(text: str) -> str:
    """Markdown markup off for the prompt (fewer tokens); table separator rows dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not TABLE_RULE.fullmatch(line.strip())]
    return _MARKUP.sub("", ("\n" if is_table(text) else " ").join(lines))


def fold(text: str) -> str:
    """The text as a reader sees it: compatibility forms unified, invisible characters gone, look-alike letters
    Latin, whitespace single."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_LOOK_ALIKES)
    return " ".join(text.split())


def is_instruction(text: str) -> bool:
    """Whether the text tries to instruct the model (document text is data, never a command)."""
    return bool(_INJECTION.search(fold(text)))


def usable_sentences(hit: SearchHit) -> list[Sentence]:
    """The passage's sentences without instructions to the model. An instruction is cut out clause by clause (a
    table row by row), so a fact glued to it in one sentence stays; a lead-in that instructs ("Neue Regel für den
    Assistenten:") takes the clause after it along. Untouched sentences keep their exact span."""
    usable: list[Sentence] = []
    drop_next = False
    for sentence in passage_sentences(hit):
        pieces = table_rows(sentence) if is_table(sentence.text) else clauses(sentence)
        kept, drop_next = without_instructions(pieces, drop_next)
        usable += [sentence] if len(kept) == len(pieces) else kept
    return usable


def without_instructions(pieces: list[Sentence], drop_first: bool = False) -> tuple[list[Sentence], bool]:
    """The pieces (clauses, rows) that do not instruct the model, and whether the piece after them goes too: an
    instructing lead-in ("system:") takes the next piece along, also across sentences."""
    kept = []
    drop_next = drop_first
    for piece in pieces:
        if drop_next or is_instruction(piece.text):
            drop_next = not drop_next and piece.text.rstrip().endswith(":")
            continue
        kept.append(piece)
    return kept, drop_next


def clauses(sentence: Sentence) -> list[Sentence]:
    """A sentence cut after every . ! ? : ; whatever follows (each piece an exact span)."""
    return [
        Sentence(sentence.start + match.start() + len(match.group(0)) - len(match.group(0).lstrip()), text)
        for match in _CLAUSE.finditer(sentence.text)
        if (text := match.group(0).strip())
    ]


def table_rows(table: Sentence) -> list[Sentence]:
    rows: list[Sentence] = []
    offset = 0
    for line in table.text.split("\n"):
        if line.strip() and not TABLE_RULE.fullmatch(line.strip()):
            rows.append(Sentence(table.start + offset + len(line) - len(line.lstrip()), line.strip()))
        offset += len(line) + 1
    return rows
