"""The long-lived parts of a running assistant: one embedder, one search index, one LLM, one ingestor."""

from __future__ import annotations

import logging
import threading
from functools import cached_property

from assistant.answering import Answerer
from assistant.settings import Settings
from ingest.pipeline import Ingestor
from ingest.search import SearchIndex
from models import Embedder, create_embedder
from models.llm import ChatModel, create_chat_model

logger = logging.getLogger(__name__)


class Services:
    """Built once per process; models load lazily so the server answers health checks at once."""

    def __init__(
        self, settings: Settings, *, embedder: Embedder | None = None, chat_model: ChatModel | None = None
    ) -> None:
        self.settings = settings
        self._embedder = embedder
        self._chat_model = chat_model
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None

    @cached_property
    def embedder(self) -> Embedder:
        return self._embedder or create_embedder(self.settings.embedder)

    @cached_property
    def chat_model(self) -> ChatModel:
        return self._chat_model or create_chat_model(self.settings.llm)

    @cached_property
    def ingestor(self) -> Ingestor:
        return Ingestor(self.settings, self.embedder)

    @property
    def index(self) -> SearchIndex:
        """The search index; opened on first use (it may be created by the first upload)."""
        with self._lock:
            if self._index is None:
                self._index = SearchIndex(self.settings.ingest.index_dir, self.embedder, self.settings.search)
            return self._index

    @property
    def answerer(self) -> Answerer:
        return Answerer(self.index, self.chat_model, self.settings.answer, self.settings.llm)

    def warm_up(self) -> None:
        """Load both models and evaluate the system prompt, so the first question is fast."""
        try:
            self.embedder.embed_query("Aufwärmen")
            self.answerer.warm_up()
            logger.info("Models loaded and warmed up")
        except Exception:  # the server keeps running; requests will report the problem in German
            logger.exception("Warm-up failed")
