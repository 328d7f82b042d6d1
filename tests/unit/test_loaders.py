"""Loaders on real documents from the corpus and on files the tests build with the real libraries."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from ingest.errors import UnreadableFileError
from ingest.loaders import load_document
from ingest.loaders.pdf import clean_pdf_title, looks_garbled, normalise_pdf_text
from ingest.loaders.titles import first_short_line
from ingest.settings import IngestSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXT_PDF = FIXTURES / "FeuerwKostErsV_BW.pdf"
SCANNED_PDF = FIXTURES / "bgbl1_2016_j3097-1_0010.pdf"
GARBLED_PDF = FIXTURES / "bgbl1_2016_j0795-1_0010.pdf"
AES_PDF = FIXTURES / "VwV_Feuerwehrbekleidung_Dienstgrade_Anlage_3.pdf"
SATZUNG_MD = FIXTURES / "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md"
URTEIL_TXT = FIXTURES / "legalquad_121560.txt"


@pytest.fixture
def settings() -> IngestSettings:
    return IngestSettings()


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def _unreadable_reason(path: Path, settings: IngestSettings) -> str:
    with pytest.raises(UnreadableFileError) as caught:
        load_document(path, settings)
    return caught.value.message


# --- PDF ---------------------------------------------------------------------------------------------


def test_pdf_loader_keeps_page_numbers(settings: IngestSettings) -> None:
    document = load_document(TEXT_PDF, settings)

    assert document.format == "pdf"
    assert [page.number for page in document.pages] == list(range(1, len(PdfReader(TEXT_PDF).pages) + 1))
    assert len(document.pages) == 3
    assert "Kommandowagen" in document.pages[1].text
    assert "Kommandowagen" not in document.pages[0].text
    assert "Inkrafttreten" in document.pages[2].text
    assert not any(page.ocr for page in document.pages)


def test_pdf_loader_normalises_text(settings: IngestSettings) -> None:
    text = load_document(TEXT_PDF, settings).pages[2].text

    assert "\xa0" not in text
    assert "\n§ 2\nInkrafttreten\n" in text  # § lines survive on their own line for the chunker
    assert all(line == line.rstrip() for line in text.splitlines())


def test_hyphenated_line_breaks_are_joined_but_conjunctions_kept() -> None:
    raw = "Die Verwal-\ntung des Landes  \n\n\n\nBau-\nund Umweltamt\nAbfall-\nwirtschaft."

    assert normalise_pdf_text(raw) == "Die Verwaltung\ndes Landes\n\nBau-\nund Umweltamt\nAbfallwirtschaft."


def test_pdf_title_ignores_placeholders_and_file_names() -> None:
    assert clean_pdf_title("Microsoft Word - Satzung_Hundesteuer.doc") == "Satzung Hundesteuer"
    assert clean_pdf_title("untitled") is None
    assert clean_pdf_title("Microsoft Word - x.doc") is None
    assert clean_pdf_title("Polizeiverordnung der Gemeinde Bad Boll") == "Polizeiverordnung der Gemeinde Bad Boll"


def test_title_line_skips_page_numbers() -> None:
    text = "- 1 -\nGrundgesetz für die Bundesrepublik Deutschland\nGG"

    assert first_short_line(text) == "Grundgesetz für die Bundesrepublik Deutschland"


def test_garbled_text_layers_are_recognised() -> None:
    assert looks_garbled("/c31/c5a/c03/c1a/c13/c14/c03/c36/c48/c4c /c03")
    assert looks_garbled("\x14\x13'HU\x03'ULWWVFKXOGQHU\x03GDUI\x0f\x03VRZHLW\x03GLH")
    assert not looks_garbled("§ 1 Steuergegenstand\n(1) Die Gemeinde erhebt eine Hundesteuer.")


def test_scanned_pdf_page_goes_through_ocr(settings: IngestSettings) -> None:
    document = load_document(SCANNED_PDF, settings)

    assert len(document.pages) == 1
    page = document.pages[0]
    assert page.ocr is True
    assert document.ocr_pages == 1
    assert "UNFALLANZEIGE" in page.text
    assert "Staatsangehörigkeit" in page.text


def test_missing_ocr_language_warns_instead_of_crashing(
    settings: IngestSettings, caplog: pytest.LogCaptureFixture
) -> None:
    without_language = settings.model_copy(update={"ocr_language": "deu+xyz"})

    reason = _unreadable_reason(SCANNED_PDF, without_language)

    assert reason == "Die Datei enthält keinen lesbaren Text."
    assert "xyz" in caplog.text


def test_garbled_text_layer_is_replaced_by_ocr(settings: IngestSettings) -> None:
    page = load_document(GARBLED_PDF, settings).pages[0]

    assert page.ocr is True
    assert "/c03" not in page.text
    assert "Eigenmittel" in page.text


def test_scanned_pdf_without_ocr_has_no_readable_text(settings: IngestSettings) -> None:
    reason = _unreadable_reason(SCANNED_PDF, settings.model_copy(update={"ocr": False}))

    assert reason == "Die Datei enthält keinen lesbaren Text."


def test_truncated_pdf_is_reported_as_damaged(settings: IngestSettings, tmp_path: Path) -> None:
    broken = tmp_path / "abgeschnitten.pdf"
    broken.write_bytes(TEXT_PDF.read_bytes()[:2000])

    assert "beschädigt" in _unreadable_reason(broken, settings)


def test_garbage_behind_pdf_header_is_reported_as_damaged(settings: IngestSettings, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)

    assert _unreadable_reason(broken, settings) == "Die PDF-Datei ist beschädigt und kann nicht gelesen werden."


def _encrypted_copy(target: Path, *, user_password: str, owner_password: str | None) -> Path:
    writer = PdfWriter(clone_from=TEXT_PDF)
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    writer.write(target)
    return target


def test_password_protected_pdf_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    locked = _encrypted_copy(tmp_path / "geheim.pdf", user_password="geheim", owner_password=None)

    assert "verschlüsselt" in _unreadable_reason(locked, settings)


def test_pdf_with_only_an_owner_password_is_readable(settings: IngestSettings, tmp_path: Path) -> None:
    restricted = _encrypted_copy(tmp_path / "nur-rechte.pdf", user_password="", owner_password="amt")
    assert PdfReader(restricted).is_encrypted

    document = load_document(restricted, settings)

    assert len(document.pages) == 3
    assert "Kommandowagen" in document.pages[1].text


def test_aes_encrypted_pdf_with_empty_user_password_is_readable(settings: IngestSettings) -> None:
    document = load_document(AES_PDF, settings)

    assert len(document.pages) == 4
    assert document.title.startswith("Anlage 3 (zu Nummer 2.2) Funktionsabzeichen")
    assert "Funktionsabzeichen" in document.pages[1].text
    assert not any(page.ocr for page in document.pages)


# --- Markdown and text -------------------------------------------------------------------------------


def test_markdown_front_matter_becomes_metadata(settings: IngestSettings) -> None:
    document = load_document(SATZUNG_MD, settings)

    titel = "Satzung über die Entschädigung für ehrenamtliche Tätigkeit der Gemeinde Bad Boll"
    assert document.format == "markdown"
    assert document.metadata["titel"] == titel
    assert document.metadata["gueltig_ab"] == "2022-01-01"
    assert document.title == titel
    text = document.pages[0].text
    assert text.startswith("# Satzung über die Entschädigung")
    assert "gueltig_ab" not in text and "---" not in text.splitlines()[0]
    assert "\n## § 1 Entschädigung nach Durchschnittssätzen\n" in text
    assert "\n## § 5 Inkrafttreten\n" in text


def test_markdown_title_falls_back_to_first_heading(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "notiz.md"
    path.write_text("---\nebene: gemeinde\nstichworte: [Hund, Steuer]\n---\nVorwort\n\n# Hundesteuer\n\nText")

    document = load_document(path, settings)

    assert document.title == "Hundesteuer"
    assert document.metadata == {"ebene": "gemeinde", "stichworte": "Hund, Steuer"}
    assert document.pages[0].text.startswith("Vorwort")


def test_text_file_with_long_first_line_is_titled_by_file_name(settings: IngestSettings) -> None:
    document = load_document(URTEIL_TXT, settings)

    assert document.format == "text"
    assert document.title == "legalquad 121560"
    assert [page.number for page in document.pages] == [1]
    assert "Berufungszulassung" in document.pages[0].text


def test_windows_1252_text_is_decoded(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Gebührenordnung\r\nDie Gebühr für Straßenreinigung beträgt 5 €.".encode("cp1252"))

    document = load_document(path, settings)

    assert document.title == "Gebührenordnung"
    assert document.pages[0].text == "Gebührenordnung\nDie Gebühr für Straßenreinigung beträgt 5 €."


# --- DOCX and HTML -----------------------------------------------------------------------------------


def test_docx_headings_become_markdown_and_tables_lines(settings: IngestSettings, tmp_path: Path) -> None:
    made = docx.Document()
    made.add_heading("Hundesteuersatzung", level=0)
    made.add_heading("§ 1 Steuergegenstand", level=1)
    made.add_paragraph("Die Gemeinde erhebt eine Hundesteuer.")
    made.add_heading("Steuersätze", level=2)
    table = made.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Hund", "Steuer"), ("Ersthund", "108 €")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    path = tmp_path / "satzung.docx"
    made.save(str(path))

    document = load_document(path, settings)

    assert document.format == "docx"
    assert document.title == "Hundesteuersatzung"
    assert document.pages[0].text == (
        "# Hundesteuersatzung\n\n# § 1 Steuergegenstand\n\nDie Gemeinde erhebt eine Hundesteuer.\n\n"
        "## Steuersätze\n\nHund | Steuer\nErsthund | 108 €"
    )


def test_html_headings_kept_and_scripts_dropped(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "seite.html"
    path.write_text(
        "<html><head><title>Bürgerservice</title><style>p {color: red}</style></head><body>"
        "<nav><a href='/'>Startseite</a></nav><script>var geheim = 1;</script>"
        "<h1>Hundesteuer</h1><p>Die Steuer wird <b>jährlich</b> erhoben.</p>"
        "<h2>Ermäßigung</h2><ul><li>Blindenhunde</li><li>Rettungshunde</li></ul>"
        "<table><tr><th>Hund</th><th>Betrag</th></tr><tr><td>Ersthund</td><td>108 €</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )

    document = load_document(path, settings)

    assert document.format == "html"
    assert document.title == "Bürgerservice"
    assert document.pages[0].text == (
        "# Hundesteuer\n\nDie Steuer wird jährlich erhoben.\n\n## Ermäßigung\n\n"
        "Blindenhunde\nRettungshunde\nHund | Betrag\nErsthund | 108 €"
    )


# --- Files that cannot be loaded ---------------------------------------------------------------------


def test_text_file_named_pdf_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    path = _copy(URTEIL_TXT, tmp_path / "urteil.pdf")

    assert _unreadable_reason(path, settings) == (
        "Die Datei ist keine gültige PDF-Datei (Inhalt passt nicht zur Endung .pdf)."
    )


def test_pdf_named_docx_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    path = _copy(TEXT_PDF, tmp_path / "verordnung.docx")

    assert "keine gültige DOCX-Datei" in _unreadable_reason(path, settings)


def test_pdf_named_txt_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    path = _copy(TEXT_PDF, tmp_path / "verordnung.txt")

    assert "keine Textdatei" in _unreadable_reason(path, settings)


def test_empty_file_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "leer.md"
    path.touch()

    assert _unreadable_reason(path, settings) == "Die Datei ist leer."


def test_markdown_with_only_front_matter_has_no_readable_text(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "nur-kopf.md"
    path.write_text("---\ntitel: Leer\n---\n\n")

    assert _unreadable_reason(path, settings) == "Die Datei enthält keinen lesbaren Text."


def test_unknown_extension_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "tabelle.xyz"
    path.write_text("a;b")

    assert _unreadable_reason(path, settings) == (
        "Dateiformat .xyz wird nicht unterstützt (unterstützt: PDF, DOCX, HTML, Markdown, Text)."
    )


def test_file_above_size_limit_is_rejected(settings: IngestSettings, tmp_path: Path) -> None:
    path = tmp_path / "gross.txt"
    path.write_text("Satzung " * 200_000)

    assert "zu groß" in _unreadable_reason(path, settings.model_copy(update={"max_file_mb": 1}))
