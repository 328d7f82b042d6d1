"""Command line: ``python -m ingest PATH... [--collection NAME] [--index DIR] [--rebuild]``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ingest.pipeline import Ingestor, IngestReport
from ingest.settings import CoreSettings
from ingest.types import DEFAULT_COLLECTION
from models import AssistantError


def format_report(report: IngestReport) -> str:
    seconds = report.seconds
    total = seconds.get("total", 0.0)
    rate = report.passages_embedded / seconds["embed"] if seconds.get("embed") else 0.0
    lines = [
        "Zusammenfassung",
        f"  Dateien gefunden:        {report.files_found}",
        f"  neu oder geändert:       {report.files_ingested}",
        f"  unverändert:             {report.files_unchanged}",
        f"  entfernt:                {report.files_removed}",
        f"  Seiten gelesen:          {report.pages} (davon per Texterkennung/OCR: {report.ocr_pages})",
        f"  Abschnitte neu:          {report.passages_new} (neu eingebettet: {report.passages_embedded})",
        f"  Index gesamt:            {report.documents_total} Dokumente, {report.passages_total} Abschnitte",
        f"  Zeit:                    {total:.1f} s (Lesen {seconds.get('load', 0):.1f} s, davon OCR "
        f"{seconds.get('ocr', 0):.1f} s; Einbetten {seconds.get('embed', 0):.1f} s = {rate:.1f} Abschnitte/s; "
        f"Index {seconds.get('index', 0):.1f} s)",
    ]
    if report.skipped:
        lines.append(f"  Übersprungen:            {len(report.skipped)}")
        lines.extend(f"    - {item.path}: {item.reason}" for item in report.skipped)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest", description="Dokumente (PDF, DOCX, HTML, Markdown, Text) in den Suchindex einlesen."
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PFAD", help="Dateien oder Ordner")
    parser.add_argument("--index", type=Path, help="Index-Ordner (Standard: ASSISTANT_INGEST__INDEX_DIR)")
    parser.add_argument(
        "--collection",
        default=DEFAULT_COLLECTION,
        metavar="NAME",
        help=f"Sammlung, zu der die Dokumente gehören (Standard: {DEFAULT_COLLECTION}, für alle lesbar)",
    )
    parser.add_argument("--rebuild", action="store_true", help="Index vollständig neu aufbauen")
    parser.add_argument("--keep-missing", action="store_true", help="Verschwundene Dateien nicht entfernen")
    parser.add_argument("--quiet", action="store_true", help="Keine Fortschrittsbalken")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font-decoding chatter; real failures are reported per file
    settings = CoreSettings()
    if args.index:
        settings.ingest.index_dir = args.index
    try:
        report = Ingestor(settings).ingest(
            args.paths,
            collection=args.collection,
            rebuild=args.rebuild,
            remove_missing=not args.keep_missing,
            progress=not args.quiet,
        )
    except AssistantError as error:
        print(f"Fehler: {error.message}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
