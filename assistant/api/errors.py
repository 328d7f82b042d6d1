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


def _json(status: int, code: str, message: str) -> JSONResponse:
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
    async def product_error(_: Request, error: AssistantError) -> JSONResponse:
        return _json(status_of(error), error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        return _json(422, "ungueltige_anfrage", validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        messages = {
            400: "Die Anfrage konnte nicht gelesen werden (fehlerhafter Inhalt, oder zu viele Dateien oder Felder).",
            404: "Diese Adresse gibt es nicht.",
            405: "Diese Methode ist hier nicht erlaubt.",
            413: "Die Anfrage ist zu groß.",
        }
        fallback = "Die Anfrage konnte nicht bearbeitet werden."
        return _json(error.status_code, "http_fehler", messages.get(error.status_code, fallback))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        logger.exception("Unexpected error", exc_info=error)
        return _json(500, "interner_fehler", "Ein interner Fehler ist aufgetreten. Bitte die IT verständigen.")


def invalid_body(error: ValidationError) -> RequestValidationError:
    """A validation error of a model built from form fields, answered like any invalid request body."""
    return RequestValidationError([{**item, "loc": ("body", *item["loc"])} for item in error.errors()])
