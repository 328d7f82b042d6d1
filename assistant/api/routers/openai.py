"""The OpenAI-compatible API: GET /v1/models, POST /v1/chat/completions (JSON or stream), and
GET /v1/citations/{completion_id}, for tools written against the official ``openai`` SDK, Open WebUI or LibreChat.

A ``model`` names an assistant scope: ``verwaltungsassistent`` reads every collection the API key may read,
``verwaltungsassistent/NAME`` one collection. The last user message is the question and earlier turns are its
history, as in /api/chat. The answer text carries the verified ``[n]`` markers and a short "Quellen" block, so any
front end shows the sources; the response (and the stream's final chunk) also carries a ``citations`` array.
A streamed answer is sent once it has been verified (the check may replace the model's text), in small deltas.
Unknown request parameters are accepted and ignored; errors have OpenAI's shape, with German messages.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Generator
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from assistant.access.accounts import Principal
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError
from assistant.api.routers.conversations import readable_for
from assistant.api.streaming import EventStreamResponse
from assistant.chat.answerer import AnswerVerified, Question, Turn
from assistant.services import Services
from assistant.shared.citations import Citation
from ingest.types import Scope
from models.errors import AssistantError

router = APIRouter(prefix="/v1", tags=["openai"])
MODEL = "verwaltungsassistent"
_DELTA_WORDS = 4  # words per streamed delta of the verified answer


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: str = "text"
    text: str = ""


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content if part.type == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="ignore")

    include_usage: bool = False


class CompletionRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")  # temperature, top_p, tools, … are accepted and ignored

    model: str = Field(MODEL, max_length=200)
    messages: list[MessageIn] = Field(min_length=1, max_length=100)
    stream: bool = False
    stream_options: StreamOptions | None = None


class ModelPublic(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = MODEL


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelPublic]


class MessageOut(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: MessageOut
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class Completion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    citations: list[Citation] = Field(description="Die geprüften Quellen (Dokument, Seite, §, Zitat, Offsets)")
    status: str = Field(description="beantwortet, nicht_geregelt, widerspruch, unsicher oder nichts_gefunden")


class CitationsPublic(BaseModel):
    id: str
    citations: list[Citation]


@router.get("/models", response_model=ModelList)
def list_models(services: ServicesDep, principal: CurrentUser) -> ModelList:
    """Die Assistenten, die dieser Schlüssel nutzen darf: alle lesbaren Sammlungen, oder je eine."""
    names = services.collections.scope(principal).sorted()
    return ModelList(data=[ModelPublic(id=MODEL), *(ModelPublic(id=f"{MODEL}/{name}") for name in names)])


@router.post("/chat/completions", response_model=Completion)
def chat_completions(
    body: CompletionRequest, request: Request, services: ServicesDep, principal: CurrentUser
) -> Completion | EventStreamResponse:
    """Antwort mit geprüften Quellen im Format der OpenAI-Chat-API (``stream: true`` für Server-Sent Events)."""
    scope = _scope_of(services, principal, body.model)
    question = _question(body.messages)
    completion_id = f"chatcmpl-{uuid.uuid4().hex}"
    if body.stream:
        include_usage = body.stream_options is not None and body.stream_options.include_usage
        chunks = _chunks(services, principal, scope, question, completion_id, body.model, include_usage)
        return EventStreamResponse(chunks)
    verified = services.answerer(scope).answer(question).verified
    services.history.keep_completion(principal, completion_id, verified.citations)
    content = with_sources(verified)
    return Completion(
        id=completion_id,
        created=int(time.time()),
        model=body.model,
        choices=[Choice(message=MessageOut(content=content))],
        usage=_usage(services, question, content),
        citations=verified.citations,
        status=verified.status,
    )


@router.get("/citations/{completion_id}", response_model=CitationsPublic)
def citations(completion_id: str, services: ServicesDep, principal: CurrentUser) -> CitationsPublic:
    """Die Quellen einer früheren Antwort, soweit Sie sie heute noch lesen dürfen."""
    found = services.history.completion(principal, completion_id, readable_for(services, principal))
    if found is None:
        raise ApiError(404, "nicht_gefunden", "Diese Antwort gibt es nicht (mehr).")
    return CitationsPublic(id=completion_id, citations=found)


def _scope_of(services: Services, principal: Principal, model: str) -> Scope:
    name, _, collection = model.partition("/")
    readable = services.collections.scope(principal)
    if name != MODEL or (collection and not readable.allows(collection)):
        raise ApiError(
            404,
            "model_not_found",
            f"Das Modell „{model}“ gibt es nicht oder Sie dürfen es nicht nutzen (GET /v1/models).",
        )
    return Scope.of(collection) if collection else readable


def _question(messages: list[MessageIn]) -> Question:
    """The last user message is the question; earlier user and assistant turns are its history."""
    asked = [number for number, message in enumerate(messages) if message.role == "user" and message.text().strip()]
    if not asked:
        raise ApiError(400, "keine_frage", "Die Anfrage enthält keine Frage (keine Nachricht mit role „user“).")
    last = asked[-1]
    text = messages[last].text().strip()
    if len(text) > 2000:
        raise ApiError(400, "frage_zu_lang", "Die Frage ist zu lang (höchstens 2000 Zeichen).")
    history = tuple(
        Turn(message.role, message.text())
        for message in messages[:last]
        if message.role in ("user", "assistant") and message.text().strip()
    )
    return Question(text, history)


def with_sources(verified: AnswerVerified) -> str:
    """The answer with a short "Quellen" block for front ends that show only the text."""
    if not verified.citations:
        return verified.answer
    lines = [
        f"[{c.number}] {c.title}, S. {c.page}" + (f", {c.section}" if c.section else "") for c in verified.citations
    ]
    return verified.answer + "\n\nQuellen:\n" + "\n".join(dict.fromkeys(lines))


def _usage(services: Services, question: Question, content: str) -> Usage:
    model = services.chat_model
    prompt = model.count_tokens(" ".join([*(turn.content for turn in question.history), question.text]))
    completion = model.count_tokens(content)
    return Usage(prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion)


def _chunks(
    services: Services,
    principal: Principal,
    scope: Scope,
    question: Question,
    completion_id: str,
    model: str,
    include_usage: bool,
) -> Generator[str, None, None]:
    created = int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        body = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": model}
        return _data({**body, "choices": [choice], **extra})

    yield chunk({"role": "assistant", "content": ""})
    try:
        verified = services.answerer(scope).answer(question).verified
    except AssistantError as error:
        yield _data({"error": {"message": error.message, "type": "api_error", "param": None, "code": error.code}})
        yield "data: [DONE]\n\n"
        return
    services.history.keep_completion(principal, completion_id, verified.citations)
    content = with_sources(verified)
    words = content.split(" ")
    for start in range(0, len(words), _DELTA_WORDS):
        piece = " ".join(words[start : start + _DELTA_WORDS])
        yield chunk({"content": piece if start == 0 else " " + piece})
    cited = [citation.model_dump(mode="json") for citation in verified.citations]
    yield chunk({}, "stop", citations=cited, status=verified.status)
    if include_usage:
        usage = _usage(services, question, content).model_dump()
        body = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": model}
        yield _data({**body, "choices": [], "usage": usage})
    yield "data: [DONE]\n\n"


def _data(payload: dict[str, Any]) -> str:
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"
