"""A chat model on an OpenAI-compatible inference server (llama.cpp's llama-server, vLLM, llama-cpp-python's server):
the official ``openai`` client with timeouts and retries with backoff, and no global lock: up to
``max_parallel`` requests go to the server at once, since it batches them itself.

JSON output for the batch analysis is asked for in the nested OpenAI form
(``{"type": "json_schema", "json_schema": {"name", "schema"}}``; llama-server ignores the flat form). A server
that refuses that form (llama-cpp-python's server even answers 500) is asked once more with llama.cpp's
``{"type": "json_object", "schema": …}``. The answer is checked against the schema here; one that does not keep it
is asked for once more.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Generator, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from typing import TYPE_CHECKING, Any

import jsonschema
import openai

from models.errors import ModelBusyError, ModelError
from models.inference_server import first_model, server_client, server_errors, server_host
from models.settings import LlmSettings

if TYPE_CHECKING:
    from models.llm import ChatMessage

logger = logging.getLogger(__name__)
# Tokens are counted for prompt budgets only; German text averages about three characters per token in the
# tokenizers of current models, so this errs on the side of a shorter prompt.
_CHARS_PER_TOKEN = 3.0
_KIND = "Sprachmodell"


class OpenAiChatModel:
    def __init__(self, settings: LlmSettings) -> None:
        self.host = server_host(settings)
        self._client = server_client(settings)
        self._slots = threading.BoundedSemaphore(settings.max_parallel)
        self._busy_timeout_s = settings.busy_timeout_s
        self._temperature = settings.temperature
        self._model = settings.model or first_model(self._client, self.host, _KIND)
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
            try:  # a server may ignore response_format (or follow it loosely): checked here
                jsonschema.validate(json.loads(text), json_schema)
                return text
            except (ValueError, jsonschema.ValidationError):
                logger.warning("The inference server's answer did not keep the JSON schema; asking once more")
        raise ModelError("Der Sprachmodell-Server hat keine gültige strukturierte Antwort geliefert.")

    def count_tokens(self, text: str) -> int:
        return int(len(text) / _CHARS_PER_TOKEN) + 1

    def warm_up(self, system_prompt: str) -> None:
        """Send ``system_prompt`` once: servers with a prompt cache (llama-server, vLLM) then reuse it."""
        from models.llm import ChatMessage

        self.complete([ChatMessage("system", system_prompt), ChatMessage("user", "")], max_tokens=1)

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

    def _errors(self) -> AbstractContextManager[None]:
        return server_errors(self.host, _KIND)

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


def _as_dicts(messages: list[ChatMessage]) -> Any:
    return [{"role": message.role, "content": message.content} for message in messages]
