"""The long-lived parts of a running assistant: one embedder, one search index, one LLM, one ingestor, the job
runner. Built once per process (server or CLI); the features get what they need from here."""

from __future__ import annotations

import logging
import threading
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine

from assistant.access.accounts import Accounts
from assistant.access.audit import AuditTrail
from assistant.access.collections import AccessDeniedError, Collections, Permission
from assistant.access.db import open_database
from assistant.access.history import History
from assistant.batch.analyzer import BatchAnalyzer
from assistant.batch.cases import BatchJob
from assistant.batch.results import BatchResult
from assistant.batch.workspace import CaseWorkspace
from assistant.chat.answerer import Answerer
from assistant.drafts.draft import Draft, SummaryJob
from assistant.drafts.summarizer import Summarizer
from assistant.settings import Settings
from assistant.shared.errors import SummaryError
from assistant.shared.jobs import (
    OPERATOR,
    JobContext,
    JobKind,
    JobPaths,
    JobRunner,
    JobStore,
    JobType,
    import_legacy_jobs,
)
from ingest.errors import IndexMissingError
from ingest.pipeline import Ingestor, IngestReport
from ingest.search import SearchIndex
from ingest.types import Scope
from models import Embedder, create_embedder
from models.llm import ChatModel, create_chat_model

logger = logging.getLogger(__name__)


class IngestedDocuments(BaseModel):
    """The ingest step of a summary job: the documents its uploaded files became."""

    doc_ids: list[str]


def skipped_message(report: IngestReport) -> str:
    """Why files could not be read, in German, one clause per file."""
    return " ".join(f"„{item.path}“: {item.reason}" for item in report.skipped)


class Services:
    """Models load lazily so the server answers health checks at once."""

    def __init__(
        self, settings: Settings, *, embedder: Embedder | None = None, chat_model: ChatModel | None = None
    ) -> None:
        self.settings = settings
        self.job_paths = JobPaths(settings.jobs.folder)
        self._embedder = embedder
        self._chat_model = chat_model
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None

    @cached_property
    def state_database(self) -> Engine:
        return open_database(self.settings.database)

    @cached_property
    def accounts(self) -> Accounts:
        return Accounts(self.state_database, self.settings.access)

    @cached_property
    def audit(self) -> AuditTrail:
        return AuditTrail(self.state_database)

    @cached_property
    def collections(self) -> Collections:
        return Collections(self.state_database)

    @cached_property
    def history(self) -> History:
        return History(self.state_database, self.settings.history.retention_days)

    def job_scope(self, context: JobContext, permission: Permission = "read") -> Scope:
        """What a job may read (or write) now: its owner's grants when it runs, not when it was queued; jobs
        from the operator's command line read the whole index."""
        if context.owner == OPERATOR:
            try:
                return self.index.operator_scope()
            except IndexMissingError:  # no clerk's index yet (a CLI batch reads only its private case index)
                return Scope(frozenset())
        principal = self.accounts.active(context.owner)
        return self.collections.scope(principal, permission) if principal is not None else Scope(frozenset())

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

    def answerer(self, scope: Scope) -> Answerer:
        """An answerer that reads only ``scope``."""
        return Answerer(self.index, self.chat_model, self.settings.answer, self.settings.llm, scope)

    @cached_property
    def job_types(self) -> dict[JobKind, JobType[Any]]:
        return {"summary": JobType(SummaryJob, self.run_summary), "batch": JobType(BatchJob, self.run_batch)}

    @cached_property
    def jobs(self) -> JobRunner:
        """The background job runner of the server (summaries, batch analysis); the app starts it."""
        jobs = self.settings.jobs
        return JobRunner(
            self.job_store, self.job_paths, self.job_types, jobs.retention_days, lease_seconds=jobs.lease_seconds
        )

    @cached_property
    def job_store(self) -> JobStore:
        """The jobs in the state database (jobs of an earlier version's own file moved in once)."""
        store = JobStore(self.state_database)
        import_legacy_jobs(store, self.job_paths.legacy_database)
        return store

    def run_summary(self, context: JobContext, job: SummaryJob) -> Draft:
        """Job handler: ingest the files uploaded with the request (once), then summarise."""
        if job.files:
            if not self.job_scope(context, "write").allows(job.collection):
                raise AccessDeniedError(job.collection, "write")
            ingest = partial(self._ingest_for_job, job.files, job.collection)
            ingested = context.step("ingest", IngestedDocuments, ingest)
            job = job.model_copy(update={"doc_ids": [*job.doc_ids, *ingested.doc_ids], "files": {}})
        scope = self.job_scope(context)
        return Summarizer(self.index.store, self.chat_model, self.settings.summary, scope).run(context, job)

    def run_batch(self, context: JobContext, job: BatchJob) -> BatchResult:
        """Job handler: the same fields from every case, one model instance for all cells."""
        return self.batch_analyzer.run(context, job, self.job_scope(context))

    @cached_property
    def batch_analyzer(self) -> BatchAnalyzer:
        workspace = CaseWorkspace(self.settings, self.embedder, self.job_paths, lambda: self.index)
        return BatchAnalyzer(self.chat_model, self.settings.batch, workspace)

    def ingest_files(self, files: dict[Path, str], collection: str, *, progress: bool = False) -> IngestReport:
        """Ingest ``{path: display name}`` into ``collection`` of the clerk's index (new or changed files only)."""
        return self.ingestor.ingest(
            list(files), collection=collection, remove_missing=False, progress=progress, display_names=files
        )

    def _ingest_for_job(self, files: dict[str, str], collection: str) -> IngestedDocuments:
        """Any unreadable file fails the job, in German."""
        report = self.ingest_files({Path(path): name for path, name in files.items()}, collection)
        if report.skipped:
            raise SummaryError(skipped_message(report))
        return IngestedDocuments(doc_ids=list(report.ingested_doc_ids))

    def warm_up(self) -> None:
        """Load both models and evaluate the system prompt, so the first question is fast."""
        try:
            self.embedder.embed_query("Aufwärmen")
            self.answerer(Scope(frozenset())).warm_up()
            logger.info("Models loaded and warmed up")
        except Exception:  # the server keeps running; requests will report the problem in German
            logger.exception("Warm-up failed")
