"""Maps the product's errors to HTTP responses with a short German message, so routers only raise."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.access.accounts import AccountError
from assistant.access.collections import AccessDeniedError, CollectionError
from assistant.shared.errors import BatchError, SummaryError, german_reason
from ingest.errors import EmbedderMismatchError, IndexFormatError, IndexMissingError, UnreadableFileError
from models.errors import AssistantError, ModelError

logger = logging.getLogger(__name__)


class ApiError(AssistantError):
    """An error raised by a route with its own HTTP status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class NotFoundError(ApiError):
    def __init__(self, message: str) -> None:
        super().__init__(404, "nicht_gefunden", message)


_STATUS: list[tuple[type[AssistantError], int]] = [
    (UnreadableFileError, 422),
    (IndexMissingError, 409),
    (EmbedderMismatchError, 409),
    (IndexFormatError, 409),
    (ModelError, 503),
    (SummaryError, 422),
    (BatchError, 422),
    (AccountError, 422),
    (CollectionError, 422),
    (AccessDeniedError, 403),
]


OPENAI_PREFIX = "/v1/"
_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    409: "invalid_request_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
}


def _json(request: Request, status: int, code: str, message: str, param: str | None = None) -> JSONResponse:
    """The product's error body; on the OpenAI-compatible routes the shape their clients parse."""
    if request.url.path.startswith(OPENAI_PREFIX):
        kind = _OPENAI_TYPES.get(status, "api_error")
        body = {"error": {"message": message, "type": kind, "param": param, "code": code}}
        return JSONResponse(body, status_code=400 if status == 422 else status)
    return JSONResponse({"error": code, "message": message}, status_code=status)


def status_of(error: AssistantError) -> int:
    if isinstance(error, ApiError):
        return error.status
    return next((status for kind, status in _STATUS if isinstance(error, kind)), 500)


def validation_message(error: RequestValidationError) -> str:
    """German: which fields are wrong, and the product's own explanation where a validator gave one."""
    fields: list[str] = []
    explanations: list[str] = []
    for item in error.errors():
        fields.append(".".join(str(part) for part in item["loc"][1:]) or "Anfrage")
        if reason := german_reason(item):
            explanations.append(reason)
    message = f"Die Anfrage ist unvollständig oder ungültig ({', '.join(dict.fromkeys(fields))})."
    return " ".join([message, *dict.fromkeys(explanations)])


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AssistantError)
    async def product_error(request: Request, error: AssistantError) -> JSONResponse:
        return _json(request, status_of(error), error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0]["loc"][1:] if error.errors() else ()
        param = ".".join(str(part) for part in first) or None
        return _json(request, 422, "ungueltige_anfrage", validation_message(error), param)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        messages = {
            400: "Die Anfrage konnte nicht gelesen werden (fehlerhafter Inhalt, oder zu viele Dateien oder Felder).",
            404: "Diese Adresse gibt es nicht.",
            405: "Diese Methode ist hier nicht erlaubt.",
            413: "Die Anfrage ist zu groß.",
        }
        fallback = "Die Anfrage konnte nicht bearbeitet werden."
        return _json(request, error.status_code, "http_fehler", messages.get(error.status_code, fallback))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.exception("Unexpected error", exc_info=error)
        return _json(request, 500, "interner_fehler", "Ein interner Fehler ist aufgetreten. Bitte die IT verständigen.")


def invalid_body(error: ValidationError) -> RequestValidationError:
    """A validation error of a model built from form fields, answered like any invalid request body."""
    return RequestValidationError([{**item, "loc": ("body", *item["loc"])} for item in error.errors()])
