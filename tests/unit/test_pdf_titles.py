"""Titles of real PDFs from different producers (tests/fixtures/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_document
from ingest.loaders.pdf_title import document_title
from ingest.settings import IngestSettings
from ingest.types import Page

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # juris print: metadata lines ("Amtliche Abkürzung: VOHvO") come first, the title below them
        (
            "ErsthelfV_BW.pdf",
            "Verordnung des Innenministeriums über die Mitwirkung von Helfer-vor-Ort-Systemen in Ergänzung zur "
            "Notfallrettung (Ersthelferverordnung - VOHvO)",
        ),
        # Apache FOP (gesetze-im-internet): the running header is no title
        (
            "ZSKG.pdf",
            "Gesetz über den Zivilschutz und die Katastrophenhilfe des Bundes "
            "(Zivilschutz- und Katastrophenhilfegesetz - ZSKG)",
        ),
        # Acrobat PDFWriter 4.0: metadata title is the file name, the title spans four lines
        (
            "TRBOS-Rahmenrichtlinie.pdf",
            "Technische Richtlinie (TR) der Behörden und Organisationen mit Sicherheitsaufgaben (BOS) "
            "RAHMENRICHTLINIE für Mobilfunkgeräte und Handfunkgeräte",
        ),
    ],
)
def test_title_is_read_from_the_first_page(name: str, title: str) -> None:
    assert load_document(FIXTURES / name, IngestSettings()).title == title


def test_a_title_stops_before_dates_form_labels_and_abbreviations() -> None:
    page = Page(1, "Grundgesetz für die Bundesrepublik Deutschland\nGG\nAusfertigungsdatum: 23.05.1949")
    form = Page(1, "Eheurkunde\nStandesamt\nRegisternummer")

    assert document_title([page], (), None) == "Grundgesetz für die Bundesrepublik Deutschland"
    assert document_title([form], (), "Bundesgesetzblatt Teil I Nr. 36") == "Eheurkunde"


def test_metadata_title_is_used_when_the_text_names_no_kind_of_document() -> None:
    page = Page(1, "FwDV 100\nFührung und Leitung im Einsatz\nDie Feuerwehr leitet den Einsatz.")

    assert document_title([page], (), "Führung und Leitung im Einsatz") == "Führung und Leitung im Einsatz"
    assert document_title([page], (), None) == "FwDV 100 Führung und Leitung im Einsatz"
