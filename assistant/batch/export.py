"""Batch results as files: CSV (German Excel dialect), XLSX (citations as comments, a "Quellen" sheet) and
JSON Lines. Pure functions; the files never execute anything (no spreadsheet formulas from document text)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assistant.batch.fields import FieldSpec
from assistant.batch.results import BatchResult, CaseResult, CellResult, CellValue
from assistant.shared.citations import Citation
from assistant.shared.text import citation_label, clean, file_name, one_line

NOT_FOUND: Final = "nicht gefunden"
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


# --- batch results: shared -----------------------------------------------------------------------------------------
def _cells(case: CaseResult) -> dict[str, CellResult]:
    return {cell.field: cell for cell in case.cells}


def _found(cell: CellResult | None) -> bool:
    return cell is not None and cell.status == "gefunden"


def _value(cell: CellResult) -> CellValue:
    """The normalised value, or the value as written when normalising gave nothing."""
    return cell.value if cell.value is not None else cell.raw


def _header(spec: FieldSpec) -> str:
    """A column's title: the field name, with the unit of a number ("flaeche (m²)")."""
    return f"{spec.name} ({spec.einheit})" if spec.einheit else spec.name


def _to_review(case: CaseResult) -> str:
    """The fields of a finished case a clerk should check, comma-separated ("" when every cell is sure)."""
    if case.status == "fehler":
        return ""
    return ", ".join(cell.field for cell in case.cells if cell.confidence == "prüfen")


def _status_text(case: CaseResult) -> str:
    if case.status == "fehler":
        return f"Fehler: {one_line(case.error) or 'unbekannt'}"
    return case.status


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
    text = one_line(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_value(spec: FieldSpec, value: CellValue) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | float):
        number = f"{value:.2f}" if spec.typ == "betrag" else f"{value:g}"
        return number.replace(".", ",")
    return _csv_safe(value or "")


def _csv_row(case: CaseResult, fields: list[FieldSpec]) -> list[str]:
    row = [_csv_safe(case.case), _csv_safe(_status_text(case)), _csv_safe(_to_review(case))]
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
    header = ["Fall", "Status", "Zu prüfen"]
    for spec in fields:
        header += [_header(spec), f"{spec.name} (Quelle)"]
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
_REVIEW_FILL: Final = PatternFill("solid", start_color="FFF4CC")  # "prüfen": filterable by colour as well
_COMMENT_AUTHOR: Final = "Verwaltungsassistent"


def _put_text(cell: Cell, text: str) -> None:
    """Write text that is never taken as a formula, even when it starts with "="."""
    cell.value = clean(text)
    cell.data_type = "s"


def _put_value(cell: Cell, spec: FieldSpec, value: CellValue) -> None:
    """Write a normalised value with a real type: Excel date, number in euro, ja/nein, or text."""
    if isinstance(value, bool):
        _put_text(cell, "ja" if value else "nein")
    elif isinstance(value, int | float):
        cell.value = value
        if spec.typ == "betrag":
            cell.number_format = EURO_FORMAT
        elif spec.typ == "zahl":
            cell.number_format = "#,##0.##"
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


def _comment(citation: Citation) -> Comment:
    comment = Comment(clean(citation_label(citation, 300)), _COMMENT_AUTHOR)
    comment.width, comment.height = 320, 160
    return comment


def _result_row(sheet: Worksheet, row: int, case: CaseResult, fields: list[FieldSpec]) -> None:
    _put_text(sheet.cell(row=row, column=1), case.case)
    status = sheet.cell(row=row, column=2)
    _put_text(status, _status_text(case))
    if case.status == "fehler":
        status.font = _ERROR_FONT
        return
    _put_text(sheet.cell(row=row, column=3), _to_review(case))
    cells = _cells(case)
    for column, spec in enumerate(fields, start=4):
        target = sheet.cell(row=row, column=column)
        cell = cells.get(spec.name)
        if cell is None:
            continue
        if cell.confidence == "prüfen":
            target.fill = _REVIEW_FILL
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
    _write_header(sheet, ["Fall", "Status", "Zu prüfen", *(_header(spec) for spec in fields)])
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
    _write_header(sheet, ["Fall", "Feld", "Wert", "Sicherheit", "Dokument", "Datei", "Seite", "Zitat"])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, (case, spec, cell) in enumerate(_found_cells(result), start=2):
        _put_text(sheet.cell(row=row, column=1), case.case)
        _put_text(sheet.cell(row=row, column=2), spec.name)
        _put_value(sheet.cell(row=row, column=3), spec, _value(cell))
        _put_text(sheet.cell(row=row, column=4), f"prüfen: {cell.review}" if cell.confidence == "prüfen" else "sicher")
        citation = cell.citation
        if citation is None:
            continue
        _put_text(sheet.cell(row=row, column=5), one_line(citation.title))
        _put_text(sheet.cell(row=row, column=6), file_name(citation.source))
        sheet.cell(row=row, column=7, value=citation.page)
        quote = sheet.cell(row=row, column=8)
        _put_text(quote, one_line(citation.quote))
        quote.alignment = wrap
    _finish_table(sheet, {8: 80})


def _fields_sheet(sheet: Worksheet, result: BatchResult) -> None:
    _write_header(sheet, ["Name", "Frage", "Typ", "Einheit", "Optionen", "Hinweis"])
    for row, spec in enumerate(result.schema_.felder, start=2):
        values = [spec.name, spec.frage, spec.typ, spec.einheit, ", ".join(spec.optionen), spec.hinweis]
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
    confidence: dict[str, str] = {}
    for spec in fields:
        cell = cells.get(spec.name)
        values[spec.name] = cell.value if cell is not None and _found(cell) else None
        citations[spec.name] = _citation_json(cell)
        confidence[spec.name] = cell.confidence if cell is not None else "prüfen"
    return {
        "case": case.case,
        "status": case.status,
        "error": case.error,
        "documents": case.documents,
        "values": values,
        "confidence": confidence,
        "citations": citations,
    }


def batch_to_jsonl(result: BatchResult) -> bytes:
    """One JSON object per case and line (UTF-8, no ASCII escaping)."""
    fields = result.schema_.felder
    lines = [json.dumps(_case_json(case, fields), ensure_ascii=False) for case in result.cases]
    return "".join(line + "\n" for line in lines).encode("utf-8")
