"""GET /healthz."""

from urllib.parse import urlsplit

from fastapi import APIRouter

from assistant.api.deps import ServicesDep
from assistant.api.schemas import HealthPublic
from ingest.errors import IndexMissingError
from models.offline import is_offline

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthPublic)
def health(services: ServicesDep) -> HealthPublic:
    try:
        manifest = services.index.manifest
        documents, passages = manifest.documents, manifest.passages
    except IndexMissingError:
        documents = passages = 0
    llm = services.settings.llm
    if llm.backend == "openai":
        host = urlsplit(llm.base_url).hostname or llm.base_url
        shown = f"{llm.model or 'erstes Modell'} auf dem Server {host}"
    else:
        shown = llm.model_path.name if llm.model_path else "Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, mitgeliefert)"
    return HealthPublic(
        status="ok",
        offline=is_offline(),
        documents=documents,
        passages=passages,
        embedder=services.settings.embedder.backend,
        llm=shown,
        llm_backend=llm.backend,
    )
