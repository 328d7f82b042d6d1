"""Drafts as files: DOCX with real Word footnotes for every cited source, and Markdown with footnotes.

Pure functions: a ``Draft`` in, the file content out. Text a clerk reads is German.
"""

from __future__ import annotations

import contextlib
import io
import re
from datetime import datetime
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

from assistant.drafts.draft import Draft
from assistant.shared.citations import MARKER, Citation, marker_numbers
from assistant.shared.text import clean, file_name, one_line, shorten

AUTHOR: Final = "Verwaltungsassistent (Entwurf)"
SOURCES_HEADING: Final = "Quellen"


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


def footnote_text(citation: Citation) -> str:
    """The German footnote of a source: title, page, section, shortened quote and file name."""
    where = f"{one_line(citation.title)}, S. {citation.page}"
    if citation.section.strip():
        where += f", {one_line(citation.section)}"
    return f"{where}: „{shorten(citation.quote)}“ ({file_name(citation.source)})"


def _source_line(citation: Citation) -> str:
    """One entry of the "Quellen" list."""
    parts = [one_line(citation.title), f"S. {citation.page}"]
    if citation.section.strip():
        parts.append(one_line(citation.section))
    return f"[{citation.number}] {', '.join(parts)} — {file_name(citation.source)}"


def _unique_sources(draft: Draft) -> list[Citation]:
    """The draft's sources, one per number, in number order."""
    by_number: dict[int, Citation] = {}
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

    def __init__(self, sources: list[Citation]) -> None:
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
        paragraph.append(_text_run(" " + clean(text)))

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
            paragraph.add_run(clean(text[position : match.start()]))
        notes.reference(paragraph, marker_numbers(match))
        position = match.end()
    if position < len(text):
        paragraph.add_run(clean(text[position:]))


def _add_small_paragraph(document: DocxDocument, text: str) -> None:
    run = document.add_paragraph().add_run(clean(text))
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _add_header(document: DocxDocument, draft: Draft) -> None:
    document.add_heading(clean(draft.title), level=1)
    subject = document.add_paragraph()
    subject.add_run("Betreff: ").bold = True
    subject.add_run(clean(draft.subject))
    _add_small_paragraph(document, _meta_line(draft))


def _add_sources(document: DocxDocument, sources: list[Citation]) -> None:
    if not sources:
        return
    document.add_heading(SOURCES_HEADING, level=2)
    for source in sources:
        paragraph = document.add_paragraph(clean(_source_line(source)))
        paragraph.paragraph_format.space_after = Pt(3)


def _add_closing(document: DocxDocument, draft: Draft) -> None:
    if draft.dropped_statements > 0:
        document.add_paragraph(_dropped_note(draft.dropped_statements))
    document.add_paragraph().add_run(clean(draft.closing_line)).italic = True


def draft_to_docx(draft: Draft) -> bytes:
    """The draft as a Word document with a real footnote for every cited source and a "Quellen" list."""
    document = docx.Document()
    _setup_document(document, draft)
    notes = _Footnotes(draft.sources)
    _add_header(document, draft)
    for section in draft.sections:
        document.add_heading(clean(section.heading), level=2)
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
    return "\n".join([f"## {one_line(heading)}", "", *lines])


def draft_to_markdown(draft: Draft) -> str:
    """The draft as Markdown: markers become footnote references, the footnotes follow the sections."""
    sources = _unique_sources(draft)
    known = {source.number for source in sources}
    parts = [f"# {one_line(draft.title)}", f"**Betreff:** {one_line(draft.subject)}", f"*{_meta_line(draft)}*"]
    parts += [_markdown_section(section.heading, section.text, known) for section in draft.sections]
    if sources:
        parts.append("\n".join(f"[^{source.number}]: {footnote_text(source)}" for source in sources))
    if draft.dropped_statements > 0:
        parts.append(_dropped_note(draft.dropped_statements))
    parts.append(f"*{one_line(draft.closing_line)}*")
    return "\n\n".join(parts) + "\n"
