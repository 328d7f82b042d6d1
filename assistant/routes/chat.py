"""POST /api/chat: a cited answer as JSON, or as Server-Sent Events (sources, token, citations, done)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from assistant.answering import Event
from assistant.deps import ServicesDep
from assistant.errors import status_of
from assistant.schemas import AnswerPublic, ChatRequest
from models.errors import AssistantError

router = APIRouter(prefix="/api", tags=["chat"])
logger = logging.getLogger(__name__)


def _sse(name: str, payload: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(payload, ensure_ascii=False, default=_plain)}\n\n"


def _plain(value: Any) -> Any:
    return value.model_dump() if hasattr(value, "model_dump") else str(value)


def _stream(events: Iterator[Event]) -> Iterator[str]:
    try:
        for name, payload in events:
            yield _sse(name, payload)
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
def chat(body: ChatRequest, request: Request, services: ServicesDep) -> Any:
    """Antwort mit geprüften Quellenangaben. ``stream: true`` (oder Accept: text/event-stream) liefert SSE."""
    answerer = services.answerer
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return StreamingResponse(
            _stream(answerer.events(body)),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    return answerer.answer(body)
