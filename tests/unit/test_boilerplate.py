"""Running headers, footers, page marks and tables of contents on real corpus PDFs (tests/fixtures/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.boilerplate import find_boilerplate
from ingest.chunking import StructureChunker
from ingest.loaders import load_document
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page, join_pages

FIXTURES = Path(__file__).parent.parent / "fixtures"
HEADER = "Ein Service des Bundesministeriums der Justiz sowie des Bundesamts für"


@pytest.fixture(scope="module")
def zskg() -> LoadedDocument:
    return load_document(FIXTURES / "ZSKG.pdf", IngestSettings())


def _marked_lines(document: LoadedDocument) -> list[str]:
    text, _ = join_pages(document.pages)
    return [text[span.start : span.end] for span in document.boilerplate]


def test_running_header_and_page_marks_are_found_on_every_page(zskg: LoadedDocument) -> None:
    marked = _marked_lines(zskg)

    assert marked.count(HEADER) == len(zskg.pages) == 9
    assert "- Seite 4 von 9 -" in marked
    assert not any("Zivilschutz" in line for line in marked)  # the law's own text is content


def test_passages_leave_boilerplate_out_and_their_offsets_still_verify(zskg: LoadedDocument) -> None:
    passages = StructureChunker(1000, 150).split(zskg, "zskg")
    text, _ = join_pages(zskg.pages)

    assert passages
    for passage in passages:
        assert text[passage.char_start : passage.char_end] == passage.text
        assert HEADER not in passage.text and "www.gesetze-im-internet.de" not in passage.text
        assert "von 9 -" not in passage.text
    assert HEADER in zskg.pages[3].text  # the page text that is shown stays as extracted


def test_dotted_table_of_contents_is_boilerplate_and_makes_no_sections() -> None:
    document = load_document(FIXTURES / "TRBOS-Rahmenrichtlinie.pdf", IngestSettings())
    marked = _marked_lines(document)
    passages = StructureChunker(1000, 150).split(document, "trbos")

    assert any(line.startswith("Inhaltsverzeichnis") for line in marked)
    assert any(line.startswith("1.1 Frequenzen") for line in marked)
    assert not any("......" in passage.text for passage in passages)


def test_table_of_contents_ends_where_its_first_entry_stands_again() -> None:
    toc = "Inhalt\n§ 1 Geltungsbereich ........ 2\n§ 2 Gebühren ........ 3"
    body = "§ 1\nGeltungsbereich\nDiese Satzung gilt für das Gebiet der Gemeinde."
    pages = [Page(1, toc), Page(2, body)]
    text, _ = join_pages(pages)

    marked = {text[span.start : span.end] for span in find_boilerplate(pages)}

    assert "§ 2 Gebühren ........ 3" in marked
    assert "§ 1" not in marked and "Geltungsbereich" not in marked


def test_a_two_page_letter_keeps_its_lines() -> None:
    pages = [Page(1, "Stadt Musterstadt\nBescheid\nSeite 1 von 2"), Page(2, "Stadt Musterstadt\nGründe\nSeite 2 von 2")]
    text, _ = join_pages(pages)

    marked = {text[span.start : span.end] for span in find_boilerplate(pages)}

    assert marked == {"Seite 1 von 2", "Seite 2 von 2"}  # too few pages to call a repeated line a header


def test_a_juris_table_of_contents_with_dates_of_validity_ends_before_the_preamble() -> None:
    document = load_document(FIXTURES / "FeuerwKostErsV_BW.pdf", IngestSettings())
    marked = _marked_lines(document)
    passages = StructureChunker(1000, 150).split(document, "vokefw")

    assert "§ 1 - Stundensätze für Feuerwehrfahrzeuge 19.03.2024" in marked
    assert not any(line.startswith(("Auf Grund von", "S. 333)")) for line in marked)  # the preamble is content
    assert not any("19.03.2024" in passage.text for passage in passages)
    assert any(passage.text.startswith("Auf Grund von § 34") for passage in passages)
