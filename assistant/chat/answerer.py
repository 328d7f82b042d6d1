"""Question → hybrid retrieval → compressed, numbered sources → local LLM → verified, cited answer.

``Answerer.events`` yields the typed events of the chat stream (``SourcesFound`` first, then ``AnswerText``
pieces, ``AnswerVerified`` with the verified final answer, ``AnswerDone``); ``Answerer.answer`` collects them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass
from typing import Literal

from assistant.chat.check import (
    adds_nothing,
    contradicts_polarity,
    foreign_nouns,
    misplaced_nouns,
    misses_asked_kind,
    names_nothing_new,
    unnamed_nouns,
    unsupported_figures,
)
from assistant.chat.choice import Choice, ValueOption, fits_question, offered_choice
from assistant.chat.context import compress
from assistant.chat.evidence import Candidate, Finding, FindingKind, find_evidence
from assistant.settings import AnswerSettings, LlmSettings
from assistant.shared.citations import (
    MARKER,
    Citation,
    StoredTexts,
    answer_sentences,
    cite_unit,
    marker_numbers,
    verify,
)
from assistant.shared.excerpts import Excerpt, is_instruction, plain
from assistant.shared.prompts import load_prompt
from assistant.shared.text import shorten
from ingest.german import overlap_share, shared_analyzer
from ingest.search import SearchFilters, SearchIndex
from ingest.types import Scope, SearchHit
from models.llm import ChatMessage, ChatModel

NOTHING_FOUND = "In den vorliegenden Unterlagen habe ich dazu nichts gefunden."
_ABSTENTION = re.compile(
    r"nichts gefunden|keine (angaben|informationen|hinweise|aussagen)|nicht (enthalten|zu entnehmen|beantworten)",
    re.IGNORECASE,
)
_IN_FORCE = re.compile(r"tritt am (\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{4}|\w+ \d{4})) in Kraft")
_PARTIAL_MARKER = re.compile(r"\[[\d,; ]*\]?")  # what a marker looks like while it is still streaming
_MAX_PENDING_MARKER_CHARS = 12
_HISTORY_ANSWER_CHARS = 300
LABEL_TITLE_CHARS = 45
MIN_KNOWN_SHARE = 0.5
# "PWNED", "HACKED:": kept only where the sources have the word
_SHOUTED = re.compile(r"\b(?P<word>[A-ZÄÖÜ]{4,})\b[.:!]?\s*")
# beantwortet: the model's answer passed the check; nicht_geregelt: the documents regulate a neighbouring case only;
# widerspruch: two sources state different values; unsicher: the answer failed the check, the evidence is shown
AnswerStatus = Literal["beantwortet", "nicht_geregelt", "widerspruch", "unsicher", "nichts_gefunden"]
QUOTE_CHARS = 300
CHOICE_TOKENS = 40


@dataclass(frozen=True)
class Turn:
    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True)
class Question:
    """What the clerk asks: the question, the conversation so far, optionally the documents to search."""

    text: str
    history: tuple[Turn, ...] = ()
    document_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourcesFound:
    excerpts: list[Excerpt]


@dataclass(frozen=True)
class EvidenceFound:
    """The deciding unit(s), known before the model runs, so the clerk sees them at once."""

    finding: FindingKind
    citations: list[Citation]


@dataclass(frozen=True)
class AnswerText:
    text: str


@dataclass(frozen=True)
class AnswerVerified:
    answer: str
    status: AnswerStatus
    citations: list[Citation]
    dropped_citations: int  # markers the model produced that did not verify (not shown)


@dataclass(frozen=True)
class AnswerDone:
    seconds_total: float
    seconds_to_first_token: float | None
    seconds_to_evidence: float | None = None  # when the deciding unit was known (before any token)


ChatEvent = SourcesFound | EvidenceFound | AnswerText | AnswerVerified | AnswerDone


@dataclass(frozen=True)
class ChatAnswer:
    sources: list[Excerpt]
    evidence: EvidenceFound
    verified: AnswerVerified
    done: AnswerDone


class MarkerFilter:
    """Passes streamed text on, but holds back a '[n]' marker until it is complete and drops those whose
    number was never given to the model. The final verification removes the rest."""

    def __init__(self, source_numbers: set[int]) -> None:
        self._source_numbers = source_numbers
        self._pending = ""

    def feed(self, piece: str) -> str:
        out = []
        for char in piece:
            if self._pending:
                self._pending += char
                too_long = len(self._pending) > _MAX_PENDING_MARKER_CHARS
                if char == "]" or too_long or not _PARTIAL_MARKER.fullmatch(self._pending):
                    out.append(self._resolve())
            elif char == "[":
                self._pending = char
            else:
                out.append(char)
        return "".join(out)

    def flush(self) -> str:
        return self._resolve() if self._pending else ""

    def _resolve(self) -> str:
        pending, self._pending = self._pending, ""
        match = MARKER.fullmatch(pending)
        if match is None:
            return pending if not _PARTIAL_MARKER.fullmatch(pending) else ""
        return pending if all(n in self._source_numbers for n in marker_numbers(match)) else ""


class Answerer:
    def __init__(
        self, index: SearchIndex, chat_model: ChatModel, settings: AnswerSettings, llm: LlmSettings, scope: Scope
    ) -> None:
        """``scope``: the collections the asking user may read; nothing outside it is searched, quoted or shown."""
        self.index = index
        self.scope = scope
        self.chat_model = chat_model
        self.settings = settings
        self.llm = llm
        self.system_prompt = load_prompt("answer_system")
        # worked examples, shown only on a retry: they make the small model answer plainly written units, but also
        # units that merely share a word, so a retry with them is reserved for a deciding unit that fits the question
        self.example_prompt = f"{self.system_prompt}\n\n{load_prompt('answer_examples')}"
        self.texts = StoredTexts(index.store, scope)

    def warm_up(self) -> None:
        """Evaluate the fixed system prompt once so the next question reuses it from the KV cache."""
        self.chat_model.warm_up(self.system_prompt)

    def answer(self, question: Question) -> ChatAnswer:
        sources: list[Excerpt] = []
        evidence = EvidenceFound("keine", [])
        verified: AnswerVerified | None = None
        for event in self.events(question):
            match event:
                case SourcesFound(excerpts):
                    sources = excerpts
                case EvidenceFound():
                    evidence = event
                case AnswerVerified():
                    verified = event
                case AnswerDone():
                    assert verified is not None, "the verified answer precedes the done event"
                    return ChatAnswer(sources, evidence, verified, event)
        raise AssertionError("the chat stream ends with a done event")

    def events(self, question: Question) -> Generator[ChatEvent, None, None]:
        started = time.perf_counter()
        filters = SearchFilters(doc_ids=question.document_ids) if question.document_ids else None
        hits = self.index.search(self._retrieval_query(question), self.scope, k=self.settings.passages, filters=filters)
        finding = find_evidence(question.text, hits)
        if _evidence(hits) < self.settings.min_evidence:
            finding = Finding("keine", finding.deciding[:1])
        excerpts = (
            self._excerpts(finding)
            if finding.kind != "keine"
            else compress(question.text, hits, self.settings.context_chars)
        )
        yield SourcesFound(excerpts)
        evidence = EvidenceFound(finding.kind, self._evidence_citations(finding, excerpts))
        evidence_at = time.perf_counter() - started
        yield evidence
        first_token: float | None = None
        if finding.kind in ("nicht_geregelt", "widerspruch"):
            verified = self._stated(finding, evidence.citations)
            yield AnswerText(verified.answer)
            yield verified
            yield AnswerDone(time.perf_counter() - started, None, evidence_at)
            return
        raw = ""
        if finding.kind == "belegt":
            timing = _FirstToken(started)
            raw = yield from self._generate(question, excerpts, timing)
            if _declines(raw):
                fits = bool(finding.deciding) and fits_question(finding.deciding[0], question.text)
                if len(excerpts) > 1 or fits:
                    # a small model loses the deciding unit among similar ones, or declines one it should read:
                    # asked again with that unit alone, shown worked examples where the unit fits the question
                    excerpts = excerpts[:1]
                    raw = yield from self._generate(question, excerpts, timing, with_examples=fits)
            first_token = timing.seconds
        verified = self._final(raw, excerpts, question.text, evidence)
        if verified.status == "unsicher" and finding.kind == "belegt":
            verified = self._chosen(question.text, finding, excerpts) or verified
        yield verified
        yield AnswerDone(time.perf_counter() - started, first_token, evidence_at)

    def _generate(
        self, question: Question, excerpts: list[Excerpt], timing: _FirstToken, with_examples: bool = False
    ) -> Generator[AnswerText, None, str]:
        """Streams the model's answer; the decline sentence is held back (another try may follow). Returns it raw."""
        marker_filter = MarkerFilter({excerpt.number for excerpt in excerpts})
        messages = self._messages(question, excerpts, with_examples)
        generation = self.chat_model.stream(messages, max_tokens=self.llm.max_answer_tokens)
        raw = held = ""
        with closing(generation):  # closing these events (a dropped client) stops the model at once
            for piece in generation:
                raw += piece
                shown = held + marker_filter.feed(piece)
                if NOTHING_FOUND.startswith(raw.strip()):
                    held = shown
                    continue
                held = ""
                if shown:
                    timing.seen()
                    yield AnswerText(shown)
        tail = marker_filter.flush()
        if tail and not _declines(raw):
            yield AnswerText(held + tail)
        return raw

    def _excerpts(self, finding: Finding) -> list[Excerpt]:
        """The finding's units as numbered excerpts (deciding unit in [1]), within the prompt budget."""
        chosen: list[Candidate] = []
        used = 0
        for candidate in finding.candidates:
            size = len(plain(candidate.unit.text()))
            if chosen and used + size > self.settings.context_chars:
                continue
            chosen.append(candidate)
            used += size
        by_passage: dict[int, list[Candidate]] = {}
        for candidate in chosen:
            by_passage.setdefault(candidate.hit.passage_id, []).append(candidate)
        excerpts = []
        for number, group in enumerate(by_passage.values(), start=1):
            units = tuple(sorted({c.unit for c in group}, key=lambda unit: unit.span.start))
            spans = {part for unit in units for part in (*unit.context, unit.span)}
            excerpts.append(Excerpt(number, group[0].hit, tuple(sorted(spans, key=lambda s: s.start)), units))
        return excerpts

    def _evidence_citations(self, finding: Finding, excerpts: list[Excerpt]) -> list[Citation]:
        by_passage = {excerpt.hit.passage_id: excerpt for excerpt in excerpts}
        citations = []
        for candidate in finding.deciding:
            excerpt = by_passage.get(candidate.hit.passage_id)
            if excerpt is not None and (citation := cite_unit(excerpt, candidate.unit, self.texts)):
                citations.append(citation)
        return citations

    def _stated(self, finding: Finding, citations: list[Citation]) -> AnswerVerified:
        """The answer for a case not covered or for contradicting sources: composed from the units themselves."""
        if not citations:
            return AnswerVerified(NOTHING_FOUND, "nichts_gefunden", [], 0)
        if finding.kind == "widerspruch":
            return AnswerVerified(self._contradiction_text(citations), "widerspruch", citations, 0)
        missing = ", ".join(finding.missing)
        first = citations[0]
        text = (
            f"Für den erfragten Fall ({missing}) enthalten die Unterlagen keine Regelung. "
            f"Geregelt ist: „{_quoted(first)}“ [{first.number}]."
        )
        return AnswerVerified(text, "nicht_geregelt", [first], 0)

    def _contradiction_text(self, citations: list[Citation]) -> str:
        parts = []
        dated = []
        for citation in citations:
            valid = self._valid_from(citation.doc_id)
            since = f" (gültig ab {valid})" if valid else ""
            parts.append(
                f"„{shorten(citation.title, LABEL_TITLE_CHARS)}“{since}: „{_quoted(citation)}“ [{citation.number}]"
            )
            dated.append((_date_key(valid or ""), citation))
        text = "Die Quellen machen dazu unterschiedliche Angaben. " + "; ".join(parts) + "."
        if all(key for key, _ in dated):
            newest = max(dated, key=lambda item: item[0])[1]
            text += f" Neuer ist die Fassung [{newest.number}]; bitte prüfen Sie, welche Fassung gilt."
        return text

    def _valid_from(self, doc_id: str) -> str | None:
        document = self.index.store.document(doc_id, self.scope)
        if document is not None and (valid := document.metadata.get("gueltig_ab")):
            return valid
        match = _IN_FORCE.search(self.texts.text(doc_id))
        return match.group(1) if match else None

    def _final(self, raw: str, excerpts: list[Excerpt], question: str, evidence: EvidenceFound) -> AnswerVerified:
        verified = verify(raw, excerpts, self.texts)
        text = without_foreign_text(verified.text, excerpts, question)
        declined = _declines(raw) or not verified.citations or not MARKER.search(text)
        if declined and evidence.finding == "belegt":
            return self._unsure(evidence, verified.dropped)  # the model missed it: the deciding unit is shown
        if declined:
            return AnswerVerified(NOTHING_FOUND, "nichts_gefunden", [], verified.dropped)
        cited = {citation.number for citation in verified.citations}
        if self._fails_check(text, excerpts, cited, question, evidence):
            return self._unsure(evidence, verified.dropped)
        return AnswerVerified(text, "beantwortet", verified.citations, verified.dropped)

    def _fails_check(
        self, text: str, excerpts: list[Excerpt], cited: set[int], question: str, evidence: EvidenceFound
    ) -> bool:
        """Figures the cited evidence does not hold, a yes/no that its deciding unit contradicts, nothing beyond the
        question's own words, a thing of the question that the cited documents never name, or one that only an
        uncited excerpt names."""
        analyzer = shared_analyzer()
        cited_excerpts = [excerpt for excerpt in excerpts if excerpt.number in cited]
        cited_text = " ".join(" ".join([e.text(), e.hit.section, e.hit.heading]) for e in cited_excerpts)
        cited_words = analyzer.token_set(cited_text)
        titled_words = cited_words | analyzer.token_set(" ".join(e.hit.title for e in cited_excerpts))
        uncited_words = analyzer.token_set(" ".join(e.text() for e in excerpts if e.number not in cited))
        deciding = evidence.citations[0].quote if evidence.citations else cited_text
        answer_words = analyzer.token_set(MARKER.sub("", text))
        document_words = self._named_by(cited_excerpts)
        return (
            bool(unsupported_figures(text, cited_text, question))
            or misses_asked_kind(text, question)
            or contradicts_polarity(text, deciding, question)
            or adds_nothing(text, cited_words, analyzer.token_set(question), answer_words)
            or names_nothing_new(text, question)
            or bool(unnamed_nouns(text, question, document_words))
            or bool(foreign_nouns(text, question, document_words))
            or bool(misplaced_nouns(text, question, titled_words, uncited_words))
        )

    def _named_by(self, excerpts: list[Excerpt]) -> set[str]:
        """The words of the excerpts' whole documents and titles (``texts`` holds each document once)."""
        analyzer = shared_analyzer()
        named = analyzer.token_set(" ".join(excerpt.hit.title for excerpt in excerpts))
        for doc_id in {excerpt.hit.doc_id for excerpt in excerpts}:
            named |= analyzer.token_set(self.texts.text(doc_id))
        return named

    def _unsure(self, evidence: EvidenceFound, dropped: int) -> AnswerVerified:
        """The model's answer did not pass the check: it is not shown; the deciding unit is."""
        if not evidence.citations:
            return AnswerVerified(NOTHING_FOUND, "nichts_gefunden", [], dropped)
        first = evidence.citations[0]
        text = (
            "Ich kann die Antwort nicht sicher mit den Unterlagen belegen. "
            f"Die passendste Fundstelle lautet: „{_quoted(first)}“ [{first.number}]."
        )
        return AnswerVerified(text, "unsicher", [first], dropped)

    def _chosen(self, question: str, finding: Finding, excerpts: list[Excerpt]) -> AnswerVerified | None:
        """The model missed the answer: it chooses the asked value among those the fitting units state (or ja/nein
        on the deciding unit), or none. The grammar allows nothing but the offered values."""
        choice = offered_choice(question, finding)
        if choice is None:
            return None
        option = self._choose(question, choice)
        if option is not None and choice.several_values and self._choose(question, choice.reversed()) != option:
            option = None  # the small model favours the first of several values: the choice must survive the order
        citation = self._option_citation(option, excerpts) if option else None
        if option is None or citation is None:
            return None
        value = option.value.capitalize() if choice.expected else option.value
        text = f"{value} [{citation.number}] – so steht es in der Fundstelle: „{_quoted(citation)}“."
        return AnswerVerified(text, "beantwortet", [citation], 0)

    def _choose(self, question: str, choice: Choice) -> ValueOption | None:
        prompt = load_prompt(choice.prompt).format(question=question.strip(), options=choice.lines())
        messages = [ChatMessage("system", self.system_prompt), ChatMessage("user", prompt)]
        return choice.chosen(self.chat_model.complete(messages, max_tokens=CHOICE_TOKENS, json_schema=choice.schema()))

    def _option_citation(self, option: ValueOption, excerpts: list[Excerpt]) -> Citation | None:
        hit, unit = option.candidate.hit, option.candidate.unit
        excerpt = next((e for e in excerpts if e.hit.passage_id == hit.passage_id), None)
        if excerpt is None:
            excerpt = Excerpt(len(excerpts) + 1, hit, (*unit.context, unit.span), (unit,))
        return cite_unit(excerpt, unit, self.texts)

    def _retrieval_query(self, question: Question) -> str:
        """A follow-up ("Und für Kinder unter drei?") is searched together with the previous question."""
        previous = [turn.content for turn in question.history if turn.role == "user"][-1:]
        return " ".join([*previous, question.text])

    def _messages(self, question: Question, excerpts: list[Excerpt], with_examples: bool = False) -> list[ChatMessage]:
        messages = [ChatMessage("system", self.example_prompt if with_examples else self.system_prompt)]
        turns = question.history[-2 * self.settings.history_turns :] if self.settings.history_turns else ()
        for turn in turns:
            messages.append(ChatMessage(turn.role, turn.content[:_HISTORY_ANSWER_CHARS]))
        sources = "\n\n".join(
            f"[{e.number}] {_label(e.hit, previous.hit if previous else None)}\n<quelle>{as_data(e.render())}</quelle>"
            for e, previous in zip(excerpts, [None, *excerpts[:-1]], strict=True)
        )
        user = load_prompt("answer_user").format(sources=sources, question=question.text.strip())
        messages.append(ChatMessage("user", user))
        return messages


def _date_key(valid: str) -> str:
    """A validity date ("2024-10-05" or "5.10.2024") as "20241005" for ordering; "" when it is no such date."""
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", valid):
        return "".join(match.groups())
    if match := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", valid):
        return f"{match[3]}{int(match[2]):02d}{int(match[1]):02d}"
    return ""


class _FirstToken:
    """When the first answer text went out, across tries."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.seconds: float | None = None

    def seen(self) -> None:
        self.seconds = self.seconds or time.perf_counter() - self.started


def _declines(raw: str) -> bool:
    return not raw.strip() or bool(_ABSTENTION.search(raw))


def _evidence(hits: list[SearchHit]) -> float:
    """Cosine similarity of the best passage the vector search found among the hits (0 if none)."""
    scores = [hit.dense_score for hit in hits if hit.dense_score is not None]
    return max(scores, default=0.0)


def _quoted(citation: Citation) -> str:
    """The cited unit as the clerk reads it: with its lead-in or header, markup off, shortened."""
    evidence = citation.evidence
    text = f"{evidence.context} {evidence.text}" if evidence and evidence.context else citation.quote
    return shorten(plain(text).replace("\n", " "), QUOTE_CHARS)


def _label(hit: SearchHit, previous: SearchHit | None) -> str:
    """Short source label; a repeated document is "ebenda" to save prompt tokens. A title that tries to instruct
    the model (front matter is the author's to write) is not shown."""
    title = "ebenda" if previous and previous.doc_id == hit.doc_id else shorten(hit.title, LABEL_TITLE_CHARS)
    if is_instruction(title):
        title = "Dokument"
    parts = [title, f"S. {hit.page_start}", hit.section]
    return as_data("(" + ", ".join(part for part in parts if part) + ")")


def as_data(text: str) -> str:
    """Source text cannot close its own delimiter: angle brackets become look-alike quotation marks."""
    return text.replace("<", "‹").replace(">", "›")


def without_foreign_text(answer: str, excerpts: list[Excerpt], question: str) -> str:
    """Only what rests on the sources stays: an uncited sentence whose words are mostly neither in the sources
    nor in the question (an injected prefix such as "PWNED."), a sentence that instructs, and a shouted word the
    sources do not contain are removed."""
    material = " ".join([question, *(excerpt.text() for excerpt in excerpts)])
    known = shared_analyzer().token_set(material)
    kept: list[str] = []
    for sentence in answer_sentences(answer):
        sentence = _SHOUTED.sub(lambda shout: shout.group(0) if shout["word"] in material else "", sentence)
        words = shared_analyzer().token_set(MARKER.sub("", sentence))
        foreign = bool(words) and overlap_share(words, known) < MIN_KNOWN_SHARE
        if is_instruction(sentence) or (foreign and not MARKER.search(sentence)):
            continue
        kept.append(sentence)
    return re.sub(r"\s{2,}", " ", "".join(kept)).strip()
