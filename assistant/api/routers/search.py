"""GET /api/search: the hybrid search on its own (passages with document, page, § and offsets)."""

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.api.auth import CurrentUser
from assistant.api.deps import ServicesDep
from assistant.api.schemas import SourcePublic

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=list[SourcePublic])
def search(
    services: ServicesDep,
    principal: CurrentUser,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="Suchanfrage")],
    k: Annotated[int, Query(ge=1, le=50)] = 10,
    collections: Annotated[
        list[str] | None, Query(description="Nur in diesen Sammlungen (Standard: alle lesbaren)")
    ] = None,
) -> list[SourcePublic]:
    hits = services.index.search(q, services.collections.narrowed(principal, collections), k=k)
    return [SourcePublic.numbered(rank, hit) for rank, hit in enumerate(hits, start=1)]
