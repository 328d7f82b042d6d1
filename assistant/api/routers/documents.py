"""Documents: list, show (pages and passages for the source view), upload (ingested at once), delete."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Response, UploadFile

from assistant.api.deps import ServicesDep
from assistant.api.errors import ApiError, NotFoundError
from assistant.api.schemas import (
    DocumentDetailPublic,
    DocumentPublic,
    PagePublic,
    PassageRefPublic,
    SkippedPublic,
    UploadResultPublic,
)
from assistant.api.uploads import save_uploads
from ingest.errors import IndexMissingError

router = APIRouter(prefix="/api/documents", tags=["documents"])
_GONE = "Dieses Dokument gibt es (nicht mehr) im Index."


@router.get("", response_model=list[DocumentPublic])
def list_documents(services: ServicesDep) -> list[DocumentPublic]:
    try:
        return [DocumentPublic.of(document) for document in services.index.store.documents()]
    except IndexMissingError:
        return []


@router.get("/{doc_id}", response_model=DocumentDetailPublic)
def show_document(doc_id: str, services: ServicesDep) -> DocumentDetailPublic:
    store = services.index.store
    document = store.document(doc_id)
    if document is None:
        raise NotFoundError(_GONE)
    return DocumentDetailPublic(
        **DocumentPublic.of(document).model_dump(),
        metadata=document.metadata,
        page_texts=[PagePublic.of(page) for page in store.pages(doc_id)],
        passage_refs=[PassageRefPublic.of(passage) for passage in store.passages_of(doc_id)],
    )


@router.post("", response_model=UploadResultPublic)
def upload_documents(
    services: ServicesDep, files: Annotated[list[UploadFile], File(description="Eine oder mehrere Dateien")]
) -> UploadResultPublic:
    """Dateien hochladen; sie werden sofort eingelesen. Abgelehnte Dateien ändern nichts am Index."""
    server = services.settings.server
    folder = server.uploads_dir / uuid.uuid4().hex
    saved = save_uploads(files, folder, max_files=server.max_upload_files, max_mb=server.max_upload_mb)
    report = services.ingest_files(saved)
    skipped = [SkippedPublic(file=item.path, reason=item.reason) for item in report.skipped]
    refused = {item.file for item in skipped}
    for path, name in saved.items():
        if name in refused:
            path.unlink(missing_ok=True)
    if not report.ingested_doc_ids and skipped:
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError(422, "datei_nicht_lesbar", " ".join(f"{item.file}: {item.reason}" for item in skipped))
    store = services.index.store
    documents = [store.document(doc_id) for doc_id in report.ingested_doc_ids]
    return UploadResultPublic(documents=[DocumentPublic.of(d) for d in documents if d is not None], skipped=skipped)


@router.delete("/{doc_id}", status_code=204)
def delete_document(doc_id: str, services: ServicesDep) -> Response:
    document = services.index.store.document(doc_id)
    if document is None:
        raise NotFoundError(_GONE)
    services.ingestor.delete([doc_id])
    path = Path(document.path)
    ours = (services.settings.server.uploads_dir.resolve(), services.job_paths.folder.resolve())
    if any(folder in path.parents for folder in ours):  # an upload (also one made with a summary): gone with it
        path.unlink(missing_ok=True)
    return Response(status_code=204)
