"""``python -m assistant [--index DIR] [--host H] [--port P]`` starts the web server (127.0.0.1 by default)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import uvicorn

from assistant.app import create_app
from assistant.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Verwaltungsassistent starten.")
    parser.add_argument("--index", type=Path, help="Index-Ordner (ASSISTANT_INGEST__INDEX_DIR)")
    parser.add_argument("--host", help="Adresse (ASSISTANT_SERVER__HOST, Standard 127.0.0.1)")
    parser.add_argument("--port", type=int, help="Port (ASSISTANT_SERVER__PORT, Standard 8000)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings()
    if args.index:
        settings.ingest.index_dir = args.index
    if args.host:
        settings.server.host = args.host
    if args.port:
        settings.server.port = args.port
    app = create_app(settings)
    print(f"Verwaltungsassistent läuft: http://{settings.server.host}:{settings.server.port}/", flush=True)
    uvicorn.run(app, host=settings.server.host, port=settings.server.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
