"""Command line: ``serve`` (default), ``summarize`` and ``batch``. Long work runs as a job in the shared job
database with a progress bar; an interrupted run (Ctrl+C, crash, killed process) is resumed by starting the
same command again, without redoing finished steps."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import uvicorn
from pydantic import BaseModel, ValidationError
from tqdm import tqdm

from assistant.access.accounts import BOOTSTRAP_ADMIN, OPERATOR, ROLES, AccountError
from assistant.access.audit import AuditError, audit_csv, audit_jsonl
from assistant.access.collections import PERMISSIONS, Grant
from assistant.api.app import create_app
from assistant.batch.cases import BatchJob, discover_cases
from assistant.batch.export import batch_to_csv, batch_to_jsonl, batch_to_xlsx
from assistant.batch.fields import load_schema
from assistant.batch.results import BatchResult
from assistant.drafts.draft import Draft, SummaryJob
from assistant.drafts.export import draft_to_docx, draft_to_markdown
from assistant.drafts.templates import templates
from assistant.services import Services, skipped_message
from assistant.settings import Settings
from assistant.shared.errors import BatchError, SummaryError, validation_problems
from assistant.shared.jobs import (
    JobKind,
    JobRecord,
    JobStatus,
    fingerprint_of,
    remove_expired,
    run_job,
)
from ingest.pipeline import document_id
from ingest.types import DEFAULT_COLLECTION
from models.errors import AssistantError
from models.files import write_atomically
from models.offline import restrict_egress

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
    if getattr(args, "index", None):
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
    if argv and argv[0] in ("serve", "summarize", "batch", "users", "apikey", "collections", "audit", "-h", "--help"):
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
    summarize.add_argument(
        "--collection", default=DEFAULT_COLLECTION, help="Sammlung für eingelesene Dateien (Standard: allgemein)"
    )
    summarize.set_defaults(command_function=summarize_command)

    batch = commands.add_parser("batch", help="Dieselben Fragen an viele Fallakten stellen, eine Zeile je Fall")
    batch.add_argument("--schema", type=Path, required=True, help="Felddatei (YAML oder JSON)")
    batch.add_argument("--cases", type=Path, required=True, help="Ordner: je Datei oder Unterordner ein Fall")
    batch.add_argument("--out", type=Path, required=True, help="Ergebnisdatei .xlsx, .csv oder .jsonl")
    batch.set_defaults(command_function=batch_command)
    for sub in (serve, summarize, batch):
        sub.add_argument("--index", type=Path, help="Index-Ordner (ASSISTANT_INGEST__INDEX_DIR)")
    _account_commands(commands)
    return parser


def _account_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = commands.add_parser("users", help="Benutzerkonten verwalten").add_subparsers(dest="action", required=True)
    add = users.add_parser("add", help="Konto anlegen; das Passwort wird von der Standardeingabe gelesen")
    add.add_argument("name", help="Benutzername (Kleinbuchstaben, Ziffern, . _ @ -)")
    add.add_argument("--department", required=True, help="Abteilung, z. B. Ordnungsamt")
    add.add_argument("--role", default="user", choices=ROLES, help="Rolle (Standard: user)")
    add.add_argument("--display-name", default="", help="Angezeigter Name, z. B. „Maria Muster“")
    add.set_defaults(command_function=users_add_command)
    users.add_parser("list", help="Konten auflisten").set_defaults(command_function=users_list_command)
    disable = users.add_parser("disable", help="Konto sperren (Anmeldungen und API-Schlüssel enden)")
    disable.add_argument("name")
    disable.set_defaults(command_function=users_disable_command)
    apikey = commands.add_parser("apikey", help="API-Schlüssel für Programme").add_subparsers(
        dest="action", required=True
    )
    create = apikey.add_parser("create", help="Schlüssel erzeugen; er wird nur einmal angezeigt")
    create.add_argument("name", help="Benutzer, für den der Schlüssel handelt")
    create.add_argument(
        "--collections", nargs="+", metavar="SAMMLUNG", help="Nur diese Sammlungen (Standard: alle lesbaren)"
    )
    create.set_defaults(command_function=apikey_create_command)
    _collection_commands(commands)
    audit = commands.add_parser("audit", help="Protokoll prüfen und exportieren").add_subparsers(
        dest="action", required=True
    )
    audit.add_parser("verify", help="Hash-Kette prüfen (Rückgabewert 1 bei Veränderung oder Lücke)").set_defaults(
        command_function=audit_verify_command
    )
    export = audit.add_parser("export", help="Protokoll als .csv oder .jsonl schreiben")
    export.add_argument("--out", type=Path, required=True, help="Zieldatei .csv oder .jsonl")
    export.set_defaults(command_function=audit_export_command)


def _collection_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    collections = commands.add_parser("collections", help="Sammlungen und Freigaben").add_subparsers(
        dest="action", required=True
    )
    collections.add_parser("list", help="Sammlungen mit Freigaben auflisten").set_defaults(
        command_function=collections_list_command
    )
    create = collections.add_parser("create", help="Sammlung anlegen (ohne Freigabe liest sie niemand)")
    create.add_argument("name", help="Name (Kleinbuchstaben, Ziffern, - und _)")
    create.add_argument("--title", default="", help="Angezeigter Titel")
    create.set_defaults(command_function=collections_create_command)
    grant = collections.add_parser("grant", help="Freigabe hinzufügen (Freigaben addieren sich)")
    grant.add_argument("name", help="Sammlung")
    subject = grant.add_mutually_exclusive_group(required=True)
    subject.add_argument("--department", help="Abteilung")
    subject.add_argument("--user", help="Benutzer")
    subject.add_argument("--everyone", action="store_true", help="alle angemeldeten Benutzer")
    grant.add_argument("--permission", choices=PERMISSIONS, default="read", help="Standard: read")
    grant.set_defaults(command_function=collections_grant_command)


def collections_list_command(args: argparse.Namespace, settings: Settings) -> int:
    for collection in Services(settings).collections.visible(OPERATOR):
        grants = ", ".join(_shown(grant) for grant in collection.grants) or "keine Freigabe"
        print(f"{collection.name}	{collection.title}	{grants}")
    return 0


def collections_create_command(args: argparse.Namespace, settings: Settings) -> int:
    services = Services(settings)
    services.collections.create(OPERATOR, args.name, args.title, [])
    services.audit.record(_cli_actor(), "sammlung_angelegt", args.name, via="cli")
    print(f"Sammlung „{args.name}“ angelegt. Lesen darf sie erst, wer eine Freigabe erhält (collections grant).")
    return 0


def collections_grant_command(args: argparse.Namespace, settings: Settings) -> int:
    services = Services(settings)
    grant = Grant(args.permission, department=args.department or "", user=args.user or "")
    services.collections.add_grant(OPERATOR, args.name, grant)
    services.audit.record(_cli_actor(), "freigaben_geaendert", args.name, via="cli")
    print(f"Sammlung „{args.name}“: {_shown(grant)} hinzugefügt.")
    return 0


def _shown(grant: Grant) -> str:
    who = f"Abteilung {grant.department}" if grant.department else grant.user or "alle"
    return f"{who}: {grant.permission}"


def users_add_command(args: argparse.Namespace, settings: Settings) -> int:
    password = _read_password()
    accounts = Services(settings).accounts
    user = accounts.add_user(
        args.name, department=args.department, role=args.role, password=password, display_name=args.display_name
    )
    Services(settings).audit.record(_cli_actor(), "konto_angelegt", user.name, via="cli")
    print(f"Konto „{user.name}“ angelegt (Abteilung {user.department}, Rolle {user.role}).")
    return 0


def users_list_command(args: argparse.Namespace, settings: Settings) -> int:
    for user in Services(settings).accounts.users():
        state = "gesperrt" if user.disabled else "aktiv"
        print(f"{user.name}\t{user.display_name}\t{user.department}\t{user.role}\t{state}")
    return 0


def users_disable_command(args: argparse.Namespace, settings: Settings) -> int:
    services = Services(settings)
    services.accounts.disable(args.name)
    services.audit.record(_cli_actor(), "konto_gesperrt", args.name.strip().lower(), via="cli")
    print(f"Konto „{args.name}“ gesperrt.")
    return 0


def apikey_create_command(args: argparse.Namespace, settings: Settings) -> int:
    services = Services(settings)
    key = services.accounts.create_api_key(args.name, args.collections)
    services.audit.record(_cli_actor(), "api_schluessel_erstellt", args.name.strip().lower(), via="cli")
    print(key)
    print("Der Schlüssel wird nur jetzt angezeigt; gespeichert ist nur sein Prüfwert.", file=sys.stderr)
    return 0


def audit_verify_command(args: argparse.Namespace, settings: Settings) -> int:
    check = Services(settings).audit.verify()
    if check.ok:
        print(f"Protokoll unverändert: {check.events} Einträge, Kette vollständig.")
        return 0
    print(f"Protokoll VERÄNDERT: {check.problem} ({check.events} Einträge davor in Ordnung)", file=sys.stderr)
    return 1


def audit_export_command(args: argparse.Namespace, settings: Settings) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".jsonl"):
        raise AuditError("Die Zieldatei muss auf .csv oder .jsonl enden.")
    trail = Services(settings).audit
    trail.record(_cli_actor(), "protokoll_exportiert")
    events = trail.events()
    write_atomically(args.out, audit_csv(events) if suffix == ".csv" else audit_jsonl(events))
    seq, head = trail.head()
    print(f"{len(events)} Einträge geschrieben: {args.out}")
    print(f"Kopf der Kette: Eintrag {seq}, {head} (außerhalb des Servers aufbewahren)")
    return 0


def _cli_actor() -> str:
    """Who ran a command on the server: the operating-system account."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _read_password() -> str:
    """From the terminal without echo, or the first line of standard input (scripts)."""
    if sys.stdin.isatty():
        password = getpass.getpass("Passwort: ")
        if getpass.getpass("Passwort wiederholen: ") != password:
            raise AccountError("Die beiden Passwörter stimmen nicht überein.")
        return password
    return sys.stdin.readline().rstrip("\n")


def serve_command(args: argparse.Namespace, settings: Settings) -> int:
    logging.getLogger().setLevel(logging.INFO)
    if args.host:
        settings.server.host = args.host
    if args.port:
        settings.server.port = args.port
    services = Services(settings)
    if (password := services.accounts.bootstrap_admin()) is not None:
        services.audit.record("system", "konto_angelegt", BOOTSTRAP_ADMIN, via="system")
        print(f"Erstes Konto angelegt: Benutzer „{BOOTSTRAP_ADMIN}“, Passwort {password}", flush=True)
        print("Bitte notieren; weitere Konten: python -m assistant users add NAME --department D", flush=True)
    if settings.server.restrict_egress:
        hosts = settings.egress_hosts()
        restrict_egress(hosts)
        shown = ", ".join(sorted(hosts)) or "keine (nur dieser Rechner)"
        print(f"Verbindungen nach außen nur zu: {shown}", flush=True)
    app = create_app(settings, services)
    print(f"Verwaltungsassistent läuft: http://{settings.server.host}:{settings.server.port}/", flush=True)
    server = settings.server
    uvicorn.run(
        app,
        host=server.host,
        port=server.port,
        log_level="warning",
        proxy_headers=True,
        forwarded_allow_ips=server.trusted_proxies,
    )
    return 0


def summarize_command(args: argparse.Namespace, settings: Settings) -> int:
    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in (".docx", ".md"):
        raise SummaryError("Die Zieldatei muss auf .docx oder .md enden.")
    services = Services(settings)
    doc_ids = _document_ids(args.documents, args.collection, services)
    try:
        job = SummaryJob(doc_ids=doc_ids, template=args.template, length=args.length, form=args.form)
    except ValidationError as exc:
        raise SummaryError(validation_problems(exc)) from exc
    draft = Draft.model_validate(_run("summary", job, services).result)
    if out is None:
        print(draft_to_markdown(draft))
    else:
        write_atomically(out, draft_to_docx(draft) if out.suffix.lower() == ".docx" else draft_to_markdown(draft))
        pages = sorted({source.page for source in draft.sources})
        print(f"Entwurf gespeichert: {out} ({len(draft.sources)} geprüfte Quellen, Seiten {_ranges(pages)}).")
    return 0


def batch_command(args: argparse.Namespace, settings: Settings) -> int:
    writer = _BATCH_WRITERS.get(args.out.suffix.lower())
    if writer is None:
        raise BatchError("Die Ergebnisdatei muss auf .xlsx, .csv oder .jsonl enden.")
    try:
        job = BatchJob(schema_=load_schema(args.schema), cases=discover_cases(args.cases))
    except ValidationError as exc:
        raise BatchError(validation_problems(exc)) from exc
    services = Services(settings)
    started = time.perf_counter()
    result = BatchResult.model_validate(_run("batch", job, services).result)
    write_atomically(args.out, writer(result))
    print(_batch_summary(result, time.perf_counter() - started, args.out))
    return 1 if any(case.status == "fehler" for case in result.cases) else 0


def _document_ids(items: list[str], collection: str, services: Services) -> list[str]:
    """Files are ingested into the index first (only when new or changed); other arguments are document ids."""
    files = [Path(item) for item in items if Path(item).exists()]
    doc_ids = [item for item in items if not Path(item).exists()]
    if files:
        report = services.ingest_files({path: path.name for path in files}, collection, progress=True)
        if report.skipped:
            raise SummaryError(skipped_message(report))
        doc_ids += [document_id(path) for path in files]
    return doc_ids


def _run(kind: JobKind, params: BaseModel, services: Services) -> JobRecord:
    """Run the job here with a progress bar, resuming an unfinished run of the same command if there is one."""
    store = services.job_store
    remove_expired(store, services.job_paths, services.settings.jobs.retention_days)
    fingerprint = fingerprint_of(kind, params)
    unfinished = store.unfinished(kind, origin=ORIGIN, fingerprint=fingerprint)
    if unfinished:
        job_id = unfinished[-1]
        print(f"Setze den unterbrochenen Auftrag fort ({store.step_count(job_id)} Schritte schon erledigt).")
    else:
        job_id = store.create(kind, params, origin=ORIGIN, owner=OPERATOR.name, fingerprint=fingerprint).id
    with tqdm(total=0, unit="Schritt", dynamic_ncols=True, file=sys.stderr) as bar:

        def show(record: JobRecord) -> None:
            bar.total = record.total
            bar.n = record.done
            bar.set_description(record.message[:60])
            bar.refresh()

        record = run_job(store, job_id, services.job_types[kind], show)
    if record.status != JobStatus.DONE:
        raise AssistantError(record.message or "Der Auftrag wurde nicht fertig.")
    return record


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
