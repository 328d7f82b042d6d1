"""Summaries and drafts as background jobs: start (JSON, or multipart with files), poll, cancel, delete, and
download as DOCX or Markdown."""

from __future__ import annotations

import shutil
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile
from pydantic import ValidationError

from assistant.access.accounts import Principal
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.errors import invalid_body
from assistant.api.jobs import finished_result, job_of_kind, remove_job
from assistant.api.schemas import SummaryJobPublic, TemplatePublic
from assistant.api.uploads import save_uploads
from assistant.drafts.draft import Draft, Length, SummaryJob, SummaryRequest
from assistant.drafts.draft import Form as DraftForm
from assistant.drafts.export import draft_to_docx, draft_to_markdown
from assistant.drafts.templates import templates
from assistant.shared.jobs import JobRecord, new_job_id

router = APIRouter(prefix="/api/summaries", tags=["summaries"])
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get("/templates", response_model=list[TemplatePublic])
def list_templates() -> list[TemplatePublic]:
    """Die Vorlagen (eine Datei je Vorlage in ``assistant/drafts/templates``)."""
    return [TemplatePublic.of(template) for template in templates().values()]


@router.post("", response_model=SummaryJobPublic, status_code=202)
def start_summary(body: SummaryRequest, services: ServicesDep, principal: CurrentUser) -> SummaryJobPublic:
    """Zusammenfassung schon eingelesener Dokumente starten. Antwort: der Auftrag (202)."""
    job = SummaryJob(**body.model_dump())
    return SummaryJobPublic.of(services.jobs.submit("summary", job, owner=principal.name))


@router.post("/uploads", response_model=SummaryJobPublic, status_code=202)
def start_summary_of_uploads(
    services: ServicesDep,
    principal: CurrentUser,
    files: Annotated[list[UploadFile], File(description="Dateien, die eingelesen und zusammengefasst werden")],
    collection: Annotated[str, Form(description="Die Sammlung, in die die Dateien eingelesen werden")],
    doc_ids: Annotated[list[str], Form(description="Zusätzlich: Ids schon eingelesener Dokumente")] = [],  # noqa: B006
    template: Annotated[str, Form()] = "zusammenfassung",
    length: Annotated[Length, Form()] = "ausfuehrlich",
    form: Annotated[DraftForm | None, Form()] = None,
) -> SummaryJobPublic:
    """Zusammenfassung hochgeladener Dateien (``multipart/form-data``) starten; die Dateien kommen in die
    Sammlung ``collection`` (Schreibrecht nötig). Antwort: der Auftrag (202)."""
    services.collections.require(principal, collection, "write")
    job_id = new_job_id()
    server = services.settings.server
    folder = services.job_paths.uploads(job_id)
    saved = save_uploads(files, folder, max_files=server.max_upload_files, max_mb=server.max_upload_mb)
    try:
        job = SummaryJob(
            template=template,
            length=length,
            form=form,
            doc_ids=[doc_id for doc_id in doc_ids if doc_id],
            files={str(path): name for path, name in saved.items()},
            collection=collection,
        )
    except ValidationError as exc:
        shutil.rmtree(services.job_paths.job_folder(job_id), ignore_errors=True)
        raise invalid_body(exc) from exc
    return SummaryJobPublic.of(services.jobs.submit("summary", job, owner=principal.name, job_id=job_id))


@router.get("/{job_id}", response_model=SummaryJobPublic)
def get_summary(job_id: str, services: ServicesDep, principal: CurrentUser) -> SummaryJobPublic:
    """Stand des Auftrags (``done``/``total``), bei ``fertig`` mit dem Entwurf."""
    return SummaryJobPublic.of(_job(job_id, services, principal))


@router.post("/{job_id}/cancel", response_model=SummaryJobPublic)
def cancel_summary(job_id: str, services: ServicesDep, principal: CurrentUser) -> SummaryJobPublic:
    """Auftrag abbrechen; es bleibt kein halber Entwurf zurück."""
    _job(job_id, services, principal)
    return SummaryJobPublic.of(services.jobs.cancel(job_id))


@router.delete("/{job_id}", status_code=204)
def delete_summary(job_id: str, services: ServicesDep, principal: CurrentUser) -> Response:
    """Auftrag mit Entwurf und hochgeladenen Dateien löschen (eingelesene Dokumente bleiben im Index)."""
    remove_job(services, _job(job_id, services, principal))
    return Response(status_code=204)


@router.get("/{job_id}/entwurf.docx", response_class=Response)
def download_docx(job_id: str, services: ServicesDep, principal: CurrentUser) -> Response:
    draft = _draft(job_id, services, principal)
    return Response(draft_to_docx(draft), media_type=_DOCX, headers=_attachment(draft, "docx"))


@router.get("/{job_id}/entwurf.md", response_class=Response)
def download_markdown(job_id: str, services: ServicesDep, principal: CurrentUser) -> Response:
    draft = _draft(job_id, services, principal)
    return Response(
        draft_to_markdown(draft), media_type="text/markdown; charset=utf-8", headers=_attachment(draft, "md")
    )


def _job(job_id: str, services: ServicesDep, principal: Principal) -> JobRecord:
    return job_of_kind(services, principal, job_id, "summary", "Diesen Zusammenfassungs-Auftrag gibt es nicht.")


def _draft(job_id: str, services: ServicesDep, principal: Principal) -> Draft:
    return Draft.model_validate(
        finished_result(_job(job_id, services, principal), "Der Entwurf ist noch nicht fertig.")
    )


def _attachment(draft: Draft, suffix: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{draft.template}-entwurf.{suffix}"'}
