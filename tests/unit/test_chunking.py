from pathlib import Path

from ingest.chunking import StructureChunker
from ingest.loaders import load_document
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page, join_pages

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _load(name: str) -> LoadedDocument:
    return load_document(FIXTURES / name, IngestSettings())


def test_passage_offsets_point_into_the_document_text() -> None:
    document = _load("FeuerwKostErsV_BW.pdf")
    text, _ = join_pages(document.pages)
    passages = StructureChunker(600, 100).split(document, "doc")
    assert passages
    for passage in passages:
        assert text[passage.char_start : passage.char_end] == passage.text


def test_pdf_passages_keep_their_page_numbers() -> None:
    document = _load("FeuerwKostErsV_BW.pdf")
    passages = StructureChunker(600, 100).split(document, "doc")
    pages = {passage.page_start for passage in passages}
    assert pages == {page.number for page in document.pages if page.text.strip()}
    kommandowagen = next(p for p in passages if "Kommandowagen" in p.text)
    assert kommandowagen.page_start == 2


def test_ordinance_passages_carry_paragraph_and_heading() -> None:
    document = _load("BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md")
    passages = StructureChunker(1000, 150).split(document, "doc")
    table = next(p for p in passages if "Tageshöchstsatz" in p.text)
    assert table.section.startswith("§ 1")
    assert "Entschädigung nach Durchschnittssätzen" in table.heading
    assert table.indexed_text.startswith(document.title)


def test_long_sections_are_split_by_size_with_overlap() -> None:
    body = "\n\n".join(f"({i}) " + "Die Gemeinde erhebt eine Gebühr für die Benutzung. " * 6 for i in range(1, 9))
    document = LoadedDocument(Path("x.md"), "markdown", "Gebührensatzung", [Page(1, "## § 3 Gebühren\n\n" + body)])
    passages = StructureChunker(500, 100).split(document, "doc")
    assert len(passages) > 3
    assert all(len(p.text) <= 500 for p in passages)
    assert all(p.section.startswith("§ 3") for p in passages)
    assert any(p.section == "§ 3 Abs. 5" for p in passages)


def test_section_lines_in_plain_text_start_new_sections() -> None:
    text = (
        "Satzung\n\n§ 1 Geltungsbereich\n"
        + "Diese Satzung gilt. " * 15
        + "\n\n§ 2 Steuersatz\n"
        + "Die Steuer beträgt 100 Euro. " * 10
    )
    document = LoadedDocument(Path("x.txt"), "text", "Satzung", [Page(1, text)])
    passages = StructureChunker(1000, 100).split(document, "doc")
    labels = [p.section for p in passages]
    assert "§ 1" in labels and "§ 2" in labels
    assert next(p for p in passages if p.section == "§ 2").text.startswith("§ 2 Steuersatz")
