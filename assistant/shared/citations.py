"""Citation verification: a marker [n] is shown only if source n was given to the model, the sentence that
carries it shares content with that source, and the quoted span is found verbatim in the stored text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from pydantic import BaseModel, Field

from assistant.shared.excerpts import Excerpt
from ingest.german import overlap_share, shared_analyzer
from ingest.passage_store import PassageStore
from ingest.sentences import Sentence, split_sentences
from ingest.types import PAGE_SEPARATOR, Scope, SearchHit
from ingest.units import Unit, UnitKind

MARKER = re.compile(r"\s?\[(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\]")
_TRAILING_MARKER = re.compile(r"([.!?])[ \t]*(\s?\[\d{1,2}(?:\s*[,;]\s*\d{1,2})*\](?:\s*\[\d{1,2}\])*)")
_NUMBER_SEPARATOR = re.compile(r"\s*[,;]\s*")
MIN_SHARED_TOKENS = 1
MIN_ATTRIBUTION_TOKENS = 2
MIN_ATTRIBUTION_SHARE = 0.6


class Evidence(BaseModel):
    """The deciding unit behind a citation: a sentence, a list item or a table row, with what it belongs to."""

    kind: UnitKind = Field(description="satz, listenpunkt or tabellenzeile")
    text: str = Field(description="The unit verbatim (the same span as the quote).")
    context: str = Field("", description="Lead-in of the list, or caption and header of the table, verbatim.")


class Citation(BaseModel):
    """A verified citation: the source number and the span of the document the statement relies on."""

    number: int
    passage_id: int
    doc_id: str
    title: str
    source: str
    page: int
    section: str
    quote: str
    quote_start: int = Field(description="Offset of the quote in the document text (for highlighting).")
    quote_end: int
    passage_start: int
    passage_end: int
    evidence: Evidence | None = Field(None, description="The deciding unit, where the answer rests on one.")


class StoredTexts:
    """Extracted document texts from the index, cached per document, for citation checks."""

    def __init__(self, store: PassageStore, scope: Scope) -> None:
        self._store = store
        self._scope = scope
        self._load = lru_cache(maxsize=64)(self._pages)

    def _pages(self, doc_id: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        pages = self._store.pages(doc_id, self._scope)
        text = PAGE_SEPARATOR.join(page.text for page in pages)
        return text, tuple((page.char_start, page.number) for page in pages)

    def text(self, doc_id: str) -> str:
        return self._load(doc_id)[0]

    def page_at(self, doc_id: str, offset: int) -> int:
        number = 1
        for start, page_number in self._load(doc_id)[1]:
            if start <= offset:
                number = page_number
        return number


class DocumentTexts(Protocol):
    """The stored extracted text, against which every quote is checked."""

    def text(self, doc_id: str) -> str: ...

    def page_at(self, doc_id: str, offset: int) -> int: ...


def support_share(claim: str, source: str) -> float:
    """Share of the claim's content words (markers aside) that also stand in ``source``."""
    analyzer = shared_analyzer()
    return overlap_share(analyzer.token_set(MARKER.sub("", claim)), analyzer.token_set(source))


def marker_numbers(match: re.Match[str]) -> list[int]:
    """The source numbers of a MARKER match ("[1, 3]" → [1, 3])."""
    return [int(n) for n in _NUMBER_SEPARATOR.split(match.group(1))]


@dataclass(frozen=True)
class VerifiedAnswer:
    text: str
    citations: list[Citation]
    dropped: int


def verify(answer: str, excerpts: list[Excerpt], texts: DocumentTexts) -> VerifiedAnswer:
    """Remove every marker that does not verify; return the cleaned text and the verified citations."""
    by_number = {excerpt.number: excerpt for excerpt in excerpts}
    citations: dict[int, Citation] = {}
    dropped = 0
    pieces: list[str] = []
    for sentence in answer_sentences(_markers_inside(answer)):
        kept_sentence, sentence_dropped = _verify_sentence(sentence, by_number, texts, citations)
        pieces.append(kept_sentence)
        dropped += sentence_dropped
    text = re.sub(r"[ \t]+([.,;:])", r"\1", "".join(pieces)).strip()
    return VerifiedAnswer(text, sorted(citations.values(), key=lambda c: c.number), dropped)


def _markers_inside(answer: str) -> str:
    """A marker the model put after the full stop ("… 2 Wochen. [1]") belongs to that sentence, not to the next."""
    return _TRAILING_MARKER.sub(lambda match: f" {match[2].strip()}{match[1]}", answer)


def answer_sentences(answer: str) -> list[str]:
    """The answer cut into sentences, each with the whitespace up to the next one, so joining them restores it."""
    starts = [0, *(sentence.start for sentence in split_sentences(answer, clauses=False)[1:])]
    return [answer[start:end] for start, end in zip(starts, [*starts[1:], len(answer)], strict=True)]


def _verify_sentence(
    sentence: str,
    by_number: dict[int, Excerpt],
    texts: DocumentTexts,
    citations: dict[int, Citation],
) -> tuple[str, int]:
    claim = MARKER.sub("", sentence)
    dropped = 0
    if not MARKER.search(sentence):
        return _attribute(sentence, claim, by_number, texts, citations), 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal dropped
        kept = []
        for number in marker_numbers(match):
            citation = citations.get(number) or _citation(number, claim, by_number, texts)
            if citation is None:
                dropped += 1
                continue
            citations.setdefault(number, citation)
            kept.append(f"[{number}]")
        return " " + "".join(kept) if kept else ""

    kept_sentence = MARKER.sub(keep_or_drop, sentence)
    if dropped and not MARKER.search(kept_sentence):
        # a small model often gives the wrong number: the source that clearly carries the claim is cited instead
        kept_sentence = _attribute(kept_sentence, claim, by_number, texts, citations)
    return kept_sentence, dropped


def _attribute(
    sentence: str,
    claim: str,
    by_number: dict[int, Excerpt],
    texts: DocumentTexts,
    citations: dict[int, Citation],
) -> str:
    """Small models often forget markers: cite the source whose sentence clearly carries the same content."""
    if len(shared_analyzer().token_set(claim)) < MIN_ATTRIBUTION_TOKENS:
        return sentence
    shares = {number: support_share(claim, excerpt.text()) for number, excerpt in by_number.items()}
    best_number = max(shares, key=lambda number: shares[number], default=0)
    if shares.get(best_number, 0.0) < MIN_ATTRIBUTION_SHARE:
        return sentence
    citation = citations.get(best_number) or _citation(best_number, claim, by_number, texts)
    if citation is None:
        return sentence
    citations.setdefault(best_number, citation)
    stripped = sentence.rstrip()
    end = len(stripped) - 1 if stripped.endswith((".", "!", "?")) else len(stripped)
    return f"{stripped[:end]} [{best_number}]{stripped[end:]}{sentence[len(stripped) :]}"


def _citation(number: int, claim: str, by_number: dict[int, Excerpt], texts: DocumentTexts) -> Citation | None:
    excerpt = by_number.get(number)
    if excerpt is None:
        return None
    if excerpt.units:
        unit = _best_supporting_unit(claim, excerpt.units)
        return cite_unit(excerpt, unit, texts) if unit is not None else None
    quote = _best_supporting_sentence(claim, excerpt.sentences)
    return _cited(excerpt, quote, texts, None) if quote is not None else None


def cite_unit(excerpt: Excerpt, unit: Unit, texts: DocumentTexts) -> Citation | None:
    """The citation of one evidence unit of ``excerpt``; None if its span is not in the stored document."""
    evidence = Evidence(kind=unit.kind, text=unit.span.text, context=unit.context_text())
    return _cited(excerpt, unit.span, texts, evidence)


def _cited(excerpt: Excerpt, quote: Sentence, texts: DocumentTexts, evidence: Evidence | None) -> Citation | None:
    if texts.text(excerpt.hit.doc_id)[quote.start : quote.start + len(quote.text)] != quote.text:
        return None  # the span is not in the stored document: never show it
    page = texts.page_at(excerpt.hit.doc_id, quote.start)
    return citation_of(excerpt.hit, quote, number=excerpt.number, page=page, evidence=evidence)


def citation_of(
    hit: SearchHit, quote: Sentence, *, number: int, page: int, evidence: Evidence | None = None
) -> Citation:
    """The citation of ``quote``, a span of ``hit``'s passage as it stands in the stored text."""
    return Citation(
        number=number,
        passage_id=hit.passage_id,
        doc_id=hit.doc_id,
        title=hit.title,
        source=hit.source,
        page=page,
        section=hit.section,
        quote=quote.text,
        quote_start=quote.start,
        quote_end=quote.start + len(quote.text),
        passage_start=hit.char_start,
        passage_end=hit.char_end,
        evidence=evidence,
    )


def _best_supporting_unit(claim: str, units: tuple[Unit, ...]) -> Unit | None:
    """The unit sharing most words with the claim; its context counts (a row is cited for its header's words)."""
    analyzer = shared_analyzer()
    wanted = analyzer.token_set(claim)
    best, best_shared = None, 0.0
    for unit in units:
        own = wanted & analyzer.token_set(unit.span.text)
        shared = len(own) + 0.5 * len((wanted & analyzer.token_set(unit.context_text())) - own)
        if shared > best_shared:
            best, best_shared = unit, shared
    return best if best_shared >= MIN_SHARED_TOKENS else None


def _best_supporting_sentence(claim: str, sentences: tuple[Sentence, ...]) -> Sentence | None:
    analyzer = shared_analyzer()
    wanted = analyzer.token_set(claim)
    best, best_shared = None, 0
    for sentence in sentences:
        shared = len(wanted & analyzer.token_set(sentence.text))
        if shared > best_shared:
            best, best_shared = sentence, shared
    return best if best_shared >= MIN_SHARED_TOKENS else None
