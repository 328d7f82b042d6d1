"""What makes a draft fit to file: no sentence twice, no copied padding in the written sections, and an opening
that says what the document is and regulates. Pure functions over written sections; no model calls.

A sentence repeats another when most of the content words of the shorter one stand in the longer one
(``near_duplicate``). The draft keeps the first occurrence; a written section left empty shows a visible
placeholder for the clerk instead of padding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.drafts.notes import (
    Note,
    WrittenSection,
    is_statement,
    joined_lines,
    sentence_citation,
    strip_markers,
)
from ingest.german import shared_analyzer
from ingest.passage_store import StoredDocument
from ingest.sentences import split_sentences
from ingest.types import SearchHit

PLACEHOLDER = "[vom Sachbearbeiter zu ergänzen]"
MIN_REPEAT_TOKENS = 3
REPEAT_SHARE = 0.7  # of the shorter sentence's content words
COVERED_SHARE = 0.8  # of a written sentence's content words that the notes already hold
COPY_LENGTH_SHARE = 0.9  # a statement at least this long relative to its quote, with its words, is a copy
PURPOSE_SEARCH_SHARE = 0.34  # the purpose clause stands in the first third
MAX_PURPOSE_CHARS = 320
# singular verbs only: "Die Feuerwehr-Dienstvorschriften gelten …" speaks of all of them, not of this one
_PURPOSE_VERBS = (
    re.compile(r"\b(regelt|bestimmt)\b\s*(.+)", re.DOTALL),
    re.compile(r"\b(gilt|dient)\b\s*(.+)", re.DOTALL),
)
_SUBJECT = re.compile(r"^(?:Diese[rs]?|Die|Der|Das)\s+(?:\S+\s+){0,4}\S+$")
_PARAGRAPH_NUMBER = re.compile(r"^\(\d+[a-z]?\)\s*")
_SHORT_NAME = re.compile(r"\(([^()]{3,60}?)\s+-\s+([A-Za-zÄÖÜäöü]{2,15})\)\s*$")
_ABBREVIATION = re.compile(r"\(([A-Za-zÄÖÜäöü-]{2,15})\)\s*$")
_TITLE_PURPOSE = {" über ": "regelt", " zur ": "dient der", " zum ": "dient dem"}
MAX_NAME_CHARS = 60


def content_tokens(text: str) -> frozenset[str]:
    return frozenset(shared_analyzer().token_set(strip_markers(text)))


def near_duplicate(first: frozenset[str], second: frozenset[str]) -> bool:
    """Most content words of the shorter sentence stand in the other one."""
    shorter = min(len(first), len(second))
    if shorter < MIN_REPEAT_TOKENS:
        return first == second and bool(first)
    return len(first & second) / shorter >= REPEAT_SHARE


def is_copy(statement: str, quote: str) -> bool:
    """A statement that says its whole source sentence again, word for word or nearly so, instead of condensing
    it (a shorter extract is condensed)."""
    plain, source = " ".join(strip_markers(statement).rstrip(".").split()), " ".join(quote.rstrip(".").split())
    if len(plain) < COPY_LENGTH_SHARE * len(source):
        return False
    tokens = content_tokens(plain)
    return source in plain or plain in source or (bool(tokens) and tokens <= content_tokens(source))


def sentences_of(text: str) -> list[str]:
    """A section's sentences (or bullet lines), markers kept with their sentence."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.startswith("- ") for line in lines):
        return lines
    return [sentence.text for sentence in split_sentences(text, clauses=False)]


def without_repeats(
    sections: Sequence[WrittenSection], written: Iterable[str], notes: Sequence[Note]
) -> list[WrittenSection]:
    """Drop every sentence that repeats one before it (in this or an earlier section); a written (LLM) section
    also loses the sentences whose content words the notes already hold (copied facts, also from several
    notes), and shows ``PLACEHOLDER`` when nothing of its own is left."""
    llm_written = set(written)
    note_tokens = frozenset().union(*(content_tokens(note.text) for note in notes))
    seen: list[frozenset[str]] = []
    result: list[WrittenSection] = []
    for section in sections:
        kept: list[str] = []
        dropped = 0
        own: list[frozenset[str]] = []
        for sentence in sentences_of(section.text):
            tokens = content_tokens(sentence)
            copied = section.heading in llm_written and _covered(tokens, note_tokens)
            if copied or any(near_duplicate(tokens, earlier) for earlier in seen + own):
                dropped += 1
                continue
            kept.append(sentence)
            own.append(tokens)
        seen += own
        text = join_statements(kept, section.text.lstrip().startswith("- "))
        if not text and section.heading in llm_written:
            text = PLACEHOLDER
        result.append(section.model_copy(update={"text": text, "dropped": section.dropped + dropped}))
    return result


def _covered(tokens: frozenset[str], known: frozenset[str]) -> bool:
    """Most of the sentence's content words are already in the notes: it adds nothing of its own."""
    return bool(tokens) and len(tokens & known) / len(tokens) >= COVERED_SHARE


def join_statements(statements: list[str], bullets: bool) -> str:
    """Statements as running text, or as bullet lines ("- …"); a statement already a bullet stays one."""
    if bullets:
        return "\n".join(
            line if line.startswith("- ") else f"- {line}" for text in statements for line in text.splitlines()
        )
    return " ".join(statement.strip() for statement in statements if statement.strip())


def opening(document: StoredDocument, passages: Sequence[SearchHit]) -> Note | str | None:
    """One sentence on what the document is and regulates: its name with its purpose clause ("Diese
    Verordnung regelt …"), citing that clause; else what its title says ("Verordnung über …"), uncited."""
    name = short_name(document.title)
    return _purpose_note(name, passages) or _title_purpose(name, document.title)


def _title_purpose(name: str, title: str) -> str | None:
    """'Gesetz zum Schutze der arbeitenden Jugend (…)' → '„…“ dient dem Schutze der arbeitenden Jugend.'"""
    plain = _ABBREVIATION.sub("", _SHORT_NAME.sub("", title)).strip()
    found = [(plain.find(word), word) for word in _TITLE_PURPOSE if word in plain]
    if not found:
        return None
    position, word = min(found)
    return f"{name} {_TITLE_PURPOSE[word]} {plain[position + len(word) :].strip()}."


def _purpose_note(name: str, passages: Sequence[SearchHit]) -> Note | None:
    early = passages[: max(1, round(PURPOSE_SEARCH_SHARE * len(passages)))]
    for verbs in _PURPOSE_VERBS:  # "regelt" says more than "gilt"
        for passage in early:
            if (note := _purpose_in(name, passage, verbs)) is not None:
                return note
    return None


def _purpose_in(name: str, hit: SearchHit, verbs: re.Pattern[str]) -> Note | None:
    for sentence in joined_lines(hit):
        text = " ".join(sentence.text.split())
        if is_statement(text) and len(text) <= MAX_PURPOSE_CHARS:
            statement = _purpose_statement(name, _PARAGRAPH_NUMBER.sub("", text), verbs)
            if statement is not None:
                return Note(text=statement, citation=sentence_citation(hit, sentence))
    return None


def _purpose_statement(name: str, sentence: str, verbs: re.Pattern[str]) -> str | None:
    """'Diese Verordnung regelt die Mitwirkung …' → '„Helferverordnung (HVO)“ regelt die Mitwirkung …'."""
    match = verbs.search(sentence)
    if match is None or not _SUBJECT.match(sentence[: match.start()].strip()):
        return None
    rest = match.group(2).strip()
    return f"{name} {match.group(1)}{'' if rest.startswith(',') else ' '}{rest}"


def short_name(title: str) -> str:
    """'Verordnung … (Ersthelferverordnung - VOHvO)' → '„Ersthelferverordnung (VOHvO)“'; a long title with an
    abbreviation → '„ZFeuVwV“'; else the title, quoted."""
    if match := _SHORT_NAME.search(title):
        return f"„{match.group(1)} ({match.group(2)})“"
    if len(title) > MAX_NAME_CHARS and (match := _ABBREVIATION.search(title)):
        return f"„{match.group(1)}“"
    return f"„{title}“"
