#!/usr/bin/env python3
"""Generate the synthetic evaluation set for the batch analysis (one table row per case).

Three extraction schemas (``data/schemas/hundesteuer-anmeldung.yaml`` and
``data/schemas/widerspruch-gebuehrenbescheid.yaml``, twelve cases each, and the held-out check set
``data/schemas/sondernutzung-strasse.yaml`` with fourteen cases). A case is one document
(``fall-01.pdf``) or a sub-folder with several documents (``fall-04/anmeldung.pdf``). All names,
places and numbers are invented. The output is deterministic: fixed seed, fixed PDF/DOCX metadata,
no network.

    .venv/bin/python scripts/make_case_files.py [--out data/eval/cases]
    .venv/bin/python scripts/make_case_files.py --check          # verify the files in --out
    .venv/bin/python scripts/make_case_files.py --fixtures tests/fixtures/cases

``--check`` re-reads every generated document (pypdf text layer, python-docx) and verifies that each
non-null truth value is written there (dates and amounts must parse back to the truth value), that
absent values leave no trace (keyword guards) and that only the scanned page lacks a text layer. If
tesseract is installed, the scanned page is OCR'd and the result reported (not fatal).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "data" / "eval" / "cases"
SCHEMA_DIR = ROOT / "data" / "schemas"
SCHEMA_FILES = {
    "hundesteuer": "hundesteuer-anmeldung.yaml",
    "widerspruch": "widerspruch-gebuehrenbescheid.yaml",
    "sondernutzung": "sondernutzung-strasse.yaml",
}
SEED = 20250312
FIXED_TIME = datetime(2025, 1, 1, 8, 0, 0)
FIXTURE_CASES = ("fall-02", "fall-03", "fall-04", "fall-05")  # hundesteuer: DOCX, 2-page PDF, sub-folder, table PDF
CORRUPT_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n\x00\x9f\x13\xfe garbage \x07\xff"


# --- document model --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Letterhead:
    """Issuer block at the top: name, unit, address/contact lines."""

    org: str
    unit: str = ""
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Window:
    """Letter window: return-address line, recipient lines and an info column (label, value)."""

    recipient: tuple[str, ...]
    sender: str = ""
    info: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class P:
    """A paragraph; ``\\n`` is a line break. kind: body, title, heading, subject, small, right, sign."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class Fields:
    """Form lines "Label: Wert", as text lines or as a two-column table."""

    rows: tuple[tuple[str, str], ...]
    table: bool = False


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]
    header: bool = True
    widths: tuple[float, ...] = ()  # mm


@dataclass(frozen=True)
class Stamp:
    """An Eingangsstempel or similar boxed note (right aligned)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Gap:
    mm: float = 6.0


@dataclass(frozen=True)
class Break:
    pass


@dataclass(frozen=True)
class Scan:
    """A scanned page (PDF only): the lines are rendered to a noisy, slightly rotated image, no text layer.
    A line starting with a tab is placed in the right half (date line)."""

    lines: tuple[str, ...]


Block = Letterhead | Window | P | Fields | Grid | Stamp | Gap | Break | Scan


@dataclass(frozen=True)
class Doc:
    stem: str
    fmt: Literal["pdf", "docx"]
    blocks: tuple[Block, ...]
    font: str = "sans"  # sans | serif | arial | core
    title: str = ""
    author: str = ""
    footer: str = ""


@dataclass(frozen=True)
class Fact:
    """A truth value and its written form in the documents (a tuple: parts that each appear, in order of the
    value). For janein/auswahl ``written`` is the evidence phrase."""

    value: str | float | bool
    written: str | tuple[str, ...] = ""


def f(value: str | float | bool, written: str | tuple[str, ...] = "") -> Fact:
    return Fact(value, written)


@dataclass
class Case:
    name: str
    docs: list[Doc]
    facts: dict[str, Fact | None]
    notes: list[str] = field(default_factory=list)

    def paths(self) -> list[str]:
        if len(self.docs) == 1:
            return [f"{self.name}.{self.docs[0].fmt}"]
        return [f"{self.name}/{doc.stem}.{doc.fmt}" for doc in self.docs]

    @property
    def scanned(self) -> bool:
        return any(isinstance(b, Scan) for d in self.docs for b in d.blocks)


# --- fonts -------------------------------------------------------------------------------------------------------
FONT_FILES = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", ("Helvetica", "Helvetica-Bold")),
    "serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", ("Times-Roman", "Times-Bold")),
    "arial": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", ("Helvetica", "Helvetica-Bold")),
}
DOCX_FONTS = {"sans": "Calibri", "serif": "Times New Roman", "arial": "Arial", "core": "Arial"}


def find_font(name: str) -> Path | None:
    for base in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")):
        if base.is_dir():
            hits = sorted(base.rglob(name))
            if hits:
                return hits[0]
    return None


def register_fonts() -> dict[str, tuple[str, str]]:
    """Font pairs (regular, bold) per style; TTF where installed, else the PDF core fonts."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = {"core": ("Helvetica", "Helvetica-Bold")}
    for key, (regular, bold, fallback) in FONT_FILES.items():
        paths = find_font(regular), find_font(bold)
        if paths[0] and paths[1]:
            names = (f"{key}-r", f"{key}-b")
            for font_name, path in zip(names, paths, strict=True):
                pdfmetrics.registerFont(TTFont(font_name, str(path)))
            fonts[key] = names
        else:
            fonts[key] = fallback
    return fonts


# --- PDF writer --------------------------------------------------------------------------------------------------
def write_pdf(doc: Doc, path: Path, fonts: dict[str, tuple[str, str]], tmp: Path, seed: int) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Flowable,
        Frame,
        HRFlowable,
        Image,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    regular, bold = fonts[doc.font]
    size = 10.5 if doc.font != "serif" else 11.5
    base = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.35, spaceAfter=size * 0.6)
    styles = {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=size + 4, leading=size + 8),
        "heading": ParagraphStyle("heading", parent=base, fontName=bold, spaceBefore=4),
        "subject": ParagraphStyle("subject", parent=base, fontName=bold, spaceBefore=6, spaceAfter=10),
        "small": ParagraphStyle("small", parent=base, fontSize=size - 2.5, leading=(size - 2.5) * 1.3),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "sign": ParagraphStyle("sign", parent=base, spaceBefore=10),
        "cell": ParagraphStyle("cell", parent=base, spaceAfter=0),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, spaceAfter=0),
        "org": ParagraphStyle("org", parent=base, fontName=bold, fontSize=size + 6, leading=size + 9, alignment=2),
        "unit": ParagraphStyle("unit", parent=base, alignment=TA_RIGHT, spaceAfter=1),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=size - 3, leading=size - 1, alignment=TA_RIGHT),
        "ret": ParagraphStyle("ret", parent=base, fontSize=size - 3.5, leading=size - 1.5, spaceAfter=4),
        "stamp": ParagraphStyle("stamp", parent=base, fontName=bold, textColor=colors.HexColor("#1f3f99")),
    }

    def para(text: str, kind: str = "body") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[kind])

    def label(text: str) -> str:
        return text if text.endswith((":", "?")) else text + ":"

    width = A4[0] - 44 * mm
    story: list[Flowable] = []
    scans = 0
    for block in doc.blocks:
        if isinstance(block, Letterhead):
            story.append(para(block.org, "org"))
            if block.unit:
                story.append(para(block.unit, "unit"))
            for line in block.lines:
                story.append(para(line, "tiny"))
            story.append(HRFlowable(width="100%", thickness=0.6, color=colors.grey, spaceBefore=2, spaceAfter=10))
        elif isinstance(block, Window):
            left: list[Flowable] = []
            if block.sender:
                left.append(para(block.sender, "ret"))
            left.append(para("\n".join(block.recipient), "cell"))
            right = [para("\n".join(f"{label(k)} {v}" for k, v in block.info), "small")] if block.info else []
            table = Table([[left, right]], colWidths=[width * 0.56, width * 0.44])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            story += [table, Spacer(1, 8 * mm)]
        elif isinstance(block, P):
            story.append(para(block.text, block.kind))
        elif isinstance(block, Fields):
            if block.table:
                rows = [[para(label(k), "cellb"), para(v, "cell")] for k, v in block.rows]
                table = Table(rows, colWidths=[width * 0.38, width * 0.62])
                table.setStyle(
                    TableStyle(
                        [
                            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
                        ]
                    )
                )
                story += [table, Spacer(1, 4 * mm)]
            else:
                for k, v in block.rows:
                    line = f"<font name='{bold}'>{escape(label(k))}</font> {escape(v)}"
                    story.append(Paragraph(line, styles["cell"]))
                story.append(Spacer(1, 3 * mm))
        elif isinstance(block, Grid):
            rows = [
                [para(cell, "cellb" if block.header and i == 0 else "cell") for cell in row]
                for i, row in enumerate(block.rows)
            ]
            widths = [w * mm for w in block.widths] if block.widths else None
            table = Table(rows, colWidths=widths, repeatRows=1 if block.header else 0)
            commands: list[tuple[Any, ...]] = [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
            if block.header:
                commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")))
            table.setStyle(TableStyle(commands))
            story += [table, Spacer(1, 4 * mm)]
        elif isinstance(block, Stamp):
            cell = para("\n".join(block.lines), "stamp")
            table = Table([[cell]], colWidths=[58 * mm], hAlign="RIGHT")
            table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.4, colors.HexColor("#1f3f99"))]))
            story += [table, Spacer(1, 4 * mm)]
        elif isinstance(block, Gap):
            story.append(Spacer(1, block.mm * mm))
        elif isinstance(block, Break):
            story.append(PageBreak())
        elif isinstance(block, Scan):
            image_name = f"scan-{seed}-{scans}.jpg"  # relative: reportlab names the XObject after the path
            render_scan(block.lines, seed + scans).save(tmp / image_name, "JPEG", quality=60, optimize=True)
            scans += 1
            with contextlib.chdir(tmp):
                image = Image(image_name, width=A4[0] - 1, height=A4[1] - 1)
            story += [NextPageTemplate("scan"), PageBreak(), image, NextPageTemplate("normal")]

    def on_page(canvas: Any, _doc: Any) -> None:
        if doc.footer:
            canvas.saveState()
            canvas.setFont(regular, 7.5)
            canvas.setFillColor(colors.grey)
            canvas.drawString(22 * mm, 12 * mm, doc.footer)
            canvas.drawRightString(A4[0] - 22 * mm, 12 * mm, f"Seite {canvas.getPageNumber()}")
            canvas.restoreState()

    body = Frame(22 * mm, 20 * mm, width, A4[1] - 38 * mm, id="body")
    full = Frame(0, 0, A4[0], A4[1], leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="full")
    template = BaseDocTemplate(
        str(path.resolve()),
        pagesize=A4,
        pageTemplates=[PageTemplate("normal", [body], onPage=on_page), PageTemplate("scan", [full])],
        title=doc.title,
        author=doc.author,
        creator="scripts/make_case_files.py (synthetisch)",
        subject="Synthetisches Testdokument",
        invariant=1,
    )
    with contextlib.chdir(tmp):
        template.build(story)


def render_scan(lines: tuple[str, ...], seed: int) -> Any:
    """A4 page at 300 dpi: the text in a clear font, rotated by 0.7°, speckled and slightly blurred."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    width, height = 2480, 3508
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font_path = find_font("DejaVuSans.ttf") or find_font("LiberationSans-Regular.ttf")
    font: Any = ImageFont.truetype(str(font_path), 44) if font_path else ImageFont.load_default()
    y = 320
    for line in lines:
        x = 1400 if line.startswith("\t") else 270
        draw.text((x, y), line.strip(), fill=30, font=font)
        y += 68
    image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=255)
    draw = ImageDraw.Draw(image)
    for _ in range(2500):  # dust and toner specks
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.choice((1, 1, 1, 2, 3))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(40, 190))
    for _ in range(3):  # faint roller streaks
        x = rng.randrange(200, width - 200)
        draw.line((x, 0, x + rng.randrange(-20, 20), height), fill=225, width=2)
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    return image.point(lambda v: int(v * 0.94) + 6)  # greyish paper tone


# --- DOCX writer -------------------------------------------------------------------------------------------------
def write_docx(doc: Doc, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = DOCX_FONTS[doc.font]
    normal.font.size = Pt(11)
    for section in document.sections:
        section.page_height, section.page_width = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin = section.bottom_margin = Mm(18)
        if doc.footer:
            section.footer.paragraphs[0].text = doc.footer

    def lines_paragraph(text: str, *, size: float | None = None, bold: bool = False, align: Any = None) -> Any:
        paragraph = document.add_paragraph()
        for i, line in enumerate(text.split("\n")):
            run = paragraph.add_run(line)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
            if i < len(text.split("\n")) - 1:
                run.add_break()
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def label(text: str) -> str:
        return text if text.endswith((":", "?")) else text + ":"

    for block in doc.blocks:
        if isinstance(block, Letterhead):
            lines_paragraph(block.org, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
            if block.unit:
                lines_paragraph(block.unit, size=10, align=WD_ALIGN_PARAGRAPH.RIGHT)
            if block.lines:
                lines_paragraph("\n".join(block.lines), size=8, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif isinstance(block, Window):
            if block.sender:
                lines_paragraph(block.sender, size=7.5).runs[0].underline = True
            lines_paragraph("\n".join(block.recipient))
            if block.info:
                info = "\n".join(f"{label(k)} {v}" for k, v in block.info)
                lines_paragraph(info, size=9, align=WD_ALIGN_PARAGRAPH.RIGHT)
        elif isinstance(block, P):
            if block.kind == "title":
                document.add_heading(block.text, level=1)
            elif block.kind == "heading":
                document.add_heading(block.text, level=2)
            elif block.kind == "subject":
                lines_paragraph(block.text, bold=True)
            elif block.kind == "small":
                lines_paragraph(block.text, size=8.5)
            elif block.kind == "right":
                lines_paragraph(block.text, align=WD_ALIGN_PARAGRAPH.RIGHT)
            else:
                lines_paragraph(block.text)
        elif isinstance(block, Fields):
            if block.table:
                table = document.add_table(rows=0, cols=2)
                table.style = "Table Grid"
                for k, v in block.rows:
                    cells = table.add_row().cells
                    cells[0].paragraphs[0].add_run(label(k)).bold = True
                    cells[1].paragraphs[0].add_run(v)
                document.add_paragraph()
            else:
                for k, v in block.rows:
                    paragraph = document.add_paragraph()
                    paragraph.add_run(label(k) + " ").bold = True
                    paragraph.add_run(v)
                    paragraph.paragraph_format.space_after = Pt(2)
        elif isinstance(block, Grid):
            table = document.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(block.rows):
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.paragraphs[0].add_run(text).bold = block.header and i == 0
            document.add_paragraph()
        elif isinstance(block, Stamp):
            table = document.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            cell = table.rows[0].cells[0]
            for i, line in enumerate(block.lines):
                paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                run = paragraph.add_run(line)
                run.bold = True
                run.font.color.rgb = RGBColor(0x1F, 0x3F, 0x99)
            document.add_paragraph()
        elif isinstance(block, Gap):
            document.add_paragraph()
        elif isinstance(block, Break):
            document.add_page_break()
        elif isinstance(block, Scan):
            raise ValueError("scanned pages exist only in PDFs")

    props = document.core_properties
    props.title = doc.title
    props.author = doc.author
    props.last_modified_by = doc.author
    props.comments = "Synthetisches Testdokument (scripts/make_case_files.py)"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))


def stable_zip(data: bytes) -> bytes:
    """Rewrite a ZIP (DOCX) with fixed member timestamps so that reruns give identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --- shared text fragments ---------------------------------------------------------------------------------------
def rbb(authority: str, address: str, *, law: str = "des Verwaltungsverfahrensgesetzes") -> P:
    return P(
        "Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben werden. "
        f"Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Abs. 2 {law} oder zur Niederschrift "
        f"bei {authority}, {address}, einzulegen."
    )


# --- Hundesteuer-Anmeldung ---------------------------------------------------------------------------------------
def hundesteuer_cases() -> list[Case]:
    cases: list[Case] = []

    # fall-01: one-page form, "Feld: Wert" lines; no tax amount; distractor dates (birth, litter, signature).
    cases.append(
        Case(
            "fall-01",
            [
                Doc(
                    "anmeldung",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Rabenfels",
                            "Fachbereich 2 – Finanzen · Steuerabteilung",
                            ("Marktplatz 1 · 35781 Rabenfels · Telefon 030 23125-410",),
                        ),
                        P("Anmeldung zur Hundesteuer", "title"),
                        P(
                            "nach § 8 der Satzung über die Erhebung der Hundesteuer in der Stadt Rabenfels "
                            "(Hundesteuersatzung). Bitte vollständig ausfüllen und innerhalb von zwei Wochen nach "
                            "Beginn der Haltung an die Steuerabteilung zurücksenden.",
                            "small",
                        ),
                        P("1. Angaben zur Halterin / zum Halter", "heading"),
                        Fields(
                            (
                                ("Name der Halterin/des Halters", "Sabine Kretschmer"),
                                ("Geburtsdatum", "02.09.1981"),
                                ("Anschrift", "Lindenweg 12, 35781 Rabenfels"),
                                ("Telefon (freiwillig)", "030 23125-877"),
                            )
                        ),
                        P("2. Angaben zum Hund", "heading"),
                        Fields(
                            (
                                ("Rasse / Kreuzung", "Labrador Retriever"),
                                ("Rufname", "Frieda"),
                                ("Geschlecht", "Hündin"),
                                ("Wurfdatum", "14.11.2023"),
                                ("Transponder-Nr.", "276 09 8100 452 371"),
                                ("Beginn der Haltung", "01.04.2025"),
                                ("Zuzug aus einer anderen Gemeinde", "nein"),
                            )
                        ),
                        P("3. Weitere Angaben", "heading"),
                        Fields(
                            (
                                ("Anzahl der Hunde im Haushalt (einschließlich dieses Hundes)", "1"),
                                ("Antrag auf Steuerermäßigung oder -befreiung", "nein"),
                                ("Hundehaftpflichtversicherung", "Rhenania Versicherung AG, Nr. HV-4471-2209"),
                            )
                        ),
                        P("Ich versichere die Richtigkeit und Vollständigkeit der Angaben.", "body"),
                        P("Rabenfels, 07.04.2025\nUnterschrift: Sabine Kretschmer", "sign"),
                    ),
                    font="core",
                    title="Anmeldung zur Hundesteuer",
                    author="Stadt Rabenfels",
                )
            ],
            {
                "halter": f("Sabine Kretschmer"),
                "anschrift": f("Lindenweg 12, 35781 Rabenfels"),
                "hunderasse": f("Labrador Retriever"),
                "haltungsbeginn": f("2025-04-01", "01.04.2025"),
                "jahressteuer": None,
                "ermaessigung_beantragt": f(False, "Antrag auf Steuerermäßigung oder -befreiung: nein"),
                "anzahl_hunde": f("ein Hund", "Anzahl der Hunde im Haushalt (einschließlich dieses Hundes): 1"),
            },
        )
    )

    # fall-02: citizen letter (DOCX) in running text; no amount, no reduction, no number of dogs.
    cases.append(
        Case(
            "fall-02",
            [
                Doc(
                    "anmeldung",
                    "docx",
                    (
                        P("Jürgen Wohlfahrt · Am Mühlbach 3a · 56379 Birkenhain", "small"),
                        Gap(),
                        P("Gemeinde Birkenhain\n– Steueramt –\nRathausstraße 4\n56379 Birkenhain"),
                        P("Birkenhain, 24. Februar 2025", "right"),
                        P("Anmeldung meines Hundes zur Hundesteuer", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "hiermit melde ich meinen Rüden „Bruno“ zur Hundesteuer an. Bruno ist ein "
                            "Beagle-Mischling, er wurde am 3. Oktober 2022 geboren und lebt seit dem 15. Februar 2025 "
                            "bei mir. Ich habe ihn von einer Familie aus Koblenz übernommen, die ihn aus "
                            "gesundheitlichen Gründen nicht mehr halten konnte."
                        ),
                        P(
                            "Die Transpondernummer lautet 276 09 8100 118 204. Eine Kopie des Heimtierausweises füge "
                            "ich bei. Bitte senden Sie mir die Steuermarke und den Steuerbescheid an die oben "
                            "genannte Anschrift."
                        ),
                        P("Für Rückfragen bin ich werktags ab 17 Uhr unter 069 90009-312 erreichbar."),
                        P("Mit freundlichen Grüßen\n\nJürgen Wohlfahrt", "sign"),
                        P("Anlage: Kopie des Heimtierausweises", "small"),
                    ),
                    font="arial",
                    title="Anmeldung Hundesteuer",
                    author="Jürgen Wohlfahrt",
                )
            ],
            {
                "halter": f("Jürgen Wohlfahrt"),
                "anschrift": f("Am Mühlbach 3a, 56379 Birkenhain"),
                "hunderasse": f("Beagle-Mischling"),
                "haltungsbeginn": f("2025-02-15", "15. Februar 2025"),
                "jahressteuer": None,
                "ermaessigung_beantragt": None,
                "anzahl_hunde": None,
            },
        )
    )

    # fall-03: two-page Bescheid; the "not requested" reduction sits on page 2. Distractors: start of tax
    # liability, pro-rata amount, quarterly instalments, replacement tag fee.
    cases.append(
        Case(
            "fall-03",
            [
                Doc(
                    "bescheid",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Kaltenweiler", "Der Magistrat · Steueramt", ("Marktplatz 1 · 36211 Kaltenweiler",)
                        ),
                        Window(
                            ("Frau", "Aylin Demir", "Kastanienallee 7", "36211 Kaltenweiler"),
                            sender="Stadt Kaltenweiler · Marktplatz 1 · 36211 Kaltenweiler",
                            info=(
                                ("Aktenzeichen", "20.3-HSt-2025-0614"),
                                ("Kassenzeichen", "6100.2025.0614"),
                                ("Auskunft", "Herr Brückner, Zimmer 14"),
                                ("Telefon", "040 66969-214"),
                                ("Datum", "26.05.2025"),
                            ),
                        ),
                        P("Bescheid über die Festsetzung der Hundesteuer", "title"),
                        P("Sehr geehrte Frau Demir,"),
                        P(
                            "aufgrund Ihrer Anmeldung vom 20.05.2025 wird nach der Satzung über die Erhebung einer "
                            "Hundesteuer in der Stadt Kaltenweiler (Hundesteuersatzung) in der zurzeit gültigen "
                            "Fassung folgende Festsetzung getroffen:"
                        ),
                        Fields(
                            (
                                ("Hundehalterin", "Aylin Demir"),
                                ("Haltungsort", "Kastanienallee 7, 36211 Kaltenweiler"),
                                ("Hund", "„Kalle“, Deutscher Schäferhund, Rüde"),
                                ("Gehalten seit", "18.05.2025"),
                                ("Beginn der Steuerpflicht", "01.06.2025"),
                                ("Anzahl der Hunde im Haushalt", "1 (Ersthund)"),
                                ("Jahressteuer", "108,00 €"),
                            ),
                            table=True,
                        ),
                        P(
                            "Für das Kalenderjahr 2025 wird die Steuer anteilig für die Monate Juni bis Dezember "
                            "erhoben; der Betrag von 63,00 € ist am 15.08.2025 in einer Summe fällig. Ab dem "
                            "Kalenderjahr 2026 wird die Jahressteuer in vierteljährlichen Teilbeträgen von je 27,00 € "
                            "zum 15.02., 15.05., 15.08. und 15.11. fällig."
                        ),
                        P(
                            "Die Steuermarke Nr. 0614 liegt diesem Bescheid bei. Sie ist von dem Hund außerhalb des "
                            "Hauses oder des umfriedeten Grundbesitzes sichtbar zu tragen. Für eine verlorene "
                            "Steuermarke wird eine Ersatzmarke gegen eine Gebühr von 5,00 € ausgegeben."
                        ),
                        Break(),
                        P("Hinweise", "heading"),
                        P("Eine Steuerermäßigung nach § 6 der Hundesteuersatzung wurde nicht beantragt."),
                        P(
                            "Änderungen, insbesondere die Abgabe, der Tod oder der Wegzug des Hundes, sind der Stadt "
                            "innerhalb von zwei Wochen schriftlich anzuzeigen."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb(
                            "dem Magistrat der Stadt Kaltenweiler",
                            "Marktplatz 1, 36211 Kaltenweiler",
                            law="des Hessischen Verwaltungsverfahrensgesetzes",
                        ),
                        P(
                            "Ein Widerspruch hat keine aufschiebende Wirkung; die festgesetzte Steuer ist trotz "
                            "Einlegung eines Widerspruchs zu den genannten Terminen zu zahlen."
                        ),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nBrückner", "sign"),
                    ),
                    font="serif",
                    title="Hundesteuerbescheid 20.3-HSt-2025-0614",
                    author="Stadt Kaltenweiler",
                    footer="Stadt Kaltenweiler · Steueramt · Az. 20.3-HSt-2025-0614",
                )
            ],
            {
                "halter": f("Aylin Demir"),
                "anschrift": f("Kastanienallee 7, 36211 Kaltenweiler"),
                "hunderasse": f("Deutscher Schäferhund"),
                "haltungsbeginn": f("2025-05-18", "18.05.2025"),
                "jahressteuer": f(108.0, "108,00 €"),
                "ermaessigung_beantragt": f(False, "Eine Steuerermäßigung nach § 6 der Hundesteuersatzung wurde nicht"),
                "anzahl_hunde": f("ein Hund", "Anzahl der Hunde im Haushalt: 1 (Ersthund)"),
            },
        )
    )

    # fall-04: sub-folder: form (PDF table) + Jobcenter certificate (DOCX) with distractor date and amount.
    cases.append(
        Case(
            "fall-04",
            [
                Doc(
                    "anmeldung",
                    "pdf",
                    (
                        Letterhead(
                            "Markt Eschenbrunn",
                            "Kämmerei – Steuern und Abgaben",
                            ("Marktplatz 3 · 91632 Eschenbrunn",),
                        ),
                        P("Hundesteuer – Anmeldung und Antrag auf Steuerermäßigung", "title"),
                        Fields(
                            (
                                ("Halter/in", "Manfred Oettinger"),
                                ("Straße, Hausnummer", "Fliederweg 5"),
                                ("PLZ, Ort", "91632 Eschenbrunn"),
                                ("Rasse", "Mops"),
                                ("Name des Hundes", "Otto"),
                                ("Hund gehalten seit", "3.3.25"),
                                ("Anzahl Hunde im Haushalt", "1"),
                                ("Steuerermäßigung beantragt", "ja"),
                                ("Grund der Ermäßigung", "Bezug von Bürgergeld (SGB II) – Nachweis anbei"),
                            ),
                            table=True,
                        ),
                        P(
                            "Ich versichere die Richtigkeit meiner Angaben. Mir ist bekannt, dass die Ermäßigung nur "
                            "für einen Hund gewährt wird und für jedes Kalenderjahr neu nachzuweisen ist."
                        ),
                        P("Eschenbrunn, 10.3.25\nUnterschrift: Manfred Oettinger", "sign"),
                    ),
                    font="arial",
                    title="Hundesteuer Anmeldung",
                    author="Markt Eschenbrunn",
                ),
                Doc(
                    "nachweis",
                    "docx",
                    (
                        Letterhead("Jobcenter Landkreis Eschenbrunn-Tal", "Team Leistung 3", ("Bahnhofstraße 2",)),
                        P("Bescheinigung über den Bezug von Bürgergeld", "title"),
                        Fields(
                            (
                                ("Nummer der Bedarfsgemeinschaft", "916 01 BG 0042871"),
                                ("Datum", "05.03.2025"),
                            )
                        ),
                        P(
                            "Herr Manfred Oettinger, geboren am 14.06.1968, wohnhaft Fliederweg 5, 91632 Eschenbrunn, "
                            "erhält Leistungen zur Sicherung des Lebensunterhalts nach dem Zweiten Buch "
                            "Sozialgesetzbuch (Bürgergeld)."
                        ),
                        Fields(
                            (
                                ("Bewilligungszeitraum", "01.01.2025 bis 31.12.2025"),
                                ("Monatlicher Regelbedarf", "563,00 €"),
                            )
                        ),
                        P(
                            "Diese Bescheinigung wird auf Antrag zur Vorlage beim Markt Eschenbrunn "
                            "(Hundesteuer) ausgestellt. Sie gilt nur in Verbindung mit einem amtlichen "
                            "Lichtbildausweis."
                        ),
                        P("Im Auftrag\nKessler", "sign"),
                    ),
                    font="sans",
                    title="Bescheinigung Bürgergeld",
                    author="Jobcenter Landkreis Eschenbrunn-Tal",
                ),
            ],
            {
                "halter": f("Manfred Oettinger"),
                "anschrift": f("Fliederweg 5, 91632 Eschenbrunn"),
                "hunderasse": f("Mops"),
                "haltungsbeginn": f("2025-03-03", "3.3.25"),
                "jahressteuer": None,
                "ermaessigung_beantragt": f(True, "Steuerermäßigung beantragt: ja"),
                "anzahl_hunde": f("ein Hund", "Anzahl Hunde im Haushalt: 1"),
            },
        )
    )

    # fall-05: table form with blank fields (breed, start) and an office section with the tax rate.
    cases.append(
        Case(
            "fall-05",
            [
                Doc(
                    "anmeldung",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Ostermoor-Süd",
                            "Der Bürgermeister · Steuern und Abgaben",
                            ("Deichstraße 2 · 25599 Ostermoor-Süd",),
                        ),
                        P("Hundesteuer: An- und Abmeldung", "title"),
                        Fields(
                            (
                                ("Art der Meldung", "Anmeldung"),
                                ("Halter/in (Vor- und Nachname)", "Kerstin Albrecht-Nowak"),
                                ("Anschrift", "Am Sielzug 9, 25599 Ostermoor-Süd"),
                                ("Rasse/Kreuzung", "–"),
                                ("Rufname", "Mira"),
                                ("Hund gehalten seit", "–"),
                                ("Es handelt sich um", "Zweithund (2 Hunde im Haushalt)"),
                                ("Ermäßigung beantragt", "nein"),
                            ),
                            table=True,
                        ),
                        P("Ostermoor-Süd, 27.01.2025 · Kerstin Albrecht-Nowak", "sign"),
                        Gap(4),
                        P("Vom Amt auszufüllen", "heading"),
                        Fields(
                            (
                                ("Eingang", "29.01.2025"),
                                ("Steuersatz", "180,00 € jährlich (Zweithund)"),
                                ("Steuermarke Nr.", "217"),
                                ("Bearbeitet", "Jensen"),
                            )
                        ),
                        P(
                            "Steuersätze nach § 4 der Hundesteuersatzung: Ersthund 90,00 €, Zweithund 180,00 €, "
                            "jeder weitere Hund 240,00 €, gefährlicher Hund 720,00 € im Kalenderjahr.",
                            "small",
                        ),
                    ),
                    font="sans",
                    title="Hundesteuer An- und Abmeldung",
                    author="Gemeinde Ostermoor-Süd",
                )
            ],
            {
                "halter": f("Kerstin Albrecht-Nowak"),
                "anschrift": f("Am Sielzug 9, 25599 Ostermoor-Süd"),
                "hunderasse": None,
                "haltungsbeginn": None,
                "jahressteuer": f(180.0, "180,00 €"),
                "ermaessigung_beantragt": f(False, "Ermäßigung beantragt: nein"),
                "anzahl_hunde": f("zwei Hunde", "Zweithund (2 Hunde im Haushalt)"),
            },
        )
    )

    # fall-06: internal phone note (DOCX): no address, no start date, no amount.
    cases.append(
        Case(
            "fall-06",
            [
                Doc(
                    "telefonvermerk",
                    "docx",
                    (
                        Letterhead("Stadt Weißenroda", "Steueramt – Sachgebiet Steuern"),
                        P("Telefonvermerk", "title"),
                        Fields(
                            (
                                ("Datum", "12.05.2025, 10:40 Uhr"),
                                ("Gesprächspartnerin", "Frau Helga Brandstätter (Tel. 089 9999 8561)"),
                                ("Aufgenommen von", "Lorenz"),
                                ("Betreff", "Hundesteuer – telefonische Anmeldung eines Hundes"),
                            )
                        ),
                        P(
                            "Frau Brandstätter teilte mit, dass sie einen Rauhaardackel aus dem Tierheim Weißenroda "
                            "übernommen hat. Weitere Hunde hält sie nach eigener Angabe nicht."
                        ),
                        P(
                            "Sie möchte für den Hund eine Steuerermäßigung für Hunde aus dem Tierheim nach § 7 Abs. 2 "
                            "der Hundesteuersatzung beantragen. Der Übernahmevertrag des Tierheims wird nachgereicht."
                        ),
                        P(
                            "Das Anmeldeformular wurde ihr per E-Mail an h.brandstaetter@example.org zugesandt. "
                            "Sie wurde darauf hingewiesen, dass die Anmeldung schriftlich zu bestätigen ist."
                        ),
                        Fields((("Wiedervorlage", "26.05.2025"),)),
                        P("gez. Lorenz", "sign"),
                    ),
                    font="sans",
                    title="Telefonvermerk Hundesteuer",
                    author="Stadt Weißenroda",
                )
            ],
            {
                "halter": f("Helga Brandstätter"),
                "anschrift": None,
                "hunderasse": f("Rauhaardackel"),
                "haltungsbeginn": None,
                "jahressteuer": None,
                "ermaessigung_beantragt": f(True, "Sie möchte für den Hund eine Steuerermäßigung"),
                "anzahl_hunde": f("ein Hund", "Weitere Hunde hält sie nach eigener Angabe nicht."),
            },
        )
    )

    # fall-07: sub-folder: two-page form (name split into fields, signature and reduction on page 2) plus a
    # rescue-dog certificate (DOCX) with exam date and exam fee as distractors.
    cases.append(
        Case(
            "fall-07",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead("Gemeinde Fichtenhag", "Hauptamt · Steuern", ("Kirchplatz 1 · 79872 Fichtenhag",)),
                        P("Anmeldung eines Hundes zur Hundesteuer", "title"),
                        P("A. Halterin / Halter", "heading"),
                        Fields(
                            (
                                ("Familienname", "Kowalczyk"),
                                ("Vorname", "Dennis"),
                                ("Straße und Hausnummer", "Tannenstraße 28"),
                                ("Postleitzahl und Ort", "79872 Fichtenhag"),
                            )
                        ),
                        P("B. Hund", "heading"),
                        Fields(
                            (
                                ("Rasse", "Border Collie"),
                                ("Farbe", "schwarz-weiß"),
                                ("Geschlecht", "Hündin"),
                                ("Rufname", "Kira"),
                                ("Geburtsdatum des Hundes", "22.06.2021"),
                                ("Der Hund wird gehalten seit", "10. Januar 2025"),
                                ("Vorheriger Wohnort des Hundes", "79868 Feldberg-Süd"),
                            )
                        ),
                        P(
                            "Hinweis: Die Steuerpflicht beginnt mit dem ersten Tag des auf die Aufnahme des Hundes "
                            "folgenden Kalendermonats.",
                            "small",
                        ),
                        Break(),
                        P("C. Steuerermäßigung / Steuerbefreiung", "heading"),
                        Fields((("Wird eine Steuerermäßigung oder Steuerbefreiung beantragt?", "ja"),)),
                        P(
                            "Begründung: Der Hund hat die Rettungshundeprüfung (Flächensuche) bestanden und steht dem "
                            "Katastrophenschutz zur Verfügung (§ 6 Abs. 1 Nr. 3 der Hundesteuersatzung). Das "
                            "Prüfungszeugnis ist beigefügt."
                        ),
                        P("D. Erklärung", "heading"),
                        P("Ich versichere, dass die Angaben vollständig und richtig sind."),
                        P("Fichtenhag, den 24. Januar 2025\n\nDennis Kowalczyk", "sign"),
                    ),
                    font="sans",
                    title="Anmeldung Hundesteuer",
                    author="Gemeinde Fichtenhag",
                    footer="Gemeinde Fichtenhag · Hundesteueranmeldung",
                ),
                Doc(
                    "pruefungszeugnis",
                    "docx",
                    (
                        Letterhead("Rettungshundestaffel Schwarzwald-Süd e. V.", "Ausbildung und Prüfungswesen"),
                        P("Prüfungszeugnis", "title"),
                        Fields(
                            (
                                ("Hundeführer", "Dennis Kowalczyk"),
                                ("Hund", "Kira (Border Collie, Hündin, Transponder 276 09 8100 774 019)"),
                                ("Prüfung", "Rettungshunde-Flächensuche"),
                                ("Prüfungsdatum", "16.11.2024"),
                                ("Ergebnis", "bestanden (268 von 300 Punkten)"),
                                ("Prüfungsgebühr", "45,00 € (bezahlt)"),
                            ),
                            table=True,
                        ),
                        P(
                            "Die Prüfung ist 18 Monate gültig. Eine Wiederholungsprüfung ist bis spätestens "
                            "16.05.2026 abzulegen."
                        ),
                        P("Leistungsrichterin: Svenja Harms", "sign"),
                    ),
                    font="serif",
                    title="Prüfungszeugnis Rettungshund",
                    author="Rettungshundestaffel Schwarzwald-Süd e. V.",
                ),
            ],
            {
                "halter": f("Dennis Kowalczyk"),
                "anschrift": f("Tannenstraße 28, 79872 Fichtenhag", ("Tannenstraße 28", "79872 Fichtenhag")),
                "hunderasse": f("Border Collie"),
                "haltungsbeginn": f("2025-01-10", "10. Januar 2025"),
                "jahressteuer": None,
                "ermaessigung_beantragt": f(True, "Wird eine Steuerermäßigung oder Steuerbefreiung beantragt? ja"),
                "anzahl_hunde": None,
            },
        )
    )

    # fall-08: citizen letter (PDF): breed and reduction not mentioned, amount written as "96 Euro".
    cases.append(
        Case(
            "fall-08",
            [
                Doc(
                    "schreiben",
                    "pdf",
                    (
                        P("Friederike Sommerfeld-Haas\nGartenstraße 41\n77815 Lindauhof"),
                        Gap(8),
                        P("Stadt Lindauhof\nSteuer- und Abgabenamt\nPostfach 11 40\n77811 Lindauhof"),
                        P("Lindauhof, den 18.06.2025", "right"),
                        P("Anmeldung Hundesteuer – Übernahme der Hündin meiner Mutter", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "meine Mutter, Frau Ilse Sommerfeld, zieht zum 30.06.2025 in eine Pflegeeinrichtung und "
                            "kann ihre Hündin „Nala“ nicht mitnehmen. Ab dem 1. Juli 2025 übernehme ich Nala dauerhaft "
                            "in meinen Haushalt und melde sie hiermit zur Hundesteuer an. Nala wird mein einziger Hund "
                            "sein. Meine Mutter meldet die Hündin in Birkenhain, wo sie bisher wohnt, selbst ab."
                        ),
                        P(
                            "Nach den Angaben auf Ihrer Internetseite beträgt die Hundesteuer für einen Hund "
                            "96 Euro im "
                            "Jahr. Bitte teilen Sie mir mit, ob die Steuer für 2025 anteilig berechnet wird und ob ich "
                            "die Steuermarke meiner Mutter weiterverwenden darf."
                        ),
                        P("Mit freundlichen Grüßen\n\nFriederike Sommerfeld-Haas", "sign"),
                    ),
                    font="serif",
                    title="Anmeldung Hundesteuer",
                    author="Friederike Sommerfeld-Haas",
                )
            ],
            {
                "halter": f("Friederike Sommerfeld-Haas"),
                "anschrift": f("Gartenstraße 41, 77815 Lindauhof"),
                "hunderasse": None,
                "haltungsbeginn": f("2025-07-01", "1. Juli 2025"),
                "jahressteuer": f(96.0, "96 Euro"),
                "ermaessigung_beantragt": None,
                "anzahl_hunde": f("ein Hund", "Nala wird mein einziger Hund sein."),
            },
        )
    )

    # fall-09: three-page amendment notice; the new dog's row in a table of three dogs (page 2), signature
    # on page 3. Distractors: other dogs, total, pro-rata amount.
    cases.append(
        Case(
            "fall-09",
            [
                Doc(
                    "aenderungsbescheid",
                    "pdf",
                    (
                        Letterhead(
                            "Verbandsgemeindeverwaltung Hessbach-Land",
                            "Fachbereich 2 – Finanzen · Steuern",
                            ("Schulstraße 10 · 55767 Hessbach",),
                        ),
                        Window(
                            ("Herrn", "Konstantin Reuter", "Hauptstraße 112", "55767 Kirchweiler"),
                            sender="VGV Hessbach-Land · Schulstraße 10 · 55767 Hessbach",
                            info=(
                                ("Aktenzeichen", "2/21-HuSt-0388"),
                                ("Ansprechpartnerin", "Frau Weidenfeller"),
                                ("Datum", "12.09.2025"),
                            ),
                        ),
                        P("Änderungsbescheid über Hundesteuer", "title"),
                        P("Sehr geehrter Herr Reuter,"),
                        P(
                            "aufgrund Ihrer Anmeldung vom 04.09.2025 wird die Hundesteuer nach der "
                            "Hundesteuersatzung der Ortsgemeinde Kirchweiler vom 14.12.2019 mit Wirkung vom "
                            "01.09.2025 neu festgesetzt. Neu angemeldet wurde die Hündin „Cora“. Der bisherige "
                            "Bescheid vom 20.01.2023 wird insoweit geändert."
                        ),
                        P("Die Festsetzung im Einzelnen entnehmen Sie bitte der Aufstellung auf Seite 2."),
                        Break(),
                        P("Aufstellung der gehaltenen Hunde", "heading"),
                        P("In Ihrem Haushalt werden derzeit drei Hunde gehalten:"),
                        Grid(
                            (
                                ("Nr.", "Name", "Rasse", "gehalten seit", "Einstufung", "Jahressteuer"),
                                ("1", "Aika", "Siberian Husky", "01.03.2021", "Ersthund", "84,00 €"),
                                ("2", "Balu", "Mischling", "15.08.2022", "Zweithund", "132,00 €"),
                                ("3", "Cora (neu)", "Golden Retriever", "01.09.2025", "weiterer Hund", "132,00 €"),
                                ("", "", "", "", "Summe", "348,00 €"),
                            ),
                            widths=(12, 26, 38, 28, 30, 32),
                        ),
                        P(
                            "Für das Kalenderjahr 2025 wird für die Hündin Cora ein anteiliger Betrag von 44,00 € "
                            "(September bis Dezember) zusätzlich erhoben. Dieser Betrag ist am 15.11.2025 fällig. "
                            "Die Fälligkeiten für die übrigen Hunde bleiben unverändert."
                        ),
                        Break(),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Verbandsgemeindeverwaltung Hessbach-Land", "Schulstraße 10, 55767 Hessbach"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nWeidenfeller", "sign"),
                    ),
                    font="sans",
                    title="Änderungsbescheid Hundesteuer",
                    author="Verbandsgemeindeverwaltung Hessbach-Land",
                    footer="VGV Hessbach-Land · Az. 2/21-HuSt-0388",
                )
            ],
            {
                "halter": f("Konstantin Reuter"),
                "anschrift": f("Hauptstraße 112, 55767 Kirchweiler"),
                "hunderasse": f("Golden Retriever"),
                "haltungsbeginn": f("2025-09-01", "01.09.2025"),
                "jahressteuer": f(132.0, "132,00 €"),
                "ermaessigung_beantragt": None,
                "anzahl_hunde": f("drei oder mehr Hunde", "In Ihrem Haushalt werden derzeit drei Hunde gehalten"),
            },
        )
    )

    # fall-10: DOCX form as a table; start of keeping left blank, signature date as distractor.
    cases.append(
        Case(
            "fall-10",
            [
                Doc(
                    "anmeldung",
                    "docx",
                    (
                        Letterhead(
                            "Gemeinde Wendelsried", "Kämmerei – Steuerstelle", ("Hofmark 1, 84149 Wendelsried",)
                        ),
                        P("Anmeldung eines Hundes", "title"),
                        Fields(
                            (
                                ("Halterin/Halter", "Tobias Lindqvist"),
                                ("Anschrift", "Schlossberg 6, 84149 Wendelsried"),
                                ("Telefon", "0221 4710-338"),
                                ("Rasse", "Zwergpudel"),
                                ("Name des Hundes", "Pepe"),
                                ("Wurfjahr", "2024"),
                                ("Hund gehalten seit", ""),
                                ("Anzahl Hunde im Haushalt", "2"),
                                ("Ermäßigung beantragt", "ja"),
                                ("Grund", "Schwerbehinderung (GdB 80, Merkzeichen G) – Ausweis in Kopie folgt"),
                            ),
                            table=True,
                        ),
                        P(
                            "Hinweis: Die Steuerpflicht beginnt mit dem Kalendermonat, der auf den Beginn der "
                            "Hundehaltung folgt. Die Steuermarke wird nach der Festsetzung zugesandt.",
                            "small",
                        ),
                        P("Wendelsried, 22.09.2025\nTobias Lindqvist", "sign"),
                    ),
                    font="arial",
                    title="Anmeldung eines Hundes",
                    author="Gemeinde Wendelsried",
                )
            ],
            {
                "halter": f("Tobias Lindqvist"),
                "anschrift": f("Schlossberg 6, 84149 Wendelsried"),
                "hunderasse": f("Zwergpudel"),
                "haltungsbeginn": None,
                "jahressteuer": None,
                "ermaessigung_beantragt": f(True, "Ermäßigung beantragt: ja"),
                "anzahl_hunde": f("zwei Hunde", "Anzahl Hunde im Haushalt: 2"),
            },
        )
    )

    # fall-11: two-page letter; the exemption request and the amount are on page 2.
    cases.append(
        Case(
            "fall-11",
            [
                Doc(
                    "schreiben",
                    "pdf",
                    (
                        P("Ingrid Pfannenschmidt · Weinbergstraße 3 · 97234 Grünach", "small"),
                        Gap(4),
                        P("Stadt Grünach\nBürgerbüro / Steueramt\nRathausplatz 1\n97234 Grünach"),
                        P("Grünach, 6. Oktober 2025", "right"),
                        P(
                            "Anmeldung meines Assistenzhundes und Antrag auf Befreiung von der Hundesteuer",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "ich bin seit meiner Geburt hochgradig sehbehindert (GdB 100, Merkzeichen Bl). Seit dem "
                            "1. Oktober 2025 lebt mein neuer Blindenführhund „Lotte“ bei mir, eine Königspudel-Hündin, "
                            "die in der Führhundschule Mainfranken ausgebildet wurde."
                        ),
                        P(
                            "Die Gespannprüfung haben Lotte und ich am 29. September 2025 erfolgreich abgelegt. Eine "
                            "Kopie des Prüfungsprotokolls und meines Schwerbehindertenausweises lege ich bei."
                        ),
                        Break(),
                        P(
                            "Ich beantrage hiermit, Lotte nach § 5 Abs. 1 Nr. 1 Ihrer Hundesteuersatzung von der "
                            "Hundesteuer zu befreien. Die übliche Steuer von 120,00 € jährlich könnte ich als "
                            "Rentnerin "
                            "nur schwer aufbringen; vor allem ist Lotte für mich kein Haustier, sondern ein "
                            "unverzichtbares Hilfsmittel."
                        ),
                        P(
                            "Sollten Sie weitere Unterlagen benötigen, erreichen Sie mich telefonisch unter "
                            "030 23125-606 oder über meine Tochter, Frau Sandra Pfannenschmidt."
                        ),
                        P("Mit freundlichen Grüßen\n\nIngrid Pfannenschmidt", "sign"),
                        P(
                            "Anlagen: Kopie des Schwerbehindertenausweises, Protokoll der Gespannprüfung",
                            "small",
                        ),
                    ),
                    font="arial",
                    title="Antrag Befreiung Hundesteuer",
                    author="Ingrid Pfannenschmidt",
                    footer="Ingrid Pfannenschmidt · Antrag auf Befreiung von der Hundesteuer",
                )
            ],
            {
                "halter": f("Ingrid Pfannenschmidt"),
                "anschrift": f("Weinbergstraße 3, 97234 Grünach"),
                "hunderasse": f("Königspudel"),
                "haltungsbeginn": f("2025-10-01", "1. Oktober 2025"),
                "jahressteuer": f(120.0, "120,00 €"),
                "ermaessigung_beantragt": f(True, "Ich beantrage hiermit, Lotte nach § 5 Abs. 1 Nr. 1"),
                "anzahl_hunde": None,
            },
        )
    )

    # fall-12: sub-folder: online form printout (DOCX) + Bescheid (PDF); breed never stated; start of tax
    # liability, pro-rata amount and tag fee as distractors.
    cases.append(
        Case(
            "fall-12",
            [
                Doc(
                    "anmeldung",
                    "docx",
                    (
                        P("Stadt Rabenfels – Online-Dienste", "small"),
                        P("Online-Anmeldung Hundesteuer – Ausdruck", "title"),
                        Fields(
                            (
                                ("Vorgangsnummer", "OZG-HST-2025-08812"),
                                ("Übermittelt", "04.08.2025, 21:17 Uhr"),
                                ("Name", "Selin Aksoy"),
                                ("Geburtsdatum", "17.03.1990"),
                                ("Anschrift", "Weidenring 22, 35781 Rabenfels"),
                                ("E-Mail", "s.aksoy@example.net"),
                                ("Rufname des Hundes", "Pünktchen"),
                                ("Gefährlicher Hund nach § 5 Abs. 3 der Satzung", "nein"),
                                ("Beginn der Hundehaltung", "01.08.2025"),
                                ("Anzahl der Hunde im Haushalt", "1"),
                                ("Ermäßigung", "nein"),
                            )
                        ),
                        P(
                            "Die Angaben wurden elektronisch übermittelt. Der Ausdruck dient Ihren Unterlagen.",
                            "small",
                        ),
                    ),
                    font="sans",
                    title="Online-Anmeldung Hundesteuer",
                    author="Stadt Rabenfels",
                ),
                Doc(
                    "bescheid",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Rabenfels",
                            "Fachbereich 2 – Finanzen · Steuerabteilung",
                            ("Marktplatz 1 · 35781 Rabenfels",),
                        ),
                        Window(
                            ("Frau", "Selin Aksoy", "Weidenring 22", "35781 Rabenfels"),
                            sender="Stadt Rabenfels · Marktplatz 1 · 35781 Rabenfels",
                            info=(("Aktenzeichen", "22.1-HSt-2025-1047"), ("Datum", "11.08.2025")),
                        ),
                        P("Hundesteuerbescheid", "title"),
                        P("Sehr geehrte Frau Aksoy,"),
                        P(
                            "für Ihren Hund „Pünktchen“ wird die Hundesteuer ab dem 01.09.2025 auf jährlich "
                            "102,00 € festgesetzt. Für 2025 ergibt sich ein Betrag von 34,00 € (September bis "
                            "Dezember), fällig am 15.11.2025. Die Steuermarke liegt bei; eine Ersatzmarke kostet "
                            "5,00 €."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Rabenfels", "Marktplatz 1, 35781 Rabenfels"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\nHerbst", "sign"),
                    ),
                    font="core",
                    title="Hundesteuerbescheid",
                    author="Stadt Rabenfels",
                ),
            ],
            {
                "halter": f("Selin Aksoy"),
                "anschrift": f("Weidenring 22, 35781 Rabenfels"),
                "hunderasse": None,
                "haltungsbeginn": f("2025-08-01", "01.08.2025"),
                "jahressteuer": f(102.0, "102,00 €"),
                "ermaessigung_beantragt": f(False, "Ermäßigung: nein"),
                "anzahl_hunde": f("ein Hund", "Anzahl der Hunde im Haushalt: 1"),
            },
        )
    )
    return cases


# --- Widerspruch gegen Gebührenbescheid --------------------------------------------------------------------------
def widerspruch_cases() -> list[Case]:
    cases: list[Case] = []

    # fall-01: citizen letter with an Eingangsstempel; partial objection (Biotonne) inside a larger total.
    cases.append(
        Case(
            "fall-01",
            [
                Doc(
                    "widerspruch",
                    "pdf",
                    (
                        P("Gerhard Möllenkamp · Ahornweg 17 · 35781 Rabenfels", "small"),
                        Stamp(("STADT RABENFELS", "Eingang: 24. März 2025", "FB 3 / Abfallwirtschaft")),
                        P(
                            "Stadt Rabenfels\nFachbereich 3 – Umwelt und Abfallwirtschaft\nMarktplatz 1\n"
                            "35781 Rabenfels"
                        ),
                        P("Rabenfels, 20.03.2025", "right"),
                        P(
                            "Widerspruch gegen den Abfallgebührenbescheid vom 12.03.2025, "
                            "Aktenzeichen 3.2-AG-2025-04417",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P("gegen den oben genannten Bescheid lege ich hiermit Widerspruch ein."),
                        P(
                            "Mit dem Bescheid wurden für das Jahr 2025 Abfallgebühren von insgesamt 412,80 € "
                            "festgesetzt. Mein Widerspruch richtet sich ausschließlich gegen die darin enthaltene "
                            "Gebühr für die Biotonne in Höhe von 187,20 €. Eine Biotonne habe ich nie bestellt; ich "
                            "kompostiere sämtliche Bioabfälle auf meinem Grundstück und habe bereits am 15.01.2024 "
                            "die Befreiung von der Biotonne beantragt. Die Gebühren für die Restmüll- und die "
                            "Papiertonne erkenne ich an."
                        ),
                        P(
                            "Ich bitte, den Bescheid aufzuheben, soweit er die Biotonne betrifft, und mir den zu viel "
                            "gezahlten Betrag zu erstatten."
                        ),
                        P("Mit freundlichen Grüßen\n\nGerhard Möllenkamp", "sign"),
                    ),
                    font="core",
                    title="Widerspruch Abfallgebühren",
                    author="Gerhard Möllenkamp",
                )
            ],
            {
                "widerspruchsfuehrer": f("Gerhard Möllenkamp"),
                "aktenzeichen": f("3.2-AG-2025-04417"),
                "bescheiddatum": f("2025-03-12", "12.03.2025"),
                "eingangsdatum": f("2025-03-24", "24. März 2025"),
                "strittiger_betrag": f(187.2, "187,20 €"),
                "aussetzung_beantragt": None,
                "gebuehrenart": f("Abfallgebühren", "Abfallgebührenbescheid"),
            },
        )
    )

    # fall-02: DOCX letter without Aktenzeichen and without a receipt date; "EUR 143,52".
    cases.append(
        Case(
            "fall-02",
            [
                Doc(
                    "widerspruch",
                    "docx",
                    (
                        P("Renate Oberholz\nMühlenstraße 8\n77815 Lindauhof"),
                        Gap(),
                        P("Stadt Lindauhof\nTiefbauamt – Straßenreinigung\nPostfach 11 40\n77811 Lindauhof"),
                        P("Lindauhof, 27. Februar 2025", "right"),
                        P(
                            "Widerspruch gegen den Bescheid über Straßenreinigungsgebühren vom 5. Februar 2025",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "hiermit lege ich gegen die Festsetzung der Straßenreinigungsgebühren für das Jahr 2025 in "
                            "Höhe von EUR 143,52 in vollem Umfang Widerspruch ein."
                        ),
                        P(
                            "Begründung: Mein Grundstück ist ein Hinterliegergrundstück. Es grenzt nicht an die "
                            "Mühlenstraße, sondern ist nur über einen privaten Wohnweg erreichbar, den die Stadt nicht "
                            "reinigt. Außerdem wurde die Reinigungsklasse II angesetzt, obwohl die Straße nach meiner "
                            "Beobachtung höchstens alle zwei Wochen gekehrt wird."
                        ),
                        P(
                            "Zugleich beantrage ich die Aussetzung der Vollziehung bis zur Entscheidung über meinen "
                            "Widerspruch."
                        ),
                        P("Mit freundlichen Grüßen\n\nRenate Oberholz", "sign"),
                    ),
                    font="serif",
                    title="Widerspruch Straßenreinigung",
                    author="Renate Oberholz",
                )
            ],
            {
                "widerspruchsfuehrer": f("Renate Oberholz"),
                "aktenzeichen": None,
                "bescheiddatum": f("2025-02-05", "5. Februar 2025"),
                "eingangsdatum": None,
                "strittiger_betrag": f(143.52, "EUR 143,52"),
                "aussetzung_beantragt": f(True, "Zugleich beantrage ich die Aussetzung der Vollziehung"),
                "gebuehrenart": f("Straßenreinigungsgebühren", "Straßenreinigungsgebühren"),
            },
        )
    )

    # fall-03: three-page lawyer's letter for a company; the firm's own reference, the letter date and the
    # undisputed part of the fee are distractors; the suspension request sits on page 3.
    cases.append(
        Case(
            "fall-03",
            [
                Doc(
                    "widerspruch",
                    "pdf",
                    (
                        Letterhead(
                            "BRENNER & VOGT",
                            "Rechtsanwälte · Fachanwälte für Verwaltungsrecht",
                            ("Bahnhofstraße 21 · 36199 Rotenbach · Telefon 069 90009-150",),
                        ),
                        Window(
                            (
                                "Stadtentwässerung Kaltenweiler",
                                "Eigenbetrieb der Stadt Kaltenweiler",
                                "Am Klärwerk 2",
                                "36211 Kaltenweiler",
                            ),
                            sender="Brenner & Vogt Rechtsanwälte · Bahnhofstraße 21 · 36199 Rotenbach",
                            info=(
                                ("Unser Zeichen", "0815/25 KV"),
                                ("Bearbeiterin", "Dr. Katrin Vogt"),
                                ("Datum", "14.02.2025"),
                            ),
                        ),
                        P(
                            "Gebührenbescheid vom 17.01.2025 – Az. 66.1-GS-2025-1182\n"
                            "Grundstück Industriestraße 40, Kaltenweiler\nUnsere Mandantin: Hofmann Logistik GmbH",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "wir zeigen an, dass wir die Hofmann Logistik GmbH, Industriestraße 40, 36211 "
                            "Kaltenweiler, "
                            "vertreten durch ihren Geschäftsführer Herrn Bernd Hofmann, anwaltlich vertreten. Eine auf "
                            "uns lautende Vollmacht ist beigefügt."
                        ),
                        P(
                            "Namens und in Vollmacht unserer Mandantin legen wir gegen den Gebührenbescheid vom "
                            "17.01.2025 (Az. 66.1-GS-2025-1182) über Abwassergebühren für das Veranlagungsjahr 2024"
                        ),
                        P("Widerspruch", "heading"),
                        P(
                            "ein. Mit dem angefochtenen Bescheid wurden eine Schmutzwassergebühr von 1.120,00 € und "
                            "eine Niederschlagswassergebühr von 2.846,40 € festgesetzt, insgesamt 3.966,40 €."
                        ),
                        Break(),
                        P("Begründung", "heading"),
                        P(
                            "1. Der Widerspruch ist auf die Niederschlagswassergebühr beschränkt. Streitig ist damit "
                            "ein Betrag von 2.846,40 €. Die Schmutzwassergebühr wird nicht angegriffen."
                        ),
                        P(
                            "2. Der Bescheid legt eine bebaute und befestigte Fläche von 4.744 m² zugrunde, die an die "
                            "öffentliche Abwasseranlage angeschlossen sei, und setzt einen Gebührensatz von 0,60 € je "
                            "m² an. Tatsächlich ist das Grundstück seit dem Umbau im Jahr 2023 vollständig von der "
                            "öffentlichen Niederschlagswasserbeseitigung abgekoppelt. Das gesamte Niederschlagswasser "
                            "wird in eine Versickerungsanlage geleitet, die mit wasserrechtlicher Erlaubnis des "
                            "Landkreises vom 08.05.2023 genehmigt wurde."
                        ),
                        P(
                            "3. Mangels Inanspruchnahme der öffentlichen Einrichtung fehlt es an einem "
                            "gebührenpflichtigen Benutzungsverhältnis. Die Festsetzung der Niederschlagswassergebühr "
                            "ist daher in voller Höhe aufzuheben."
                        ),
                        Break(),
                        P(
                            "4. Zugleich beantragen wir, die Vollziehung des Bescheids hinsichtlich der streitigen "
                            "Niederschlagswassergebühr gemäß § 80 Abs. 4 VwGO bis zur Entscheidung über den "
                            "Widerspruch auszusetzen. An der Rechtmäßigkeit des Bescheids bestehen aus den genannten "
                            "Gründen ernstliche Zweifel."
                        ),
                        P("Eine Ortsbesichtigung ist nach Terminabsprache jederzeit möglich."),
                        P("Mit freundlichen Grüßen\n\nDr. Katrin Vogt\nRechtsanwältin", "sign"),
                        P("Anlagen: Vollmacht, Erlaubnisbescheid vom 08.05.2023, Lageplan", "small"),
                    ),
                    font="serif",
                    title="Widerspruch Hofmann Logistik GmbH",
                    author="Brenner & Vogt Rechtsanwälte",
                    footer="Brenner & Vogt Rechtsanwälte · Unser Zeichen 0815/25 KV",
                )
            ],
            {
                "widerspruchsfuehrer": f("Hofmann Logistik GmbH"),
                "aktenzeichen": f("66.1-GS-2025-1182"),
                "bescheiddatum": f("2025-01-17", "17.01.2025"),
                "eingangsdatum": None,
                "strittiger_betrag": f(2846.4, "2.846,40 €"),
                "aussetzung_beantragt": f(
                    True, "Zugleich beantragen wir, die Vollziehung des Bescheids hinsichtlich der streitigen"
                ),
                "gebuehrenart": f("Abwassergebühren", "Abwassergebühren"),
            },
        )
    )

    # fall-04: sub-folder: the objection (no date of the notice, short receipt stamp "9.12.24") and the contested
    # notice itself (date, reference, total and individual items).
    cases.append(
        Case(
            "fall-04",
            [
                Doc(
                    "widerspruch",
                    "pdf",
                    (
                        P("Thomas Reinhardt-Klose\nAm Kellerberg 15\n97234 Grünach"),
                        Stamp(("Stadt Grünach", "Eing. 9.12.24")),
                        P("Stadt Grünach\nBauordnungsamt\nRathausplatz 1\n97234 Grünach"),
                        P("Grünach, 06.12.2024", "right"),
                        P("Widerspruch gegen Ihren Gebührenbescheid – Ihr Zeichen BA-63-2024-0938", "subject"),
                        P("Sehr geehrter Herr Schuster,"),
                        P(
                            "gegen den beigefügten Gebührenbescheid für meine Baugenehmigung lege ich Widerspruch ein, "
                            "soweit die Gebühr den nach meiner Auffassung angemessenen Betrag von 600,00 € übersteigt. "
                            "Angefochten ist damit ein Betrag von 634,50 €."
                        ),
                        P(
                            "Die Gebühr wurde nach den vollen Baukosten berechnet, obwohl das Vorhaben im "
                            "vereinfachten "
                            "Verfahren genehmigt wurde und die bautechnischen Nachweise von der Stadt nicht geprüft "
                            "wurden. Für diesen Fall sieht das Kostenverzeichnis einen geringeren Gebührensatz vor."
                        ),
                        P(
                            "Den Gesamtbetrag habe ich am 05.12.2024 unter Vorbehalt überwiesen. Einen Antrag auf "
                            "Aussetzung der Vollziehung stelle ich deshalb nicht."
                        ),
                        P("Mit freundlichen Grüßen\n\nThomas Reinhardt-Klose", "sign"),
                        P("Anlage: Gebührenbescheid (Kopie)", "small"),
                    ),
                    font="serif",
                    title="Widerspruch Gebührenbescheid",
                    author="Thomas Reinhardt-Klose",
                ),
                Doc(
                    "bescheid",
                    "pdf",
                    (
                        Letterhead("Stadt Grünach", "Bauordnungsamt", ("Rathausplatz 1 · 97234 Grünach",)),
                        Window(
                            ("Herrn", "Thomas Reinhardt-Klose", "Am Kellerberg 15", "97234 Grünach"),
                            sender="Stadt Grünach · Rathausplatz 1 · 97234 Grünach",
                            info=(
                                ("Aktenzeichen", "BA-63-2024-0938"),
                                ("Bearbeiter", "Herr Schuster"),
                                ("Datum", "28.11.2024"),
                            ),
                        ),
                        P("Gebührenbescheid", "title"),
                        P(
                            "Baugenehmigung für den Neubau eines Einfamilienhauses mit Doppelgarage, Flurstück "
                            "1187/3, Am Kellerberg 15",
                            "subject",
                        ),
                        P("Sehr geehrter Herr Reinhardt-Klose,"),
                        P(
                            "für die Erteilung der Baugenehmigung vom 21.11.2024 werden nach dem Kostengesetz in "
                            "Verbindung mit dem Kostenverzeichnis folgende Verwaltungsgebühren und Auslagen "
                            "festgesetzt:"
                        ),
                        Grid(
                            (
                                ("Position", "Grundlage", "Betrag"),
                                (
                                    "Gebühr Baugenehmigung",
                                    "Tarif-Nr. 2.I.1/1.24.1.1 KVz; 2,5 ‰ der Baukosten",
                                    "1.175,00 €",
                                ),
                                ("Auslagen (Zustellung, Beteiligung der Fachstellen)", "Art. 10 KG", "59,50 €"),
                                ("Gesamtbetrag", "", "1.234,50 €"),
                            ),
                            widths=(62, 70, 34),
                        ),
                        P(
                            "Bitte überweisen Sie den Gesamtbetrag von 1.234,50 € bis zum 30.12.2024 unter Angabe des "
                            "Kassenzeichens 5.0631.2024.0938 an die Stadtkasse Grünach, "
                            "IBAN DE89 3704 0044 0532 0130 00."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb(
                            "der Stadt Grünach",
                            "Rathausplatz 1, 97234 Grünach",
                            law="des Bayerischen Verwaltungsverfahrensgesetzes",
                        ),
                        P(
                            "Widerspruch und Klage gegen die Anforderung von öffentlichen Abgaben und Kosten haben "
                            "keine aufschiebende Wirkung (§ 80 Abs. 2 Satz 1 Nr. 1 VwGO).",
                            "small",
                        ),
                        P("Mit freundlichen Grüßen\nIm Auftrag\nSchuster", "sign"),
                    ),
                    font="core",
                    title="Gebührenbescheid BA-63-2024-0938",
                    author="Stadt Grünach",
                ),
            ],
            {
                "widerspruchsfuehrer": f("Thomas Reinhardt-Klose"),
                "aktenzeichen": f("BA-63-2024-0938"),
                "bescheiddatum": f("2024-11-28", "28.11.2024"),
                "eingangsdatum": f("2024-12-09", "9.12.24"),
                "strittiger_betrag": f(634.5, "634,50 €"),
                "aussetzung_beantragt": f(
                    False, "Einen Antrag auf Aussetzung der Vollziehung stelle ich deshalb nicht."
                ),
                "gebuehrenart": f("Verwaltungsgebühren", "Verwaltungsgebühren"),
            },
        )
    )

    # fall-05: the scanned case. Page 1 (text layer) is the mailroom's receipt note; page 2 is the scanned
    # letter without a text layer, so everything but the receipt date needs OCR.
    cases.append(
        Case(
            "fall-05",
            [
                Doc(
                    "posteingang",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Birkenhain", "Zentrale Poststelle", ("Rathausstraße 4 · 56379 Birkenhain",)
                        ),
                        P("Posteingangsvermerk", "title"),
                        Fields(
                            (
                                ("Eingang", "03.06.2025"),
                                ("Art des Eingangs", "Brief (Hausbriefkasten Rathaus)"),
                                ("Inhalt", "Widerspruch, 1 Blatt (gescannt, folgt als Seite 2)"),
                                ("Weitergeleitet an", "Sachgebiet 2.3 am 04.06.2025"),
                                ("Scan", "Poststelle, Kürzel MW"),
                            )
                        ),
                        P(
                            "Das Original wird nach Ablauf der Aufbewahrungsfrist für Scanvorlagen vernichtet.",
                            "small",
                        ),
                        Scan(
                            (
                                "Annegret Wilkens",
                                "Brunnengasse 4",
                                "56379 Birkenhain",
                                "",
                                "",
                                "Gemeinde Birkenhain",
                                "Rathausstraße 4",
                                "56379 Birkenhain",
                                "",
                                "\tBirkenhain, 30.05.2025",
                                "",
                                "Widerspruch gegen den Abfallgebührenbescheid vom 22.05.2025",
                                "Aktenzeichen: 2.3-AB-2025-2231",
                                "",
                                "Sehr geehrte Damen und Herren,",
                                "",
                                "hiermit lege ich gegen den oben genannten Bescheid Widerspruch ein.",
                                "Sie haben für mein Grundstück eine 120-Liter-Restmülltonne",
                                "veranschlagt. Ich lebe seit dem Tod meines Mannes allein und",
                                "habe bereits im April eine 60-Liter-Tonne beantragt.",
                                "Die Mehrgebühr von 58,50 € für die größere Tonne ist daher",
                                "nicht gerechtfertigt. Ich bitte, den Bescheid entsprechend",
                                "zu ändern.",
                                "",
                                "Mit freundlichen Grüßen",
                                "",
                                "Annegret Wilkens",
                            )
                        ),
                    ),
                    font="sans",
                    title="Posteingang Widerspruch",
                    author="Gemeinde Birkenhain",
                )
            ],
            {
                "widerspruchsfuehrer": f("Annegret Wilkens"),
                "aktenzeichen": f("2.3-AB-2025-2231"),
                "bescheiddatum": f("2025-05-22", "22.05.2025"),
                "eingangsdatum": f("2025-06-03", "03.06.2025"),
                "strittiger_betrag": f(58.5, "58,50 €"),
                "aussetzung_beantragt": None,
                "gebuehrenart": f("Abfallgebühren", "Abfallgebührenbescheid"),
            },
        )
    )

    # fall-06: portal receipt (PDF table) with an ISO timestamp; the amount field is left empty; a Vorgangsnummer
    # as distractor for the Aktenzeichen.
    cases.append(
        Case(
            "fall-06",
            [
                Doc(
                    "eingangsbestaetigung",
                    "pdf",
                    (
                        Letterhead(
                            "Zweckverband Abwasser Hessbach",
                            "Servicekonto – Online-Dienste",
                            ("Schulstraße 10 · 55767 Hessbach",),
                        ),
                        P("Eingangsbestätigung – Online-Widerspruch", "title"),
                        P(
                            "Diese Bestätigung wurde automatisch erzeugt. Bitte bewahren Sie sie für Ihre Unterlagen "
                            "auf.",
                            "small",
                        ),
                        Fields(
                            (
                                ("Vorgangsnummer", "ZVA-W-2025-000193"),
                                ("Eingegangen am", "2025-04-08 10:14"),
                                ("Widerspruchsführer/in", "Frank Ebersberger"),
                                ("Anschrift", "Lindenstraße 31, 55767 Hessbach"),
                                ("Angefochtener Bescheid", "Abwassergebührenbescheid"),
                                ("Aktenzeichen des Bescheids", "ZVA-GB-2025/5512"),
                                ("Datum des Bescheids", "31.03.2025"),
                                ("Angefochtener Betrag", "–"),
                                ("Antrag auf Aussetzung der Vollziehung", "nein"),
                            ),
                            table=True,
                        ),
                        P("Begründung (Freitext)", "heading"),
                        P(
                            "Die Schmutzwassergebühr wurde nach dem gesamten Frischwasserbezug von 186 m³ berechnet. "
                            "Davon entfallen 42 m³ auf die Gartenbewässerung, die über einen geeichten Zwischenzähler "
                            "(Zählernummer 17-448213) erfasst wurden und nicht in die Kanalisation gelangen. "
                            "Ich bitte, "
                            "diese Menge abzuziehen und die Gebühr neu zu berechnen."
                        ),
                        P(
                            "Hinweis: Ihr Widerspruch wird von der Widerspruchsstelle geprüft. Sie erhalten hierzu "
                            "gesonderte Nachricht.",
                            "small",
                        ),
                    ),
                    font="arial",
                    title="Eingangsbestätigung Online-Widerspruch",
                    author="Zweckverband Abwasser Hessbach",
                )
            ],
            {
                "widerspruchsfuehrer": f("Frank Ebersberger"),
                "aktenzeichen": f("ZVA-GB-2025/5512"),
                "bescheiddatum": f("2025-03-31", "31.03.2025"),
                "eingangsdatum": f("2025-04-08", "2025-04-08"),
                "strittiger_betrag": None,
                "aussetzung_beantragt": f(False, "Antrag auf Aussetzung der Vollziehung: nein"),
                "gebuehrenart": f("Abwassergebühren", "Abwassergebührenbescheid"),
            },
        )
    )

    # fall-07: two-page company letter (DOCX); date "3.4.25"; fee frame and a partial item as distractors.
    cases.append(
        Case(
            "fall-07",
            [
                Doc(
                    "widerspruch",
                    "docx",
                    (
                        Letterhead(
                            "Sonnenhof Gastronomie KG",
                            "Am Markt 9 · 07749 Weißenroda",
                            ("Geschäftsführung: Uwe Kaltenbach · Registergericht Weißenroda HRA 1187",),
                        ),
                        P("Stadt Weißenroda\nOrdnungsamt – Gewerbeangelegenheiten\nMarkt 1\n07749 Weißenroda"),
                        P("Weißenroda, 28.04.2025", "right"),
                        P("Widerspruch gegen Ihren Gebührenbescheid vom 3.4.25 – Az. 32.1-GE-114/25", "subject"),
                        P("Sehr geehrte Frau Dietrich,"),
                        P(
                            "namens der Sonnenhof Gastronomie KG lege ich gegen den oben bezeichneten "
                            "Bescheid, mit dem "
                            "für die Erteilung der Gaststättenerlaubnis und die Genehmigung der Außenbewirtschaftung "
                            "Verwaltungsgebühren in Höhe von EUR 2.150,00 festgesetzt wurden, Widerspruch ein. Der "
                            "Bescheid wird in vollem Umfang angefochten."
                        ),
                        P(
                            "Zur Begründung: Es handelt sich um einen Betreiberwechsel in bestehenden Räumen. Die "
                            "Räume waren bis Ende 2024 als Gaststätte erlaubt; bauliche Änderungen wurden nicht "
                            "vorgenommen, und die Prüfung der Zuverlässigkeit beschränkte sich auf die üblichen "
                            "Auskünfte."
                        ),
                        Break(),
                        P(
                            "Nach der Verwaltungskostensatzung ist für die Gaststättenerlaubnis ein Gebührenrahmen von "
                            "150,00 € bis 1.500,00 € vorgesehen. Angesetzt wurde die Höchstgebühr, ohne dass ein "
                            "besonderer Verwaltungsaufwand erkennbar ist. Für die Außenbewirtschaftung wurde "
                            "zusätzlich "
                            "eine Gebühr von 650,00 € erhoben, obwohl dieselbe Fläche bereits im Vorjahr genehmigt war."
                        ),
                        P(
                            "Wir beantragen, die Vollziehung des Gebührenbescheids bis zum Abschluss des "
                            "Widerspruchsverfahrens auszusetzen, da die sofortige Zahlung in der laufenden Saison zu "
                            "einem erheblichen Liquiditätsengpass führen würde."
                        ),
                        P(
                            "Mit freundlichen Grüßen\nSonnenhof Gastronomie KG\n\nUwe Kaltenbach, Geschäftsführer",
                            "sign",
                        ),
                    ),
                    font="arial",
                    title="Widerspruch Gebührenbescheid",
                    author="Sonnenhof Gastronomie KG",
                    footer="Sonnenhof Gastronomie KG · Am Markt 9 · 07749 Weißenroda",
                )
            ],
            {
                "widerspruchsfuehrer": f("Sonnenhof Gastronomie KG"),
                "aktenzeichen": f("32.1-GE-114/25"),
                "bescheiddatum": f("2025-04-03", "3.4.25"),
                "eingangsdatum": None,
                "strittiger_betrag": f(2150.0, "EUR 2.150,00"),
                "aussetzung_beantragt": f(True, "Wir beantragen, die Vollziehung des Gebührenbescheids bis zum"),
                "gebuehrenart": f("Verwaltungsgebühren", "Verwaltungsgebühren"),
            },
        )
    )

    # fall-08: sub-folder: objection (DOCX, no amount, no reference) + acknowledgement of receipt (PDF) with the
    # notice date, the reference, the letter date (distractor) and the receipt date.
    cases.append(
        Case(
            "fall-08",
            [
                Doc(
                    "widerspruch",
                    "docx",
                    (
                        P("Hannelore Vesper\nIm Wiesengrund 2\n79872 Fichtenhag"),
                        Gap(),
                        P("Gemeinde Fichtenhag\nFriedhofsverwaltung\nKirchplatz 1\n79872 Fichtenhag"),
                        P("Fichtenhag, 02.07.2025", "right"),
                        P(
                            "Widerspruch gegen den Gebührenbescheid für die Verlängerung des Nutzungsrechts an der "
                            "Grabstätte Feld C, Reihe 4, Nr. 17",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "gegen Ihren Bescheid über die Grabnutzungsgebühr lege ich Widerspruch ein. Für die "
                            "Verlängerung des Nutzungsrechts am Wahlgrab meiner Eltern um weitere 20 Jahre wurde eine "
                            "Gebühr festgesetzt, die mehr als doppelt so hoch ist wie bei der letzten Verlängerung. "
                            "Eine so starke Erhöhung ist für mich nicht nachvollziehbar."
                        ),
                        P(
                            "Ich bitte um Überprüfung der Gebührenkalkulation und um Mitteilung, auf welcher "
                            "Satzungsgrundlage die Erhöhung beruht."
                        ),
                        P("Mit freundlichen Grüßen\n\nHannelore Vesper", "sign"),
                    ),
                    font="serif",
                    title="Widerspruch",
                    author="Hannelore Vesper",
                ),
                Doc(
                    "eingangsbestaetigung",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Fichtenhag",
                            "Der Bürgermeister · Friedhofsverwaltung",
                            ("Kirchplatz 1 · 79872 Fichtenhag",),
                        ),
                        Window(
                            ("Frau", "Hannelore Vesper", "Im Wiesengrund 2", "79872 Fichtenhag"),
                            sender="Gemeinde Fichtenhag · Kirchplatz 1 · 79872 Fichtenhag",
                            info=(
                                ("Aktenzeichen", "67.3/0451/2025"),
                                ("Auskunft", "Frau Armbruster"),
                                ("Datum", "08.07.2025"),
                            ),
                        ),
                        P("Ihr Widerspruch gegen den Gebührenbescheid vom 16.06.2025", "subject"),
                        P("Sehr geehrte Frau Vesper,"),
                        P(
                            "Ihr Widerspruch vom 02.07.2025 gegen den Bescheid über die Grabnutzungsgebühr vom "
                            "16.06.2025 (Aktenzeichen 67.3/0451/2025) ist am 04.07.2025 bei uns eingegangen."
                        ),
                        P(
                            "Wir prüfen, ob wir Ihrem Widerspruch abhelfen können. Andernfalls legen wir ihn der "
                            "Widerspruchsbehörde beim Landratsamt zur Entscheidung vor. Über das Ergebnis werden Sie "
                            "schriftlich unterrichtet."
                        ),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nArmbruster", "sign"),
                    ),
                    font="sans",
                    title="Eingangsbestätigung Widerspruch",
                    author="Gemeinde Fichtenhag",
                ),
            ],
            {
                "widerspruchsfuehrer": f("Hannelore Vesper"),
                "aktenzeichen": f("67.3/0451/2025"),
                "bescheiddatum": f("2025-06-16", "16.06.2025"),
                "eingangsdatum": f("2025-07-04", "04.07.2025"),
                "strittiger_betrag": None,
                "aussetzung_beantragt": None,
                "gebuehrenart": f("sonstige", "Grabnutzungsgebühr"),
            },
        )
    )

    # fall-09: two-page letter of a property manager for a WEG; Kassenzeichen but no Aktenzeichen; stamp on
    # page 1, disputed amount ("68 Euro") on page 2.
    cases.append(
        Case(
            "fall-09",
            [
                Doc(
                    "widerspruch",
                    "pdf",
                    (
                        Letterhead(
                            "Hausverwaltung Quandt GmbH",
                            "WEG- und Mietverwaltung",
                            ("Goethestraße 5 · 35781 Rabenfels · Telefon 0221 4710-520",),
                        ),
                        Window(
                            (
                                "Stadt Rabenfels",
                                "Fachbereich 4 – Tiefbau",
                                "Straßenreinigung und Winterdienst",
                                "Marktplatz 1",
                                "35781 Rabenfels",
                            ),
                            sender="Hausverwaltung Quandt GmbH · Goethestraße 5 · 35781 Rabenfels",
                            info=(
                                ("Objekt", "WEG Birkenallee 14"),
                                ("Kassenzeichen", "5.2104.0388.7"),
                                ("Datum", "21.01.2025"),
                            ),
                        ),
                        Stamp(("EINGEGANGEN", "27.01.2025", "Stadt Rabenfels – FB 4")),
                        P("Widerspruch gegen den Straßenreinigungsgebührenbescheid vom 10. Januar 2025", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "als bestellte Verwalterin der Wohnungseigentümergemeinschaft Birkenallee 14, "
                            "35781 Rabenfels, legen wir namens und im Auftrag der Eigentümergemeinschaft gegen "
                            "den oben "
                            "genannten Bescheid Widerspruch ein. Die Verwaltervollmacht und der Bestellungsbeschluss "
                            "der Eigentümerversammlung vom 12.05.2022 liegen in Kopie bei."
                        ),
                        P(
                            "Der Bescheid setzt die Straßenreinigungsgebühr für 2025 auf 192 Euro fest. Dabei wurden "
                            "für das Grundstück 48 Frontmeter angesetzt (Gebührensatz 4,00 € je Frontmeter)."
                        ),
                        Break(),
                        P(
                            "Das Grundstück grenzt jedoch nur mit der Südseite (31 Frontmeter) an die Birkenallee. Die "
                            "Ostseite grenzt an den Fußweg „Am Weiher“, der nach dem Straßenverzeichnis zur Satzung "
                            "nicht in die Reinigung einbezogen ist. Nach zutreffender Berechnung beträgt die Gebühr "
                            "124 Euro. Streitig ist damit ein Betrag von 68 Euro."
                        ),
                        P(
                            "Wir bitten, den Bescheid entsprechend zu ändern und den Differenzbetrag nach Zahlung zu "
                            "erstatten."
                        ),
                        P("Mit freundlichen Grüßen\nHausverwaltung Quandt GmbH\n\ni. A. Melanie Rostock", "sign"),
                    ),
                    font="sans",
                    title="Widerspruch Straßenreinigungsgebühr WEG Birkenallee 14",
                    author="Hausverwaltung Quandt GmbH",
                    footer="Hausverwaltung Quandt GmbH · Goethestraße 5 · 35781 Rabenfels",
                )
            ],
            {
                "widerspruchsfuehrer": f("Wohnungseigentümergemeinschaft Birkenallee 14"),
                "aktenzeichen": None,
                "bescheiddatum": f("2025-01-10", "10. Januar 2025"),
                "eingangsdatum": f("2025-01-27", "27.01.2025"),
                "strittiger_betrag": f(68.0, "68 Euro"),
                "aussetzung_beantragt": None,
                "gebuehrenart": f("Straßenreinigungsgebühren", "Straßenreinigungsgebührenbescheid"),
            },
        )
    )

    # fall-10: DOCX letter: fee type, notice date and receipt date absent; letter date and transfer date as
    # distractors; suspension explicitly not requested.
    cases.append(
        Case(
            "fall-10",
            [
                Doc(
                    "widerspruch",
                    "docx",
                    (
                        P("Lars Petersen-Ohm\nKirchenweg 11\n91632 Eschenbrunn"),
                        Gap(),
                        P("Markt Eschenbrunn\nKämmerei\nMarktplatz 3\n91632 Eschenbrunn"),
                        P("Eschenbrunn, den 19. Mai 2025", "right"),
                        P("Widerspruch – Az. 2025/118-44", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "gegen Ihren Gebührenbescheid, den ich in der vergangenen Woche erhalten habe, erhebe ich "
                            "Widerspruch. Festgesetzt wurden 312,00 €. Die Gebühr ist aus meiner Sicht in voller Höhe "
                            "zu Unrecht erhoben worden: Das Grundstück habe ich bereits zum 1. Januar 2025 an meinen "
                            "Sohn übergeben, die Umschreibung im Grundbuch ist erfolgt. Gebührenschuldner bin daher "
                            "nicht mehr ich."
                        ),
                        P(
                            "Den festgesetzten Betrag werde ich fristgerecht unter Vorbehalt zahlen; eine Aussetzung "
                            "der Vollziehung beantrage ich nicht."
                        ),
                        P("Mit freundlichen Grüßen\n\nLars Petersen-Ohm", "sign"),
                    ),
                    font="sans",
                    title="Widerspruch",
                    author="Lars Petersen-Ohm",
                )
            ],
            {
                "widerspruchsfuehrer": f("Lars Petersen-Ohm"),
                "aktenzeichen": f("2025/118-44"),
                "bescheiddatum": None,
                "eingangsdatum": None,
                "strittiger_betrag": f(312.0, "312,00 €"),
                "aussetzung_beantragt": f(False, "eine Aussetzung der Vollziehung beantrage ich nicht"),
                "gebuehrenart": None,
            },
        )
    )

    # fall-11: internal submission with a two-column table; letter date, total fee and a deadline as distractors.
    cases.append(
        Case(
            "fall-11",
            [
                Doc(
                    "vorlage",
                    "pdf",
                    (
                        Letterhead(
                            "Landkreis Moorwiesen",
                            "Abfallwirtschaftsbetrieb · Widerspruchsstelle",
                            ("Kreishaus, Am Wall 1 · 26789 Moorwiesen",),
                        ),
                        P("Vorlage an die Widerspruchsstelle", "title"),
                        P("Widerspruchsverfahren nach §§ 68 ff. VwGO – Abfallgebühren 2025", "subject"),
                        Grid(
                            (
                                ("Widerspruchsführerin", "Bettina Loewenthal, Deichweg 3, 26789 Moorwiesen-Altendorf"),
                                ("Aktenzeichen des Bescheids", "AWB-32/2025/0912"),
                                ("Datum des Gebührenbescheids", "19.02.2025"),
                                ("Datum des Widerspruchsschreibens", "28.02.2025"),
                                ("Eingang des Widerspruchs", "03.03.2025"),
                                ("Festgesetzte Gebühr", "264,00 €"),
                                ("Streitiger Betrag", "132,00 €"),
                                ("Antrag auf Aussetzung der Vollziehung", "ja (Schreiben vom 28.02.2025, S. 2)"),
                                ("Frist zur Abhilfeprüfung", "31.03.2025"),
                            ),
                            header=False,
                            widths=(62, 104),
                        ),
                        P("Sachverhalt", "heading"),
                        P(
                            "Die Widerspruchsführerin wendet sich gegen die Veranlagung einer zweiten Restabfalltonne "
                            "(240 l) für ihr Zweifamilienhaus. Die Einliegerwohnung steht nach ihren Angaben seit "
                            "Oktober 2024 leer; die zweite Tonne sei bereits telefonisch abgemeldet worden. Eine "
                            "schriftliche Abmeldung liegt nicht vor."
                        ),
                        P("Vorschlag der Fachabteilung", "heading"),
                        P(
                            "Keine Abhilfe; Vorlage an die Widerspruchsstelle. Die Aussetzung der Vollziehung sollte "
                            "bis zur Entscheidung gewährt werden, da die Einliegerwohnung nach Auskunft des "
                            "Einwohnermeldeamts seit dem 01.10.2024 nicht bewohnt ist."
                        ),
                        P("Moorwiesen, 12.03.2025\nJanssen, Sachgebietsleitung", "sign"),
                    ),
                    font="arial",
                    title="Vorlage Widerspruchsstelle",
                    author="Landkreis Moorwiesen",
                )
            ],
            {
                "widerspruchsfuehrer": f("Bettina Loewenthal"),
                "aktenzeichen": f("AWB-32/2025/0912"),
                "bescheiddatum": f("2025-02-19", "19.02.2025"),
                "eingangsdatum": f("2025-03-03", "03.03.2025"),
                "strittiger_betrag": f(132.0, "132,00 €"),
                "aussetzung_beantragt": f(True, "Antrag auf Aussetzung der Vollziehung ja"),
                "gebuehrenart": f("Abfallgebühren", "Abfallgebühren 2025"),
            },
        )
    )

    # fall-12: sub-folder: a son objects for his mother (PDF) + power of attorney (DOCX). Sparse: no reference,
    # no notice date, no receipt, no amount, no fee type; birth and signature dates as distractors.
    cases.append(
        Case(
            "fall-12",
            [
                Doc(
                    "widerspruch",
                    "pdf",
                    (
                        P("Markus Hollerbach · Lärchenweg 2 · 84149 Wendelsried", "small"),
                        Gap(4),
                        P("Gemeinde Wendelsried\nHofmark 1\n84149 Wendelsried"),
                        P("Wendelsried, 25.08.2025", "right"),
                        P("Widerspruch meiner Mutter, Frau Jana Hollerbach", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "namens meiner Mutter, Frau Jana Hollerbach, Pfarrgasse 7, 84149 Wendelsried, lege ich "
                            "gegen den Gebührenbescheid der Gemeinde Widerspruch ein. Meine Mutter ist 87 "
                            "Jahre alt und "
                            "kann ihre Angelegenheiten nicht mehr selbst schriftlich erledigen; eine Vollmacht "
                            "liegt bei."
                        ),
                        P(
                            "Die Höhe der festgesetzten Gebühr ist für uns nicht nachvollziehbar. Der Bescheid enthält "
                            "keine Angaben dazu, wie die Gebühr berechnet wurde. Wir bitten um eine nachvollziehbare "
                            "Berechnung und um Überprüfung."
                        ),
                        P(
                            "Bis zur Klärung bitten wir, die Vollziehung des Bescheids auszusetzen und von Mahnungen "
                            "abzusehen."
                        ),
                        P("Mit freundlichen Grüßen\n\nMarkus Hollerbach", "sign"),
                        P("Anlage: Vollmacht", "small"),
                    ),
                    font="core",
                    title="Widerspruch",
                    author="Markus Hollerbach",
                ),
                Doc(
                    "vollmacht",
                    "docx",
                    (
                        P("Vollmacht", "title"),
                        P(
                            "Hiermit bevollmächtige ich, Jana Hollerbach, geboren am 11.04.1938, wohnhaft "
                            "Pfarrgasse 7, "
                            "84149 Wendelsried, meinen Sohn Markus Hollerbach, geboren am 30.09.1966, mich in allen "
                            "Angelegenheiten gegenüber der Gemeinde Wendelsried zu vertreten, insbesondere "
                            "Widersprüche einzulegen, Anträge zu stellen und Bescheide in Empfang zu nehmen."
                        ),
                        P("Wendelsried, 20.08.2025\n\nJana Hollerbach", "sign"),
                    ),
                    font="serif",
                    title="Vollmacht",
                    author="Jana Hollerbach",
                ),
            ],
            {
                "widerspruchsfuehrer": f("Jana Hollerbach"),
                "aktenzeichen": None,
                "bescheiddatum": None,
                "eingangsdatum": None,
                "strittiger_betrag": None,
                "aussetzung_beantragt": f(True, "bitten wir, die Vollziehung des Bescheids auszusetzen"),
                "gebuehrenart": None,
            },
        )
    )
    return cases


# --- Sondernutzung öffentlicher Verkehrsflächen (held-out check set) -------------------------------------------
def sondernutzung_cases() -> list[Case]:
    cases: list[Case] = []

    # fall-01: scaffolding firm writes for the house owner (two names: the Bauleiter signs, the owner applies;
    # three dates: letter, start, end). Owner's own address, total pavement width, Flurstück as distractors;
    # length x depth instead of an area; no fee; Halteverbot explicitly not requested.
    cases.append(
        Case(
            "fall-01",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Gerüstbau Kranich GmbH",
                            "Fassadengerüste · Arbeitsgerüste · Schutzdächer",
                            (
                                "Industriestraße 14 · 63920 Kleinmerzbach · Telefon 069 90009-241 · "
                                "info@geruestbau-kranich.example",
                            ),
                        ),
                        Window(
                            ("Stadt Seelbrunn", "Tiefbauamt – Sondernutzungen", "Rathausplatz 1", "63917 Seelbrunn"),
                            sender="Gerüstbau Kranich GmbH · Industriestraße 14 · 63920 Kleinmerzbach",
                            info=(
                                ("Unser Zeichen", "BV 25-117 Weinrich"),
                                ("Bauleiter", "Marco Lindemann"),
                                ("Telefon", "069 90009-243"),
                                ("Datum", "12.05.2025"),
                            ),
                        ),
                        P(
                            "Antrag auf Sondernutzungserlaubnis für ein Fassadengerüst\n"
                            "Bauvorhaben Kirchgasse 9, 63917 Seelbrunn (Gemarkung Seelbrunn, Flur 3, Flurstück 112/4)",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "im Namen und im Auftrag unserer Bauherrin, Frau Dorothea Weinrich, Lindenallee 22, "
                            "63917 Seelbrunn, beantragen wir die Erlaubnis zur Sondernutzung des Gehwegs vor dem "
                            "Anwesen Kirchgasse 9. Frau Weinrich ist Eigentümerin des Hauses und lässt die "
                            "straßenseitige Fassade dämmen und neu verputzen. Eine Vollmacht liegt bei."
                        ),
                        P(
                            "Für die Arbeiten ist die Aufstellung eines Fassadengerüsts auf dem Gehweg erforderlich. "
                            "Das Gerüst (Systemgerüst, Lastklasse 3) wird über die gesamte Hausfront auf einer Länge "
                            "von 12,00 m und mit einer Tiefe von 0,90 m aufgestellt; es umfasst 6 Gerüstfelder zu je "
                            "2,00 m."
                        ),
                        P(
                            "Der Gehweg ist an dieser Stelle 2,40 m breit. Nach Aufstellung des Gerüsts verbleibt eine "
                            "Restgehwegbreite von 1,50 m. Ein Schutzdach über dem Gehweg und eine Beleuchtung der "
                            "Gerüstecken bei Dunkelheit sind vorgesehen."
                        ),
                        P(
                            "Das Gerüst wird vom 2. Juni 2025 bis einschließlich 27. Juni 2025 benötigt. Ein "
                            "Halteverbot beantragen wir nicht; die Anlieferung des Gerüstmaterials erfolgt über die "
                            "Hofeinfahrt des Nachbargrundstücks."
                        ),
                        P(
                            "Den Bescheid und die Gebührenrechnung bitten wir direkt an Frau Weinrich zu richten. Für "
                            "Rückfragen zur Ausführung steht Ihnen unser Bauleiter, Herr Lindemann, unter der oben "
                            "genannten Rufnummer zur Verfügung."
                        ),
                        P(
                            "Mit freundlichen Grüßen\nGerüstbau Kranich GmbH\n\ni. A. Marco Lindemann\nBauleiter",
                            "sign",
                        ),
                        P(
                            "Anlagen: Vollmacht der Bauherrin, Lageskizze, Nachweis der "
                            "Betriebshaftpflichtversicherung",
                            "small",
                        ),
                    ),
                    font="serif",
                    title="Antrag Sondernutzung Gerüst Kirchgasse 9",
                    author="Gerüstbau Kranich GmbH",
                )
            ],
            {
                "antragsteller": f("Dorothea Weinrich"),
                "nutzungsort": f("Kirchgasse 9"),
                "nutzungsart": f("Baugerüst", "Aufstellung eines Fassadengerüsts"),
                "nutzungsbeginn": f("2025-06-02", "2. Juni 2025"),
                "nutzungsende": f("2025-06-27", "27. Juni 2025"),
                "flaeche": f(10.8, ("12,00 m", "0,90 m")),
                "restgehwegbreite": f(1.5, "1,50 m"),
                "anzahl_objekte": f(6.0, "6 Gerüstfelder"),
                "gebuehr": None,
                "halteverbot_beantragt": f(False, "Halteverbot beantragen wir nicht"),
            },
        )
    )

    # fall-02: DOCX application form for a pavement café (two-column tables) with a receipt stamp and an office
    # section: company seat vs. café address, contact person, tables vs. chairs, total vs. remaining width,
    # Verwaltungsgebühr next to the Sondernutzungsgebühr. Halteverbot not mentioned.
    cases.append(
        Case(
            "fall-02",
            [
                Doc(
                    "antrag",
                    "docx",
                    (
                        Letterhead(
                            "Stadt Merzenau",
                            "Ordnungsamt – Sondernutzungen",
                            ("Rathausplatz 2 · 71287 Merzenau · Telefon 0221 4710-530",),
                        ),
                        P("Antrag auf Erlaubnis für Außengastronomie (Freischankfläche)", "title"),
                        P(
                            "nach § 16 des Straßengesetzes in Verbindung mit der Sondernutzungssatzung der Stadt "
                            "Merzenau. Der Antrag ist spätestens vier Wochen vor der gewünschten Nutzung einzureichen.",
                            "small",
                        ),
                        Stamp(("STADT MERZENAU", "Eingegangen am 03. März 2025", "Ordnungsamt")),
                        P("1. Antragsteller", "heading"),
                        Fields(
                            (
                                ("Name / Firma", "Café Morgenrot GmbH"),
                                ("Geschäftssitz", "Gewerbering 12, 71287 Merzenau"),
                                ("Vertreten durch", "Geschäftsführer Daniel Ostrowski"),
                                ("Ansprechpartnerin vor Ort", "Lea Brandt, Betriebsleiterin, Tel. 0221 4710-534"),
                                ("E-Mail", "kontakt@cafe-morgenrot.example"),
                            ),
                            table=True,
                        ),
                        P("2. Angaben zur Freischankfläche", "heading"),
                        Fields(
                            (
                                ("Lage (Straße, Hausnummer)", "Marktplatz 4, Gehweg vor dem Café"),
                                ("Zeitraum", "01.04.2025 bis 31.10.2025"),
                                ("Größe der Fläche", "12,5 m² (5,00 m entlang der Fassade, 2,50 m tief)"),
                                ("Möblierung", "4 Tische, 16 Stühle, 2 Sonnenschirme"),
                                ("Gehwegbreite insgesamt", "4,60 m"),
                                ("Verbleibende Gehwegbreite", "2,10 m"),
                                ("Abgrenzung / Windschutz", "keine"),
                                ("Betriebszeit der Außenfläche", "täglich 9:00 bis 22:00 Uhr"),
                            ),
                            table=True,
                        ),
                        P("Dem Antrag sind ein Lageplan im Maßstab 1:100 und ein Foto der Möblierung beigefügt."),
                        P("Merzenau, 28.02.2025\nCafé Morgenrot GmbH\nDaniel Ostrowski", "sign"),
                        P("Vom Amt auszufüllen", "heading"),
                        Fields(
                            (
                                ("Aktenzeichen", "32.2-SN-2025-0061"),
                                ("Geprüft", "Kühne, 10.03.2025"),
                                ("Sondernutzungsgebühr Saison 2025", "437,50 €"),
                                ("Berechnung", "12,5 m² × 7 Monate × 5,00 € je m² und Monat"),
                                ("Verwaltungsgebühr", "35,00 €"),
                            )
                        ),
                    ),
                    font="arial",
                    title="Antrag Außengastronomie",
                    author="Stadt Merzenau",
                )
            ],
            {
                "antragsteller": f("Café Morgenrot GmbH"),
                "nutzungsort": f("Marktplatz 4"),
                "nutzungsart": f("Außengastronomie", "Antrag auf Erlaubnis für Außengastronomie"),
                "nutzungsbeginn": f("2025-04-01", "01.04.2025"),
                "nutzungsende": f("2025-10-31", "31.10.2025"),
                "flaeche": f(12.5, "12,5 m²"),
                "restgehwegbreite": f(2.1, "2,10 m"),
                "anzahl_objekte": f(4.0, "4 Tische"),
                "gebuehr": f(437.5, "437,50 €"),
                "halteverbot_beantragt": None,
            },
        )
    )

    # fall-03: permit for two skips with a fee calculation table (area x days x rate); Verwaltungsgebühr and the
    # total next to the fee, application and permit dates and a payment deadline next to start and end, the
    # skip company's phone number. Skips on the parking lane: no remaining pavement width.
    cases.append(
        Case(
            "fall-03",
            [
                Doc(
                    "erlaubnis",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Tannwalden",
                            "Bürgeramt · Straßenverkehrsbehörde und Sondernutzungen",
                            ("Schloßplatz 3 · 78144 Tannwalden · Telefon 040 66969-318",),
                        ),
                        Window(
                            ("Herrn", "Jan-Ole Petersen", "Am Weiher 5", "78144 Tannwalden"),
                            sender="Stadt Tannwalden · Schloßplatz 3 · 78144 Tannwalden",
                            info=(
                                ("Aktenzeichen", "III/32-SN 0417/2025"),
                                ("Sachbearbeiterin", "Frau Rieger"),
                                ("Telefon", "040 66969-318"),
                                ("Datum", "20.08.2025"),
                            ),
                        ),
                        P("Sondernutzungserlaubnis für die Aufstellung von Absetzcontainern", "title"),
                        P("Sehr geehrter Herr Petersen,"),
                        P(
                            "auf Ihren Antrag vom 11.08.2025 erteilen wir Ihnen gemäß § 16 des Straßengesetzes in "
                            "Verbindung mit der Sondernutzungssatzung der Stadt Tannwalden die widerrufliche "
                            "Erlaubnis, zwei Container (je 7 m³) auf dem Parkstreifen vor dem Gebäude "
                            "Schillerstraße 27 aufzustellen."
                        ),
                        Fields(
                            (
                                ("Nutzungsort", "Schillerstraße 27, Parkstreifen Westseite"),
                                ("Zweck", "Entsorgung von Bauschutt (Entkernung Wohnhaus)"),
                                ("Aufsteller der Container", "Containerdienst Brauer GmbH, Tel. 040 66969-442"),
                                ("Erlaubniszeitraum", "01.09.2025 bis 10.09.2025"),
                            )
                        ),
                        P("Gebührenberechnung", "heading"),
                        Grid(
                            (
                                ("Position", "Fläche", "Tage", "Satz", "Betrag"),
                                ("Sondernutzungsgebühr Parkstreifen", "15 m²", "10", "0,50 € je m² und Tag", "75,00 €"),
                                ("Verwaltungsgebühr nach Tarifstelle 5.2", "", "", "", "30,00 €"),
                                ("Zu zahlen", "", "", "", "105,00 €"),
                            ),
                            widths=(50, 20, 17, 43, 32),
                        ),
                        P(
                            "Der Betrag von 105,00 € ist bis zum 05.09.2025 unter Angabe des Aktenzeichens auf das "
                            "Konto der Stadtkasse Tannwalden zu überweisen."
                        ),
                        P("Nebenbestimmungen", "heading"),
                        P(
                            "1. Die Container sind mit rot-weißen Warnmarkierungen zu versehen und bei Dunkelheit zu "
                            "beleuchten.\n"
                            "2. Der angrenzende Gehweg darf nicht in Anspruch genommen werden. Grundstückszufahrten "
                            "sind freizuhalten.\n"
                            "3. Die Container sind nach jedem Arbeitstag abzudecken.\n"
                            "4. Nach Ablauf der Erlaubnis ist die Fläche in ordnungsgemäßem Zustand zu übergeben; "
                            "Schäden werden auf Ihre Kosten beseitigt."
                        ),
                        P(
                            "Die von Ihnen mit beantragte verkehrsrechtliche Anordnung eines Haltverbots (Zeichen 283 "
                            "StVO) für den Aufstellzeitraum ist diesem Bescheid als gesonderte Anordnung beigefügt. "
                            "Die Beschilderung ist spätestens 72 Stunden vorher aufzustellen."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Tannwalden", "Schloßplatz 3, 78144 Tannwalden"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nRieger", "sign"),
                    ),
                    font="sans",
                    title="Sondernutzungserlaubnis III/32-SN 0417/2025",
                    author="Stadt Tannwalden",
                    footer="Stadt Tannwalden · Bürgeramt · Az. III/32-SN 0417/2025",
                )
            ],
            {
                "antragsteller": f("Jan-Ole Petersen"),
                "nutzungsort": f("Schillerstraße 27"),
                "nutzungsart": f("Container oder Mulde", "Aufstellung von Absetzcontainern"),
                "nutzungsbeginn": f("2025-09-01", "01.09.2025"),
                "nutzungsende": f("2025-09-10", "10.09.2025"),
                "flaeche": f(15.0, "15 m²"),
                "restgehwegbreite": None,
                "anzahl_objekte": f(2.0, "zwei Container"),
                "gebuehr": f(75.0, "75,00 €"),
                "halteverbot_beantragt": f(True, "Die von Ihnen mit beantragte verkehrsrechtliche Anordnung"),
            },
        )
    )

    # fall-04: sub-folder: e-mail printout (DOCX) + application form (PDF) for a removal van. One day (start =
    # end), the mail date, the form date and the receipt stamp as distractors, the applicant's current address
    # and his phone number; the zone's length but no area; a flat fee next to a Verwaltungsgebühr.
    cases.append(
        Case(
            "fall-04",
            [
                Doc(
                    "email",
                    "docx",
                    (
                        P(
                            "Von: Ben Hartwig <ben.hartwig@example.net>\n"
                            "Gesendet: Montag, 2. Juni 2025 19:42\n"
                            "An: ordnungsamt@uhlenbrook.example\n"
                            "Betreff: Umzug in die Goethestraße 31 – Antrag Haltverbotszone",
                            "small",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "ich ziehe am Samstag, 14. Juni 2025, in meine neue Wohnung in der Goethestraße 31 und "
                            "brauche für den Umzugswagen (7,5 t) eine Haltverbotszone direkt vor dem Haus. Das "
                            "ausgefüllte Antragsformular hänge ich an."
                        ),
                        P(
                            "Der Wagen wird von etwa 7 bis 17 Uhr dort stehen. Die Schilder stellt das "
                            "Umzugsunternehmen (Umzüge Nordlicht, Herr Petrowski) auf. Bitte senden Sie die "
                            "Unterlagen an meine jetzige Anschrift."
                        ),
                        P("Viele Grüße\nBen Hartwig\nTel. 040 66969-127", "sign"),
                        P("Anhang: Antrag_Sondernutzung_Hartwig.pdf", "small"),
                    ),
                    font="sans",
                    title="E-Mail Umzug Hartwig",
                    author="Gemeinde Uhlenbrook",
                ),
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Uhlenbrook", "Der Bürgermeister · Ordnungsamt", ("Am Markt 1 · 27419 Uhlenbrook",)
                        ),
                        P("Antrag auf Sondernutzung und verkehrsrechtliche Anordnung (Umzug)", "title"),
                        Stamp(("Gemeinde Uhlenbrook", "Eingang 03.06.2025")),
                        Fields(
                            (
                                ("Antragsteller/in", "Ben Hartwig"),
                                ("Derzeitige Anschrift", "Kiefernweg 17, 27432 Brakenhude"),
                                ("Telefon", "040 66969-127"),
                                ("Ort der Sondernutzung", "Goethestraße 31, Fahrbahnrand vor dem Haus"),
                                ("Art der Nutzung", "Abstellen eines Umzugsfahrzeugs (sonstige Sondernutzung)"),
                                ("Datum der Nutzung", "14.06.2025, 7:00 bis 17:00 Uhr"),
                                ("Länge der Haltverbotszone", "15 m"),
                                ("Halteverbot beantragt", "ja (Zeichen 283 StVO)"),
                                ("Beschilderung durch", "Umzüge Nordlicht, Inh. Artur Petrowski"),
                            ),
                            table=True,
                        ),
                        P("Gebühren", "heading"),
                        P(
                            "Für die Sondernutzung wird eine Pauschale von 25,00 € je Tag erhoben, für die "
                            "verkehrsrechtliche Anordnung zusätzlich eine Verwaltungsgebühr von 15,00 €. Beide Beträge "
                            "werden mit dem Bescheid festgesetzt.",
                            "small",
                        ),
                        P("Uhlenbrook, 02.06.2025\nBen Hartwig", "sign"),
                    ),
                    font="arial",
                    title="Antrag Sondernutzung Umzug",
                    author="Gemeinde Uhlenbrook",
                ),
            ],
            {
                "antragsteller": f("Ben Hartwig"),
                "nutzungsort": f("Goethestraße 31"),
                "nutzungsart": f("sonstige", "Abstellen eines Umzugsfahrzeugs (sonstige Sondernutzung)"),
                "nutzungsbeginn": f("2025-06-14", "14.06.2025"),
                "nutzungsende": f("2025-06-14", "14.06.2025"),
                "flaeche": None,
                "restgehwegbreite": None,
                "anzahl_objekte": None,
                "gebuehr": f(25.0, "25,00 €"),
                "halteverbot_beantragt": f(True, "Halteverbot beantragt: ja"),
            },
        )
    )

    # fall-05: two-page permit for a pavement restaurant; the remaining width and the fee are on page 2 (in the
    # Nebenbestimmungen and the fee paragraph). Private address vs. restaurant, application/receipt/permit dates,
    # total pavement width, Verwaltungsgebühr and total amount, tables vs. seats vs. parasols, a Flurstück.
    cases.append(
        Case(
            "fall-05",
            [
                Doc(
                    "erlaubnis",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Kesselfurt",
                            "Amt für öffentliche Ordnung · Gewerbe und Sondernutzungen",
                            ("Bahnhofsplatz 1 · 36289 Kesselfurt · Telefon 089 99998-612",),
                        ),
                        Window(
                            ("Herrn", "Franco Esposito", "Am Sonnenhang 11", "36289 Kesselfurt"),
                            sender="Stadt Kesselfurt · Bahnhofsplatz 1 · 36289 Kesselfurt",
                            info=(
                                ("Aktenzeichen", "32.1-621.41-0093/25"),
                                ("Bearbeiter", "Herr Schuster"),
                                ("Zimmer", "2.14"),
                                ("Datum", "14.03.2025"),
                            ),
                        ),
                        P("Erlaubnis zur Sondernutzung öffentlicher Verkehrsfläche für Außengastronomie", "title"),
                        P("Sehr geehrter Herr Esposito,"),
                        P(
                            "auf Ihren Antrag vom 02.03.2025, eingegangen am 04.03.2025, erteilen wir Ihnen die "
                            "jederzeit widerrufliche Erlaubnis zur Sondernutzung des Gehwegs vor der Gaststätte "
                            "„Trattoria Da Franco“, Brunnenstraße 7, zum Betrieb einer Außengastronomie nach Maßgabe "
                            "der folgenden Bestimmungen."
                        ),
                        Fields(
                            (
                                ("Erlaubnisinhaber", "Franco Esposito"),
                                ("Ort", "Brunnenstraße 7, Gehweg vor der Gaststätte (Flurstück 88/3)"),
                                ("Erlaubniszeitraum", "1. April 2025 bis 30. September 2025"),
                                ("Fläche", "18 Quadratmeter (6,00 m entlang der Fassade, 3,00 m tief)"),
                                ("Möblierung", "sechs Tische mit 24 Sitzplätzen, zwei Sonnenschirme ohne Bodenhülsen"),
                            ),
                            table=True,
                        ),
                        P(
                            "Die Erlaubnis gilt nur für die im beigefügten Lageplan rot umrandete Fläche. Eine "
                            "Erweiterung der Fläche, Heizstrahler und Musikdarbietungen im Freien sind nicht gestattet."
                        ),
                        P("Die Nebenbestimmungen und die Gebührenfestsetzung finden Sie auf Seite 2."),
                        Break(),
                        P("Nebenbestimmungen", "heading"),
                        P(
                            "1. Die Außengastronomie darf täglich von 10:00 Uhr bis 22:00 Uhr betrieben werden. Danach "
                            "sind Tische und Stühle zusammenzustellen und zu sichern.\n"
                            "2. Der Gehweg ist an dieser Stelle 4,80 m breit. Für den Fußverkehr ist eine "
                            "Restgehwegbreite von mindestens 1,80 m ständig freizuhalten; die Möblierung ist entlang "
                            "der Fassade anzuordnen.\n"
                            "3. Die Fläche und ihre Umgebung sind täglich zu reinigen.\n"
                            "4. Rettungswege, Hydranten und Schachtdeckel sind freizuhalten.\n"
                            "5. Die Erlaubnis ist nicht übertragbar und am Ort der Sondernutzung bereitzuhalten."
                        ),
                        P("Gebührenfestsetzung", "heading"),
                        P(
                            "Nach § 4 der Sondernutzungssatzung in Verbindung mit Nr. 3.1 des Gebührenverzeichnisses "
                            "(5,00 € je m² und Monat) wird eine Sondernutzungsgebühr von 540,00 € festgesetzt (18 m² × "
                            "6 Monate). Für die Erteilung der Erlaubnis wird zusätzlich eine Verwaltungsgebühr von "
                            "45,00 € erhoben. Der Gesamtbetrag von 585,00 € ist bis zum 15.04.2025 zu zahlen."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Kesselfurt", "Bahnhofsplatz 1, 36289 Kesselfurt"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nSchuster", "sign"),
                    ),
                    font="serif",
                    title="Sondernutzungserlaubnis Außengastronomie",
                    author="Stadt Kesselfurt",
                    footer="Stadt Kesselfurt · Az. 32.1-621.41-0093/25",
                )
            ],
            {
                "antragsteller": f("Franco Esposito"),
                "nutzungsort": f("Brunnenstraße 7"),
                "nutzungsart": f("Außengastronomie", "zum Betrieb einer Außengastronomie"),
                "nutzungsbeginn": f("2025-04-01", "1. April 2025"),
                "nutzungsende": f("2025-09-30", "30. September 2025"),
                "flaeche": f(18.0, "18 Quadratmeter"),
                "restgehwegbreite": f(1.8, "1,80 m"),
                "anzahl_objekte": f(6.0, "sechs Tische"),
                "gebuehr": f(540.0, "540,00 €"),
                "halteverbot_beantragt": None,
            },
        )
    )

    # fall-06: the scanned case. Page 1 (text layer) is the receipt note; page 2 the scanned letter of a florist
    # (private address vs. shop, letter date, total pavement width); open-ended use ("bis auf Widerruf"), no fee.
    cases.append(
        Case(
            "fall-06",
            [
                Doc(
                    "posteingang",
                    "pdf",
                    (
                        Letterhead("Stadt Lorchingen", "Zentraler Posteingang", ("Kirchstraße 2 · 55597 Lorchingen",)),
                        P("Posteingangsvermerk", "title"),
                        Fields(
                            (
                                ("Eingang", "16.04.2025"),
                                ("Art des Eingangs", "Brief, persönlich abgegeben im Bürgerbüro"),
                                ("Inhalt", "Antrag an das Ordnungsamt, 1 Blatt (gescannt, folgt als Seite 2)"),
                                ("Weitergeleitet an", "Ordnungsamt, Sachgebiet Sondernutzungen"),
                                ("Scan", "Bürgerbüro, Kürzel TK"),
                            )
                        ),
                        P(
                            "Das Original wird nach Ablauf der Aufbewahrungsfrist für Scanvorlagen vernichtet.",
                            "small",
                        ),
                        Scan(
                            (
                                "Katrin Seidel",
                                "Ulmenweg 4",
                                "55597 Lorchingen",
                                "",
                                "",
                                "Stadt Lorchingen",
                                "Ordnungsamt",
                                "Kirchstraße 2",
                                "55597 Lorchingen",
                                "",
                                "\tLorchingen, 14.04.2025",
                                "",
                                "Antrag auf Erlaubnis einer Warenauslage",
                                "",
                                "Sehr geehrte Damen und Herren,",
                                "",
                                "ich betreibe das Blumenhaus Anemone in der Bahnhofstraße 12.",
                                "Ich beantrage die Erlaubnis, vor dem Geschäft auf dem Gehweg",
                                "Blumen und Pflanzen auszustellen. Dazu kommen",
                                "zwei Kundenstopper neben dem Eingang.",
                                "Die Auslage braucht 6 qm direkt an der Hauswand.",
                                "Der Gehweg ist dort 3,80 m breit, es bleibt eine",
                                "Restgehwegbreite von 2,00 m.",
                                "Die Auslage soll ab dem 01.05.2025 dauerhaft",
                                "aufgestellt werden, also bis auf Widerruf.",
                                "",
                                "Mit freundlichen Grüßen",
                                "",
                                "Katrin Seidel",
                            )
                        ),
                    ),
                    font="sans",
                    title="Posteingang Ordnungsamt",
                    author="Stadt Lorchingen",
                )
            ],
            {
                "antragsteller": f("Katrin Seidel"),
                "nutzungsort": f("Bahnhofstraße 12"),
                "nutzungsart": f("Warenauslage oder Werbeanlage", "Antrag auf Erlaubnis einer Warenauslage"),
                "nutzungsbeginn": f("2025-05-01", "01.05.2025"),
                "nutzungsende": None,
                "flaeche": f(6.0, "6 qm"),
                "restgehwegbreite": f(2.0, "2,00 m"),
                "anzahl_objekte": f(2.0, "zwei Kundenstopper"),
                "gebuehr": None,
                "halteverbot_beantragt": None,
            },
        )
    )

    # fall-07: sub-folder: municipal application form (PDF, name split into fields) + an architect's site plan
    # description (DOCX) with "Länge 6,00 m, Breite 1,20 m" and the remaining width in cm. Distractors: the
    # owner's address, roofer and Bauleiter, the planner, Flurstück, form and plan dates, total width.
    cases.append(
        Case(
            "fall-07",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Auental", "Tiefbauamt · Straßenverwaltung", ("Marktstraße 1 · 09623 Auental",)
                        ),
                        P("Antrag auf Erteilung einer Sondernutzungserlaubnis", "title"),
                        P(
                            "für die Benutzung öffentlicher Straßen über den Gemeingebrauch hinaus (Baugerüst, "
                            "Container, Baustelleneinrichtung)",
                            "small",
                        ),
                        P("A. Antragsteller", "heading"),
                        Fields(
                            (
                                ("Familienname", "Albers"),
                                ("Vorname", "Jörg"),
                                ("Anschrift", "Birkenweg 3, 09623 Auental"),
                                ("Telefon", "030 23125-719"),
                            )
                        ),
                        P("B. Ort und Art der Sondernutzung", "heading"),
                        Fields(
                            (
                                ("Straße, Hausnummer", "Obere Hauptstraße 21"),
                                ("Gemarkung / Flurstück", "Auental, Flur 12, Flurstück 431/7"),
                                ("Art der Sondernutzung", "Baugerüst (Arbeitsgerüst für Dachsanierung und Anstrich)"),
                                ("Beanspruchte Fläche", "siehe beigefügte Lageplanbeschreibung"),
                                ("Zeitraum", "vom 04.08.2025 bis 29.08.2025"),
                                ("Halteverbot erforderlich", "nein"),
                            )
                        ),
                        P("C. Ausführende Firma", "heading"),
                        Fields(
                            (
                                ("Firma", "Dachbau Reinholz GmbH, Zur Ziegelei 8, 09627 Auental-Hohenau"),
                                ("Verantwortlicher Bauleiter", "Stefan Reinholz, Tel. 030 23125-764"),
                            )
                        ),
                        P(
                            "Ich verpflichte mich, die Auflagen der Erlaubnis einzuhalten und die Fläche nach der "
                            "Nutzung in ordnungsgemäßem Zustand zurückzugeben."
                        ),
                        P("Auental, 21.07.2025\nJörg Albers", "sign"),
                    ),
                    font="core",
                    title="Antrag Sondernutzungserlaubnis",
                    author="Stadt Auental",
                ),
                Doc(
                    "lageplan",
                    "docx",
                    (
                        Letterhead(
                            "Planungsbüro Stein & Partner",
                            "Architekten und Ingenieure",
                            ("Lindenplatz 5 · 09623 Auental · Telefon 030 23125-780",),
                        ),
                        P("Lageplanbeschreibung zum Antrag auf Sondernutzung", "title"),
                        Fields(
                            (
                                ("Bauvorhaben", "Dachsanierung und Fassadenanstrich, Obere Hauptstraße 21"),
                                ("Bauherr", "Jörg Albers"),
                                ("Verfasserin", "Dipl.-Ing. Carola Stein"),
                                ("Stand", "18.07.2025"),
                            )
                        ),
                        P("Lage des Gerüsts", "heading"),
                        P(
                            "Das Gerüst wird straßenseitig vor dem Wohnhaus auf dem Gehweg der Oberen Hauptstraße "
                            "(Ostseite) aufgestellt. Es reicht von der nördlichen Grundstücksgrenze zu Haus Nr. 19 "
                            "bis an die Hofeinfahrt."
                        ),
                        P("Abmessungen der beanspruchten Fläche", "heading"),
                        P("Länge 6,00 m, Breite 1,20 m (einschließlich Verankerung und Fußplatten)."),
                        P("Gehweg und Fußverkehr", "heading"),
                        P(
                            "Der Gehweg ist im Bereich des Gerüsts 2,70 m breit. Nach Aufstellung des Gerüsts bleibt "
                            "eine Restgehwegbreite von 150 cm; der Fußverkehr wird unter dem Gerüst durch einen "
                            "Schutztunnel geführt."
                        ),
                        P(
                            "Der Lageplan im Maßstab 1:250 mit Eintragung der Gerüstfläche ist als Blatt 1 beigefügt.",
                            "small",
                        ),
                        P("Auental, 18.07.2025\nCarola Stein", "sign"),
                    ),
                    font="serif",
                    title="Lageplanbeschreibung Obere Hauptstraße 21",
                    author="Planungsbüro Stein & Partner",
                ),
            ],
            {
                "antragsteller": f("Jörg Albers", ("Jörg", "Albers")),
                "nutzungsort": f("Obere Hauptstraße 21"),
                "nutzungsart": f("Baugerüst", "Art der Sondernutzung: Baugerüst"),
                "nutzungsbeginn": f("2025-08-04", "04.08.2025"),
                "nutzungsende": f("2025-08-29", "29.08.2025"),
                "flaeche": f(7.2, ("6,00 m", "1,20 m")),
                "restgehwegbreite": f(1.5, "150 cm"),
                "anzahl_objekte": None,
                "gebuehr": None,
                "halteverbot_beantragt": f(False, "Halteverbot erforderlich: nein"),
            },
        )
    )

    # fall-08: DOCX letter of a scaffolding company applying in its own name; the key values are in a table of
    # two scaffold sections (the sum row counts). Distractors: the client (Bauherrin), the Bauleiter, lengths
    # and depths per section, two pavement widths, the length of the no-stopping zone.
    cases.append(
        Case(
            "fall-08",
            [
                Doc(
                    "antrag",
                    "docx",
                    (
                        Letterhead(
                            "Gerüstbau Falk GmbH & Co. KG",
                            "Gerüstbau · Einhausungen · Bauaufzüge",
                            ("Hafenstraße 40 · 36292 Kesselfurt-Nord · Telefon 089 99998-430",),
                        ),
                        Window(
                            (
                                "Stadt Kesselfurt",
                                "Amt für öffentliche Ordnung – Sondernutzungen",
                                "Bahnhofsplatz 1",
                                "36289 Kesselfurt",
                            ),
                            sender="Gerüstbau Falk GmbH & Co. KG · Hafenstraße 40 · 36292 Kesselfurt-Nord",
                            info=(
                                ("Unser Zeichen", "F-2025-311"),
                                ("Ansprechpartner", "Tim Reichert (Bauleiter)"),
                                ("Durchwahl", "089 99998-434"),
                                ("Datum", "01.09.2025"),
                            ),
                        ),
                        P("Antrag auf Sondernutzungserlaubnis – Fassadengerüst Hauptstraße 40", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "für die Fassadensanierung am Gebäude Hauptstraße 40 beantragen wir als ausführendes "
                            "Gerüstbauunternehmen im eigenen Namen die Erlaubnis zur Sondernutzung des Gehwegs. "
                            "Bauherrin ist die Kreissparkasse Kesselfurt, die uns mit der Gestellung des Gerüsts "
                            "einschließlich der erforderlichen Genehmigungen beauftragt hat."
                        ),
                        P("Das Gerüst wird in zwei Abschnitten aufgestellt:"),
                        Grid(
                            (
                                ("Abschnitt", "Lage", "Länge", "Tiefe", "Fläche", "Gerüstfelder"),
                                ("A", "Hauptfassade Hauptstraße", "14,00 m", "1,00 m", "14,00 m²", "7"),
                                ("B", "Treppenhausturm, Ecke Mühlgasse", "4,00 m", "1,50 m", "6,00 m²", "2"),
                                ("Summe", "", "", "", "20,00 m²", "9"),
                            )
                        ),
                        P(
                            "Zeitraum: Aufbau am 15.09.2025, Abbau voraussichtlich am 24.10.2025. Die Gerüstflächen "
                            "werden für die gesamte Dauer benötigt."
                        ),
                        P(
                            "Der Gehweg der Hauptstraße ist 3,20 m breit, an der Mühlgasse 2,80 m. Die "
                            "Restgehwegbreite beträgt an der engsten Stelle (Abschnitt B) 1,30 m; über die gesamte "
                            "Länge wird ein Schutzdach eingebaut."
                        ),
                        P(
                            "Für die Anlieferung und den Abtransport des Gerüstmaterials beantragen wir zusätzlich "
                            "eine verkehrsrechtliche Anordnung für ein absolutes Halteverbot (Zeichen 283 StVO) auf 20 "
                            "m Länge vor dem Gebäude, jeweils am Tag des Auf- und Abbaus."
                        ),
                        P(
                            "Bescheide bitten wir an unsere oben genannte Anschrift zu senden. Eine Kopie unserer "
                            "Betriebshaftpflichtversicherung und die Lageskizze liegen bei."
                        ),
                        P(
                            "Mit freundlichen Grüßen\nGerüstbau Falk GmbH & Co. KG\n\ni. A. Tim Reichert\nBauleiter",
                            "sign",
                        ),
                    ),
                    font="sans",
                    title="Antrag Fassadengerüst Hauptstraße 40",
                    author="Gerüstbau Falk GmbH & Co. KG",
                )
            ],
            {
                "antragsteller": f("Gerüstbau Falk GmbH & Co. KG"),
                "nutzungsort": f("Hauptstraße 40"),
                "nutzungsart": f("Baugerüst", "Antrag auf Sondernutzungserlaubnis – Fassadengerüst"),
                "nutzungsbeginn": f("2025-09-15", "15.09.2025"),
                "nutzungsende": f("2025-10-24", "24.10.2025"),
                "flaeche": f(20.0, "20,00 m²"),
                "restgehwegbreite": f(1.3, "1,30 m"),
                "anzahl_objekte": f(9.0, "9"),
                "gebuehr": None,
                "halteverbot_beantragt": f(
                    True, "beantragen wir zusätzlich eine verkehrsrechtliche Anordnung für ein absolutes Halteverbot"
                ),
            },
        )
    )

    # fall-09: permit and fee notice for a greengrocer's display and A-boards with a fee table (two items, the
    # fee sum, Verwaltungsgebühr, grand total). Company vs. contact person, company address vs. shop, "8 m2".
    cases.append(
        Case(
            "fall-09",
            [
                Doc(
                    "bescheid",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Lorchingen",
                            "Ordnungsamt · Sondernutzungen",
                            ("Kirchstraße 2 · 55597 Lorchingen · Telefon 0221 4710-611",),
                        ),
                        Window(
                            (
                                "Karadağ Frischmarkt OHG",
                                "z. Hd. Herrn Serkan Karadağ",
                                "Auf der Bleiche 9",
                                "55597 Lorchingen",
                            ),
                            sender="Stadt Lorchingen · Kirchstraße 2 · 55597 Lorchingen",
                            info=(
                                ("Aktenzeichen", "OA-SN-2025/0288"),
                                ("Sachbearbeitung", "Frau Dietz"),
                                ("Telefon", "0221 4710-614"),
                                ("Datum", "28.11.2025"),
                            ),
                        ),
                        P("Erlaubnis- und Gebührenbescheid", "title"),
                        P("Sehr geehrter Herr Karadağ,"),
                        P(
                            "auf den Antrag der Karadağ Frischmarkt OHG vom 10.11.2025 wird die widerrufliche "
                            "Erlaubnis erteilt, vor dem Geschäft Kapellenstraße 3 eine Fläche von 8 m2 für die Auslage "
                            "von Obst und Gemüse zu nutzen und innerhalb dieser Fläche drei Werbeaufsteller "
                            "(Kundenstopper) aufzustellen. Die Erlaubnis gilt für das Kalenderjahr 2026, vom "
                            "01.01.2026 bis 31.12.2026."
                        ),
                        P("Gebührenberechnung", "heading"),
                        Grid(
                            (
                                ("Gegenstand", "Bemessung", "Satz", "Betrag"),
                                ("Warenauslage", "8 m² × 12 Monate", "4,00 € je m² und Monat", "384,00 €"),
                                ("Werbeaufsteller", "3 Stück × 12 Monate", "5,00 € je Stück und Monat", "180,00 €"),
                                ("Sondernutzungsgebühr 2026", "", "", "564,00 €"),
                                ("Verwaltungsgebühr", "", "", "40,00 €"),
                                ("Gesamtbetrag", "", "", "604,00 €"),
                            ),
                            widths=(52, 42, 48, 24),
                        ),
                        P("Der Gesamtbetrag ist binnen eines Monats an die Stadtkasse Lorchingen zu zahlen."),
                        P("Nebenbestimmungen", "heading"),
                        P(
                            "1. Auslage und Werbeaufsteller sind innerhalb der Fläche an der Hauswand anzuordnen.\n"
                            "2. Die Auslage ist täglich nach Geschäftsschluss zu entfernen. Taktile Leitelemente und "
                            "der Zugang zum Nachbargebäude Kapellenstraße 5 sind freizuhalten.\n"
                            "3. Die Erlaubnis kann widerrufen werden, wenn es die Sicherheit oder Leichtigkeit des "
                            "Verkehrs erfordert."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Lorchingen", "Kirchstraße 2, 55597 Lorchingen"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nDietz", "sign"),
                    ),
                    font="arial",
                    title="Erlaubnis- und Gebührenbescheid OA-SN-2025/0288",
                    author="Stadt Lorchingen",
                    footer="Stadt Lorchingen · Ordnungsamt · Az. OA-SN-2025/0288",
                )
            ],
            {
                "antragsteller": f("Karadağ Frischmarkt OHG"),
                "nutzungsort": f("Kapellenstraße 3"),
                "nutzungsart": f("Warenauslage oder Werbeanlage", "für die Auslage von Obst und Gemüse"),
                "nutzungsbeginn": f("2026-01-01", "01.01.2026"),
                "nutzungsende": f("2026-12-31", "31.12.2026"),
                "flaeche": f(8.0, "8 m2"),
                "restgehwegbreite": None,
                "anzahl_objekte": f(3.0, "drei Werbeaufsteller"),
                "gebuehr": f(564.0, "564,00 €"),
                "halteverbot_beantragt": None,
            },
        )
    )

    # fall-10: two-page DOCX letter of an association for an information stand; dates, area, remaining width and
    # the explicit "no Halteverbot" are on page 2. The chairwoman signs, a contact person and the house owner are
    # named; the first and the last of two days.
    cases.append(
        Case(
            "fall-10",
            [
                Doc(
                    "antrag",
                    "docx",
                    (
                        P("Bürgerinitiative Grüner Mühlbach e. V. · Auenweg 2 · 71287 Merzenau", "small"),
                        Gap(),
                        P("Stadt Merzenau\nOrdnungsamt – Sondernutzungen\nRathausplatz 2\n71287 Merzenau"),
                        P("Merzenau, 18. August 2025", "right"),
                        P("Antrag auf Sondernutzungserlaubnis für einen Informationsstand", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "die Bürgerinitiative Grüner Mühlbach e. V. möchte die Bürgerinnen und Bürger über die "
                            "geplante Renaturierung des Mühlbachs informieren und Unterschriften für eine "
                            "Bürgerbeteiligung sammeln. Hierfür beantragen wir die Erlaubnis, in der Fußgängerzone "
                            "einen Informationsstand aufzustellen."
                        ),
                        P(
                            "Der Stand soll vor dem Haus Marktstraße 18 (gegenüber der Stadtbücherei) stehen. Der "
                            "Eigentümer des Hauses, Herr Wolfgang Brügger, ist damit einverstanden."
                        ),
                        P(
                            "Die Einzelheiten zu Terminen und Aufbau haben wir auf der folgenden Seite "
                            "zusammengestellt."
                        ),
                        Break(),
                        P("Angaben zum Informationsstand", "heading"),
                        Fields(
                            (
                                ("Termine", "Samstag, 6. September 2025, und Samstag, 13. September 2025"),
                                ("Uhrzeit", "jeweils 9:00 bis 14:00 Uhr"),
                                ("Aufbau", "Faltpavillon mit Infomaterial, Grundfläche ca. 4 m x 2,5 m"),
                                ("Fahrzeuge", "keine, Anlieferung mit Handwagen"),
                                ("Strom / Lautsprecher", "nein"),
                            )
                        ),
                        P(
                            "Der Stand wird so aufgestellt, dass in der Fußgängerzone eine Durchgangsbreite von "
                            "mindestens 3,00 m frei bleibt und die Zufahrt für Rettungsfahrzeuge gewährleistet ist."
                        ),
                        P(
                            "Ein Halteverbot oder eine sonstige verkehrsrechtliche Anordnung beantragen wir nicht, da "
                            "keine Fahrzeuge eingesetzt werden."
                        ),
                        P(
                            "Als gemeinnütziger Verein bitten wir um Prüfung, ob auf die Erhebung von Gebühren "
                            "verzichtet werden kann. Ansprechpartner an beiden Tagen ist unser Vorstandsmitglied "
                            "Uwe Brinkmann, Telefon 0221 4710-377."
                        ),
                        P("Mit freundlichen Grüßen\n\nPetra Lohmann\nVorsitzende", "sign"),
                    ),
                    font="serif",
                    title="Antrag Informationsstand",
                    author="Bürgerinitiative Grüner Mühlbach e. V.",
                    footer="Bürgerinitiative Grüner Mühlbach e. V. · Vereinsregister VR 2187",
                )
            ],
            {
                "antragsteller": f("Bürgerinitiative Grüner Mühlbach e. V."),
                "nutzungsort": f("Marktstraße 18"),
                "nutzungsart": f("sonstige", "einen Informationsstand aufzustellen"),
                "nutzungsbeginn": f("2025-09-06", "6. September 2025"),
                "nutzungsende": f("2025-09-13", "13. September 2025"),
                "flaeche": f(10.0, ("4 m", "2,5 m")),
                "restgehwegbreite": f(3.0, "3,00 m"),
                "anzahl_objekte": None,
                "gebuehr": None,
                "halteverbot_beantragt": f(
                    False, "Ein Halteverbot oder eine sonstige verkehrsrechtliche Anordnung beantragen wir nicht"
                ),
            },
        )
    )

    # fall-11: sub-folder: a roofer's application for the house owner (DOCX; the firm's Bauleitung signs, letter
    # date vs. start and end) + the permit (PDF) with the daily rate, Verwaltungsgebühr and a Sicherheitsleistung.
    # Owner's home address vs. the site; a skip on the carriageway edge: no area, no remaining width.
    cases.append(
        Case(
            "fall-11",
            [
                Doc(
                    "antrag",
                    "docx",
                    (
                        Letterhead(
                            "Dachdeckerei Wagner GmbH",
                            "Meisterbetrieb · Steildach · Flachdach · Spenglerarbeiten",
                            ("Talstraße 61 · 78147 Tannwalden-Rötenbach · Telefon 040 66969-580",),
                        ),
                        Window(
                            ("Stadt Tannwalden", "Bürgeramt – Sondernutzungen", "Schloßplatz 3", "78144 Tannwalden"),
                            sender="Dachdeckerei Wagner GmbH · Talstraße 61 · 78147 Tannwalden-Rötenbach",
                            info=(
                                ("Ihr Ansprechpartner", "Andreas Kübler, Bauleitung"),
                                ("Telefon", "040 66969-583"),
                                ("Datum", "08.09.2025"),
                            ),
                        ),
                        P(
                            "Antrag auf Aufstellung einer Mulde im öffentlichen Verkehrsraum\n"
                            "Baustelle Lerchenstraße 6, Tannwalden – Neueindeckung des Daches",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "im Auftrag des Grundstückseigentümers, Herrn Rainer Vossberg, wohnhaft Schwarzwaldstraße "
                            "102, 78144 Tannwalden, beantragen wir für dessen Haus Lerchenstraße 6 die Erlaubnis, eine "
                            "Mulde (10 m³) für den Abbruch der alten Dacheindeckung am Fahrbahnrand aufzustellen. "
                            "Antragsteller und Gebührenschuldner ist Herr Vossberg; seine Vollmacht fügen wir bei."
                        ),
                        P(
                            "Die Mulde wird in der Zeit vom 22.09.2025 bis 26.09.2025 benötigt. Sie muss am "
                            "Fahrbahnrand vor dem Grundstück stehen, da das Grundstück keine eigene Zufahrt hat."
                        ),
                        P(
                            "Für die Anlieferung und Abholung beantragen wir zugleich die Einrichtung einer "
                            "Haltverbotszone (Zeichen 283 StVO) auf 12 m Länge. Die Beschilderung übernimmt der "
                            "Containerdienst Brauer GmbH."
                        ),
                        P("Mit freundlichen Grüßen\nDachdeckerei Wagner GmbH\n\ni. A. Andreas Kübler", "sign"),
                    ),
                    font="arial",
                    title="Antrag Mulde Lerchenstraße 6",
                    author="Dachdeckerei Wagner GmbH",
                ),
                Doc(
                    "erlaubnis",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Tannwalden",
                            "Bürgeramt · Straßenverkehrsbehörde und Sondernutzungen",
                            ("Schloßplatz 3 · 78144 Tannwalden",),
                        ),
                        Window(
                            ("Herrn", "Rainer Vossberg", "Schwarzwaldstraße 102", "78144 Tannwalden"),
                            sender="Stadt Tannwalden · Schloßplatz 3 · 78144 Tannwalden",
                            info=(("Aktenzeichen", "III/32-SN 0452/2025"), ("Datum", "15.09.2025")),
                        ),
                        P("Sondernutzungserlaubnis – Aufstellung einer Mulde", "title"),
                        P("Sehr geehrter Herr Vossberg,"),
                        P(
                            "auf den in Ihrem Auftrag von der Dachdeckerei Wagner GmbH gestellten Antrag vom "
                            "08.09.2025 erhalten Sie die widerrufliche Erlaubnis, eine Mulde vor dem Grundstück "
                            "Lerchenstraße 6 am Fahrbahnrand aufzustellen."
                        ),
                        Fields(
                            (
                                ("Erlaubniszeitraum", "22.09.2025 bis 26.09.2025 (5 Tage)"),
                                ("Sondernutzungsgebühr", "60,00 € (Tagessatz 12,00 € je Mulde × 5 Tage)"),
                                ("Verwaltungsgebühr", "25,00 €"),
                                ("Sicherheitsleistung", "200,00 €, Erstattung nach mängelfreier Rückgabe der Fläche"),
                            ),
                            table=True,
                        ),
                        P(
                            "Die verkehrsrechtliche Anordnung des beantragten Haltverbots ergeht gesondert durch die "
                            "Straßenverkehrsbehörde."
                        ),
                        P("Nebenbestimmungen", "heading"),
                        P(
                            "1. Gehweg und Radweg dürfen durch die Mulde nicht eingeschränkt werden.\n"
                            "2. Die Mulde ist mit rot-weißen Warnbaken zu sichern und bei Dunkelheit zu beleuchten.\n"
                            "3. Ein Befüllen über die Ladekante hinaus ist untersagt.\n"
                            "4. Beschädigungen der Fahrbahn sind unverzüglich anzuzeigen."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Tannwalden", "Schloßplatz 3, 78144 Tannwalden"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nRieger", "sign"),
                    ),
                    font="sans",
                    title="Sondernutzungserlaubnis III/32-SN 0452/2025",
                    author="Stadt Tannwalden",
                ),
            ],
            {
                "antragsteller": f("Rainer Vossberg"),
                "nutzungsort": f("Lerchenstraße 6"),
                "nutzungsart": f("Container oder Mulde", "Antrag auf Aufstellung einer Mulde"),
                "nutzungsbeginn": f("2025-09-22", "22.09.2025"),
                "nutzungsende": f("2025-09-26", "26.09.2025"),
                "flaeche": None,
                "restgehwegbreite": None,
                "anzahl_objekte": f(1.0, "eine Mulde"),
                "gebuehr": f(60.0, "60,00 €"),
                "halteverbot_beantragt": f(True, "beantragen wir zugleich die Einrichtung einer Haltverbotszone"),
            },
        )
    )

    # fall-12: a property manager writes for a WEG (Sachbearbeiter signs, the contractor is named; letter date
    # vs. start date) for an aerial work platform; the duration is given in working days only, no end date.
    cases.append(
        Case(
            "fall-12",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Hausverwaltung Brandt & Söhne",
                            "Immobilienverwaltung seit 1987",
                            (
                                "Goethering 7 · 09623 Auental · Telefon 030 23125-455 · "
                                "verwaltung@brandt-soehne.example",
                            ),
                        ),
                        Window(
                            ("Stadt Auental", "Tiefbauamt · Straßenverwaltung", "Marktstraße 1", "09623 Auental"),
                            sender="Hausverwaltung Brandt & Söhne · Goethering 7 · 09623 Auental",
                            info=(
                                ("Objekt", "WEG Ahornweg 3–5"),
                                ("Sachbearbeiter", "Jonas Kühn"),
                                ("Durchwahl", "030 23125-458"),
                                ("Datum", "03.03.2025"),
                            ),
                        ),
                        P("Antrag auf Sondernutzung: Hubarbeitsbühne vor dem Objekt Ahornweg 3–5", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "wir vertreten als Verwalterin die Wohnungseigentümergemeinschaft Ahornweg 3–5, 09623 "
                            "Auental. Namens der Eigentümergemeinschaft beantragen wir die Erlaubnis, für "
                            "Baumpflegearbeiten und die Reinigung der Dachrinnen eine LKW-Hubarbeitsbühne auf dem "
                            "Gehweg und dem angrenzenden Parkstreifen aufzustellen."
                        ),
                        P(
                            "Die Arbeiten beginnen am 18.03.2025 um 7:00 Uhr; je nach Witterung dauern sie ein bis "
                            "zwei Arbeitstage. Die Arbeitsbühne benötigt mit Abstützung und Absperrung eine Fläche von "
                            "ca. 30 qm. Die Sicherung der Arbeitsstelle übernimmt die ausführende Firma nach den "
                            "Richtlinien für die Sicherung von Arbeitsstellen an Straßen (RSA)."
                        ),
                        P(
                            "Zusätzlich beantragen wir für den Parkstreifen vor den Häusern 3 und 5 ein absolutes "
                            "Haltverbot (Zeichen 283 StVO) für die Dauer der Arbeiten, damit die Arbeitsbühne "
                            "ungehindert anfahren kann."
                        ),
                        P(
                            "Ausführende Firma ist die Grünwerk Baumpflege GmbH, Herr Malte Oswald, Telefon "
                            "030 23125-612. Den Erlaubnisbescheid bitten wir an uns als Verwalterin zu senden."
                        ),
                        P("Mit freundlichen Grüßen\nHausverwaltung Brandt & Söhne\n\ni. A. Jonas Kühn", "sign"),
                    ),
                    font="arial",
                    title="Antrag Sondernutzung Ahornweg 3–5",
                    author="Hausverwaltung Brandt & Söhne",
                )
            ],
            {
                "antragsteller": f("Wohnungseigentümergemeinschaft Ahornweg 3–5"),
                "nutzungsort": f("Ahornweg 3–5"),
                "nutzungsart": f("sonstige", "eine LKW-Hubarbeitsbühne auf dem Gehweg"),
                "nutzungsbeginn": f("2025-03-18", "18.03.2025"),
                "nutzungsende": None,
                "flaeche": f(30.0, "30 qm"),
                "restgehwegbreite": None,
                "anzahl_objekte": None,
                "gebuehr": None,
                "halteverbot_beantragt": f(True, "Zusätzlich beantragen wir für den Parkstreifen"),
            },
        )
    )

    # fall-13: DOCX extension of a scaffolding permit: the original period (start, old end) and the new end, the
    # earlier permit date, the application date, a payment deadline; the painter who applied for the owner; the
    # fee for the extension period next to a Verwaltungsgebühr and the total; total width vs. remaining width.
    cases.append(
        Case(
            "fall-13",
            [
                Doc(
                    "verlaengerung",
                    "docx",
                    (
                        Letterhead(
                            "Gemeinde Uhlenbrook",
                            "Der Bürgermeister · Ordnungsamt",
                            ("Am Markt 1 · 27419 Uhlenbrook · Telefon 040 66969-702",),
                        ),
                        Window(
                            ("Frau", "Ilse Marquardt", "Deichweg 14", "27419 Uhlenbrook"),
                            sender="Gemeinde Uhlenbrook · Am Markt 1 · 27419 Uhlenbrook",
                            info=(
                                ("Aktenzeichen", "32-SN-25-0139"),
                                ("Auskunft", "Herr Jansen"),
                                ("Datum", "24.06.2025"),
                            ),
                        ),
                        P("Verlängerung der Sondernutzungserlaubnis für ein Baugerüst", "title"),
                        P("Sehr geehrte Frau Marquardt,"),
                        P(
                            "mit Bescheid vom 28.05.2025 haben wir Ihnen die Erlaubnis erteilt, vor Ihrem Wohn- und "
                            "Geschäftshaus Bahnhofstraße 27 ein Baugerüst auf dem Gehweg aufzustellen. Die Erlaubnis "
                            "galt für die Zeit vom 02.06.2025 bis 30.06.2025."
                        ),
                        P(
                            "Auf Ihren Antrag vom 20.06.2025, den der Malerbetrieb Krüger & Sohn für Sie gestellt hat, "
                            "wird die Erlaubnis bis zum 18.07.2025 verlängert. Alle übrigen Bestimmungen des Bescheids "
                            "vom 28.05.2025 gelten unverändert fort."
                        ),
                        Fields(
                            (
                                ("Ort der Sondernutzung", "Bahnhofstraße 27, Gehweg Westseite"),
                                ("Beanspruchte Fläche", "14 m² (unverändert)"),
                                ("Gesamtbreite des Gehwegs", "2,60 m"),
                                ("Restgehwegbreite", "1,20 m"),
                                ("Verlängerungszeitraum", "01.07.2025 bis 18.07.2025 (18 Tage)"),
                            ),
                            table=True,
                        ),
                        P("Gebühren für den Verlängerungszeitraum", "heading"),
                        P(
                            "Sondernutzungsgebühr: 14 m² × 18 Tage × 0,50 € = 126,00 €\n"
                            "Verwaltungsgebühr für die Verlängerung: 20,00 €\n"
                            "Zu zahlen: 146,00 €"
                        ),
                        P("Bitte überweisen Sie den Betrag bis zum 15.07.2025 unter Angabe des Aktenzeichens."),
                        P(
                            "Hinweis: Eine weitere Verlängerung ist spätestens eine Woche vor Ablauf schriftlich zu "
                            "beantragen. Nach dem Abbau ist der Gehweg in ordnungsgemäßem Zustand zu übergeben; der "
                            "Zustand wird gemeinsam mit dem Bauhof abgenommen."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Gemeinde Uhlenbrook", "Am Markt 1, 27419 Uhlenbrook"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nJansen", "sign"),
                    ),
                    font="sans",
                    title="Verlängerung Sondernutzungserlaubnis",
                    author="Gemeinde Uhlenbrook",
                )
            ],
            {
                "antragsteller": f("Ilse Marquardt"),
                "nutzungsort": f("Bahnhofstraße 27"),
                "nutzungsart": f("Baugerüst", "Verlängerung der Sondernutzungserlaubnis für ein Baugerüst"),
                "nutzungsbeginn": f("2025-06-02", "02.06.2025"),
                "nutzungsende": f("2025-07-18", "18.07.2025"),
                "flaeche": f(14.0, "14 m²"),
                "restgehwegbreite": f(1.2, "1,20 m"),
                "anzahl_objekte": None,
                "gebuehr": f(126.0, "126,00 €"),
                "halteverbot_beantragt": None,
            },
        )
    )

    # fall-14: sparse portal printout (PDF, core font): no period, no area, no width; an indicative fee next to
    # a Verwaltungsgebühr; the applicant's address, a Vorgangsnummer and a submission timestamp.
    cases.append(
        Case(
            "fall-14",
            [
                Doc(
                    "portal",
                    "pdf",
                    (
                        P("Stadt Seelbrunn – Serviceportal", "small"),
                        P(
                            "Antrag Container/Mulde im öffentlichen Straßenraum – Zusammenfassung Ihrer Angaben",
                            "title",
                        ),
                        Fields(
                            (
                                ("Vorgangsnummer", "SP-SNU-2025-004219"),
                                ("Übermittelt am", "12.05.2025, 08:14 Uhr"),
                                ("Antragsteller/in", "Miriam Çelik"),
                                ("Anschrift", "Fasanenweg 2, 63917 Seelbrunn"),
                                ("Telefon", "069 90009-618"),
                                ("Standort", "Rosenstraße 15 (Parkbucht vor der Garage)"),
                                ("Anzahl und Art", "1 Absetzcontainer, 5 m³"),
                                ("Zweck", "Entrümpelung des Elternhauses"),
                                ("Größe der Stellfläche", "–"),
                                (
                                    "Gewünschter Zeitraum",
                                    "wird nachgereicht, sobald der Containerdienst einen Termin nennt",
                                ),
                            )
                        ),
                        P("Voraussichtliche Kosten (unverbindlich)", "heading"),
                        Fields(
                            (
                                ("Sondernutzungsgebühr", "36,00 € (Pauschale bis 7 Tage)"),
                                ("Verwaltungsgebühr", "15,00 €"),
                                ("Kaution", "keine"),
                            )
                        ),
                        P(
                            "Ihre Angaben wurden elektronisch übermittelt. Sie erhalten nach Prüfung einen Bescheid. "
                            "Der Container darf erst nach Erteilung der Erlaubnis aufgestellt werden.",
                            "small",
                        ),
                    ),
                    font="core",
                    title="Serviceportal Antrag SP-SNU-2025-004219",
                    author="Stadt Seelbrunn",
                )
            ],
            {
                "antragsteller": f("Miriam Çelik"),
                "nutzungsort": f("Rosenstraße 15"),
                "nutzungsart": f("Container oder Mulde", "Anzahl und Art: 1 Absetzcontainer"),
                "nutzungsbeginn": None,
                "nutzungsende": None,
                "flaeche": None,
                "restgehwegbreite": None,
                "anzahl_objekte": f(1.0, "1 Absetzcontainer"),
                "gebuehr": f(36.0, "36,00 €"),
                "halteverbot_beantragt": None,
            },
        )
    )
    return cases


# --- absent-value guards: patterns that must NOT occur in a case whose cell is null ----------------------------
AMOUNT_RE = re.compile(r"\d(?:[\d.]*)(?:,(?:\d{2}|-))?\s*(?:€|EUR\b|Euro\b)|(?:€|EUR)\s*\d", re.IGNORECASE)
NO_AMOUNT = "<no amount>"
NUMBER_WORDS = {
    "ein": 1,
    "eins": 1,
    "eine": 1,
    "einen": 1,
    "einem": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
# a count of tables, skips, A-boards or scaffold bays ("zwei Container", "4 Tische", "eine Mulde")
COUNT_RE = (
    r"\b(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s+(?:[a-zäöüß-]+\s+)?"
    r"(?:tisch|stehtisch|container|absetzcontainer|mulde|aufsteller|werbeaufsteller|kundenstopper|gerüstfeld"
    r"|feld\b|felder|pflanzkübel|warenständer)"
)
ABSENT_GUARDS: dict[str, dict[str, list[str]]] = {
    "hundesteuer": {
        "anschrift": [r"\b\d{5} [A-ZÄÖÜ]"],
        "haltungsbeginn": [r"seit:? ?(dem )?\d", r"gehalten seit:? ?\S*\d"],
        "jahressteuer": [r"jahressteuer", r"steuersatz\b", r"jährlich", r"im jahr\b"],
        "ermaessigung_beantragt": [r"ermäßig", r"befrei"],
        "anzahl_hunde": [r"zweithund", r"ersthund", r"weitere[rn]? hund", r"hunde im haushalt", r"einzige[rn]? hund"],
    },
    "widerspruch": {
        "aktenzeichen": [r"aktenzeichen", r"\baz\b", r"geschäftszeichen", r"unser zeichen", r"ihr zeichen"],
        "bescheiddatum": [r"bescheid(es)? vom", r"datiert"],
        "eingangsdatum": [r"eingang", r"eingegangen", r"\being\."],
        "strittiger_betrag": [NO_AMOUNT],
        "aussetzung_beantragt": [r"aussetz", r"aufschiebend", r"vollziehung"],
        "gebuehrenart": [
            r"abfall",
            r"abwasser",
            r"müll",
            r"straßenreinigung",
            r"verwaltungsgebühr",
            r"friedhof",
            r"grab",
            r"niederschlag",
            r"schmutzwasser",
            r"tonne",
            r"kanal",
        ],
    },
    "sondernutzung": {
        "nutzungsbeginn": [
            r"nutzungsbeginn",
            r"\bbeginn",
            r"\bab (dem |den )?\d{1,2}\.",
            r"\bvom \d{1,2}\.\s?(\d|[a-zä]+ \d{4})",
            r"\bam (samstag, )?\d{1,2}\.",
            r"zeitraum:? (vom )?\d",
            r"datum der nutzung",
            r"\btermine?:",
        ],
        "nutzungsende": [
            r"nutzungsende",
            r"\bende\b",
            r"\bbis (zum |einschließlich |voraussichtlich )?\d{1,2}\.",
            r"\babbau (am|voraussichtlich)",
            r"zeitraum:? (vom )?\d",
            r"datum der nutzung",
            r"\btermine?:",
        ],
        "flaeche": [
            r"\d\s*(?:m²|m2|qm)(?!\w)",
            r"quadratmeter",
            r"\d\s*m\s*[x×]\s*\d",
            r"länge:? \d[\d,]*\s*m,? (und )?breite",
            r"\btiefe\b",
        ],
        "restgehwegbreite": [
            r"restgehweg",
            r"gehwegbreite",
            r"restbreite",
            r"durchgangsbreite",
            r"verbleib",
            r"frei begehbar",
            r"bleibt[^.]{0,40}\bfrei\b",
        ],
        "anzahl_objekte": [COUNT_RE, r"gerüstfeld", r"anzahl der (tische|container|aufsteller|felder)"],
        "gebuehr": [
            r"nutzungsgebühr",
            r"gebühr für die (sonder)?nutzung",
            r"gebührenberechnung",
            r"gebührenfestsetzung",
            r"pauschale",
        ],
        "halteverbot_beantragt": [r"halteverbot", r"haltverbot", r"verkehrsrechtliche anordnung", r"zeichen 28[36]"],
    },
}

# --- parsing of written forms ------------------------------------------------------------------------------------
MONTHS = {
    "januar": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "märz": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}


def parse_date(text: str) -> str | None:
    """ISO date of a written German date ("12.03.2025", "3.4.25", "12. März 2025", "2025-03-12")."""
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})", text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        year += 2000 if year < 100 else 0
    elif m := re.fullmatch(r"(\d{1,2})\.\s*([A-Za-zÄäÖöÜü]+)\.?\s+(\d{4})", text):
        month_number = MONTHS.get(m[2].lower())
        if month_number is None:
            return None
        day, month, year = int(m[1]), month_number, int(m[3])
    else:
        return None
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def parse_amount(text: str) -> float | None:
    """Euro amount of "120,00 €", "EUR 1.234,50", "96 Euro"."""
    core = re.sub(r"(?i)€|\beur\b|\beuro\b", "", text).strip().replace(",-", "")
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})*(?:,\d{2})?|\d+(?:,\d{2})?", core):
        return None
    return float(core.replace(".", "").replace(",", "."))


UNIT_FACTORS = {"cm": 0.01, "zentimeter": 0.01}
NUMBER_RE = re.compile(
    r"(?:(?:ca\.|rund|etwa|mindestens)\s*)?"
    r"(?P<num>\d+(?:,\d+)?|[a-zäöüß]+)\s*"
    r"(?P<unit>m²|m2|qm|quadratmetern?|zentimeter|cm|metern?|m|stück|stk\.?)?(?![a-zäöüß0-9²])"
    r"(?P<rest>(?:\s+[a-zäöüß()-]+)*)",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """Number of "12,5 m²", "30 qm", "18 Quadratmeter", "24 m2", "1,50 m", "150 cm" (in m), "4 Tische",
    "zwei Container" (number words eins..zwölf). A trailing noun is allowed; cm is converted to m."""
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    num = m["num"]
    if num[0].isdigit():
        value = float(num.replace(",", "."))
    elif num.lower() in NUMBER_WORDS:
        value = float(NUMBER_WORDS[num.lower()])
    else:
        return None
    return round(value * UNIT_FACTORS.get((m["unit"] or "").lower(), 1.0), 6)


def number_unit(text: str) -> str | None:
    """The unit of a written number as the schema names it: "m²", "m" (also for cm), "Stück", "" for none."""
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    unit = (m["unit"] or "").lower().rstrip(".")
    if unit in ("m²", "m2", "qm") or unit.startswith("quadratmeter"):
        return "m²"
    if unit in ("m", "cm", "zentimeter") or unit.startswith("meter"):
        return "m"
    return "Stück" if unit in ("stück", "stk") else ""


def squash(text: str) -> str:
    """Whitespace collapsed; commas, middle dots and table bars count as spaces."""
    return " ".join(re.sub(r"[,·|]", " ", text.replace("\u00a0", " ")).split())


# --- reading the documents back ----------------------------------------------------------------------------------
def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def docx_text(path: Path) -> str:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for item in Document(str(path)).iter_inner_content():
        if isinstance(item, Paragraph):
            lines.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(cell.text)
                lines.append(" ".join(cells))
    return "\n".join(lines)


def ocr_scanned_pages(path: Path, pages: list[int]) -> dict[int, str]:
    """Tesseract (deu) on the given 1-based pages rendered at 300 dpi, as the ingest pipeline does."""
    import pypdfium2 as pdfium

    texts: dict[int, str] = {}
    document = pdfium.PdfDocument(path)
    try:
        for number in pages:
            image = document[number - 1].render(scale=300 / 72).to_pil()
            with tempfile.TemporaryDirectory() as tmp:
                image_path = Path(tmp) / "page.png"
                image.save(image_path)
                result = subprocess.run(
                    ["tesseract", str(image_path), "stdout", "-l", "deu"], capture_output=True, text=True, timeout=120
                )
                texts[number] = result.stdout
    finally:
        document.close()
    return texts


# --- schemas, truth, README --------------------------------------------------------------------------------------
def load_schema(key: str, schema_dir: Path) -> dict[str, Any]:
    data = yaml.safe_load((schema_dir / SCHEMA_FILES[key]).read_text(encoding="utf-8"))
    try:  # the project's pydantic model, when importable
        sys.path.insert(0, str(ROOT))
        from assistant.schemas import ExtractionSchema

        ExtractionSchema.model_validate(data)
    except ImportError:
        pass
    return data


def truth_values(case: Case, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        spec["name"]: (case.facts[spec["name"]].value if case.facts[spec["name"]] else None)
        for spec in schema["felder"]
    }


def validate_specs(key: str, cases: list[Case], schema: dict[str, Any]) -> list[str]:
    """Truth values have the schema's fields and normalised types; written forms parse to them."""
    errors: list[str] = []
    specs = {spec["name"]: spec for spec in schema["felder"]}
    for case in cases:
        if set(case.facts) != set(specs):
            errors.append(f"{key}/{case.name}: fields {sorted(case.facts)} != schema {sorted(specs)}")
            continue
        for name, fact in case.facts.items():
            if fact is None:
                continue
            typ, where = specs[name].get("typ", "text"), f"{key}/{case.name}.{name}"
            written = fact.written or str(fact.value)
            if typ == "datum":
                if not isinstance(fact.value, str) or parse_date(str(written)) != fact.value:
                    errors.append(f"{where}: {written!r} does not parse to {fact.value!r}")
            elif typ == "betrag":
                if not isinstance(fact.value, float) or parse_amount(str(written)) != fact.value:
                    errors.append(f"{where}: {written!r} does not parse to {fact.value!r}")
            elif typ == "janein":
                if not isinstance(fact.value, bool) or not fact.written:
                    errors.append(f"{where}: janein needs a bool and an evidence phrase")
            elif typ == "auswahl":
                if fact.value not in specs[name].get("optionen", []) or not fact.written:
                    errors.append(f"{where}: {fact.value!r} is not an option or has no evidence phrase")
            elif typ == "zahl":
                unit = specs[name].get("einheit", "")
                if isinstance(fact.written, tuple):  # length x width: the product of the two parts
                    numbers = [parse_number(part) for part in fact.written]
                    ok = len(numbers) == 2 and None not in numbers
                    parsed = round(numbers[0] * numbers[1], 2) if ok else None  # type: ignore[operator]
                    units_ok = unit == "m²" and all(number_unit(part) == "m" for part in fact.written)
                else:
                    parsed = parse_number(fact.written) if fact.written else None
                    units_ok = number_unit(fact.written) in ("", unit)
                if not isinstance(fact.value, float) or parsed is None or round(parsed, 2) != round(fact.value, 2):
                    errors.append(f"{where}: {fact.written!r} does not parse to {fact.value!r}")
                elif not units_ok:
                    errors.append(f"{where}: the unit of {fact.written!r} does not fit {unit!r}")
            else:
                parts = fact.written if isinstance(fact.written, tuple) else (written,)
                if squash(" ".join(parts)) != squash(str(fact.value)):
                    errors.append(f"{where}: written form {parts!r} differs from {fact.value!r}")
    return errors


def write_set(out: Path, schema_dir: Path) -> None:
    fonts = register_fonts()
    if out.exists():
        for key in SCHEMA_FILES:
            shutil.rmtree(out / key, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    stats: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for index, (key, cases) in enumerate(all_cases().items()):
            schema = load_schema(key, schema_dir)
            errors = validate_specs(key, cases, schema)
            if errors:
                raise SystemExit("\n".join(errors))
            folder = out / key
            folder.mkdir(parents=True)
            for case_index, case in enumerate(cases):
                for doc, rel in zip(case.docs, case.paths(), strict=True):
                    path = folder / rel
                    path.parent.mkdir(parents=True, exist_ok=True)
                    if doc.fmt == "pdf":
                        write_pdf(doc, path, fonts, tmp, SEED + 100 * index + case_index)
                    else:
                        write_docx(doc, path)
            lines = [json.dumps({"case": c.name, "values": truth_values(c, schema)}, ensure_ascii=False) for c in cases]
            (folder / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            stats[key] = (schema, cases)
    (out / "README.md").write_text(readme(out, stats), encoding="utf-8")


def readme(out: Path, stats: dict[str, Any]) -> str:
    lines = [
        "# Evaluation set: batch analysis (case files)",
        "",
        "Synthetic case files for the batch analysis (one table row per case): generated by",
        "`scripts/make_case_files.py`, deterministic (fixed seed, fixed metadata). All persons, places, file numbers,",
        "phone numbers and amounts are invented. Regenerate and verify with",
        "",
        "    .venv/bin/python scripts/make_case_files.py --out data/eval/cases",
        "    .venv/bin/python scripts/make_case_files.py --out data/eval/cases --check",
        "",
        "A case is one file (`fall-01.pdf`, `fall-02.docx`) or a sub-folder with several documents (`fall-04/`).",
        '`<schema>/truth.jsonl` holds one line per case: `{"case": ..., "values": {field: value}}`; `null` means',
        "the value is in no document of the case (janein is `false` only where the document says so). Values are",
        "normalised: dates ISO `YYYY-MM-DD`, amounts float euros, zahl a float in the field's unit (m², m, Stück;",
        "a length × width becomes its product, cm become m), janein true/false, auswahl one of the options, text as",
        "written.",
        "",
        "`sondernutzung/` is the held-out check set: no rule or prompt was tuned on it.",
        "",
    ]
    for key, (schema, cases) in stats.items():
        names = [spec["name"] for spec in schema["felder"]]
        cells = len(cases) * len(names)
        absent = sum(c.facts[n] is None for c in cases for n in names)
        docs = [(c, d) for c in cases for d in c.docs]
        pdfs = sum(d.fmt == "pdf" for _, d in docs)
        multipage = [c.name for c, d in docs if any(isinstance(b, Break | Scan) for b in d.blocks)]
        folders = [c.name for c in cases if len(c.docs) > 1]
        scanned = [c.name for c in cases if c.scanned]
        lines += [
            f"## `{key}/` – {schema['name']}",
            "",
            f"Schema: `data/schemas/{SCHEMA_FILES[key]}`. {len(cases)} cases, {len(docs)} documents "
            f"({pdfs} PDF, {len(docs) - pdfs} DOCX), {cells} cells, {absent} absent ({100 * absent / cells:.0f} %).",
            f"Multi-page PDF/DOCX: {', '.join(multipage) or '–'}. Sub-folders: {', '.join(folders) or '–'}. "
            f"Scanned page (needs OCR): {', '.join(scanned) or '–'}.",
            "",
            "| field | type | cells | absent |",
            "|---|---|---:|---:|",
        ]
        for spec in schema["felder"]:
            missing = sum(c.facts[spec["name"]] is None for c in cases)
            typ = spec.get("typ", "text")
            if typ == "zahl" and spec.get("einheit"):
                typ = f"zahl ({spec['einheit']})"
            lines.append(f"| `{spec['name']}` | {typ} | {len(cases)} | {missing} |")
        lines.append("")
    lines += [
        "Distractors are deliberate: birth/litter dates, signature and letter dates next to the receipt date,",
        "start of tax liability next to the start of keeping, pro-rata amounts, instalments, totals, other fees, a",
        "lawyer's own reference and a Kassenzeichen next to the Aktenzeichen. In `sondernutzung/`: the applicant's own",
        "address next to the usage location, Verwaltungsgebühr, Kaution/Sicherheitsleistung and totals next to the",
        "Sondernutzungsgebühr, the total pavement width next to the remaining width, application, receipt and permit",
        "dates (and an earlier permit period) next to start and end of use, a Bauleiter, contact person or client next",
        "to the applicant, chairs and parasols next to tables, and phone numbers, Aktenzeichen, Flurstück numbers and",
        "postcodes as non-values.",
        "",
    ]
    return "\n".join(lines)


# --- check -------------------------------------------------------------------------------------------------------
def check_set(out: Path, schema_dir: Path) -> int:
    errors: list[str] = []
    reports: list[str] = []
    have_tesseract = shutil.which("tesseract") is not None
    for key, cases in all_cases().items():
        schema = load_schema(key, schema_dir)
        errors += validate_specs(key, cases, schema)
        folder = out / key
        truth_path = folder / "truth.jsonl"
        if not truth_path.is_file():
            errors.append(f"{truth_path} missing")
            continue
        truth = {row["case"]: row["values"] for row in map(json.loads, truth_path.read_text("utf-8").splitlines())}
        if list(truth) != [c.name for c in cases]:
            errors.append(f"{key}: truth.jsonl cases {list(truth)} do not match the generator")
        for case in cases:
            if truth.get(case.name) != truth_values(case, schema):
                errors.append(f"{key}/{case.name}: truth.jsonl differs from the generator")
            texts: list[str] = []
            scan_lines: list[str] = []
            for doc, rel in zip(case.docs, case.paths(), strict=True):
                path = folder / rel
                if not path.is_file():
                    errors.append(f"{path} missing")
                    continue
                if doc.fmt == "docx":
                    texts.append(docx_text(path))
                    continue
                pages = pdf_pages(path)
                empty = [i + 1 for i, text in enumerate(pages) if sum(not ch.isspace() for ch in text) < 20]
                scans = [b for b in doc.blocks if isinstance(b, Scan)]
                if len(empty) != len(scans):
                    errors.append(f"{path}: pages without text layer {empty}, expected {len(scans)} scanned page(s)")
                texts += pages
                for scan in scans:
                    scan_lines += [line.strip() for line in scan.lines]
                if scans and have_tesseract:
                    ocr = "\n".join(ocr_scanned_pages(path, empty).values())
                    reports.append(ocr_report(f"{key}/{rel}", case, ocr, "\n".join(scan_lines)))
            layer = squash("\n".join(texts))
            source = squash("\n".join(scan_lines))
            for name, fact in case.facts.items():
                if fact is None:
                    continue
                parts = fact.written if isinstance(fact.written, tuple) else (fact.written or str(fact.value),)
                for part in parts:
                    if squash(part) not in layer and squash(part) not in source:
                        errors.append(f"{key}/{case.name}.{name}: {part!r} not found in the documents")
            metadata = [f"{d.title}\n{d.author}\n{d.footer}" for d in case.docs]  # DOCX footers are not in texts
            full = "\n".join(texts + scan_lines + metadata)
            for name, patterns in ABSENT_GUARDS[key].items():
                if case.facts.get(name) is not None:
                    continue
                for pattern in patterns:
                    hit = AMOUNT_RE.search(full) if pattern == NO_AMOUNT else re.search(pattern, full, re.IGNORECASE)
                    if hit:
                        errors.append(f"{key}/{case.name}.{name} is null but the case contains {hit.group(0)!r}")
    for report in reports:
        print(report)
    if not have_tesseract:
        print("tesseract not installed: OCR of the scanned page skipped")
    for error in errors:
        print("FEHLER:", error)
    print("check:", "ok" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


def ocr_report(label: str, case: Case, ocr: str, source: str) -> str:
    """Which written values of the scanned page OCR recovers (informational)."""
    lines = [f"OCR {label}:"]
    squashed = squash(ocr)
    for name, fact in case.facts.items():
        if fact is None:
            continue
        parts = fact.written if isinstance(fact.written, tuple) else (fact.written or str(fact.value),)
        for part in parts:
            if squash(part) in squash(source):
                lines.append(f"  {name}: {part!r} {'erkannt' if squash(part) in squashed else 'NICHT erkannt'}")
    wrong = [line for line in source.splitlines() if line and squash(line) not in squashed]
    source_lines = [line.strip() for line in source.splitlines() if line.strip()]
    ocr_lines = [squash(line) for line in ocr.splitlines() if line.strip()]
    wrong = [line for line in source_lines if squash(line) not in ocr_lines]
    lines.append(f"  lines read exactly: {len(source_lines) - len(wrong)}/{len(source_lines)}")
    for line in wrong:
        best = max(ocr_lines, key=lambda o: _overlap(o, squash(line)), default="")
        lines.append(f"  - {line!r} -> {best!r}")
    return "\n".join(lines)


def _overlap(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()


# --- fixtures ----------------------------------------------------------------------------------------------------
def write_fixtures(out: Path, target: Path) -> None:
    """Copy four generated Hundesteuer cases plus a corrupt PDF into a test-fixture folder."""
    source = out / "hundesteuer"
    target.mkdir(parents=True, exist_ok=True)
    rows = {json.loads(line)["case"]: line for line in (source / "truth.jsonl").read_text("utf-8").splitlines()}
    for name in FIXTURE_CASES:
        if (source / name).is_dir():
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source / name, target / name)
        else:
            for path in source.glob(f"{name}.*"):
                shutil.copyfile(path, target / path.name)
    (target / "truth.jsonl").write_text("\n".join(rows[n] for n in FIXTURE_CASES) + "\n", encoding="utf-8")
    (target / "fall-kaputt.pdf").write_bytes(CORRUPT_PDF)


# --- main --------------------------------------------------------------------------------------------------------
def all_cases() -> dict[str, list[Case]]:
    # order matters: the PDF seeds depend on the set's position, so new sets go at the end
    return {
        "hundesteuer": hundesteuer_cases(),
        "widerspruch": widerspruch_cases(),
        "sondernutzung": sondernutzung_cases(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: data/eval/cases)")
    parser.add_argument("--schemas", type=Path, default=SCHEMA_DIR, help="folder with the schema YAML files")
    parser.add_argument("--check", action="store_true", help="verify the files in --out instead of writing them")
    parser.add_argument("--fixtures", type=Path, help="also copy four Hundesteuer cases and a corrupt PDF there")
    args = parser.parse_args(argv)
    if args.check:
        return check_set(args.out, args.schemas)
    write_set(args.out, args.schemas)
    if args.fixtures:
        write_fixtures(args.out, args.fixtures)
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
