"""Question → hybrid retrieval → compressed, numbered sources → local LLM → verified, cited answer.

``Answerer.events`` yields the named events of the chat stream (``sources`` first, then ``token``s,
``citations`` with the verified final answer, ``done``); ``Answerer.answer`` collects them into one object.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

from assistant.citations import MARKER, StoredTexts, marker_numbers, verify
from assistant.context import Excerpt, compress
from assistant.prompts import load_prompt
from assistant.schemas import AnswerPublic, ChatRequest, CitationPublic, SourcePublic
from assistant.settings import AnswerSettings, LlmSettings
from ingest.search import SearchFilters, SearchIndex
from ingest.types import SearchHit
from models.llm import ChatMessage, ChatModel

NOTHING_FOUND = "In den vorliegenden Unterlagen habe ich dazu nichts gefunden."
_ABSTENTION = re.compile(
    r"nichts gefunden|keine (angaben|informationen|hinweise|aussagen)|nicht (enthalten|zu entnehmen|beantworten)",
    re.IGNORECASE,
)
_PARTIAL_MARKER = re.compile(r"\[[\d,; ]*\]?")  # what a marker looks like while it is still streaming
_HISTORY_ANSWER_CHARS = 300
LABEL_TITLE_CHARS = 45
Event = tuple[str, dict[str, Any]]


class MarkerFilter:
    """Passes streamed text on, but holds back a '[n]' marker until it is complete and drops those whose
    number was never given to the model. The final verification removes the rest."""

    def __init__(self, source_count: int) -> None:
        self._source_count = source_count
        self._pending = ""

    def feed(self, piece: str) -> str:
        out = []
        for char in piece:
            if self._pending:
                self._pending += char
                if char == "]" or len(self._pending) > 12 or not _PARTIAL_MARKER.fullmatch(self._pending):
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
        return pending if all(1 <= n <= self._source_count for n in marker_numbers(match)) else ""


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

    def answer(self, request: ChatRequest) -> AnswerPublic:
        collected: dict[str, Any] = {}
        for name, payload in self.events(request):
            collected[name] = payload
        final, sources, done = collected["citations"], collected["sources"], collected["done"]
        return AnswerPublic(
            answer=final["answer"],
            status=final["status"],
            sources=sources["sources"],
            citations=final["citations"],
            dropped_citations=final["dropped_citations"],
            seconds_to_first_token=done["seconds_to_first_token"],
            seconds_total=done["seconds_total"],
        )

    def events(self, request: ChatRequest) -> Iterator[Event]:
        started = time.perf_counter()
        filters = SearchFilters(doc_ids=tuple(request.document_ids)) if request.document_ids else None
        hits = self.index.search(self._retrieval_query(request), k=self.settings.passages, filters=filters)
        excerpts = compress(request.question, hits, self.settings.context_chars)
        sources = [SourcePublic.from_hit(excerpt.number, excerpt.hit) for excerpt in excerpts]
        yield "sources", {"sources": sources}
        first_token: float | None = None
        raw = ""
        if excerpts and _evidence(hits) >= self.settings.min_evidence:
            marker_filter = MarkerFilter(len(excerpts))
            for piece in self.chat_model.stream(
                self._messages(request, excerpts), max_tokens=self.llm.max_answer_tokens
            ):
                raw += piece
                shown = marker_filter.feed(piece)
                if shown:
                    first_token = first_token or time.perf_counter() - started
                    yield "token", {"text": shown}
            if tail := marker_filter.flush():
                yield "token", {"text": tail}
        yield "citations", self._final(raw, excerpts)
        yield "done", {"seconds_total": time.perf_counter() - started, "seconds_to_first_token": first_token}

    def _final(self, raw: str, excerpts: list[Excerpt]) -> dict[str, Any]:
        verified = verify(raw, excerpts, StoredTexts(self.index.store))
        citations: list[CitationPublic] = verified.citations
        if not raw.strip() or _ABSTENTION.search(raw) or not citations:
            return {
                "answer": NOTHING_FOUND,
                "status": "nichts_gefunden",
                "citations": [],
                "dropped_citations": verified.dropped,
            }
        return {
            "answer": verified.text,
            "status": "beantwortet",
            "citations": citations,
            "dropped_citations": verified.dropped,
        }

    def _retrieval_query(self, request: ChatRequest) -> str:
        """A follow-up ("Und für Kinder unter drei?") is searched together with the previous question."""
        previous = [turn.content for turn in request.history if turn.role == "user"][-1:]
        return " ".join([*previous, request.question])

    def _messages(self, request: ChatRequest, excerpts: list[Excerpt]) -> list[ChatMessage]:
        messages = [ChatMessage("system", self.system_prompt)]
        turns = request.history[-2 * self.settings.history_turns :] if self.settings.history_turns else []
        for turn in turns:
            messages.append(ChatMessage(turn.role, turn.content[:_HISTORY_ANSWER_CHARS]))
        sources = "\n\n".join(
            f"[{e.number}] {_label(e.hit, previous.hit if previous else None)}\n{e.render()}"
            for e, previous in zip(excerpts, [None, *excerpts[:-1]], strict=True)
        )
        user = load_prompt("answer_user").format(sources=sources, question=request.question.strip())
        messages.append(ChatMessage("user", user))
        return messages


def _evidence(hits: list[SearchHit]) -> float:
    """Cosine similarity of the best passage the vector search found among the hits (0 if none)."""
    scores = [hit.dense_score for hit in hits if hit.dense_score is not None]
    return max(scores, default=0.0)


def _label(hit: SearchHit, previous: SearchHit | None) -> str:
    """Short source label; a repeated document is "ebenda" to save prompt tokens."""
    title = "ebenda" if previous and previous.doc_id == hit.doc_id else _shorten(hit.title, LABEL_TITLE_CHARS)
    parts = [title, f"S. {hit.page_start}", hit.section]
    return "(" + ", ".join(part for part in parts if part) + ")"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"
