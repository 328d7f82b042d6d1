"""The pieces of a summary: notes (verified statements of the map step), their selection across the documents,
the sections written from them, and the text helpers both steps use. Pure functions, no model calls."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from pydantic import BaseModel

from assistant.shared.citations import MARKER, MIN_ATTRIBUTION_SHARE, Citation, citation_of, support_share
from assistant.shared.excerpts import Excerpt, is_instruction, passage_sentences
from ingest.german import shared_analyzer
from ingest.sentences import Sentence, split_sentences
from ingest.types import SearchHit

BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_SECTION_SIGN = re.compile(r"§\s*\d+")
_LABEL = re.compile(
    r"^(?:(?:aussage|stichpunkt|punkt|notiz)\s*\d*\s*[.:]\s*)+|^\[\d+\]\s*|^[\w ]{1,25}:\s+(?=(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE,  # the label words in any case; what follows a label starts with a capital
)
MIN_SENTENCE_CHARS = 25
_SENTENCE_ENDINGS = (".", "!", "?", ":", ";")


class Note(BaseModel):
    """A statement from the map step with the one verified citation it rests on."""

    text: str
    citation: Citation


class MapNotes(BaseModel):
    """What one map step keeps (a job step)."""

    notes: list[Note]


class WrittenSection(BaseModel):
    """One section as written and verified (a job step); ``citations`` are numbered as in ``text``."""

    heading: str
    text: str
    citations: list[Citation]
    dropped: int = 0


def clean_statement(line: str) -> str:
    """A bullet without its dash, Markdown emphasis or a label the model copied ("Stichpunkt 2:", "Aussage.")."""
    text = BULLET.sub("", line).replace("**", "").replace("__", "").strip()
    return _LABEL.sub("", text).strip()


def supported(statement: str, source: str) -> bool:
    """Stricter than a chat answer: most content words of a summary statement must stand in its source, so an
    invented sentence with a plausible marker is dropped."""
    return support_share(statement, source) >= MIN_ATTRIBUTION_SHARE


def term_weights(texts: Iterable[str]) -> Counter[str]:
    """How often each (stemmed) term occurs in the document: central sentences share many frequent terms."""
    analyzer = shared_analyzer()
    return Counter(token for text in texts for token in analyzer.tokens(text))


def centrality(text: str, weights: Counter[str]) -> float:
    tokens = shared_analyzer().token_set(text)
    return sum(math.log1p(weights[token]) for token in tokens) / math.sqrt(len(tokens) + 1)


def select_notes(notes: list[Note], count: int, prefer: Callable[[Note], bool] | None = None) -> list[Note]:
    """``count`` notes spread over the documents by where they stand: the text is cut into ``count`` equal
    stretches and each contributes its most central note (notes ``prefer`` accepts first); stretches without a
    note leave their place to the best of the rest. In document order."""
    if len(notes) <= count:
        return notes
    weights = term_weights(note.text for note in notes)

    def rank(note: Note) -> tuple[bool, float]:
        return (prefer is None or prefer(note), centrality(note.text, weights))

    position = _positions(notes)
    stretches: list[list[Note]] = [[] for _ in range(count)]
    for note in notes:
        stretches[min(count - 1, int(position(note) * count))].append(note)
    chosen = [max(stretch, key=rank) for stretch in stretches if stretch]
    rest = sorted((note for note in notes if note not in chosen), key=rank, reverse=True)
    return sorted(chosen + rest[: count - len(chosen)], key=position)


def gap_notes(notes: list[Note], passages: list[SearchHit], count: int) -> list[Note]:
    """For each of ``count`` equal stretches of one document that no note comes from: its most central sentence,
    quoted as it stands (the model wrote nothing verifiable there; the draft still covers the whole text)."""
    if not passages:
        return []
    end = passages[-1].char_end
    covered = {min(count - 1, note.citation.quote_start * count // end) for note in notes}
    weights = term_weights(hit.text for hit in passages)
    filled: list[Note] = []
    for stretch in sorted(set(range(count)) - covered):
        start, stop = stretch * end // count, (stretch + 1) * end // count
        candidates = [
            (hit, sentence)
            for hit in passages
            if hit.char_start < stop and hit.char_end > start
            for sentence in central_sentences(hit, weights, 1.0)
            if start <= sentence.start < stop
        ]
        if candidates:
            hit, sentence = max(candidates, key=lambda pair: centrality(pair[1].text, weights))
            filled.append(Note(text=" ".join(sentence.text.split()), citation=sentence_citation(hit, sentence)))
    return filled


def sentence_citation(hit: SearchHit, sentence: Sentence) -> Citation:
    """The citation of a sentence of ``hit`` quoted as it stands (on the passage's first page)."""
    return citation_of(hit, sentence, number=1, page=hit.page_start)


def _positions(notes: list[Note]) -> Callable[[Note], float]:
    """Where a note stands in the documents, from 0 (start of the first) to 1 (end of the last)."""
    documents = list(dict.fromkeys(note.citation.doc_id for note in notes))
    ends: dict[str, int] = {}
    for note in notes:
        ends[note.citation.doc_id] = max(ends.get(note.citation.doc_id, 1), note.citation.passage_end)

    def position(note: Note) -> float:
        within = note.citation.quote_start / ends[note.citation.doc_id]
        return (documents.index(note.citation.doc_id) + min(within, 0.999)) / len(documents)

    return position


def section_from_notes(heading: str, notes: list[Note], bullets: bool) -> WrittenSection:
    """A fact section made of chosen notes, each with the citation it was verified with."""
    units = [f"{note.text.rstrip('.')} [{number}]." for number, note in enumerate(notes, start=1)]
    text = "\n".join(f"- {unit}" for unit in units) if bullets else " ".join(units)
    citations = [note.citation.model_copy(update={"number": n}) for n, note in enumerate(notes, start=1)]
    return WrittenSection(heading=heading, text=text, citations=citations)


def central_sentences(hit: SearchHit, weights: Counter[str], share: float) -> tuple[Sentence, ...]:
    """The passage's most central sentences, about ``share`` of its text, in document order."""
    sentences = [s for s in joined_lines(hit) if is_statement(s.text)]
    if share >= 1.0 or len(sentences) <= 1:
        return tuple(sentences)
    budget = share * sum(len(s.text) for s in sentences)
    chosen: list[Sentence] = []
    used = 0
    for sentence in sorted(sentences, key=lambda s: centrality(s.text, weights), reverse=True):
        if chosen and used + len(sentence.text) > budget:
            continue
        chosen.append(sentence)
        used += len(sentence.text)
    return tuple(sorted(chosen, key=lambda s: s.start))


def joined_lines(hit: SearchHit) -> list[Sentence]:
    """Sentences of a passage, with the hard line breaks of PDF text mended: a piece that does not end a
    sentence is joined with the next one (the joined text is still the exact span of the stored text)."""
    joined: list[Sentence] = []
    for sentence in passage_sentences(hit):
        previous = joined[-1] if joined else None
        gap = sentence.start - previous.end if previous else -1
        if previous and 0 <= gap <= 2 and not previous.text.rstrip().endswith(_SENTENCE_ENDINGS):
            joined[-1] = Sentence(
                previous.start, hit.text[previous.start - hit.char_start : sentence.end - hit.char_start]
            )
        else:
            joined.append(sentence)
    return joined


def is_statement(text: str) -> bool:
    """A sentence worth reading: not a table-of-contents line ("§ 1 - Zweck … § 2 - Begriffe"), not an
    instruction to the model, not a fragment."""
    return len(text) >= MIN_SENTENCE_CHARS and len(_SECTION_SIGN.findall(text)) < 2 and not is_instruction(text)


def note_excerpt(number: int, note: Note) -> Excerpt:
    """A note as a source of the reduce step: its citation's quote, so verification reaches the document."""
    citation = note.citation
    hit = SearchHit(
        passage_id=citation.passage_id,
        doc_id=citation.doc_id,
        title=citation.title,
        source=citation.source,
        page_start=citation.page,
        page_end=citation.page,
        heading="",
        section=citation.section,
        char_start=citation.passage_start,
        char_end=citation.passage_end,
        text=citation.quote,
        score=0.0,
    )
    return Excerpt(number, hit, (Sentence(citation.quote_start, citation.quote),))


def units(raw: str, bullets: bool) -> list[str]:
    """The LLM's section text as bullets (one per line) or sentences, markers kept with their sentence."""
    if bullets:
        pieces = [BULLET.sub("", line) for line in raw.splitlines()]
    else:
        text = BULLET.sub("", raw.replace("\n- ", "\n"))
        pieces = [sentence.text for sentence in split_sentences(text, clauses=False)]
    cleaned = (clean_statement(piece) for piece in pieces)
    # a line ending in ":" ("Folgende Punkte sind wichtig:") only introduces what follows
    return [unit for unit in cleaned if len(unit) >= MIN_SENTENCE_CHARS and not unit.endswith(":")]


def strip_markers(text: str) -> str:
    return MARKER.sub("", text).strip()
