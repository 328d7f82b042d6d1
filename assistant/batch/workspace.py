"""Where a batch job's case documents are read and searched: uploaded or named files go into a private index in
the job's own folder (the clerk's document index stays untouched, and removing the job removes them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from assistant.batch.cases import CaseSpec
from assistant.shared.jobs import JobPaths
from ingest.pipeline import Ingestor, document_id
from ingest.search import SearchIndex
from ingest.settings import CoreSettings
from ingest.types import Scope
from models import Embedder


class PreparedCase(BaseModel):
    doc_ids: list[str]
    error: str = ""  # why the case cannot be analysed (German); its doc_ids are then empty


class PreparedCases(BaseModel):
    """The ingest step of a batch job: per case name, its documents or its error."""

    cases: dict[str, PreparedCase]


CASE_COLLECTION = "faelle"  # the one collection of a job's private case index


@dataclass(frozen=True)
class CaseIndex:
    """Where a job's cases are searched, and the scope to read them with."""

    search: SearchIndex
    scope: Scope


class CaseWorkspace:
    def __init__(
        self, settings: CoreSettings, embedder: Embedder, paths: JobPaths, main_index: Callable[[], SearchIndex]
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.paths = paths
        self._main_index = main_index

    def _job_settings(self, job_id: str) -> CoreSettings:
        settings = self.settings.model_copy(deep=True)
        settings.ingest.index_dir = self.paths.case_index(job_id)
        return settings

    def prepare(self, job_id: str, cases: list[CaseSpec]) -> PreparedCases:
        """Ingest the case files; per case its document ids, or why it cannot be analysed."""
        names = {Path(path): f"{case.name}/{Path(name).name}" for case in cases for path, name in case.files.items()}
        skipped: dict[str, str] = {}
        if names:
            report = Ingestor(self._job_settings(job_id), self.embedder).ingest(
                list(names), collection=CASE_COLLECTION, remove_missing=False, progress=False, display_names=names
            )
            skipped = {item.path: item.reason for item in report.skipped}
        prepared: dict[str, PreparedCase] = {}
        for case in cases:
            shown = [names[Path(path)] for path in case.files]
            errors = [f"„{Path(name).name}“: {skipped[name]}" for name in shown if name in skipped]
            doc_ids = [document_id(Path(path)) for path in case.files] + list(case.doc_ids)
            prepared[case.name] = PreparedCase(doc_ids=[] if errors else doc_ids, error=" ".join(errors))
        return PreparedCases(cases=prepared)

    def index(self, job_id: str, cases: list[CaseSpec], owner_scope: Scope) -> CaseIndex:
        """The job's private index for uploaded cases; else the clerk's index, read within the owner's scope."""
        if any(case.files for case in cases):
            private = SearchIndex(self.paths.case_index(job_id), self.embedder, self.settings.search)
            return CaseIndex(private, Scope.of(CASE_COLLECTION))
        return CaseIndex(self._main_index(), owner_scope)
