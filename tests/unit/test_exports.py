"""Exports of drafts (DOCX with Word footnotes, Markdown) and batch results (CSV, XLSX, JSONL); no model needed."""

import csv
import datetime
import io
import json
import re
import zipfile

import docx
import openpyxl
import pytest
from lxml import etree

from assistant.batch.export import batch_to_csv, batch_to_jsonl, batch_to_xlsx
from assistant.batch.fields import ExtractionSchema, FieldSpec
from assistant.batch.results import BatchResult, CaseResult, CellResult
from assistant.drafts.draft import Draft, DraftSection
from assistant.drafts.export import draft_to_docx, draft_to_markdown, footnote_text
from assistant.shared.citations import Citation

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG_QUOTE = (
    "Die Gehwege müssen werktags bis 7.00 Uhr und an Sonn- und Feiertagen bis 9.00 Uhr geräumt und bei Glätte "
    "gestreut sein; diese Pflicht endet jeweils um 20.00 Uhr und gilt auch für die Zugänge zu den Grundstücken."
)


def _citation(number: int, title: str, page: int, quote: str, section: str = "", source: str = "") -> Citation:
    return Citation(
        number=number,
        passage_id=number * 10,
        doc_id=f"doc{number}",
        title=title,
        source=source or f"/daten/akten/{title.lower().replace(' ', '_')}.pdf",
        page=page,
        section=section,
        quote=quote,
        quote_start=0,
        quote_end=len(quote),
        passage_start=0,
        passage_end=len(quote),
    )


def _draft(dropped: int = 2) -> Draft:
    sources = [
        _citation(1, "Streupflichtsatzung", 3, LONG_QUOTE, "§ 7 Zeiten"),
        _citation(2, "Gebührenordnung", 12, "Die Gebühr beträgt 35,00 Euro je\nAntrag."),
        _citation(4, "Bescheid Müller", 1, "Der Antrag vom 3. März\x0c2024 wird abgelehnt."),
    ]
    sections = [
        DraftSection(
            heading="Sachverhalt",
            text="Gehwege sind werktags bis 7.00 Uhr zu räumen [1].\n\n"
            "Die Gebühr beträgt 35 Euro [2]; der Antrag wurde abgelehnt [1, 4].",
        ),
        DraftSection(
            heading="Ergebnis", text="Wesentliche Punkte:\n- Räumpflicht ab 7.00 Uhr [1]\n- Gebühr 35 Euro [2]"
        ),
    ]
    return Draft(
        template="vermerk",
        title="Vermerk",
        subject="Streupflichtsatzung; Gebührenordnung",
        documents=["Streupflichtsatzung", "Gebührenordnung", "Bescheid Müller"],
        sections=sections,
        sources=sources,
        dropped_statements=dropped,
        created_at="2025-01-31T10:15:00+00:00",
    )


def _batch() -> BatchResult:
    fields = [
        FieldSpec(name="antragsdatum", frage="Wann wurde der Antrag gestellt?", typ="datum"),
        FieldSpec(name="betrag", frage="Welcher Betrag wird gefordert?", typ="betrag"),
        FieldSpec(name="vollstaendig", frage="Sind die Unterlagen vollständig?", typ="janein"),
        FieldSpec(name="bemerkung", frage="Gibt es eine Bemerkung?", typ="text", hinweis="Meist am Ende."),
        FieldSpec(name="flaeche", frage="Wie groß ist die Fläche?", typ="zahl", einheit="m²"),
    ]
    meier_date = _citation(1, "Antrag Meier", 2, "Antrag gestellt am 15.03.2024", source="/akten/meier/antrag.pdf")
    meier_amount = _citation(2, "Bescheid Meier", 4, "Gefordert werden 1.234,50 €")
    cases = [
        CaseResult(
            case="Meier",
            documents=["antrag.pdf", "bescheid.pdf"],
            status="fertig",
            cells=[
                CellResult(
                    field="antragsdatum",
                    status="gefunden",
                    value="2024-03-15",
                    raw="15.03.2024",
                    confidence="sicher",
                    citation=meier_date,
                ),
                CellResult(
                    field="betrag",
                    status="gefunden",
                    value=1234.5,
                    raw="1.234,50 €",
                    confidence="sicher",
                    citation=meier_amount,
                ),
                CellResult(
                    field="vollstaendig",
                    status="gefunden",
                    value=True,
                    raw="vollständig",
                    confidence="sicher",
                    citation=meier_date,
                ),
                CellResult(
                    field="bemerkung",
                    status="gefunden",
                    value="=SUMME(A1:A9)",
                    review="Mehrere Werte kommen in Frage.",
                    citation=meier_amount,
                ),
                CellResult(
                    field="flaeche", status="gefunden", value=12.5, raw="12,5 qm", confidence="sicher", unit="m²"
                ),
            ],
        ),
        CaseResult(
            case="Schulz",
            documents=["schulz.pdf"],
            status="fertig",
            cells=[
                CellResult(field="antragsdatum", status="nicht_gefunden"),
                CellResult(field="betrag", status="nicht_gefunden"),
                CellResult(field="vollstaendig", status="gefunden", value=False, citation=meier_date),
                CellResult(field="bemerkung", status="nicht_gefunden", confidence="sicher"),
                CellResult(field="flaeche", status="nicht_gefunden", confidence="sicher"),
            ],
        ),
        CaseResult(case="Kaputt", documents=["kaputt.pdf"], status="fehler", error="Datei nicht lesbar"),
    ]
    schema = ExtractionSchema(name="Anträge", felder=fields)
    return BatchResult(schema=schema, cases=cases, created_at="2025-01-31T10:15:00+00:00")


# --- DOCX ------------------------------------------------------------------------------------------------------------
def _docx_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return etree.fromstring(archive.read(name))


def test_docx_opens_and_has_title_subject_meta_and_closing() -> None:
    document = docx.Document(io.BytesIO(draft_to_docx(_draft())))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Vermerk" and document.paragraphs[0].style.name == "Heading 1"
    assert "Betreff: Streupflichtsatzung; Gebührenordnung" in texts
    assert "Grundlage: Streupflichtsatzung; Gebührenordnung; Bescheid Müller · Stand: 31.01.2025" in texts
    assert texts[-1] == _draft().closing_line and document.paragraphs[-1].runs[0].italic
    assert texts[-2] == "Hinweis: 2 Aussage(n) ohne prüfbare Quelle wurden weggelassen."
    assert document.core_properties.author == "Verwaltungsassistent (Entwurf)"
    assert document.core_properties.title == "Vermerk"


def test_docx_markers_become_real_footnotes() -> None:
    data = draft_to_docx(_draft())
    body = _docx_xml(data, "word/document.xml")
    references = body.findall(f".//{W}footnoteReference")
    # [1], [2], [1, 4] in "Sachverhalt" and [1], [2] in the bullets
    assert len(references) == 6
    assert not re.search(r"\[\d", "".join(body.itertext()).split("Quellen")[0])

    notes = _docx_xml(data, "word/footnotes.xml")
    by_id = {note.get(f"{W}id"): note for note in notes.findall(f"{W}footnote")}
    assert by_id["0"].get(f"{W}type") == "separator" and by_id["1"].get(f"{W}type") == "continuationSeparator"
    for reference in references:
        assert reference.get(f"{W}id") in by_id
    texts = ["".join(by_id[reference.get(f"{W}id")].itertext()).strip() for reference in references]
    assert texts[0].startswith("Streupflichtsatzung, S. 3, § 7 Zeiten: „Die Gehwege müssen")
    assert texts[0].endswith("…“ (streupflichtsatzung.pdf)") and len(texts[0]) < 260
    assert texts[1] == "Gebührenordnung, S. 12: „Die Gebühr beträgt 35,00 Euro je Antrag.“ (gebührenordnung.pdf)"
    assert texts[3] == ("Bescheid Müller, S. 1: „Der Antrag vom 3. März 2024 wird abgelehnt.“ (bescheid_müller.pdf)")


def test_docx_package_relates_the_footnotes_part() -> None:
    document = docx.Document(io.BytesIO(draft_to_docx(_draft())))
    parts = {str(part.partname): part for part in document.part.package.iter_parts()}
    footnotes = parts["/word/footnotes.xml"]
    assert footnotes.content_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    assert "35,00 Euro" in footnotes.blob.decode("utf-8")
    assert any(rel.reltype.endswith("/footnotes") for rel in document.part.rels.values())
    assert document.styles["footnote text"].style_id == "FootnoteText"


def test_docx_bullets_and_sources_list() -> None:
    document = docx.Document(io.BytesIO(draft_to_docx(_draft(dropped=0))))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Räumpflicht ab 7.00 Uhr", "Gebühr 35 Euro"]
    texts = [paragraph.text for paragraph in document.paragraphs]
    start = texts.index("Quellen")
    assert texts[start + 1 : start + 4] == [
        "[1] Streupflichtsatzung, S. 3, § 7 Zeiten — streupflichtsatzung.pdf",
        "[2] Gebührenordnung, S. 12 — gebührenordnung.pdf",
        "[4] Bescheid Müller, S. 1 — bescheid_müller.pdf",
    ]
    assert not any(text.startswith("Hinweis:") for text in texts)


# --- Markdown ---------------------------------------------------------------------------------------------------------
def test_markdown_has_footnote_references_and_definitions() -> None:
    draft = _draft()
    markdown = draft_to_markdown(draft)
    assert markdown.startswith("# Vermerk\n")
    assert "zu räumen[^1]." in markdown and "abgelehnt[^1][^4]." in markdown
    assert "\n- Räumpflicht ab 7.00 Uhr[^1]\n- Gebühr 35 Euro[^2]\n" in markdown
    for source in draft.sources:
        assert f"\n[^{source.number}]: {footnote_text(source)}\n" in markdown
    assert "[^3]" not in markdown and "[1" not in markdown
    assert markdown.rstrip().endswith(f"*{draft.closing_line}*")
    assert "Hinweis: 2 Aussage(n)" in markdown


# --- batch: CSV -------------------------------------------------------------------------------------------------------
def _csv_rows() -> list[dict[str, str]]:
    data = batch_to_csv(_batch())
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_values_sources_not_found_and_error() -> None:
    meier, schulz, broken = _csv_rows()
    assert list(meier)[:5] == ["Fall", "Status", "Zu prüfen", "antragsdatum", "antragsdatum (Quelle)"]
    assert meier["Zu prüfen"] == "bemerkung" and meier["flaeche (m²)"] == "12,5"
    assert schulz["Zu prüfen"] == "antragsdatum, betrag, vollstaendig"  # cells default to "prüfen"
    assert meier["antragsdatum"] == "2024-03-15" and meier["betrag"] == "1234,50"
    assert meier["vollstaendig"] == "ja" and schulz["vollstaendig"] == "nein"
    assert meier["antragsdatum (Quelle)"] == "Antrag Meier, S. 2: „Antrag gestellt am 15.03.2024“"
    assert meier["bemerkung"] == "'=SUMME(A1:A9)"  # never a formula in Excel
    assert schulz["betrag"] == "nicht gefunden" and schulz["betrag (Quelle)"] == ""
    assert broken["Status"] == "Fehler: Datei nicht lesbar"
    assert all(broken[key] == "" for key in broken if key not in ("Fall", "Status"))


# --- batch: XLSX ------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workbook() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(batch_to_xlsx(_batch())))


def test_xlsx_results_sheet_has_typed_values_and_comments(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["Ergebnisse", "Quellen", "Felder"]
    sheet = workbook["Ergebnisse"]
    assert [cell.value for cell in sheet[1]] == [
        "Fall",
        "Status",
        "Zu prüfen",
        "antragsdatum",
        "betrag",
        "vollstaendig",
        "bemerkung",
        "flaeche (m²)",
    ]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "B2" and sheet.auto_filter.ref == "A1:H4"
    assert sheet["C2"].value == "bemerkung" and sheet["G2"].fill.start_color.rgb.endswith("FFF4CC")
    assert sheet["D2"].fill.fill_type is None  # a sure cell is not marked
    assert sheet["H2"].value == pytest.approx(12.5) and sheet["H2"].data_type == "n"
    day, amount = sheet["D2"], sheet["E2"]
    assert isinstance(day.value, datetime.datetime) and day.value.date() == datetime.date(2024, 3, 15)
    assert day.number_format == "DD.MM.YYYY"
    assert amount.value == pytest.approx(1234.5) and "€" in amount.number_format
    assert sheet["F2"].value == "ja" and sheet["F3"].value == "nein"
    assert sheet["G2"].value == "=SUMME(A1:A9)" and sheet["G2"].data_type == "s"
    assert day.comment is not None and "S. 2" in day.comment.text and "15.03.2024" in day.comment.text
    assert sheet["E3"].value == "nicht gefunden" and sheet["E3"].font.italic and sheet["E3"].comment is None


def test_xlsx_error_row_is_red_and_empty(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Ergebnisse"]
    assert sheet["A4"].value == "Kaputt" and sheet["B4"].value == "Fehler: Datei nicht lesbar"
    assert sheet["B4"].font.color.rgb.endswith("C00000")
    assert all(sheet.cell(row=4, column=column).value is None for column in range(3, 9))


def test_xlsx_sources_and_fields_sheets(workbook: openpyxl.Workbook) -> None:
    sources = list(workbook["Quellen"].iter_rows(values_only=True))
    assert sources[0] == ("Fall", "Feld", "Wert", "Sicherheit", "Dokument", "Datei", "Seite", "Zitat")
    assert len(sources) == 1 + 6  # five found cells of Meier, one of Schulz
    assert sources[4][3] == "prüfen: Mehrere Werte kommen in Frage."
    assert (
        sources[1][:2] == ("Meier", "antragsdatum")
        and sources[1][3] == "sicher"
        and sources[1][4:]
        == (
            "Antrag Meier",
            "antrag.pdf",
            2,
            "Antrag gestellt am 15.03.2024",
        )
    )
    fields = list(workbook["Felder"].iter_rows(values_only=True))
    assert fields[0] == ("Name", "Frage", "Typ", "Einheit", "Optionen", "Hinweis")
    assert fields[4] == ("bemerkung", "Gibt es eine Bemerkung?", "text", None, None, "Meist am Ende.")
    assert fields[5][2:4] == ("zahl", "m²")


# --- batch: JSONL -----------------------------------------------------------------------------------------------------
def test_jsonl_has_one_object_per_case() -> None:
    text = batch_to_jsonl(_batch()).decode("utf-8")
    records = [json.loads(line) for line in text.splitlines()]
    assert [record["case"] for record in records] == ["Meier", "Schulz", "Kaputt"]
    meier, schulz, broken = records
    assert meier["values"] == {
        "antragsdatum": "2024-03-15",
        "betrag": 1234.5,
        "vollstaendig": True,
        "bemerkung": "=SUMME(A1:A9)",
        "flaeche": 12.5,
    }
    assert meier["confidence"]["bemerkung"] == "prüfen" and meier["confidence"]["betrag"] == "sicher"
    assert meier["citations"]["betrag"] == {
        "title": "Bescheid Meier",
        "source": "/daten/akten/bescheid_meier.pdf",
        "page": 4,
        "quote": "Gefordert werden 1.234,50 €",
    }
    assert schulz["values"]["betrag"] is None and schulz["citations"]["betrag"] is None
    assert broken["status"] == "fehler" and broken["error"] == "Datei nicht lesbar"
    assert set(broken["values"]) == {"antragsdatum", "betrag", "vollstaendig", "bemerkung", "flaeche"}
    assert "€" in text and "\\u" not in text  # no ASCII escaping
