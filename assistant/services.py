"""The long-lived parts of a running assistant: one embedder, one search index, one LLM, one ingestor."""

from __future__ import annotations

import logging
import threading
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from assistant.answering import Answerer
from assistant.batch import BatchAnalyzer, CaseWorkspace
from assistant.errors import SummaryError
from assistant.jobs import JobContext, JobRunner, JobStore
from assistant.settings import Settings
from assistant.summaries import Summarizer
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

    @cached_property
    def jobs(self) -> JobRunner:
        """The background job runner (summaries, batch analysis); started on first use."""
        store = JobStore(self.settings.jobs.folder / "jobs.sqlite")
        runner = JobRunner(store, {"summary": self.run_summary, "batch": self.run_batch})
        runner.start()
        return runner

    def run_summary(self, context: JobContext, params: dict[str, Any]) -> Any:
        """Job handler: ingest files uploaded with the request (once), then summarise."""
        params = dict(params)
        if files := params.pop("files", None):
            ingested = context.step("ingest", partial(self._ingest_for_job, files))
            params["doc_ids"] = [*params.get("doc_ids", []), *ingested]
        return Summarizer(self.index.store, self.chat_model, self.settings.summary).run(context, params)

    def run_batch(self, context: JobContext, params: dict[str, Any]) -> Any:
        """Job handler: the same fields from every case, one model instance for all cells."""
        return self.batch_analyzer.run(context, params)

    @cached_property
    def batch_analyzer(self) -> BatchAnalyzer:
        workspace = CaseWorkspace(self.settings, self.embedder, self.settings.jobs.folder, lambda: self.index)
        return BatchAnalyzer(self.chat_model, self.settings.batch, workspace)

    def _ingest_for_job(self, files: dict[str, str]) -> list[str]:
        """Ingest ``{path: display name}`` into the index; any unreadable file fails the job in German."""
        paths = {Path(path): name for path, name in files.items()}
        report = self.ingestor.ingest(list(paths), remove_missing=False, progress=False, display_names=paths)
        if report.skipped:
            raise SummaryError(" ".join(f"„{item.path}“: {item.reason}" for item in report.skipped))
        return list(report.ingested_doc_ids)

    def warm_up(self) -> None:
        """Load both models and evaluate the system prompt, so the first question is fast."""
        try:
            self.embedder.embed_query("Aufwärmen")
            self.answerer.warm_up()
            logger.info("Models loaded and warmed up")
        except Exception:  # the server keeps running; requests will report the problem in German
            logger.exception("Warm-up failed")
