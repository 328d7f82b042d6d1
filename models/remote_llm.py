"""A chat model on an OpenAI-compatible inference server (llama.cpp's llama-server, vLLM, llama-cpp-python's server):
the official ``openai`` client with timeouts and retries with backoff, and no global lock: up to
``max_parallel`` requests go to the server at once, since it batches them itself.

JSON output for the batch analysis is asked for in the nested OpenAI form
(``{"type": "json_schema", "json_schema": {"name", "schema"}}``; llama-server ignores the flat form). A server
that refuses that form (llama-cpp-python's server even answers 500) is asked once more with llama.cpp's
``{"type": "json_object", "schema": …}``. The answer is parsed here; one that is not JSON is asked for once more.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Generator, Iterator
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import openai

from models.errors import ModelBusyError, ModelError
from models.settings import LlmSettings

if TYPE_CHECKING:
    from models.llm import ChatMessage

logger = logging.getLogger(__name__)
# Tokens are counted for prompt budgets only; German text averages about three characters per token in the
# tokenizers of current models, so this errs on the side of a shorter prompt.
_CHARS_PER_TOKEN = 3.0


class OpenAiChatModel:
    def __init__(self, settings: LlmSettings) -> None:
        self.host = urlsplit(settings.base_url).hostname or settings.base_url
        self._client = openai.OpenAI(
            base_url=settings.base_url,
            api_key=settings.api_key.get_secret_value() or "kein-schluessel",
            timeout=settings.timeout_s,
            max_retries=settings.retries,  # the SDK backs off exponentially between them
        )
        self._slots = threading.BoundedSemaphore(settings.max_parallel)
        self._busy_timeout_s = settings.busy_timeout_s
        self._temperature = settings.temperature
        self._model = settings.model or self._first_model()
        self._nested_json = True  # until the server refuses the nested response_format
        self.name = f"openai:{self._model}@{self.host}"

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        with self._slot(), self._errors():
            chunks = self._client.chat.completions.create(
                model=self._model,
                messages=_as_dicts(messages),
                max_tokens=max_tokens,
                temperature=self._temperature,
                stop=stop or None,
                stream=True,
            )
            with closing(chunks):  # a caller that stops early closes the connection: the server stops generating
                for chunk in chunks:
                    if chunk.choices and (piece := chunk.choices[0].delta.content):
                        yield piece

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        if json_schema is None:
            return self._complete(messages, max_tokens, None)
        for _ in range(2):
            text = self._complete(messages, max_tokens, json_schema)
            try:
                json.loads(text)
                return text
            except ValueError:
                logger.warning("The inference server's answer was no JSON; asking once more")
        raise ModelError("Der Sprachmodell-Server hat keine gültige strukturierte Antwort geliefert.")

    def count_tokens(self, text: str) -> int:
        return int(len(text) / _CHARS_PER_TOKEN) + 1

    def warm_up(self, system_prompt: str) -> None:
        """Nothing to load here; the server keeps its own prompt cache."""

    def _complete(self, messages: list[ChatMessage], max_tokens: int, json_schema: dict[str, Any] | None) -> str:
        options: dict[str, Any] = {}
        if json_schema is not None:
            options["temperature"] = 0.0
            options["response_format"] = self._response_format(json_schema)
        with self._slot(), self._errors():
            try:
                result = self._client.chat.completions.create(
                    model=self._model,
                    messages=_as_dicts(messages),
                    max_tokens=max_tokens,
                    **{"temperature": self._temperature, **options},
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError, openai.InternalServerError):
                if json_schema is None or not self._nested_json:
                    raise
                logger.info("The inference server refuses the nested json_schema form; using json_object")
                self._nested_json = False
                options["response_format"] = self._response_format(json_schema)
                result = self._client.chat.completions.create(
                    model=self._model,
                    messages=_as_dicts(messages),
                    max_tokens=max_tokens,
                    **{"temperature": self._temperature, **options},
                )
        return (result.choices[0].message.content or "") if result.choices else ""

    def _response_format(self, schema: dict[str, Any]) -> Any:
        if self._nested_json:
            return {"type": "json_schema", "json_schema": {"name": "antwort", "schema": schema}}
        return {"type": "json_object", "schema": schema}

    def _first_model(self) -> str:
        with self._errors():
            models = self._client.models.list().data
        if not models:
            raise ModelError(f"Der Sprachmodell-Server {self.host} bietet kein Modell an.")
        return models[0].id

    @contextmanager
    def _slot(self) -> Iterator[None]:
        if not self._slots.acquire(timeout=self._busy_timeout_s):
            raise ModelBusyError(
                "Der Sprachmodell-Server ist gerade mit anderen Anfragen ausgelastet. Bitte in einer Minute erneut "
                "versuchen."
            )
        try:
            yield
        finally:
            self._slots.release()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """The server's failures as German messages (no stack trace reaches a clerk)."""
        try:
            yield
        except openai.APITimeoutError as exc:
            raise ModelError(f"Der Sprachmodell-Server {self.host} antwortet nicht rechtzeitig.") from exc
        except openai.APIConnectionError as exc:  # also a connection that breaks while an answer streams
            raise ModelError(
                f"Der Sprachmodell-Server {self.host} ist nicht erreichbar. Bitte die IT verständigen."
            ) from exc
        except openai.APIStatusError as exc:
            logger.warning("Inference server answered %s", exc.status_code)
            raise ModelError(
                f"Der Sprachmodell-Server {self.host} hat die Anfrage abgelehnt (Status {exc.status_code})."
            ) from exc


def _as_dicts(messages: list[ChatMessage]) -> Any:
    return [{"role": message.role, "content": message.content} for message in messages]
