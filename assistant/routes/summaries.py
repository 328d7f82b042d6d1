"""Summaries and drafts as background jobs: start, poll, cancel, download as DOCX or Markdown."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from assistant.deps import ServicesDep
from assistant.errors import ApiError
from assistant.exports import draft_to_docx, draft_to_markdown
from assistant.jobs import JobRecord
from assistant.routes.jobs import finished_result, job_of_kind
from assistant.routes.uploads import json_body, save_uploads
from assistant.schemas import Draft, JobPublic
from assistant.summaries import SummaryRequest, template_for, templates

router = APIRouter(prefix="/api/summaries", tags=["summaries"])
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class SummaryJobPublic(JobPublic):
    draft: Draft | None = None


class TemplatePublic(BaseModel):
    id: str
    title: str
    description: str
    sections: list[str]


@router.get("/templates", response_model=list[TemplatePublic])
def list_templates() -> list[TemplatePublic]:
    """Die Vorlagen (eine Datei je Vorlage in ``assistant/prompts/templates``)."""
    return [
        TemplatePublic(id=t.id, title=t.title, description=t.description, sections=[s.heading for s in t.sections])
        for t in templates().values()
    ]


@router.post("", response_model=SummaryJobPublic, status_code=202)
async def start_summary(request: Request, services: ServicesDep) -> SummaryJobPublic:
    """Zusammenfassung starten: JSON ``{"doc_ids": [...], "template": "vermerk", "length": "kurz"}`` oder
    ``multipart/form-data`` mit Dateien (``files``) und denselben Feldern. Antwort: der Auftrag (202)."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
        fields = {
            "doc_ids": [str(value) for value in form.getlist("doc_ids") if str(value)],
            **{key: str(form[key]) for key in ("template", "length", "form") if form.get(key)},
        }
    else:
        uploads, fields = [], await json_body(request)
    try:
        summary = SummaryRequest.model_validate(fields)
    except ValidationError as exc:
        raise ApiError(422, "ungueltige_anfrage", "Die Angaben zur Zusammenfassung sind ungültig.") from exc
    template_for(summary.template)
    if not uploads and not summary.doc_ids:
        raise ApiError(422, "keine_dokumente", "Bitte mindestens ein Dokument wählen oder eine Datei hochladen.")
    files = save_uploads(uploads, services.settings.jobs.folder / "uploads" / uuid.uuid4().hex, services.settings)
    params = summary.model_dump()
    if files:
        params["files"] = {str(path): name for path, name in files.items()}
    return SummaryJobPublic(**JobPublic.fields_of(services.jobs.submit("summary", params)))


@router.get("/{job_id}", response_model=SummaryJobPublic)
def get_summary(job_id: str, services: ServicesDep) -> SummaryJobPublic:
    """Stand des Auftrags (``done``/``total``), bei ``fertig`` mit dem Entwurf."""
    record = _job(job_id, services)
    return SummaryJobPublic(
        **JobPublic.fields_of(record), draft=Draft.model_validate(record.result) if record.result else None
    )


@router.post("/{job_id}/cancel", response_model=SummaryJobPublic)
def cancel_summary(job_id: str, services: ServicesDep) -> SummaryJobPublic:
    """Auftrag abbrechen; es bleibt kein halber Entwurf zurück."""
    _job(job_id, services)
    return SummaryJobPublic(**JobPublic.fields_of(services.jobs.cancel(job_id)))


@router.get("/{job_id}/entwurf.docx", response_class=Response)
def download_docx(job_id: str, services: ServicesDep) -> Response:
    draft = _draft(job_id, services)
    return Response(draft_to_docx(draft), media_type=_DOCX, headers=_attachment(draft, "docx"))


@router.get("/{job_id}/entwurf.md", response_class=Response)
def download_markdown(job_id: str, services: ServicesDep) -> Response:
    draft = _draft(job_id, services)
    return Response(
        draft_to_markdown(draft), media_type="text/markdown; charset=utf-8", headers=_attachment(draft, "md")
    )


def _job(job_id: str, services: ServicesDep) -> JobRecord:
    return job_of_kind(services, job_id, "summary", "Diesen Zusammenfassungs-Auftrag gibt es nicht.")


def _draft(job_id: str, services: ServicesDep) -> Draft:
    return Draft.model_validate(finished_result(_job(job_id, services), "Der Entwurf ist noch nicht fertig."))


def _attachment(draft: Draft, suffix: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{draft.template}-entwurf.{suffix}"'}
