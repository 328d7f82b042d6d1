"""``/docs`` served entirely from this machine: Swagger UI's files come from the installed ``fastapi-offline``
package, the page and its start script from ``web/docs`` (no inline script, no CDN)."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from assistant.api.auth import SIGNED_IN

SWAGGER_ASSETS = Path(fastapi_offline.__file__).parent / "static"
DOCS_PAGE = Path(__file__).parent.parent / "web" / "docs" / "index.html"


def install_docs(app: FastAPI) -> None:
    app.mount("/docs/assets", StaticFiles(directory=SWAGGER_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False, dependencies=SIGNED_IN)
    def docs() -> FileResponse:
        return FileResponse(DOCS_PAGE)
