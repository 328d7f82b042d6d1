"""Documents: list, show (pages and passages for the source view), upload (ingested at once), delete."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Response, UploadFile

from assistant.deps import ServicesDep
from assistant.errors import ApiError, NotFoundError
from assistant.routes.uploads import save_uploads
from assistant.schemas import (
    DocumentDetailPublic,
    DocumentPublic,
    PagePublic,
    PassageRefPublic,
    SkippedPublic,
    UploadResultPublic,
)
from ingest.errors import IndexMissingError
from ingest.passage_store import StoredDocument

router = APIRouter(prefix="/api/documents", tags=["documents"])


def _public(document: StoredDocument) -> DocumentPublic:
    return DocumentPublic(
        id=document.doc_id,
        title=document.title,
        source=document.source,
        format=document.format,
        pages=document.page_count,
        passages=document.passage_count,
        ocr_pages=document.ocr_pages,
        size_bytes=document.size_bytes,
        ingested_at=document.ingested_at,
    )


@router.get("", response_model=list[DocumentPublic])
def list_documents(services: ServicesDep) -> list[DocumentPublic]:
    try:
        return [_public(document) for document in services.index.store.documents()]
    except IndexMissingError:
        return []


@router.get("/{doc_id}", response_model=DocumentDetailPublic)
def show_document(doc_id: str, services: ServicesDep) -> DocumentDetailPublic:
    store = services.index.store
    document = store.document(doc_id)
    if document is None:
        raise NotFoundError("Dieses Dokument gibt es (nicht mehr) im Index.")
    return DocumentDetailPublic(
        **_public(document).model_dump(),
        metadata=document.metadata,
        page_texts=[
            PagePublic(number=p.number, char_start=p.char_start, ocr=p.ocr, text=p.text) for p in store.pages(doc_id)
        ],
        passage_refs=[
            PassageRefPublic(
                passage_id=p.passage_id,
                page_start=p.page_start,
                page_end=p.page_end,
                section=p.section,
                heading=p.heading,
                char_start=p.char_start,
                char_end=p.char_end,
            )
            for p in store.passages_of(doc_id)
        ],
    )


@router.post("", response_model=UploadResultPublic)
def upload_documents(
    services: ServicesDep, files: Annotated[list[UploadFile], File(description="Eine oder mehrere Dateien")]
) -> UploadResultPublic:
    """Dateien hochladen; sie werden sofort eingelesen. Abgelehnte Dateien ändern nichts am Index."""
    folder = services.settings.server.uploads_dir / uuid.uuid4().hex
    saved = save_uploads(files, folder, services.settings)
    report = services.ingestor.ingest(list(saved), remove_missing=False, progress=False, display_names=saved)
    skipped = [SkippedPublic(file=item.path, reason=item.reason) for item in report.skipped]
    for path, name in saved.items():
        if name in {item.file for item in skipped}:
            path.unlink(missing_ok=True)
    if not report.ingested_doc_ids and skipped:
        shutil.rmtree(folder, ignore_errors=True)
        reasons = " ".join(f"{item.file}: {item.reason}" for item in skipped)
        raise ApiError(422, "datei_nicht_lesbar", reasons)
    store = services.index.store
    documents = [store.document(doc_id) for doc_id in report.ingested_doc_ids]
    return UploadResultPublic(documents=[_public(d) for d in documents if d is not None], skipped=skipped)


@router.delete("/{doc_id}", status_code=204)
def delete_document(doc_id: str, services: ServicesDep) -> Response:
    document = services.index.store.document(doc_id)
    if document is None:
        raise NotFoundError("Dieses Dokument gibt es (nicht mehr) im Index.")
    services.ingestor.delete([doc_id])
    uploads = services.settings.server.uploads_dir.resolve()
    path = Path(document.path)
    if uploads in path.parents:
        path.unlink(missing_ok=True)
    return Response(status_code=204)
