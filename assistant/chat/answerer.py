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

from assistant.chat.context import compress
from assistant.settings import AnswerSettings, LlmSettings
from assistant.shared.citations import MARKER, Citation, StoredTexts, answer_sentences, marker_numbers, verify
from assistant.shared.excerpts import Excerpt, is_instruction
from assistant.shared.prompts import load_prompt
from assistant.shared.text import shorten
from ingest.german import overlap_share, shared_analyzer
from ingest.search import SearchFilters, SearchIndex
from ingest.types import SearchHit
from models.llm import ChatMessage, ChatModel

NOTHING_FOUND = "In den vorliegenden Unterlagen habe ich dazu nichts gefunden."
_ABSTENTION = re.compile(
    r"nichts gefunden|keine (angaben|informationen|hinweise|aussagen)|nicht (enthalten|zu entnehmen|beantworten)",
    re.IGNORECASE,
)
_PARTIAL_MARKER = re.compile(r"\[[\d,; ]*\]?")  # what a marker looks like while it is still streaming
_MAX_PENDING_MARKER_CHARS = 12
_HISTORY_ANSWER_CHARS = 300
LABEL_TITLE_CHARS = 45
MIN_KNOWN_SHARE = 0.5
# "PWNED", "HACKED:": kept only where the sources have the word
_SHOUTED = re.compile(r"\b(?P<word>[A-ZÄÖÜ]{4,})\b[.:!]?\s*")
AnswerStatus = Literal["beantwortet", "nichts_gefunden"]


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


ChatEvent = SourcesFound | AnswerText | AnswerVerified | AnswerDone


@dataclass(frozen=True)
class ChatAnswer:
    sources: list[Excerpt]
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
    def __init__(self, index: SearchIndex, chat_model: ChatModel, settings: AnswerSettings, llm: LlmSettings) -> None:
        self.index = index
        self.chat_model = chat_model
        self.settings = settings
        self.llm = llm
        self.system_prompt = load_prompt("answer_system")

    def warm_up(self) -> None:
        """Evaluate the fixed system prompt once so the next question reuses it from the KV cache."""
        self.chat_model.warm_up(self.system_prompt)

    def answer(self, question: Question) -> ChatAnswer:
        sources: list[Excerpt] = []
        verified: AnswerVerified | None = None
        for event in self.events(question):
            match event:
                case SourcesFound(excerpts):
                    sources = excerpts
                case AnswerVerified():
                    verified = event
                case AnswerDone():
                    assert verified is not None, "the verified answer precedes the done event"
                    return ChatAnswer(sources, verified, event)
        raise AssertionError("the chat stream ends with a done event")

    def events(self, question: Question) -> Generator[ChatEvent, None, None]:
        started = time.perf_counter()
        filters = SearchFilters(doc_ids=question.document_ids) if question.document_ids else None
        hits = self.index.search(self._retrieval_query(question), k=self.settings.passages, filters=filters)
        excerpts = compress(question.text, hits, self.settings.context_chars)
        yield SourcesFound(excerpts)
        first_token: float | None = None
        raw = ""
        if excerpts and _evidence(hits) >= self.settings.min_evidence:
            marker_filter = MarkerFilter({excerpt.number for excerpt in excerpts})
            messages = self._messages(question, excerpts)
            generation = self.chat_model.stream(messages, max_tokens=self.llm.max_answer_tokens)
            with closing(generation):  # closing these events (a dropped client) stops the model at once
                for piece in generation:
                    raw += piece
                    shown = marker_filter.feed(piece)
                    if shown:
                        first_token = first_token or time.perf_counter() - started
                        yield AnswerText(shown)
            if tail := marker_filter.flush():
                yield AnswerText(tail)
        yield self._final(raw, excerpts, question.text)
        yield AnswerDone(seconds_total=time.perf_counter() - started, seconds_to_first_token=first_token)

    def _final(self, raw: str, excerpts: list[Excerpt], question: str) -> AnswerVerified:
        verified = verify(raw, excerpts, StoredTexts(self.index.store))
        text = without_foreign_text(verified.text, excerpts, question)
        if not raw.strip() or _ABSTENTION.search(raw) or not verified.citations or not MARKER.search(text):
            return AnswerVerified(NOTHING_FOUND, "nichts_gefunden", [], verified.dropped)
        return AnswerVerified(text, "beantwortet", verified.citations, verified.dropped)

    def _retrieval_query(self, question: Question) -> str:
        """A follow-up ("Und für Kinder unter drei?") is searched together with the previous question."""
        previous = [turn.content for turn in question.history if turn.role == "user"][-1:]
        return " ".join([*previous, question.text])

    def _messages(self, question: Question, excerpts: list[Excerpt]) -> list[ChatMessage]:
        messages = [ChatMessage("system", self.system_prompt)]
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


def _evidence(hits: list[SearchHit]) -> float:
    """Cosine similarity of the best passage the vector search found among the hits (0 if none)."""
    scores = [hit.dense_score for hit in hits if hit.dense_score is not None]
    return max(scores, default=0.0)


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
