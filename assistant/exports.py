"""Downloadable files from results: drafts as DOCX (real Word footnotes) and Markdown, batch results as CSV, XLSX
and JSON Lines.

All functions are pure: they take the result models of :mod:`assistant.schemas` and return the file content. Text a
clerk reads is German; the files never execute anything (no spreadsheet formulas from document text).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assistant.citations import MARKER, marker_numbers
from assistant.schemas import BatchResult, CaseResult, CellResult, CellValue, CitationPublic, Draft, FieldSpec

QUOTE_LIMIT: Final = 160
AUTHOR: Final = "Verwaltungsassistent (Entwurf)"
NOT_FOUND: Final = "nicht gefunden"
SOURCES_HEADING: Final = "Quellen"

# Characters XML 1.0 (and therefore Word and Excel) cannot store; PDF text sometimes contains them (form feeds).
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


# --- shared text helpers ------------------------------------------------------------------------------------------
def _clean(text: str) -> str:
    """Remove characters that are not allowed in XML (Word, Excel); page breaks of PDF text become spaces."""
    return _CONTROL_RE.sub("", text.replace("\x0c", " ").replace("\x0b", " "))


def _one_line(text: str) -> str:
    """Collapse all whitespace (line breaks of PDF text) into single spaces."""
    return " ".join(_clean(text).split())


def _shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Shorten ``text`` to about ``limit`` characters at a word boundary, marking the cut with "…"."""
    text = _one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + " …"


def _file_name(source: str) -> str:
    """The file name of a source path (no server directories in the files handed out)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _german_date(timestamp: str) -> str:
    """ISO date or timestamp as German date (dd.mm.yyyy, local time in Germany); unparsable input is kept."""
    try:
        moment = datetime.fromisoformat(timestamp.strip())
    except ValueError:
        return timestamp
    if moment.tzinfo is not None:
        with contextlib.suppress(ZoneInfoNotFoundError):
            moment = moment.astimezone(ZoneInfo("Europe/Berlin"))
    return moment.strftime("%d.%m.%Y")


def footnote_text(citation: CitationPublic) -> str:
    """The German footnote of a source: title, page, section, shortened quote and file name."""
    where = f"{_one_line(citation.title)}, S. {citation.page}"
    if citation.section.strip():
        where += f", {_one_line(citation.section)}"
    return f"{where}: „{_shorten(citation.quote)}“ ({_file_name(citation.source)})"


def _source_line(citation: CitationPublic) -> str:
    """One entry of the "Quellen" list."""
    parts = [_one_line(citation.title), f"S. {citation.page}"]
    if citation.section.strip():
        parts.append(_one_line(citation.section))
    return f"[{citation.number}] {', '.join(parts)} — {_file_name(citation.source)}"


def _unique_sources(draft: Draft) -> list[CitationPublic]:
    """The draft's sources, one per number, in number order."""
    by_number: dict[int, CitationPublic] = {}
    for source in draft.sources:
        by_number.setdefault(source.number, source)
    return [by_number[number] for number in sorted(by_number)]


def _items(text: str) -> list[tuple[bool, str]]:
    """Split section text into (is_bullet, text) items: blank lines separate paragraphs, "- " starts a bullet."""
    items: list[tuple[bool, str]] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines: list[str] = []
        for raw in block.split("\n"):
            line = raw.strip()
            if line.startswith("- "):
                if lines:
                    items.append((False, " ".join(lines)))
                    lines = []
                items.append((True, line[2:].strip()))
            elif line:
                lines.append(line)
        if lines:
            items.append((False, " ".join(lines)))
    return items


def _dropped_note(count: int) -> str:
    return f"Hinweis: {count} Aussage(n) ohne prüfbare Quelle wurden weggelassen."


def _meta_line(draft: Draft) -> str:
    return f"Grundlage: {'; '.join(draft.documents)} · Stand: {_german_date(draft.created_at)}"


# --- DOCX ----------------------------------------------------------------------------------------------------------
class _Footnotes:
    """Collects Word footnotes while the body is written and adds them as ``word/footnotes.xml``."""

    def __init__(self, sources: list[CitationPublic]) -> None:
        self._sources = {source.number: source for source in sources}
        self._root = OxmlElement("w:footnotes")
        self._add_separator(0, "separator")
        self._add_separator(1, "continuationSeparator")
        self._next_id = 2

    @property
    def count(self) -> int:
        return self._next_id - 2

    def _add_separator(self, note_id: int, kind: str) -> None:
        note = etree.SubElement(self._root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): str(note_id)})
        paragraph = etree.SubElement(note, qn("w:p"))
        properties = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(
            properties, qn("w:spacing"), {qn("w:after"): "0", qn("w:line"): "240", qn("w:lineRule"): "auto"}
        )
        etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn(f"w:{kind}"))

    def reference(self, paragraph: Paragraph, numbers: list[int]) -> None:
        """Append one footnote reference per known source number to ``paragraph`` (unknown numbers are skipped)."""
        known = [number for number in numbers if number in self._sources]
        for index, number in enumerate(known):
            if index:
                paragraph._p.append(_superscript_run(","))
            paragraph._p.append(_reference_run("w:footnoteReference", self._next_id))
            self._add_note(self._next_id, footnote_text(self._sources[number]))
            self._next_id += 1

    def _add_note(self, note_id: int, text: str) -> None:
        note = etree.SubElement(self._root, qn("w:footnote"), {qn("w:id"): str(note_id)})
        paragraph = etree.SubElement(note, qn("w:p"))
        properties = etree.SubElement(paragraph, qn("w:pPr"))
        etree.SubElement(properties, qn("w:pStyle"), {qn("w:val"): "FootnoteText"})
        paragraph.append(_reference_run("w:footnoteRef", None))
        paragraph.append(_text_run(" " + _clean(text)))

    def attach(self, document: DocxDocument) -> None:
        """Add the footnotes part to the package and relate it to the main document part."""
        blob = etree.tostring(self._root, xml_declaration=True, encoding="UTF-8", standalone=True)
        main = document.part
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, main.package)
        main.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _reference_run(tag: str, note_id: int | None) -> Any:
    """A superscript run holding a footnote reference (body) or the footnote's own mark (footnote text)."""
    run = OxmlElement("w:r")
    properties = etree.SubElement(run, qn("w:rPr"))
    etree.SubElement(properties, qn("w:rStyle"), {qn("w:val"): "FootnoteReference"})
    etree.SubElement(properties, qn("w:vertAlign"), {qn("w:val"): "superscript"})
    attributes = {} if note_id is None else {qn("w:id"): str(note_id)}
    etree.SubElement(run, qn(tag), attributes)
    return run


def _superscript_run(text: str) -> Any:
    run = OxmlElement("w:r")
    properties = etree.SubElement(run, qn("w:rPr"))
    etree.SubElement(properties, qn("w:vertAlign"), {qn("w:val"): "superscript"})
    etree.SubElement(run, qn("w:t")).text = text
    return run


def _text_run(text: str) -> Any:
    run = OxmlElement("w:r")
    element = etree.SubElement(run, qn("w:t"))
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _add_footnote_styles(document: DocxDocument) -> None:
    """Add Word's built-in footnote styles, which python-docx's default template lacks."""
    styles = document.styles
    names = {style.name for style in styles}
    if "footnote text" not in names:
        text_style = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        text_style.style_id = "FootnoteText"
        text_style.base_style = styles["Normal"]
        text_style.font.size = Pt(9)
        text_style.paragraph_format.space_after = Pt(0)
        text_style.paragraph_format.line_spacing = 1.0
        text_style.unhide_when_used = True
    if "footnote reference" not in names:
        mark_style = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True)
        mark_style.style_id = "FootnoteReference"
        mark_style.font.superscript = True
        mark_style.unhide_when_used = True


def _set_language(document: DocxDocument, language: str = "de-DE") -> None:
    """Make German the proofing language of the default run properties."""
    for properties in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr"):
        lang = properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            properties.append(lang)
        lang.set(qn("w:val"), language)


def _setup_document(document: DocxDocument, draft: Draft) -> None:
    """A4 page, German language, footnote styles and core properties."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.0)
    _add_footnote_styles(document)
    _set_language(document)
    properties = document.core_properties
    properties.title = draft.title
    properties.subject = draft.subject
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.language = "de-DE"


def _add_cited_text(paragraph: Paragraph, text: str, notes: _Footnotes) -> None:
    """Write ``text`` into ``paragraph``, turning citation markers into footnote references."""
    position = 0
    for match in MARKER.finditer(text):
        if match.start() > position:
            paragraph.add_run(_clean(text[position : match.start()]))
        notes.reference(paragraph, marker_numbers(match))
        position = match.end()
    if position < len(text):
        paragraph.add_run(_clean(text[position:]))


def _add_small_paragraph(document: DocxDocument, text: str) -> None:
    run = document.add_paragraph().add_run(_clean(text))
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _add_header(document: DocxDocument, draft: Draft) -> None:
    document.add_heading(_clean(draft.title), level=1)
    subject = document.add_paragraph()
    subject.add_run("Betreff: ").bold = True
    subject.add_run(_clean(draft.subject))
    _add_small_paragraph(document, _meta_line(draft))


def _add_sources(document: DocxDocument, sources: list[CitationPublic]) -> None:
    if not sources:
        return
    document.add_heading(SOURCES_HEADING, level=2)
    for source in sources:
        paragraph = document.add_paragraph(_clean(_source_line(source)))
        paragraph.paragraph_format.space_after = Pt(3)


def _add_closing(document: DocxDocument, draft: Draft) -> None:
    if draft.dropped_statements > 0:
        document.add_paragraph(_dropped_note(draft.dropped_statements))
    document.add_paragraph().add_run(_clean(draft.closing_line)).italic = True


def draft_to_docx(draft: Draft) -> bytes:
    """The draft as a Word document with a real footnote for every cited source and a "Quellen" list."""
    document = docx.Document()
    _setup_document(document, draft)
    notes = _Footnotes(draft.sources)
    _add_header(document, draft)
    for section in draft.sections:
        document.add_heading(_clean(section.heading), level=2)
        for is_bullet, text in _items(section.text):
            paragraph = document.add_paragraph(style="List Bullet" if is_bullet else None)
            _add_cited_text(paragraph, text, notes)
    _add_sources(document, _unique_sources(draft))
    _add_closing(document, draft)
    notes.attach(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Markdown ------------------------------------------------------------------------------------------------------
def _markdown_markers(text: str, known: set[int]) -> str:
    """Replace markers by footnote references ``[^n]``; numbers without a source are dropped."""

    def replace(match: re.Match[str]) -> str:
        return "".join(f"[^{number}]" for number in marker_numbers(match) if number in known)

    return MARKER.sub(replace, text)


def _markdown_section(heading: str, text: str, known: set[int]) -> str:
    lines: list[str] = []
    previous_bullet = False
    for is_bullet, item in _items(text):
        if lines and not (is_bullet and previous_bullet):
            lines.append("")
        lines.append(("- " if is_bullet else "") + _markdown_markers(item, known))
        previous_bullet = is_bullet
    return "\n".join([f"## {_one_line(heading)}", "", *lines])


def draft_to_markdown(draft: Draft) -> str:
    """The draft as Markdown: markers become footnote references, the footnotes follow the sections."""
    sources = _unique_sources(draft)
    known = {source.number for source in sources}
    parts = [f"# {_one_line(draft.title)}", f"**Betreff:** {_one_line(draft.subject)}", f"*{_meta_line(draft)}*"]
    parts += [_markdown_section(section.heading, section.text, known) for section in draft.sections]
    if sources:
        parts.append("\n".join(f"[^{source.number}]: {footnote_text(source)}" for source in sources))
    if draft.dropped_statements > 0:
        parts.append(_dropped_note(draft.dropped_statements))
    parts.append(f"*{_one_line(draft.closing_line)}*")
    return "\n\n".join(parts) + "\n"


# --- batch results: shared -----------------------------------------------------------------------------------------
def _cells(case: CaseResult) -> dict[str, CellResult]:
    return {cell.field: cell for cell in case.cells}


def _found(cell: CellResult | None) -> bool:
    return cell is not None and cell.status == "gefunden"


def _value(cell: CellResult) -> CellValue:
    """The normalised value, or the value as written when normalising gave nothing."""
    return cell.value if cell.value is not None else cell.raw


def _status_text(case: CaseResult) -> str:
    if case.status == "fehler":
        return f"Fehler: {_one_line(case.error) or 'unbekannt'}"
    return case.status


def citation_label(citation: CitationPublic, limit: int | None = None) -> str:
    """Short German citation for a cell: ``<title>, S. <page>: „quote“``."""
    quote = _one_line(citation.quote) if limit is None else _shorten(citation.quote, limit)
    return f"{_one_line(citation.title)}, S. {citation.page}: „{quote}“"


def _parse_date(value: CellValue) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


# --- CSV -----------------------------------------------------------------------------------------------------------
def _csv_safe(text: str) -> str:
    """Keep spreadsheet programs from running document text as a formula (CSV injection)."""
    text = _one_line(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_value(spec: FieldSpec, value: CellValue) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | float):
        number = f"{value:.2f}" if spec.typ == "betrag" else f"{value:g}"
        return number.replace(".", ",")
    return _csv_safe(value or "")


def _csv_row(case: CaseResult, fields: list[FieldSpec]) -> list[str]:
    row = [_csv_safe(case.case), _csv_safe(_status_text(case))]
    cells = _cells(case)
    for spec in fields:
        cell = cells.get(spec.name)
        if case.status == "fehler" or cell is None:
            row += ["", ""]
        elif not _found(cell):
            row += [NOT_FOUND, ""]
        else:
            source = _csv_safe(citation_label(cell.citation)) if cell.citation else ""
            row += [_csv_value(spec, _value(cell)), source]
    return row


def batch_to_csv(result: BatchResult) -> bytes:
    """Semicolon-separated CSV in UTF-8 with BOM (opens correctly in German Excel); one row per case."""
    fields = result.schema_.felder
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    header = ["Fall", "Status"]
    for spec in fields:
        header += [spec.name, f"{spec.name} (Quelle)"]
    writer.writerow(header)
    for case in result.cases:
        writer.writerow(_csv_row(case, fields))
    return buffer.getvalue().encode("utf-8-sig")


# --- XLSX ----------------------------------------------------------------------------------------------------------
DATE_FORMAT: Final = "DD.MM.YYYY"
EURO_FORMAT: Final = '#,##0.00 "€"'
_HEADER_FONT: Final = Font(bold=True)
_HEADER_FILL: Final = PatternFill("solid", start_color="DDE4EE")
_NOT_FOUND_FONT: Final = Font(italic=True, color="808080")
_ERROR_FONT: Final = Font(color="C00000")
_COMMENT_AUTHOR: Final = "Verwaltungsassistent"


def _put_text(cell: Cell, text: str) -> None:
    """Write text that is never taken as a formula, even when it starts with "="."""
    cell.value = _clean(text)
    cell.data_type = "s"


def _put_value(cell: Cell, spec: FieldSpec, value: CellValue) -> None:
    """Write a normalised value with a real type: Excel date, number in euro, ja/nein, or text."""
    if isinstance(value, bool):
        _put_text(cell, "ja" if value else "nein")
    elif isinstance(value, int | float):
        cell.value = value
        if spec.typ == "betrag":
            cell.number_format = EURO_FORMAT
    elif spec.typ == "datum" and (day := _parse_date(value)) is not None:
        cell.value = day
        cell.number_format = DATE_FORMAT
    else:
        _put_text(cell, value or "")


def _write_header(sheet: Worksheet, titles: list[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=1, column=column)
        _put_text(cell, title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    sheet.freeze_panes = "B2"


def _finish_table(sheet: Worksheet, widths: dict[int, int] | None = None) -> None:
    """Autofilter over the table and column widths that fit the content (within bounds)."""
    sheet.auto_filter.ref = sheet.dimensions
    fixed = widths or {}
    for index, column in enumerate(sheet.iter_cols(), start=1):
        letter = get_column_letter(index)
        longest = max((_display_width(cell.value) for cell in column), default=8)
        sheet.column_dimensions[letter].width = fixed.get(index, min(max(longest + 2, 10), 50))


def _display_width(value: object) -> int:
    if isinstance(value, date):
        return 10
    if isinstance(value, float | int) and not isinstance(value, bool):
        return len(f"{value:,.2f}") + 2
    return max((len(line) for line in str(value or "").split("\n")), default=0)


def _comment(citation: CitationPublic) -> Comment:
    comment = Comment(_clean(citation_label(citation, 300)), _COMMENT_AUTHOR)
    comment.width, comment.height = 320, 160
    return comment


def _result_row(sheet: Worksheet, row: int, case: CaseResult, fields: list[FieldSpec]) -> None:
    _put_text(sheet.cell(row=row, column=1), case.case)
    status = sheet.cell(row=row, column=2)
    _put_text(status, _status_text(case))
    if case.status == "fehler":
        status.font = _ERROR_FONT
        return
    cells = _cells(case)
    for column, spec in enumerate(fields, start=3):
        target = sheet.cell(row=row, column=column)
        cell = cells.get(spec.name)
        if cell is None:
            continue
        if not _found(cell):
            _put_text(target, NOT_FOUND)
            target.font = _NOT_FOUND_FONT
            continue
        _put_value(target, spec, _value(cell))
        if cell.citation is not None:
            target.comment = _comment(cell.citation)


def _results_sheet(sheet: Worksheet, result: BatchResult) -> None:
    fields = result.schema_.felder
    sheet.title = "Ergebnisse"
    _write_header(sheet, ["Fall", "Status", *(spec.name for spec in fields)])
    for row, case in enumerate(result.cases, start=2):
        _result_row(sheet, row, case, fields)
    _finish_table(sheet)


def _found_cells(result: BatchResult) -> Iterator[tuple[CaseResult, FieldSpec, CellResult]]:
    """Every found cell of finished cases, in case and field order."""
    for case in result.cases:
        if case.status == "fehler":
            continue
        cells = _cells(case)
        for spec in result.schema_.felder:
            cell = cells.get(spec.name)
            if cell is not None and _found(cell):
                yield case, spec, cell


def _sources_sheet(sheet: Worksheet, result: BatchResult) -> None:
    _write_header(sheet, ["Fall", "Feld", "Wert", "Dokument", "Datei", "Seite", "Zitat"])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, (case, spec, cell) in enumerate(_found_cells(result), start=2):
        _put_text(sheet.cell(row=row, column=1), case.case)
        _put_text(sheet.cell(row=row, column=2), spec.name)
        _put_value(sheet.cell(row=row, column=3), spec, _value(cell))
        citation = cell.citation
        if citation is None:
            continue
        _put_text(sheet.cell(row=row, column=4), _one_line(citation.title))
        _put_text(sheet.cell(row=row, column=5), _file_name(citation.source))
        sheet.cell(row=row, column=6, value=citation.page)
        quote = sheet.cell(row=row, column=7)
        _put_text(quote, _one_line(citation.quote))
        quote.alignment = wrap
    _finish_table(sheet, {7: 80})


def _fields_sheet(sheet: Worksheet, result: BatchResult) -> None:
    _write_header(sheet, ["Name", "Frage", "Typ", "Optionen", "Hinweis"])
    for row, spec in enumerate(result.schema_.felder, start=2):
        values = [spec.name, spec.frage, spec.typ, ", ".join(spec.optionen), spec.hinweis]
        for column, text in enumerate(values, start=1):
            _put_text(sheet.cell(row=row, column=column), text)
    _finish_table(sheet)


def batch_to_xlsx(result: BatchResult) -> bytes:
    """Excel workbook: "Ergebnisse" (case × field, citations as comments), "Quellen" and "Felder"."""
    workbook = Workbook()
    _results_sheet(workbook.active, result)
    _sources_sheet(workbook.create_sheet("Quellen"), result)
    _fields_sheet(workbook.create_sheet("Felder"), result)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- JSON Lines ----------------------------------------------------------------------------------------------------
def _citation_json(cell: CellResult | None) -> dict[str, object] | None:
    if cell is None or not _found(cell) or cell.citation is None:
        return None
    citation = cell.citation
    return {"title": citation.title, "source": citation.source, "page": citation.page, "quote": citation.quote}


def _case_json(case: CaseResult, fields: list[FieldSpec]) -> dict[str, object]:
    cells = _cells(case)
    values: dict[str, CellValue] = {}
    citations: dict[str, dict[str, object] | None] = {}
    for spec in fields:
        cell = cells.get(spec.name)
        values[spec.name] = cell.value if cell is not None and _found(cell) else None
        citations[spec.name] = _citation_json(cell)
    return {
        "case": case.case,
        "status": case.status,
        "error": case.error,
        "documents": case.documents,
        "values": values,
        "citations": citations,
    }


def batch_to_jsonl(result: BatchResult) -> bytes:
    """One JSON object per case and line (UTF-8, no ASCII escaping)."""
    fields = result.schema_.felder
    lines = [json.dumps(_case_json(case, fields), ensure_ascii=False) for case in result.cases]
    return "".join(line + "\n" for line in lines).encode("utf-8")
