"""FastAPI app factory: the API routers, the web page, error handlers, and the job runner's lifetime."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from assistant.api.audit_log import AuditMiddleware
from assistant.api.auth import SIGNED_IN
from assistant.api.docs import install_docs
from assistant.api.errors import install_error_handlers
from assistant.api.routers import (
    admin,
    auth,
    batch,
    chat,
    collections,
    conversations,
    documents,
    health,
    oidc,
    openai,
    search,
    summaries,
)
from assistant.api.security import SameOriginGuard, allowed_hosts
from assistant.services import Services
from assistant.settings import Settings
from models.offline import is_offline

logger = logging.getLogger(__name__)
WEB = Path(__file__).parent.parent / "web"


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    settings = settings or Settings()
    services = services or Services(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        logger.info(
            "Offline mode %s: models load from local files only, no connection leaves this machine",
            "active" if is_offline() else "NOT active",
        )
        services.jobs.start()  # resumes the jobs an earlier run left unfinished
        if settings.server.warm_up:
            threading.Thread(target=services.warm_up, name="warm-up", daemon=True).start()
        yield
        services.jobs.stop()

    app = FastAPI(
        title="Verwaltungsassistent",
        description="Recherche in eigenen Dokumenten mit geprüften Quellenangaben – lokal, ohne Datenabfluss.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served below, to signed-in users only
        strict_content_type=True,  # a body without Content-Type is never taken for JSON
        form_limits={"max_files": max(settings.batch.max_files, settings.server.max_upload_files) + 1},
    )
    app.state.services = services
    app.add_middleware(AuditMiddleware)
    app.add_middleware(SameOriginGuard, hosts=allowed_hosts(settings.server.host, settings.server.allowed_hosts))
    install_error_handlers(app)
    install_docs(app)
    for module in (chat, conversations, search, documents, collections, summaries, batch, admin, openai):
        app.include_router(module.router, dependencies=SIGNED_IN)
    for module in (auth, oidc, health):  # the only routes open without sign-in
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html")  # shows the sign-in form until /api/auth/me answers

    @app.get("/openapi.json", include_in_schema=False, dependencies=SIGNED_IN)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    return app
