"""Documents: list, show (pages and passages for the source view), upload into a collection (ingested at once),
delete. Reads go through the user's read scope; uploads and deletes need write permission on the collection."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile

from assistant.api.auth import CurrentUser, ReadScope
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
from ingest.types import Scope

router = APIRouter(prefix="/api/documents", tags=["documents"])
_GONE = "Dieses Dokument gibt es (nicht mehr) im Index."


@router.get("", response_model=list[DocumentPublic])
def list_documents(services: ServicesDep, scope: ReadScope) -> list[DocumentPublic]:
    try:
        return [DocumentPublic.of(document) for document in services.index.store.documents(scope)]
    except IndexMissingError:
        return []


@router.get("/{doc_id}", response_model=DocumentDetailPublic)
def show_document(doc_id: str, services: ServicesDep, scope: ReadScope) -> DocumentDetailPublic:
    """Ein Dokument mit Seitentexten und Abschnitten (für die Fundstellen-Ansicht)."""
    store = services.index.store
    document = store.document(doc_id, scope)
    if document is None:
        raise NotFoundError(_GONE)
    return DocumentDetailPublic(
        **DocumentPublic.of(document).model_dump(),
        metadata=document.metadata,
        page_texts=[PagePublic.of(page) for page in store.pages(doc_id, scope)],
        passage_refs=[PassageRefPublic.of(passage) for passage in store.passages_of(doc_id, scope)],
    )


@router.post("", response_model=UploadResultPublic)
def upload_documents(
    services: ServicesDep,
    principal: CurrentUser,
    files: Annotated[list[UploadFile], File(description="Eine oder mehrere Dateien")],
    collection: Annotated[str, Form(description="Die Sammlung, zu der die Dateien gehören")],
) -> UploadResultPublic:
    """Dateien in eine Sammlung hochladen (Schreibrecht nötig); sie werden sofort eingelesen. Abgelehnte
    Dateien ändern nichts am Index."""
    services.collections.require(principal, collection, "write")
    server = services.settings.server
    folder = server.uploads_dir / uuid.uuid4().hex
    saved = save_uploads(files, folder, max_files=server.max_upload_files, max_mb=server.max_upload_mb)
    report = services.ingest_files(saved, collection)
    skipped = [SkippedPublic(file=item.path, reason=item.reason) for item in report.skipped]
    refused = {item.file for item in skipped}
    for path, name in saved.items():
        if name in refused:
            path.unlink(missing_ok=True)
    if not report.ingested_doc_ids and skipped:
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError(422, "datei_nicht_lesbar", " ".join(f"{item.file}: {item.reason}" for item in skipped))
    store, scope = services.index.store, Scope.of(collection)
    documents = [store.document(doc_id, scope) for doc_id in report.ingested_doc_ids]
    return UploadResultPublic(documents=[DocumentPublic.of(d) for d in documents if d is not None], skipped=skipped)


@router.delete("/{doc_id}", status_code=204)
def delete_document(doc_id: str, services: ServicesDep, principal: CurrentUser) -> Response:
    """Ein Dokument aus dem Index löschen (Schreibrecht auf seine Sammlung nötig)."""
    document = services.index.store.document(doc_id, services.collections.scope(principal, "write"))
    if document is None:  # unreadable, read-only or gone: the same answer, so nothing is revealed
        raise NotFoundError(_GONE)
    services.ingestor.delete([doc_id])
    path = Path(document.path)
    ours = (services.settings.server.uploads_dir.resolve(), services.job_paths.folder.resolve())
    if any(folder in path.parents for folder in ours):  # an upload (also one made with a summary): gone with it
        path.unlink(missing_ok=True)
    return Response(status_code=204)
