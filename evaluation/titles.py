"""Title quality: the share of corpus PDFs whose ingested title names the document.

    python -m evaluation.titles --corpus ../shared/corpus/pdf

Reference titles are in data/eval/pdf_titles.jsonl: one or more accepted phrases per file (a title is right
when it contains one), or null for sheets without a title of their own (continuation pages, unreadable fonts).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ingest.errors import UnreadableFileError
from ingest.loaders import load_document
from ingest.settings import IngestSettings

REFERENCE = Path("data/eval/pdf_titles.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/pdf"))
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    args = parser.parse_args()
    settings = IngestSettings()
    right = titled = 0
    for line in args.reference.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        try:
            title = load_document(args.corpus / entry["path"], settings).title
        except UnreadableFileError as error:
            title = f"(nicht lesbar: {error.message})"
        accepted = entry["accept"]
        if accepted is None:
            print(f"  ohne Titel  {entry['path']}: {title[:90]}")
            continue
        titled += 1
        correct = any(phrase in " ".join(title.split()).casefold() for phrase in accepted)
        right += correct
        print(f"  {'richtig' if correct else 'FALSCH '}     {entry['path']}: {title[:90]}")
    print(f"\nTitel richtig: {right} von {titled} PDFs mit eigenem Titel ({right / max(titled, 1):.0%})")


if __name__ == "__main__":
    main()
