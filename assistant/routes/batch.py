"""Batch analysis as background jobs: start with a field list and cases, poll, cancel, download results."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from typing import Any

import yaml
from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from assistant.batch import BatchRequest, CaseSpec, load_schema, parse_schema
from assistant.deps import ServicesDep
from assistant.errors import ApiError, BatchError, NotFoundError
from assistant.exports import batch_to_csv, batch_to_jsonl, batch_to_xlsx
from assistant.jobs import JobRecord
from assistant.routes.jobs import finished_result, job_of_kind
from assistant.routes.uploads import json_body, save_uploads
from assistant.schemas import BatchResult, JobPublic

router = APIRouter(prefix="/api/batch", tags=["batch"])
logger = logging.getLogger(__name__)
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOWNLOADS = {
    "csv": (batch_to_csv, "text/csv; charset=utf-8"),
    "xlsx": (batch_to_xlsx, _XLSX),
    "jsonl": (batch_to_jsonl, "application/x-ndjson; charset=utf-8"),
}


class ExamplePublic(BaseModel):
    file: str
    name: str
    yaml: str


class BatchJobPublic(JobPublic):
    cells_done: int = 0
    cells_total: int = 0
    result: BatchResult | None = None


def _public(record: JobRecord) -> BatchJobPublic:
    fields = len(record.params.get("schema", {}).get("felder", []))
    result = BatchResult.model_validate(record.result) if record.result else None
    cases_done = record.done if record.total else 0
    return BatchJobPublic(
        **JobPublic.fields_of(record), cells_done=cases_done * fields, cells_total=record.total * fields, result=result
    )


@router.post("", response_model=BatchJobPublic, status_code=202)
async def start_batch(request: Request, services: ServicesDep) -> BatchJobPublic:
    """Auswertung starten. JSON: ``{"schema": {...}, "cases": [{"name": "Fall 1", "doc_ids": [...]}]}`` für schon
    eingelesene Dokumente, oder ``multipart/form-data`` mit ``schema`` (YAML/JSON-Text oder Datei) und Dateien
    ``files``; der Fall einer Datei ist ihr Ordner im Dateinamen (``fall-1/antrag.pdf``) oder ihr Name."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        params = await _multipart_params(request, services)
    else:
        params = await json_body(request)
        if not isinstance(params, dict):
            raise ApiError(422, "ungueltige_anfrage", "Erwartet wird ein JSON-Objekt mit „schema“ und „cases“.")
        if isinstance(params.get("schema"), dict):
            params["schema"] = parse_schema(params["schema"]).model_dump(mode="json")
        if any(isinstance(case, dict) and case.get("files") for case in params.get("cases") or []):
            # server paths from a client would let it read any file: files come only as uploads
            raise ApiError(422, "ungueltige_anfrage", "Dateien bitte als multipart/form-data hochladen.")
    try:
        batch = BatchRequest.model_validate(params)
    except ValueError as exc:
        raise ApiError(422, "ungueltige_anfrage", "Felder oder Fälle fehlen oder sind ungültig.") from exc
    record = services.jobs.submit("batch", batch.model_dump(mode="json", by_alias=True))
    return _public(record)


async def _multipart_params(request: Request, services: ServicesDep) -> dict[str, Any]:
    form = await request.form()
    raw_schema = form.get("schema")
    text = (await raw_schema.read()).decode("utf-8") if isinstance(raw_schema, UploadFile) else str(raw_schema or "")
    try:
        schema = parse_schema(yaml.safe_load(text) if text.strip() else None, "Felder")
    except yaml.YAMLError as exc:
        raise BatchError("Die Felder sind kein gültiges YAML oder JSON.") from exc
    uploads = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
    if not uploads:
        raise ApiError(422, "keine_dateien", "Bitte die Fallakten als Dateien hochladen.")
    relative = _relative_names([upload.filename or "datei" for upload in uploads])
    folder = services.settings.jobs.folder / "uploads" / uuid.uuid4().hex
    saved = save_uploads(uploads, folder, services.settings, max_files=services.settings.batch.max_files)
    cases: dict[str, dict[str, str]] = defaultdict(dict)
    for path, parts in zip(saved, relative, strict=True):
        case = parts[0] if len(parts) > 1 else parts[0].rsplit(".", 1)[0]
        cases[case][str(path.resolve())] = parts[-1]
    specs = [CaseSpec(name=name, files=files) for name, files in sorted(cases.items())]
    return {"schema": schema.model_dump(mode="json"), "cases": [spec.model_dump(mode="json") for spec in specs]}


def _relative_names(names: list[str]) -> list[list[str]]:
    """Path parts of each uploaded name below the folder the clerk picked: "akten/fall-7/antrag.pdf" and
    "akten/fall-8.pdf" give the cases "fall-7" (a sub-folder) and "fall-8" (a single file)."""
    parts = [[part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")] for name in names]
    while all(len(p) > 1 for p in parts) and len({p[0] for p in parts}) == 1:
        parts = [p[1:] for p in parts]
    return parts


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
def get_batch(job_id: str, services: ServicesDep) -> BatchJobPublic:
    """Stand des Auftrags (Fälle und Angaben erledigt/gesamt, geschätzte Restzeit), bei ``fertig`` mit Ergebnis."""
    return _public(_job(job_id, services))


@router.post("/{job_id}/cancel", response_model=BatchJobPublic)
def cancel_batch(job_id: str, services: ServicesDep) -> BatchJobPublic:
    _job(job_id, services)
    return _public(services.jobs.cancel(job_id))


@router.get("/{job_id}/result.{suffix}", response_class=Response)
def download_result(job_id: str, suffix: str, services: ServicesDep) -> Response:
    """Ergebnis als ``csv``, ``xlsx`` (Quellen als Kommentare und im Blatt „Quellen“) oder ``jsonl``."""
    if suffix not in _DOWNLOADS:
        raise NotFoundError("Dieses Format gibt es nicht (csv, xlsx oder jsonl).")
    result = finished_result(_job(job_id, services), "Die Auswertung ist noch nicht fertig.")
    writer, media_type = _DOWNLOADS[suffix]
    headers = {"Content-Disposition": f'attachment; filename="auswertung-{job_id}.{suffix}"'}
    return Response(writer(BatchResult.model_validate(result)), media_type=media_type, headers=headers)


def _job(job_id: str, services: ServicesDep) -> JobRecord:
    return job_of_kind(services, job_id, "batch", "Diesen Auswertungs-Auftrag gibt es nicht.")
