"""Collections: list (those the user may read; admins all), create, change grants, delete with their documents."""

from __future__ import annotations

from fastapi import APIRouter, Response

from assistant.access.collections import Collection
from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.schemas import CollectionPublic, CollectionRequest, GrantsRequest
from assistant.services import Services
from ingest.errors import IndexMissingError
from ingest.types import Scope

router = APIRouter(prefix="/api/collections", tags=["collections"])


@router.get("", response_model=list[CollectionPublic])
def list_collections(services: ServicesDep, principal: CurrentUser) -> list[CollectionPublic]:
    """Die Sammlungen, die Sie lesen dürfen, mit Ihrer Berechtigung (Admins: alle, um Freigaben zu pflegen)."""
    sizes = _sizes(services)
    return [CollectionPublic.of(c, sizes.get(c.name, 0)) for c in services.collections.visible(principal)]


@router.post("", response_model=CollectionPublic, status_code=201)
def create_collection(body: CollectionRequest, services: ServicesDep, principal: CurrentUser) -> CollectionPublic:
    """Neue Sammlung; wer sie anlegt, darf sie verwalten. Freigaben addieren sich, ohne Freigabe kein Zugriff."""
    grants = [grant.to_grant() for grant in body.grants]
    return _public(services, services.collections.create(principal, body.name, body.title, grants))


@router.put("/{name}/grants", response_model=CollectionPublic)
def set_grants(name: str, body: GrantsRequest, services: ServicesDep, principal: CurrentUser) -> CollectionPublic:
    """Die Freigaben einer Sammlung ersetzen (Verwaltungsrecht oder Admin)."""
    grants = [grant.to_grant() for grant in body.grants]
    return _public(services, services.collections.set_grants(principal, name, grants))


@router.delete("/{name}", status_code=204)
def delete_collection(name: str, services: ServicesDep, principal: CurrentUser) -> Response:
    """Sammlung mit ihren Dokumenten löschen (Verwaltungsrecht oder Admin)."""
    services.collections.delete(principal, name)
    try:
        doc_ids = [document.doc_id for document in services.index.store.documents(Scope.of(name))]
    except IndexMissingError:
        doc_ids = []
    if doc_ids:
        services.ingestor.delete(doc_ids)
    return Response(status_code=204)


def _sizes(services: Services) -> dict[str, int]:
    try:
        return services.index.store.collection_sizes()
    except IndexMissingError:
        return {}


def _public(services: Services, collection: Collection) -> CollectionPublic:
    return CollectionPublic.of(collection, _sizes(services).get(collection.name, 0))
