"""Chat LLMs behind one small protocol; llama.cpp is imported inside its backend."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast

from models.errors import ModelBusyError, ModelError
from models.packaged import resolve_model_path
from models.remote_llm import OpenAiChatModel
from models.settings import LlmBackend, LlmSettings

if TYPE_CHECKING:
    from llama_cpp import Llama

logger = logging.getLogger(__name__)
# Small models writing lists can fall into loops ("- - - - …"); llama.cpp's own default penalty prevents that.
_REPEAT_PENALTY = 1.1


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


class ChatModel(Protocol):
    """A local chat LLM. Implementations serialise calls themselves, so one instance may be shared."""

    name: str

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        """Yield the answer in text pieces as they are generated; closing the generator stops the generation."""
        ...

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        """Return the whole answer; with ``json_schema`` the output is JSON constrained to that schema."""
        ...

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in ``text`` (no special tokens), for prompt budgeting."""
        ...

    def warm_up(self, system_prompt: str) -> None:
        """Process a fixed system prompt ahead of time so later requests can reuse it."""
        ...


class LlamaCppChatModel:
    """A GGUF model run by llama.cpp (llama-cpp-python), with the chat template stored in the GGUF.

    One ``Llama`` instance is kept and guarded by a lock. Consecutive calls share its KV cache:
    llama-cpp-python re-evaluates only the tokens after the longest common prefix with the previous
    call, so a fixed system prompt is processed once (see ``warm_up``).
    """

    def __init__(self, settings: LlmSettings) -> None:
        path = resolve_model_path(settings)
        threads = settings.threads or os.cpu_count() or 1
        llama_class = _import_llama()
        try:
            self._llm: Llama = llama_class(
                model_path=str(path),
                n_ctx=settings.context_tokens,
                n_threads=threads,
                n_threads_batch=threads,
                n_batch=512,
                verbose=False,
            )
        except (ValueError, RuntimeError) as exc:
            raise ModelError(
                f"Das Sprachmodell '{path.name}' konnte nicht geladen werden. Ist es eine gültige GGUF-Datei "
                "und reicht der Arbeitsspeicher?"
            ) from exc
        self._lock = threading.Lock()
        self._busy_timeout_s = settings.busy_timeout_s
        self._temperature = settings.temperature
        self.name = f"llama-cpp:{path.name}"

    def stream(
        self, messages: list[ChatMessage], *, max_tokens: int, stop: list[str] | None = None
    ) -> Generator[str, None, None]:
        """Yield text pieces; the model stays locked until the iterator is exhausted or closed, so callers close
        it when they stop early (the API does so when a client disconnects)."""
        with self._locked(), _llama_errors():
            chunks = self._llm.create_chat_completion(
                messages=_as_dicts(messages),
                max_tokens=max_tokens,
                stop=stop or [],
                temperature=self._temperature,
                stream=True,
            )
            # Close the library's generator while still holding the lock when the caller stops early.
            with closing(cast("Generator[Any, None, None]", chunks)) as pieces:
                for chunk in pieces:
                    piece = chunk["choices"][0]["delta"].get("content")
                    if piece:
                        yield piece

    def complete(
        self, messages: list[ChatMessage], *, max_tokens: int, json_schema: dict[str, Any] | None = None
    ) -> str:
        """Whole answer. With a schema the output is constrained by a grammar and decoded greedily, so the same
        document always gives the same extraction."""
        response_format: Any = None
        temperature, repeat_penalty = self._temperature, _REPEAT_PENALTY
        if json_schema is not None:  # JSON repeats its syntax by nature: no penalty
            response_format = {"type": "json_object", "schema": json_schema}
            temperature, repeat_penalty = 0.0, 1.0
        with self._locked(), _llama_errors():
            result = self._llm.create_chat_completion(
                messages=_as_dicts(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                repeat_penalty=repeat_penalty,
                response_format=response_format,
            )
        content = cast(dict[str, Any], result)["choices"][0]["message"]["content"]
        return content or ""

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """One generation at a time; a request that cannot get the model in time is told so in German."""
        if not self._lock.acquire(timeout=self._busy_timeout_s):
            raise ModelBusyError(
                "Das Sprachmodell ist gerade mit anderen Anfragen ausgelastet. Bitte in einer Minute erneut versuchen."
            )
        try:
            yield
        finally:
            self._lock.release()

    def count_tokens(self, text: str) -> int:
        # Tokenising only reads the vocabulary, so it does not wait for a running generation.
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def warm_up(self, system_prompt: str) -> None:
        """Evaluate ``system_prompt`` once so that the first real request reuses it from the KV cache."""
        messages = [ChatMessage("system", system_prompt), ChatMessage("user", "")]
        self.complete(messages, max_tokens=1)


@contextmanager
def _llama_errors() -> Iterator[None]:
    """Translate llama.cpp's exceptions into the product's error tree (German message)."""
    try:
        yield
    except (ValueError, RuntimeError) as exc:
        logger.warning("llama.cpp failed: %s", type(exc).__name__)
        if "context window" in str(exc):
            raise ModelError(
                "Die Anfrage ist zu lang für das Kontextfenster des Sprachmodells. Bitte die Frage kürzen "
                "oder weniger Textstellen mitgeben."
            ) from exc
        raise ModelError("Das Sprachmodell konnte keine Antwort erzeugen.") from exc


def _as_dicts(messages: list[ChatMessage]) -> Any:
    return [{"role": message.role, "content": message.content} for message in messages]


def _import_llama() -> type[Llama]:
    try:
        from llama_cpp import Llama
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ModelError("Die Bibliothek für das lokale Sprachmodell fehlt (pip install llama-cpp-python).") from exc
    return Llama


_BACKENDS: dict[LlmBackend, Callable[[LlmSettings], ChatModel]] = {
    "llama-cpp": LlamaCppChatModel,
    "openai": OpenAiChatModel,
}


def create_chat_model(settings: LlmSettings) -> ChatModel:
    """Build the configured chat model; unknown backends already fail in the settings."""
    model = _BACKENDS[settings.backend](settings)
    logger.info("Chat model loaded: %s", model.name)
    return model
