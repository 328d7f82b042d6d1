"""GET /api/search: the hybrid search on its own (passages with document, page, § and offsets)."""

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.deps import ServicesDep
from assistant.schemas import SearchHitPublic

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=list[SearchHitPublic])
def search(
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description="Suchanfrage")],
    k: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[SearchHitPublic]:
    hits = services.index.search(q, k=k)
    return [SearchHitPublic.from_hit(rank, hit) for rank, hit in enumerate(hits, start=1)]
