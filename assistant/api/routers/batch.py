"""Batch analysis as background jobs: start (JSON for indexed documents, or multipart with the case files),
poll, cancel, delete, and download the results."""

from __future__ import annotations

import logging
import shutil
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile

from assistant.access.accounts import Principal
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import NotFoundError
from assistant.api.jobs import finished_result, job_of_kind, remove_job
from assistant.api.schemas import BatchJobPublic, ExamplePublic
from assistant.api.uploads import save_uploads
from assistant.batch.cases import BatchJob, BatchRequest, CaseSpec, cases_from_uploads
from assistant.batch.export import batch_to_csv, batch_to_jsonl, batch_to_xlsx
from assistant.batch.fields import load_schema, parse_schema_text
from assistant.batch.results import BatchResult
from assistant.shared.errors import BatchError
from assistant.shared.jobs import JobRecord, new_job_id

router = APIRouter(prefix="/api/batch", tags=["batch"])
logger = logging.getLogger(__name__)
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOWNLOADS = {
    "csv": (batch_to_csv, "text/csv; charset=utf-8"),
    "xlsx": (batch_to_xlsx, _XLSX),
    "jsonl": (batch_to_jsonl, "application/x-ndjson; charset=utf-8"),
}


@router.post("", response_model=BatchJobPublic, status_code=202)
def start_batch(body: BatchRequest, services: ServicesDep, principal: CurrentUser) -> BatchJobPublic:
    """Auswertung schon eingelesener Dokumente:
    ``{"schema": {...}, "cases": [{"name": "Fall 1", "doc_ids": [...]}]}``."""
    cases = [CaseSpec(name=case.name, doc_ids=case.doc_ids) for case in body.cases]
    job = BatchJob(schema_=body.schema_, cases=cases)
    return BatchJobPublic.of(services.jobs.submit("batch", job, owner=principal.name))


@router.post("/uploads", response_model=BatchJobPublic, status_code=202)
def start_batch_of_uploads(
    services: ServicesDep,
    principal: CurrentUser,
    field_list: Annotated[str, Form(alias="schema", description="Die Feldliste als YAML- oder JSON-Text")],
    files: Annotated[list[UploadFile], File(description="Die Fallakten; der Ordner im Dateinamen ist der Fall")],
) -> BatchJobPublic:
    """Auswertung hochgeladener Fallakten (``multipart/form-data``): der Fall einer Datei ist ihr Ordner im
    Dateinamen (``fall-1/antrag.pdf``) oder ihr Name."""
    fields = parse_schema_text(field_list)  # refused before anything is saved
    job_id = new_job_id()
    saved = save_uploads(
        files,
        services.job_paths.uploads(job_id),
        max_files=services.settings.batch.max_files,
        max_mb=services.settings.server.max_upload_mb,
    )
    try:
        job = BatchJob(schema_=fields, cases=cases_from_uploads(saved))
    except ValueError as exc:  # two uploads that name the same case, or too many cases
        shutil.rmtree(services.job_paths.job_folder(job_id), ignore_errors=True)
        raise BatchError("Die hochgeladenen Dateien ergeben keine eindeutigen Fälle.") from exc
    return BatchJobPublic.of(services.jobs.submit("batch", job, owner=principal.name, job_id=job_id))


@router.get("/examples", response_model=list[ExamplePublic])
def list_examples(services: ServicesDep) -> list[ExamplePublic]:
    """Mitgelieferte Feldlisten (YAML) als Vorlage für eigene Auswertungen."""
    examples = []
    for path in sorted(services.settings.batch.examples_dir.glob("*.y*ml")):
        try:
            examples.append(ExamplePublic(file=path.name, name=load_schema(path).name, yaml=path.read_text("utf-8")))
        except BatchError:
            logger.warning("Example field list %s is invalid and not offered", path)
    return examples


@router.get("/{job_id}", response_model=BatchJobPublic)
def get_batch(job_id: str, services: ServicesDep, principal: CurrentUser) -> BatchJobPublic:
    """Stand des Auftrags (Fälle und Angaben erledigt/gesamt, geschätzte Restzeit), bei ``fertig`` mit Ergebnis."""
    return BatchJobPublic.of(_job(job_id, services, principal))


@router.post("/{job_id}/cancel", response_model=BatchJobPublic)
def cancel_batch(job_id: str, services: ServicesDep, principal: CurrentUser) -> BatchJobPublic:
    _job(job_id, services, principal)
    return BatchJobPublic.of(services.jobs.cancel(job_id))


@router.delete("/{job_id}", status_code=204)
def delete_batch(job_id: str, services: ServicesDep, principal: CurrentUser) -> Response:
    """Auftrag mit Ergebnis, hochgeladenen Fallakten und ihrem privaten Index löschen."""
    remove_job(services, _job(job_id, services, principal))
    return Response(status_code=204)


@router.get("/{job_id}/result.{suffix}", response_class=Response)
def download_result(job_id: str, suffix: str, services: ServicesDep, principal: CurrentUser) -> Response:
    """Ergebnis als ``csv``, ``xlsx`` (Quellen als Kommentare und im Blatt „Quellen“) oder ``jsonl``."""
    if suffix not in _DOWNLOADS:
        raise NotFoundError("Dieses Format gibt es nicht (csv, xlsx oder jsonl).")
    result = finished_result(_job(job_id, services, principal), "Die Auswertung ist noch nicht fertig.")
    writer, media_type = _DOWNLOADS[suffix]
    headers = {"Content-Disposition": f'attachment; filename="auswertung-{job_id}.{suffix}"'}
    return Response(writer(BatchResult.model_validate(result)), media_type=media_type, headers=headers)


def _job(job_id: str, services: ServicesDep, principal: Principal) -> JobRecord:
    return job_of_kind(services, principal, job_id, "batch", "Diesen Auswertungs-Auftrag gibt es nicht.")
