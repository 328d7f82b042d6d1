"""POST /api/chat: a cited answer as JSON, or as Server-Sent Events (sources, evidence, token, citations, done)."""

from __future__ import annotations

import json
import logging
from collections.abc import Generator
from contextlib import closing

from fastapi import APIRouter, Request
from pydantic import BaseModel

from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import status_of
from assistant.api.schemas import AnswerPublic, ChatRequest, EvidencePublic, SourcePublic, VerifiedAnswerPublic
from assistant.api.streaming import EventStreamResponse
from assistant.chat.answerer import AnswerDone, AnswerText, AnswerVerified, ChatEvent, EvidenceFound, SourcesFound
from models.errors import AssistantError

router = APIRouter(prefix="/api", tags=["chat"])
logger = logging.getLogger(__name__)


class SourcesEventPublic(BaseModel):
    sources: list[SourcePublic]


class TokenEventPublic(BaseModel):
    text: str


class DoneEventPublic(BaseModel):
    seconds_total: float
    seconds_to_first_token: float | None


def _sse(name: str, payload: BaseModel | dict[str, object]) -> str:
    data = payload.model_dump_json() if isinstance(payload, BaseModel) else json.dumps(payload, ensure_ascii=False)
    return f"event: {name}\ndata: {data}\n\n"


def _event(event: ChatEvent) -> str:
    match event:
        case SourcesFound(excerpts):
            return _sse("sources", SourcesEventPublic(sources=[SourcePublic.of_excerpt(e) for e in excerpts]))
        case EvidenceFound():
            return _sse("evidence", EvidencePublic.of(event))
        case AnswerText(text):
            return _sse("token", TokenEventPublic(text=text))
        case AnswerVerified():
            return _sse("citations", VerifiedAnswerPublic.of(event))
        case AnswerDone(seconds_total, seconds_to_first_token):
            return _sse(
                "done", DoneEventPublic(seconds_total=seconds_total, seconds_to_first_token=seconds_to_first_token)
            )


def _stream(events: Generator[ChatEvent, None, None]) -> Generator[str, None, None]:
    try:
        with closing(events):  # closing this stream closes the answer's generation at once
            for event in events:
                yield _event(event)
    except AssistantError as error:
        yield _sse("error", {"error": error.code, "message": error.message, "status": status_of(error)})
    except Exception:
        logger.exception("Chat stream failed")
        yield _sse("error", {"error": "interner_fehler", "message": "Die Antwort konnte nicht erstellt werden."})


@router.post(
    "/chat",
    response_model=AnswerPublic,
    responses={200: {"content": {"text/event-stream": {}}, "description": "JSON oder Server-Sent Events"}},
)
def chat(
    body: ChatRequest, request: Request, services: ServicesDep, principal: CurrentUser
) -> AnswerPublic | EventStreamResponse:
    """Antwort mit geprüften Quellenangaben aus den lesbaren (oder den gewählten) Sammlungen. ``stream: true``
    (oder Accept: text/event-stream) liefert SSE."""
    answerer = services.answerer(services.collections.narrowed(principal, body.collections))
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return EventStreamResponse(_stream(answerer.events(body.to_question())))
    return AnswerPublic.of_answer(answerer.answer(body.to_question()))
