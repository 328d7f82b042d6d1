"""POST /api/chat: a cited answer as JSON, or as Server-Sent Events (sources, evidence, token, citations, done)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Generator
from contextlib import closing
from dataclasses import replace

from fastapi import APIRouter, Request
from pydantic import BaseModel

from assistant.access.accounts import Principal
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import NotFoundError, status_of
from assistant.api.routers.conversations import GONE, readable_for
from assistant.api.schemas import AnswerPublic, ChatRequest, EvidencePublic, SourcePublic, VerifiedAnswerPublic
from assistant.api.streaming import EventStreamResponse
from assistant.chat.answerer import (
    AnswerDone,
    AnswerText,
    AnswerVerified,
    ChatEvent,
    EvidenceFound,
    Question,
    SourcesFound,
    Turn,
)
from assistant.services import Services
from models.errors import AssistantError

router = APIRouter(prefix="/api", tags=["chat"])
Keep = Callable[[AnswerVerified], None]  # stores a verified answer (in its conversation), or not
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


def _stream(events: Generator[ChatEvent, None, None], keep: Keep) -> Generator[str, None, None]:
    try:
        with closing(events):  # closing this stream closes the answer's generation at once
            for event in events:
                if isinstance(event, AnswerVerified):
                    keep(event)
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
    (oder Accept: text/event-stream) liefert SSE. Mit ``conversation_id`` gilt der gespeicherte Verlauf, und
    Frage und Antwort kommen dazu."""
    answerer = services.answerer(services.collections.narrowed(principal, body.collections))
    question = body.to_question()
    keep: Keep = _forget
    if body.conversation_id is not None:
        question, keep = _in_conversation(services, principal, body.conversation_id, question)
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return EventStreamResponse(_stream(answerer.events(question), keep))
    answer = answerer.answer(question)
    keep(answer.verified)
    return AnswerPublic.of_answer(answer)


def _forget(_: AnswerVerified) -> None:
    """Without a conversation nothing is stored."""


def _in_conversation(
    services: Services, principal: Principal, conversation_id: str, question: Question
) -> tuple[Question, Keep]:
    """The question with the conversation's stored turns as its history, and how to store its answer."""
    conversation = services.history.conversation(principal, conversation_id, readable_for(services, principal))
    if conversation is None:
        raise NotFoundError(GONE)
    turns = [
        part
        for turn in conversation.turns
        if not turn.withheld
        for part in (Turn("user", turn.question), Turn("assistant", turn.answer))
    ]

    def keep(verified: AnswerVerified) -> None:
        services.history.append(
            principal, conversation_id, question.text, verified.answer, verified.status, verified.citations
        )

    return replace(question, history=tuple(turns)), keep
