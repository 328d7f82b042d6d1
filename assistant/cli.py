"""Command line: ``serve`` (default), ``summarize`` and ``batch``. Long work runs as a job in the shared job
database with a progress bar; an interrupted run (Ctrl+C, crash, killed process) is resumed by starting the
same command again, without redoing finished steps."""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from tqdm import tqdm

from assistant.app import create_app
from assistant.batch import discover_cases, load_schema
from assistant.errors import BatchError, SummaryError
from assistant.exports import batch_to_csv, batch_to_jsonl, batch_to_xlsx, draft_to_docx, draft_to_markdown
from assistant.jobs import Handler, JobKind, JobRecord, JobStore, run_job
from assistant.schemas import BatchResult, Draft
from assistant.services import Services
from assistant.settings import Settings
from assistant.summaries import templates
from models.errors import AssistantError

ORIGIN = "cli"
_BATCH_WRITERS: dict[str, Callable[[BatchResult], bytes]] = {
    ".xlsx": batch_to_xlsx,
    ".csv": batch_to_csv,
    ".jsonl": batch_to_jsonl,
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(_with_default_command(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings()
    if args.index:
        settings.ingest.index_dir = args.index
    try:
        command: Callable[[argparse.Namespace, Settings], int] = args.command_function
        return command(args, settings)
    except AssistantError as error:
        print(f"Fehler: {error.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nUnterbrochen. Derselbe Befehl setzt den Auftrag später fort.", file=sys.stderr)
        return 130


def _with_default_command(argv: list[str]) -> list[str]:
    """``python -m assistant --port 8080`` still starts the server, as before the sub-commands existed."""
    if argv and argv[0] in ("serve", "summarize", "batch", "-h", "--help"):
        return argv
    return ["serve", *argv]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Verwaltungsassistent.")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="Web-Oberfläche und API starten (Standard)")
    serve.add_argument("--host", help="Adresse (ASSISTANT_SERVER__HOST, Standard 127.0.0.1)")
    serve.add_argument("--port", type=int, help="Port (ASSISTANT_SERVER__PORT, Standard 8000)")
    serve.set_defaults(command_function=serve_command)

    summarize = commands.add_parser("summarize", help="Dokumente zusammenfassen oder einen Vermerk entwerfen")
    summarize.add_argument("documents", nargs="+", help="Dateien (werden eingelesen) oder Dokument-Ids im Index")
    summarize.add_argument("--template", default="zusammenfassung", help=f"Vorlage: {', '.join(templates())}")
    summarize.add_argument("--length", choices=["kurz", "ausfuehrlich"], default="ausfuehrlich")
    summarize.add_argument("--form", choices=["fliesstext", "stichpunkte"], help="Standard: die der Vorlage")
    summarize.add_argument("--out", type=Path, help="Zieldatei .docx oder .md (ohne Angabe: Markdown auf stdout)")
    summarize.set_defaults(command_function=summarize_command)

    batch = commands.add_parser("batch", help="Dieselben Fragen an viele Fallakten stellen, eine Zeile je Fall")
    batch.add_argument("--schema", type=Path, required=True, help="Felddatei (YAML oder JSON)")
    batch.add_argument("--cases", type=Path, required=True, help="Ordner: je Datei oder Unterordner ein Fall")
    batch.add_argument("--out", type=Path, required=True, help="Ergebnisdatei .xlsx, .csv oder .jsonl")
    batch.set_defaults(command_function=batch_command)
    for sub in (serve, summarize, batch):
        sub.add_argument("--index", type=Path, help="Index-Ordner (ASSISTANT_INGEST__INDEX_DIR)")
    return parser


def serve_command(args: argparse.Namespace, settings: Settings) -> int:
    logging.getLogger().setLevel(logging.INFO)
    if args.host:
        settings.server.host = args.host
    if args.port:
        settings.server.port = args.port
    app = create_app(settings)
    print(f"Verwaltungsassistent läuft: http://{settings.server.host}:{settings.server.port}/", flush=True)
    uvicorn.run(app, host=settings.server.host, port=settings.server.port, log_level="warning")
    return 0


def summarize_command(args: argparse.Namespace, settings: Settings) -> int:
    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in (".docx", ".md"):
        raise SummaryError("Die Zieldatei muss auf .docx oder .md enden.")
    services = Services(settings)
    doc_ids = _document_ids(args.documents, services)
    params = {"doc_ids": doc_ids, "template": args.template, "length": args.length, "form": args.form}
    record = _run("summary", params, services.run_summary, settings)
    draft = Draft.model_validate(record.result)
    if out is None:
        print(draft_to_markdown(draft))
    else:
        _write_atomically(out, draft_to_docx(draft) if out.suffix.lower() == ".docx" else draft_to_markdown(draft))
        pages = sorted({source.page for source in draft.sources})
        print(f"Entwurf gespeichert: {out} ({len(draft.sources)} geprüfte Quellen, Seiten {_ranges(pages)}).")
    return 0


def batch_command(args: argparse.Namespace, settings: Settings) -> int:
    writer = _BATCH_WRITERS.get(args.out.suffix.lower())
    if writer is None:
        raise BatchError("Die Ergebnisdatei muss auf .xlsx, .csv oder .jsonl enden.")
    schema = load_schema(args.schema)
    cases = discover_cases(args.cases)
    params = {
        "schema": schema.model_dump(mode="json"),
        "cases": [case.model_dump(mode="json") for case in cases],
    }
    services = Services(settings)
    started = time.perf_counter()
    record = _run("batch", params, services.run_batch, settings)
    result = BatchResult.model_validate(record.result)
    _write_atomically(args.out, writer(result))
    print(_batch_summary(result, time.perf_counter() - started, args.out))
    return 1 if any(case.status == "fehler" for case in result.cases) else 0


def _document_ids(items: list[str], services: Services) -> list[str]:
    """Files are ingested into the index first (only when new or changed); other arguments are document ids."""
    files = [Path(item) for item in items if Path(item).exists()]
    doc_ids = [item for item in items if not Path(item).exists()]
    if files:
        report = services.ingestor.ingest(files, remove_missing=False, progress=True)
        if report.skipped:
            reasons = " ".join(f"„{item.path}“: {item.reason}" for item in report.skipped)
            raise SummaryError(reasons)
        known = {doc.path: doc.doc_id for doc in services.index.store.documents()}
        doc_ids += [known[str(path.resolve())] for path in files if str(path.resolve()) in known]
    return doc_ids


def _run(kind: JobKind, params: dict[str, Any], handler: Handler, settings: Settings) -> JobRecord:
    """Run the job here with a progress bar, resuming an unfinished run of the same command if there is one."""
    store = JobStore(settings.jobs.folder / "jobs.sqlite")
    fingerprint = hashlib.sha256(json.dumps([kind, params], sort_keys=True).encode()).hexdigest()
    unfinished = store.unfinished(kind, origin=ORIGIN, fingerprint=fingerprint)
    if unfinished:
        job_id = unfinished[-1]
        print(f"Setze den unterbrochenen Auftrag fort ({store.step_count(job_id)} Schritte schon erledigt).")
    else:
        job_id = store.create(kind, params, origin=ORIGIN, fingerprint=fingerprint).id
    with tqdm(total=0, unit="Schritt", dynamic_ncols=True, file=sys.stderr) as bar:

        def show(record: JobRecord) -> None:
            bar.total = record.total
            bar.n = record.done
            bar.set_description(record.message[:60])
            bar.refresh()

        record = run_job(store, job_id, handler, show)
    if record.status != "fertig":
        raise AssistantError(record.message or "Der Auftrag wurde nicht fertig.")
    return record


def _write_atomically(path: Path, content: bytes | str) -> None:
    """Write next to the target and rename, so an interrupted write never leaves a broken file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _batch_summary(result: BatchResult, seconds: float, out: Path) -> str:
    cells = [cell for case in result.cases for cell in case.cells]
    found = sum(cell.status == "gefunden" for cell in cells)
    failed = [case for case in result.cases if case.status == "fehler"]
    lines = [
        f"Ergebnis gespeichert: {out}",
        f"{len(result.cases)} Fälle, {len(cells)} Angaben: {found} gefunden, {len(cells) - found} nicht gefunden.",
        f"Dauer {seconds:.0f} s ({len(cells) / max(seconds, 1e-9) * 60:.1f} Angaben pro Minute).",
    ]
    lines += [f"Fehler bei Fall „{case.case}“: {case.error}" for case in failed]
    return "\n".join(lines)


def _ranges(pages: list[int]) -> str:
    return ", ".join(str(page) for page in pages) if len(pages) <= 12 else f"{pages[0]}–{pages[-1]}"
