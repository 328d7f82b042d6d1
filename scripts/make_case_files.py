#!/usr/bin/env python3
"""Generate the synthetic evaluation set for the batch analysis (one table row per case).

Four extraction schemas: the tuning sets ``data/schemas/hundesteuer-anmeldung.yaml``,
``data/schemas/widerspruch-gebuehrenbescheid.yaml`` and ``data/schemas/baumfaellung.yaml`` (twelve cases each)
and the held-out check set ``data/schemas/sondernutzung-strasse.yaml`` (fourteen cases). A case is one document
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
    "baumfaellung": "baumfaellung.yaml",
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


# --- Fällgenehmigung nach Baumschutzsatzung (tuning set) ------------------------------------------------------
def baumfaellung_cases() -> list[Case]:
    cases: list[Case] = []

    # fall-01: one-page form with "Label: Wert" lines and an Eingangsstempel. The owner lives elsewhere (own
    # address vs. tree location with Flurstück); Höhe, Kronendurchmesser, the protection threshold and the
    # replacement tree's StU next to the Stammumfang; Antragsdatum and stamp next to the Fälltermin.
    cases.append(
        Case(
            "fall-01",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Reiherstedt",
                            "Fachdienst 3.2 – Umwelt und Grünflächen",
                            ("Rathausmarkt 1 · 23817 Reiherstedt · Telefon 04551 8807-330",),
                        ),
                        Stamp(("STADT REIHERSTEDT", "Eingang 24. Sep. 2025", "FD 3.2 · Az. 3.2-BS-2025-147")),
                        P("Antrag auf Fällgenehmigung", "title"),
                        P(
                            "nach § 6 der Satzung zum Schutz des Baumbestandes in der Stadt Reiherstedt "
                            "(Baumschutzsatzung). Geschützt sind Bäume mit einem Stammumfang ab 80 cm, gemessen in "
                            "1 m Höhe über dem Erdboden. Bitte fügen Sie einen Lageplan und Fotos des Baumes bei.",
                            "small",
                        ),
                        P("1. Antragstellerin / Antragsteller (Eigentümer/in)", "heading"),
                        Fields(
                            (
                                ("Name", "Heike Brandauer"),
                                ("Anschrift", "Seestraße 41, 23817 Reiherstedt"),
                                ("Telefon", "04551 90 21 77"),
                                ("Eigentumsverhältnis", "Alleineigentümerin"),
                            )
                        ),
                        P("2. Standort des Baumes", "heading"),
                        Fields(
                            (
                                ("Straße, Hausnummer", "Mühlenweg 17"),
                                ("Gemarkung, Flur, Flurstück", "Reiherstedt, Flur 4, Flurstück 233/1"),
                                ("Nutzung des Grundstücks", "Einfamilienhaus, vermietet"),
                                ("Lage auf dem Grundstück", "Vorgarten, ca. 3 m von der Grenze zum Gehweg"),
                            )
                        ),
                        P("3. Angaben zum Baum", "heading"),
                        Fields(
                            (
                                ("Baumart", "Bergahorn"),
                                ("Stammumfang in 1 m Höhe", "185 cm"),
                                ("Höhe", "ca. 17 m"),
                                ("Kronendurchmesser", "ca. 10 m"),
                                ("Anzahl der zu fällenden Bäume", "1"),
                            )
                        ),
                        P("4. Begründung und Zeitpunkt", "heading"),
                        Fields(
                            (
                                (
                                    "Grund der Fällung",
                                    "Krankheit – Befall mit der Rußrindenkrankheit, die Rinde löst sich am Stamm "
                                    "großflächig ab",
                                ),
                                ("Vorgesehener Fälltermin", "14.11.2025"),
                            )
                        ),
                        P("5. Ersatzpflanzung", "heading"),
                        Fields(
                            (
                                ("Ersatzpflanzung angeboten", "ja"),
                                ("Art und Größe", "1 Feldahorn, Hochstamm, StU 18–20 cm, an gleicher Stelle"),
                            )
                        ),
                        P(
                            "Hinweis: Die Verwaltungsgebühr für die Fällgenehmigung beträgt nach Nr. 8.3 des "
                            "Gebührentarifs 60,00 € je Baum. Die Kosten der Fällung und der Ersatzpflanzung trägt die "
                            "Antragstellerin oder der Antragsteller.",
                            "small",
                        ),
                        P("Reiherstedt, 22.09.2025\nUnterschrift: Heike Brandauer", "sign"),
                    ),
                    font="core",
                    title="Antrag auf Fällgenehmigung",
                    author="Stadt Reiherstedt",
                )
            ],
            {
                "antragsteller": f("Heike Brandauer"),
                "standort": f("Mühlenweg 17"),
                "baumart": f("Bergahorn"),
                "stammumfang": f(185.0, "185 cm"),
                "anzahl_baeume": f(1.0, "1"),
                "faelltermin": f("2025-11-14", "14.11.2025"),
                "faellgrund": f("Krankheit oder Schädlingsbefall", "Befall mit der Rußrindenkrankheit"),
                "ersatzpflanzung_angeboten": f(True, "Ersatzpflanzung angeboten: ja"),
                "gebuehr": f(60.0, "60,00 €"),
            },
        )
    )

    # fall-02: citizen letter (DOCX) in running text. The heir lives elsewhere; the tree stands "im Garten des
    # Grundstücks Lindenstraße 4" (neighbour's house number as distractor). "rund 1,60 m" Umfang next to a
    # Durchmesser of 50 cm and the height; storm date and letter date next to the Fälltermin; no replacement,
    # no fee.
    cases.append(
        Case(
            "fall-02",
            [
                Doc(
                    "antrag",
                    "docx",
                    (
                        P("Gerhard Pfannschmidt · Am Steinbruch 8 · 34633 Wolkenried", "small"),
                        Gap(),
                        P("Gemeinde Wolkenried\nOrdnungs- und Umweltamt\nKirchstraße 1\n34633 Wolkenried"),
                        P("Wolkenried, 12. Januar 2026", "right"),
                        P("Antrag auf Genehmigung zur Fällung einer Blaufichte – Grundstück Lindenstraße 4", "subject"),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "im Garten des Grundstücks Lindenstraße 4, das ich im vergangenen Jahr von meiner "
                            "verstorbenen Mutter geerbt habe, steht eine Blaufichte, die ich fällen lassen möchte. "
                            "Ich wohne selbst nicht dort; das Haus steht zurzeit leer und soll verkauft werden."
                        ),
                        P(
                            "Bei dem Sturm am 28. Dezember ist die Spitze des Baumes abgebrochen. Seitdem neigt sich "
                            "die Fichte deutlich in Richtung des Nachbarhauses Lindenstraße 6 und des Gehwegs. Der "
                            "Baum ist gut 20 m hoch; der Stamm hat in einem Meter Höhe einen Umfang von rund 1,60 m, "
                            "der Durchmesser liegt bei etwa 50 cm. Nach Ihrer Baumschutzsatzung ist der Baum damit "
                            "geschützt."
                        ),
                        P(
                            "Die Firma Baumdienst Reimers aus Talbrück hat sich die Fichte bereits angesehen und hält "
                            "die Fällung für unumgänglich, weil weitere Teile der Krone herabzustürzen drohen und "
                            "der Gehweg vor dem Haus täglich von Schulkindern benutzt wird. Die Fällung soll am "
                            "6. Februar 2026 erfolgen, sofern Ihre Genehmigung bis dahin vorliegt."
                        ),
                        P(
                            "Einen Lageplan und zwei Fotos lege ich bei. Für Rückfragen erreichen Sie mich unter "
                            "05651 774 0932 oder per E-Mail an g.pfannschmidt@example.net."
                        ),
                        P("Mit freundlichen Grüßen\n\nGerhard Pfannschmidt", "sign"),
                        P("Anlagen: Lageplan, 2 Fotos", "small"),
                    ),
                    font="arial",
                    title="Antrag Fällung Blaufichte",
                    author="Gerhard Pfannschmidt",
                )
            ],
            {
                "antragsteller": f("Gerhard Pfannschmidt"),
                "standort": f("Lindenstraße 4"),
                "baumart": f("Blaufichte"),
                "stammumfang": f(160.0, "rund 1,60 m"),
                "anzahl_baeume": f(1.0, "eine Blaufichte"),
                "faelltermin": f("2026-02-06", "6. Februar 2026"),
                "faellgrund": f("Verkehrssicherheit", "weitere Teile der Krone herabzustürzen drohen"),
                "ersatzpflanzung_angeboten": None,
                "gebuehr": None,
            },
        )
    )

    # fall-03: two-page permit addressed to the Hausverwaltung for a WEG; replacement planting and the fee are on
    # page 2, next to a Sicherheitsleistung, the replacement tree's StU and a validity date. No Fälltermin.
    cases.append(
        Case(
            "fall-03",
            [
                Doc(
                    "genehmigung",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Hagenmünde",
                            "Der Bürgermeister · Amt für Umwelt und Stadtgrün",
                            ("Am Markt 5 · 31749 Hagenmünde",),
                        ),
                        Window(
                            (
                                "Hausverwaltung Korff & Lenz GmbH",
                                "Frau Annika Lenz",
                                "Bahnhofstraße 3",
                                "31749 Hagenmünde",
                            ),
                            sender="Stadt Hagenmünde · Am Markt 5 · 31749 Hagenmünde",
                            info=(
                                ("Aktenzeichen", "67/BS-2025-0311"),
                                ("Ihr Zeichen", "WEG Park 12-14 / AL"),
                                ("Auskunft", "Herr Tiedemann"),
                                ("Telefon", "05751 403-672"),
                                ("Datum", "10.10.2025"),
                            ),
                        ),
                        P("Genehmigung nach der Baumschutzsatzung", "title"),
                        P(
                            "Fällung auf dem Grundstück Parkstraße 12–14, Gemarkung Hagenmünde, Flur 9, "
                            "Flurstück 87/3\nIhr Antrag vom 15.09.2025",
                            "subject",
                        ),
                        P("Sehr geehrte Frau Lenz,"),
                        P(
                            "auf den Antrag der Wohnungseigentümergemeinschaft Parkstraße 12–14, den Sie als deren "
                            "Verwalterin gestellt haben, ergeht folgender Bescheid:"
                        ),
                        P("I. Entscheidung", "heading"),
                        P(
                            "1. Die Fällung einer Rosskastanie (Aesculus hippocastanum, Baum Nr. 3 des Lageplans, "
                            "Stammumfang 210 cm) auf dem Grundstück Parkstraße 12–14 wird nach § 7 Abs. 1 der "
                            "Baumschutzsatzung der Stadt Hagenmünde genehmigt."
                        ),
                        P("2. Die Genehmigung ergeht mit den Nebenbestimmungen auf Seite 2 dieses Bescheides."),
                        P("II. Begründung", "heading"),
                        P(
                            "Nach dem mit dem Antrag vorgelegten Gutachten des Sachverständigenbüros Wendt vom "
                            "02.09.2025 ist die Rosskastanie von der Pseudomonas-Rindenkrankheit befallen. Der Stamm "
                            "weist großflächige Rindennekrosen und Schleimfluss auf; eine Erholung des Baumes ist "
                            "nicht zu erwarten. Bei der Ortsbesichtigung am 29.09.2025 wurde der Befund bestätigt."
                        ),
                        P(
                            "Die Rosskastanie unterliegt dem Schutz der Satzung, die Laubbäume ab einem Stammumfang "
                            "von 80 cm erfasst. Die Voraussetzungen für eine Ausnahme nach § 7 Abs. 1 Buchst. b der "
                            "Satzung liegen vor, weil der Baum krank ist und seine Erhaltung auch unter "
                            "Berücksichtigung des öffentlichen Interesses mit zumutbarem Aufwand nicht möglich ist."
                        ),
                        Break(),
                        P("III. Nebenbestimmungen", "heading"),
                        P(
                            "1. Die Fällung darf nicht in der Zeit vom 1. März bis 30. September durchgeführt werden "
                            "(§ 39 Abs. 5 Satz 1 Nr. 2 BNatSchG). Unmittelbar vorher ist der Baum auf besetzte "
                            "Nester und Höhlen zu kontrollieren."
                        ),
                        P(
                            "2. Die von der Antragstellerin angebotene Ersatzpflanzung wird verbindlich festgesetzt: "
                            "Bis zum 30.04.2026 ist auf dem Grundstück eine Winterlinde (Tilia cordata) als "
                            "Hochstamm mit einem Stammumfang von 18–20 cm zu pflanzen und dauerhaft zu erhalten."
                        ),
                        P(
                            "3. Zur Sicherung der Ersatzpflanzung ist vor Beginn der Arbeiten eine Sicherheitsleistung "
                            "von 600,00 € zu erbringen. Sie wird nach der Abnahme der Pflanzung freigegeben."
                        ),
                        P(
                            "4. Die Genehmigung erlischt, wenn von ihr nicht bis zum 28.02.2026 Gebrauch gemacht "
                            "worden ist."
                        ),
                        P("IV. Kosten", "heading"),
                        P(
                            "Für diese Genehmigung wird nach Tarifstelle 5.1 der Verwaltungskostensatzung der Stadt "
                            "Hagenmünde eine Verwaltungsgebühr von 85,00 € festgesetzt. Bitte überweisen Sie den "
                            "Betrag innerhalb eines Monats unter Angabe des Kassenzeichens 5.0711.000423 an die "
                            "Stadtkasse."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        P(
                            "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim "
                            "Verwaltungsgericht Talbrück, Gerichtsstraße 4, 34651 Talbrück, erhoben werden."
                        ),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nTiedemann", "sign"),
                    ),
                    font="serif",
                    title="Genehmigung Baumschutzsatzung 67/BS-2025-0311",
                    author="Stadt Hagenmünde",
                    footer="Stadt Hagenmünde · Amt für Umwelt und Stadtgrün · Az. 67/BS-2025-0311",
                )
            ],
            {
                "antragsteller": f("Wohnungseigentümergemeinschaft Parkstraße 12–14"),
                "standort": f("Parkstraße 12–14"),
                "baumart": f("Rosskastanie"),
                "stammumfang": f(210.0, "210 cm"),
                "anzahl_baeume": f(1.0, "einer Rosskastanie"),
                "faelltermin": None,
                "faellgrund": f("Krankheit oder Schädlingsbefall", "von der Pseudomonas-Rindenkrankheit befallen"),
                "ersatzpflanzung_angeboten": f(
                    True, "Die von der Antragstellerin angebotene Ersatzpflanzung wird verbindlich festgesetzt"
                ),
                "gebuehr": f(85.0, "85,00 €"),
            },
        )
    )

    # fall-04: sub-folder: application form as a two-column table (DOCX), filled in by a gardening firm for the
    # owner, with "siehe Gutachten" for the Stammumfang; the arborist's report (PDF) has a one-tree measurement
    # table (Höhe, Kronen-Ø, Stammumfang, Stamm-Ø), report dates and the cost of felling. No fee.
    cases.append(
        Case(
            "fall-04",
            [
                Doc(
                    "antrag",
                    "docx",
                    (
                        Letterhead(
                            "Stadt Ottersbrück",
                            "Fachbereich Stadtgrün · Baumschutz",
                            ("Schlossplatz 2 · 67459 Ottersbrück",),
                        ),
                        P("Antrag auf Ausnahmegenehmigung zur Fällung eines geschützten Baumes", "title"),
                        P(
                            "(§ 5 Baumschutzsatzung der Stadt Ottersbrück) – bitte in Druckbuchstaben ausfüllen",
                            "small",
                        ),
                        Fields(
                            (
                                ("Eigentümer/in des Grundstücks", "Ingrid Thalmann"),
                                ("Anschrift der Eigentümerin/des Eigentümers", "Rosenhang 3, 67459 Ottersbrück"),
                                (
                                    "Antrag gestellt durch (Bevollmächtigte/r)",
                                    "Grünpflege Osterkamp GmbH, Herr Dennis Osterkamp, Industriestraße 21, "
                                    "67459 Ottersbrück, Tel. 06232 58 41 70",
                                ),
                                ("Standort des Baumes (Straße, Hausnummer)", "Am Wasserturm 6"),
                                ("Gemarkung, Flur, Flurstück", "Ottersbrück, Flur 12, Flurstück 1045"),
                                ("Baumart", "Rotbuche"),
                                ("Stammumfang in 1 m Höhe", "siehe Gutachten"),
                                ("Anzahl der Bäume", "1"),
                                (
                                    "Grund der Fällung",
                                    "Erkrankung: Befall mit Riesenporling am Stammfuß, siehe Gutachten",
                                ),
                                ("Gewünschter Fälltermin", "20.01.2026"),
                                (
                                    "Ersatzpflanzung vorgesehen",
                                    "ja, eine Rotbuche (Hochstamm) an anderer Stelle im Garten",
                                ),
                                ("Anlagen", "Vollmacht, Lageplan, Baumgutachten vom 08.12.2025"),
                            ),
                            table=True,
                        ),
                        P("Ottersbrück, 11.12.2025\ni. V. Dennis Osterkamp (Vollmacht anbei)", "sign"),
                    ),
                    font="sans",
                    title="Antrag Fällgenehmigung Am Wasserturm 6",
                    author="Grünpflege Osterkamp GmbH",
                ),
                Doc(
                    "gutachten",
                    "pdf",
                    (
                        Letterhead(
                            "Baumsachverständigenbüro Kloß",
                            "Dipl.-Ing. (FH) Rainer Kloß · Sachverständiger für Baumpflege und Baumstatik",
                            ("Lerchenweg 12 · 67461 Ottersbrück-Nord · Telefon 06232 99 07 15",),
                        ),
                        P("Baumgutachten", "title"),
                        Fields(
                            (
                                ("Auftraggeber", "Grünpflege Osterkamp GmbH im Auftrag von Frau Ingrid Thalmann"),
                                ("Objekt", "Am Wasserturm 6, 67459 Ottersbrück"),
                                ("Untersuchung vor Ort", "04.12.2025"),
                                ("Datum des Gutachtens", "08.12.2025"),
                            )
                        ),
                        P("1. Baumdaten", "heading"),
                        Grid(
                            (
                                ("Baum-Nr.", "Baumart", "Höhe", "Kronen-Ø", "Stammumfang (1 m)", "Stamm-Ø", "Alter"),
                                ("B1", "Rotbuche", "24 m", "15 m", "245 cm", "78 cm", "ca. 90 J."),
                            ),
                            widths=(22, 28, 17, 22, 33, 22, 22),
                        ),
                        P("2. Befund", "heading"),
                        P(
                            "Am Stammfuß der Rotbuche befinden sich auf der Nord- und Ostseite mehrere Fruchtkörper "
                            "des Riesenporlings (Meripilus giganteus). Die Schalltomographie in 0,3 m Höhe zeigt eine "
                            "Wurzel- und Stammfußfäule, die rund 60 % des Querschnitts erfasst. Die Krone weist "
                            "bereits Totholz und eine deutlich lichtere Belaubung auf."
                        ),
                        P("3. Bewertung", "heading"),
                        P(
                            "Der Riesenporling verursacht eine fortschreitende Weißfäule im Wurzelbereich. Eine "
                            "Sanierung ist nicht möglich; die Bruch- und Standsicherheit wird in absehbarer Zeit "
                            "nicht mehr gegeben sein. Aus gutachterlicher Sicht ist die Fällung des Baumes wegen der "
                            "Erkrankung unumgänglich. Bis dahin sollte der Bereich unter der Krone nicht betreten "
                            "werden."
                        ),
                        P(
                            "Nach dem mir vorliegenden Angebot der Grünpflege Osterkamp GmbH betragen die Kosten der "
                            "Fällung einschließlich Stubbenfräsung 2.380,00 € netto."
                        ),
                        P("Ottersbrück-Nord, 08.12.2025\n\nRainer Kloß", "sign"),
                    ),
                    font="arial",
                    title="Baumgutachten Rotbuche Am Wasserturm 6",
                    author="Baumsachverständigenbüro Kloß",
                    footer="Baumsachverständigenbüro Kloß · Gutachten 2025-118",
                ),
            ],
            {
                "antragsteller": f("Ingrid Thalmann"),
                "standort": f("Am Wasserturm 6"),
                "baumart": f("Rotbuche"),
                "stammumfang": f(245.0, "245 cm"),
                "anzahl_baeume": f(1.0, "1"),
                "faelltermin": f("2026-01-20", "20.01.2026"),
                "faellgrund": f("Krankheit oder Schädlingsbefall", "Befall mit Riesenporling am Stammfuß"),
                "ersatzpflanzung_angeboten": f(True, "Ersatzpflanzung vorgesehen: ja"),
                "gebuehr": None,
            },
        )
    )

    # fall-05: building project: form lines plus a table of four trees on the plot with per-tree Stammumfang,
    # Höhe and Kronen-Ø; only tree no. 2 is to be felled. Current address vs. building plot; the architect as a
    # second firm; two replacement trees as a count distractor; Eingang next to no Fälltermin.
    cases.append(
        Case(
            "fall-05",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Sternhausen",
                            "Bau- und Umweltamt",
                            ("Hauptstraße 40 · 54518 Sternhausen · Telefon 06504 9120-55",),
                        ),
                        P("Fällantrag bei Bauvorhaben", "title"),
                        P(
                            "Anlage zum Bauantrag – Baumbestandsplan und Baumliste nach § 8 der Baumschutzsatzung "
                            "der Gemeinde Sternhausen beifügen.",
                            "small",
                        ),
                        Fields(
                            (
                                ("Bauherr/in und Grundstückseigentümer/in", "Tobias und Lea Marquardt"),
                                ("Derzeitige Anschrift", "Falkenweg 2, 54518 Sternhausen"),
                                ("Baugrundstück", "Gartenstraße 23, Gemarkung Sternhausen, Flur 2, Flurstück 311"),
                                ("Bauvorhaben", "Neubau eines Einfamilienhauses mit Doppelgarage"),
                                (
                                    "Entwurfsverfasserin",
                                    "Architekturbüro Hense + Partner, Dipl.-Ing. Martina Hense, Am Bahnhof 7, "
                                    "54516 Sternhausen-Au",
                                ),
                                ("Aktenzeichen Bauantrag", "BA 2025/0187"),
                            )
                        ),
                        P("Baumbestand auf dem Grundstück", "heading"),
                        Grid(
                            (
                                ("Nr.", "Baumart", "Stammumfang (cm)", "Höhe (m)", "Kronen-Ø (m)", "Maßnahme"),
                                ("1", "Stieleiche", "268", "19", "14", "Erhalt, Stammschutz während der Bauzeit"),
                                ("2", "Spitzahorn", "142", "14", "9", "Fällung (im Baufeld)"),
                                ("3", "Vogelkirsche", "76", "8", "5", "Erhalt (nicht geschützt)"),
                                ("4", "Hainbuche", "121", "12", "8", "Erhalt"),
                            ),
                            widths=(12, 28, 36, 18, 26, 46),
                        ),
                        P(
                            "Zu fällen ist 1 Baum (Nr. 2). Der Spitzahorn steht innerhalb des Baufensters an der "
                            "Stelle der geplanten Doppelgarage; eine andere Anordnung ist wegen der Festsetzungen des "
                            "Bebauungsplans nicht möglich. Die Bäume Nr. 1, 3 und 4 bleiben erhalten und werden "
                            "während der Bauarbeiten nach DIN 18920 geschützt."
                        ),
                        P(
                            "Als Ersatz pflanzen wir zwei Feldahorne (Hochstamm, StU 16–18 cm) an der östlichen "
                            "Grundstücksgrenze."
                        ),
                        P(
                            "Der Zeitpunkt der Fällung richtet sich nach der Erteilung der Baugenehmigung; sie erfolgt "
                            "in jedem Fall außerhalb der Brutzeit vom 1. März bis 30. September."
                        ),
                        P("Sternhausen, 15.10.2025\nTobias Marquardt · Lea Marquardt", "sign"),
                        Gap(4),
                        P("Bearbeitungsvermerk der Gemeinde", "heading"),
                        Fields(
                            (
                                ("Eingang", "17.10.2025"),
                                ("Verwaltungsgebühr Fällgenehmigung", "120,00 €"),
                                ("Ausgleichszahlung", "entfällt (Ersatzpflanzung)"),
                                ("Sachbearbeitung", "Weyand, Tel. 06504 9120-57"),
                            )
                        ),
                    ),
                    font="sans",
                    title="Fällantrag Bauvorhaben Gartenstraße 23",
                    author="Gemeinde Sternhausen",
                )
            ],
            {
                "antragsteller": f("Tobias und Lea Marquardt"),
                "standort": f("Gartenstraße 23"),
                "baumart": f("Spitzahorn"),
                "stammumfang": f(142.0, "142"),
                "anzahl_baeume": f(1.0, "1 Baum"),
                "faelltermin": None,
                "faellgrund": f("Bauvorhaben", "Der Spitzahorn steht innerhalb des Baufensters"),
                "ersatzpflanzung_angeboten": f(True, "Als Ersatz pflanzen wir zwei Feldahorne"),
                "gebuehr": f(120.0, "120,00 €"),
            },
        )
    )

    # fall-06: printed e-mail from a Hausverwaltung for the owner: tree location vs. the owner's and the
    # Hausverwaltung's addresses; "Umfang 145 cm"; send date next to the Fälltermin. No species, no reason, no
    # replacement, no fee.
    cases.append(
        Case(
            "fall-06",
            [
                Doc(
                    "email",
                    "pdf",
                    (
                        P("Martina Ohlendorf", "heading"),
                        Fields(
                            (
                                ("Von", "Schwarz, Thomas <t.schwarz@hv-brenner.example>"),
                                ("Gesendet", "Dienstag, 4. November 2025 09:12"),
                                ("An", "Stadt Falkenrode – Umwelt <umwelt@falkenrode.example>"),
                                ("Cc", "Elfriede Sommer <e.sommer@example.org>"),
                                ("Betreff", "Fällgenehmigung für den Baum im Innenhof Mühlgasse 5"),
                                ("Anlagen", "Vollmacht_Sommer.pdf; Foto_Innenhof.jpg"),
                            )
                        ),
                        Gap(2),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "wir verwalten im Auftrag der Eigentümerin, Frau Elfriede Sommer, Uferstraße 19, "
                            "29364 Falkenrode, das Mehrfamilienhaus Mühlgasse 5 in Falkenrode."
                        ),
                        P(
                            "Im Innenhof des Hauses steht ein großer Laubbaum, der nach Auskunft langjähriger Mieter "
                            "etwa 50 Jahre alt ist. Um welche Art es sich genau handelt, können wir leider nicht "
                            "sagen. Unser Hausmeister hat den Stamm in einem Meter Höhe gemessen: Umfang 145 cm."
                        ),
                        P(
                            "Frau Sommer möchte den Baum entfernen lassen und beantragt hiermit, vertreten durch uns, "
                            "die Genehmigung zur Fällung. Die Vollmacht fügen wir bei. Die Fällung ist für den "
                            "25.11.2025 vorgesehen; den Auftrag hat der Baumdienst Hollerbach aus Falkenrode "
                            "übernommen."
                        ),
                        P(
                            "Bitte teilen Sie uns mit, ob Sie weitere Unterlagen benötigen. Für eine Besichtigung "
                            "steht unser Hausmeister, Herr Pavlović, unter 0171 2209 483 zur Verfügung."
                        ),
                        P(
                            "Mit freundlichen Grüßen\n\nThomas Schwarz\nHausverwaltung Brenner Immobilien GmbH\n"
                            "Wallstraße 11 · 29364 Falkenrode\nTel. 05141 77 93-20 · www.hv-brenner.example",
                            "sign",
                        ),
                    ),
                    font="arial",
                    title="E-Mail Mühlgasse 5",
                    author="Martina Ohlendorf",
                )
            ],
            {
                "antragsteller": f("Elfriede Sommer"),
                "standort": f("Mühlgasse 5"),
                "baumart": None,
                "stammumfang": f(145.0, "145 cm"),
                "anzahl_baeume": f(1.0, "ein großer Laubbaum"),
                "faelltermin": f("2025-11-25", "25.11.2025"),
                "faellgrund": None,
                "ersatzpflanzung_angeboten": None,
                "gebuehr": None,
            },
        )
    )

    # fall-07: sub-folder: church parish form as a PDF table with an Eingangsstempel, plus the arborist's
    # statement (DOCX). A group of spruces without a count; only a BHD range, no Stammumfang; replacement
    # explicitly not possible (Ausgleichszahlung requested instead); no fee.
    cases.append(
        Case(
            "fall-07",
            [
                Doc(
                    "antrag",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Ebersholm",
                            "Der Bürgermeister · Ordnungsamt und Umwelt",
                            ("Dorfstraße 12 · 24819 Ebersholm",),
                        ),
                        Stamp(("GEMEINDE EBERSHOLM", "Eingegangen 23.01.2026", "Ordnungsamt")),
                        P("Antrag auf Genehmigung einer Baumfällung", "title"),
                        Fields(
                            (
                                ("Antragsteller/in", "Ev.-Luth. Kirchengemeinde Ebersholm"),
                                ("vertreten durch", "Kirchengemeinderat, Vorsitzende Pastorin Dr. Ute Harms"),
                                ("Anschrift", "Pastoratsweg 1, 24819 Ebersholm"),
                                ("Telefon / E-Mail", "04331 662 18 · buero@kirche-ebersholm.example"),
                                ("Standort", "Kirchgasse 3 (Alter Friedhof), Nordrand an der Friedhofsmauer"),
                                ("Baumart", "Gemeine Fichte (Picea abies)"),
                                ("Maße", "siehe Stellungnahme Baumpflege Petersen"),
                                ("Grund der Fällung", "Borkenkäferbefall (Buchdrucker), die Bäume sind abgestorben"),
                                ("Geplanter Fälltermin", "10.02.2026"),
                                (
                                    "Ersatzpflanzung",
                                    "Eine Ersatzpflanzung ist auf dem Friedhofsgelände nicht möglich, da die Fläche "
                                    "für Grabstellen benötigt wird. Wir bitten um Festsetzung einer "
                                    "Ausgleichszahlung.",
                                ),
                                ("Ausführende Firma", "Forst- und Baumservice Jannsen, Ebersholm-Moor"),
                                ("Anlagen", "Lageplan, Stellungnahme Baumpflege Petersen vom 19.01.2026"),
                            ),
                            table=True,
                        ),
                        P("Ebersholm, 21.01.2026\nDr. Ute Harms, Vorsitzende des Kirchengemeinderats", "sign"),
                    ),
                    font="serif",
                    title="Antrag Baumfällung Alter Friedhof",
                    author="Ev.-Luth. Kirchengemeinde Ebersholm",
                ),
                Doc(
                    "stellungnahme",
                    "docx",
                    (
                        Letterhead(
                            "Baumpflege Petersen",
                            "Kirsten Petersen · Fachagrarwirtin Baumpflege und Baumsanierung",
                            ("Moorweg 4 · 24819 Ebersholm-Moor · Tel. 04331 90 55 2",),
                        ),
                        P("Stellungnahme zum Zustand der Fichtengruppe am Alten Friedhof", "title"),
                        Fields(
                            (
                                ("Objekt", "Alter Friedhof Ebersholm, Kirchgasse 3"),
                                ("Auftraggeberin", "Ev.-Luth. Kirchengemeinde Ebersholm"),
                                ("Ortsbesichtigung", "16.01.2026"),
                                ("Datum", "19.01.2026"),
                            )
                        ),
                        P(
                            "Am Nordrand des Friedhofs stehen entlang der Friedhofsmauer mehrere Fichten (Picea "
                            "abies) in einer geschlossenen Gruppe. Die Bäume sind etwa 60 Jahre alt und zwischen 22 "
                            "und 26 m hoch; der Brusthöhendurchmesser (BHD) liegt zwischen 38 und 45 cm."
                        ),
                        P(
                            "Sämtliche Fichten der Gruppe sind vom Buchdrucker (Ips typographus) befallen. An den "
                            "Stämmen finden sich zahlreiche Einbohrlöcher und Bohrmehl, die Rinde löst sich in großen "
                            "Platten. Die Kronen sind vollständig verbräunt, die Bäume sind abgestorben."
                        ),
                        P(
                            "Abgestorbene Fichten verlieren innerhalb weniger Monate ihre Bruchsicherheit. Da die "
                            "Bäume unmittelbar an Grabstellen und am Hauptweg stehen, empfehle ich, die gesamte "
                            "Gruppe noch in diesem Winter zu fällen. Zugleich wird verhindert, dass sich der Käfer "
                            "im Frühjahr auf benachbarte Nadelbäume ausbreitet."
                        ),
                        P("Ebersholm-Moor, 19.01.2026\n\nKirsten Petersen", "sign"),
                    ),
                    font="arial",
                    title="Stellungnahme Fichtengruppe Alter Friedhof",
                    author="Baumpflege Petersen",
                ),
            ],
            {
                "antragsteller": f("Ev.-Luth. Kirchengemeinde Ebersholm"),
                "standort": f("Kirchgasse 3"),
                "baumart": f("Gemeine Fichte"),
                "stammumfang": None,
                "anzahl_baeume": None,
                "faelltermin": f("2026-02-10", "10.02.2026"),
                "faellgrund": f("Krankheit oder Schädlingsbefall", "Borkenkäferbefall (Buchdrucker)"),
                "ersatzpflanzung_angeboten": f(
                    False, "Eine Ersatzpflanzung ist auf dem Friedhofsgelände nicht möglich"
                ),
                "gebuehr": None,
            },
        )
    )

    # fall-08: refusal (DOCX). Shade and leaves as the reason (sonstige) next to a negated Verkehrssicherheit;
    # Stammumfang next to Höhe, Kronendurchmesser and the protection threshold; fee next to the fee range;
    # replacement explicitly not offered; no Fälltermin.
    cases.append(
        Case(
            "fall-08",
            [
                Doc(
                    "ablehnung",
                    "docx",
                    (
                        Letterhead(
                            "Stadt Mühlbergen",
                            "Umweltamt – Abteilung Natur- und Baumschutz",
                            ("Rathausplatz 1 · 08547 Mühlbergen · Telefon 03741 292-418",),
                        ),
                        Window(
                            ("Herrn", "Dr. Matthias Ebeling", "Weidenstraße 11", "08547 Mühlbergen"),
                            sender="Stadt Mühlbergen · Rathausplatz 1 · 08547 Mühlbergen",
                            info=(
                                ("Aktenzeichen", "UA 32-BS 2025/206"),
                                ("Sachbearbeiterin", "Frau Kowalczyk"),
                                ("Zimmer", "2.14"),
                                ("Datum", "04.12.2025"),
                            ),
                        ),
                        P(
                            "Ablehnung Ihres Antrags auf Fällung einer Stieleiche\nIhr Antrag vom 03.11.2025, hier "
                            "eingegangen am 05.11.2025",
                            "subject",
                        ),
                        P("Sehr geehrter Herr Dr. Ebeling,"),
                        P(
                            "Ihren Antrag auf Erteilung einer Genehmigung zur Fällung der Stieleiche auf Ihrem "
                            "Grundstück Weidenstraße 11 (Gemarkung Mühlbergen, Flur 7, Flurstück 412) lehne ich ab."
                        ),
                        P("Begründung", "heading"),
                        P(
                            "Die Stieleiche hat einen Stammumfang von 312 cm, gemessen in 1 m Höhe, eine Höhe von "
                            "etwa 21 m und einen Kronendurchmesser von rund 16 m. Sie unterliegt damit dem Schutz des "
                            "§ 2 der Baumschutzsatzung der Stadt Mühlbergen, der Laubbäume ab einem Stammumfang von "
                            "100 cm erfasst."
                        ),
                        P(
                            "Sie begründen Ihren Antrag mit der starken Verschattung Ihres Gartens und Ihrer Terrasse "
                            "sowie mit dem Laubfall im Herbst, der regelmäßig die Dachrinnen verstopfe."
                        ),
                        P(
                            "Bei der Ortsbesichtigung am 20.11.2025 hat der Baumkontrolleur der Stadt die Eiche als "
                            "vital und standsicher eingestuft. Anzeichen einer Erkrankung oder Schäden, die die "
                            "Verkehrssicherheit beeinträchtigen, wurden nicht festgestellt."
                        ),
                        P(
                            "Verschattung und Laubfall sind natürliche, mit dem Baum verbundene Beeinträchtigungen, "
                            "die nach § 6 Abs. 3 der Satzung keine Ausnahme rechtfertigen; eine unzumutbare Härte "
                            "liegt nicht vor. Die Dachrinnen können durch einen fachgerechten Pflegeschnitt entlastet "
                            "werden, der nach § 5 der Satzung keiner Genehmigung bedarf. Eine Ersatzpflanzung haben "
                            "Sie nicht angeboten; sie hätte an der Entscheidung auch nichts geändert."
                        ),
                        P("Kosten", "heading"),
                        P(
                            "Für diese Entscheidung wird eine Verwaltungsgebühr von 45,00 € erhoben (Tarifstelle 12.4 "
                            "der Verwaltungskostensatzung, Rahmen bei Ablehnung 25,00 € bis 250,00 €). Bitte "
                            "überweisen Sie den Betrag innerhalb von zwei Wochen unter Angabe des Kassenzeichens "
                            "2.3200.5512 an die Stadtkasse Mühlbergen."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Mühlbergen", "Rathausplatz 1, 08547 Mühlbergen"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nKowalczyk", "sign"),
                    ),
                    font="serif",
                    title="Ablehnung Fällantrag UA 32-BS 2025/206",
                    author="Stadt Mühlbergen",
                    footer="Stadt Mühlbergen · Umweltamt · UA 32-BS 2025/206",
                )
            ],
            {
                "antragsteller": f("Dr. Matthias Ebeling"),
                "standort": f("Weidenstraße 11"),
                "baumart": f("Stieleiche"),
                "stammumfang": f(312.0, "312 cm"),
                "anzahl_baeume": f(1.0, "einer Stieleiche"),
                "faelltermin": None,
                "faellgrund": f("sonstige", "starken Verschattung Ihres Gartens"),
                "ersatzpflanzung_angeboten": f(False, "Eine Ersatzpflanzung haben Sie nicht angeboten"),
                "gebuehr": f(45.0, "45,00 €"),
            },
        )
    )

    # fall-09: digitisation note plus a scanned letter (page 2, OCR) from an elderly owner who now lives in a
    # care home: own address vs. the rented house with the tree; height as a distractor; letter and receipt
    # dates; no girth, no date, no reason, no replacement, no fee.
    cases.append(
        Case(
            "fall-09",
            [
                Doc(
                    "posteingang",
                    "pdf",
                    (
                        Letterhead(
                            "Gemeinde Lauterbrück",
                            "Bürgerbüro · Posteingang und Digitalisierung",
                            ("Am Rathaus 2 · 96279 Lauterbrück",),
                        ),
                        P("Digitalisierungsvermerk", "title"),
                        Fields(
                            (
                                ("Posteingangs-Nr.", "PE-2026-00412"),
                                ("Eingangsdatum", "09.03.2026"),
                                ("Eingangsweg", "persönlich im Bürgerbüro abgegeben"),
                                ("Dokument", "Schreiben, 1 Seite, handschriftlich unterschrieben"),
                                ("Zuständig", "Bauamt / Baumschutz, Herr Greiner"),
                                ("Scanqualität", "geprüft, lesbar"),
                            )
                        ),
                        P(
                            "Die folgende Seite ist die bildliche Wiedergabe des Originals. Das Original wurde der "
                            "Absenderin nach dem Scannen zurückgegeben.",
                            "small",
                        ),
                        Scan(
                            (
                                "Margarete Eisele",
                                "Seniorenresidenz Am Schlosspark, App. 14",
                                "Schlossparkweg 2",
                                "96279 Lauterbrück",
                                "",
                                "",
                                "An die Gemeinde Lauterbrück",
                                "Bauamt",
                                "Am Rathaus 2",
                                "96279 Lauterbrück",
                                "",
                                "\tLauterbrück, 6. März 2026",
                                "",
                                "Betreff: Kiefer auf meinem Grundstück Bergstraße 19",
                                "",
                                "Sehr geehrte Damen und Herren,",
                                "",
                                "seit letztem Herbst wohne ich hier in der Seniorenresidenz.",
                                "Mein Haus in der Bergstraße 19 ist seitdem an eine junge",
                                "Familie vermietet. Im Garten hinter dem Haus steht eine Kiefer,",
                                "die mein verstorbener Mann vor über 50 Jahren gesetzt hat.",
                                "Sie ist inzwischen etwa 25 Meter hoch.",
                                "",
                                "Die Mieter und ich möchten die Kiefer fällen lassen. Bitte",
                                "teilen Sie mir mit, ob dafür eine Genehmigung nötig ist",
                                "und welche Unterlagen ich einreichen muss. Tagsüber",
                                "erreichen Sie mich unter 09561 48 27 03.",
                                "",
                                "Mit freundlichen Grüßen",
                                "",
                                "Margarete Eisele",
                            )
                        ),
                    ),
                    font="core",
                    title="Posteingang PE-2026-00412",
                    author="Gemeinde Lauterbrück",
                )
            ],
            {
                "antragsteller": f("Margarete Eisele"),
                "standort": f("Bergstraße 19"),
                "baumart": f("Kiefer"),
                "stammumfang": None,
                "anzahl_baeume": f(1.0, "eine Kiefer"),
                "faelltermin": None,
                "faellgrund": None,
                "ersatzpflanzung_angeboten": None,
                "gebuehr": None,
            },
        )
    )

    # fall-10: note of a site visit (DOCX) with a vertical one-tree table that gives only the diameter (no
    # Stammumfang); the club's office address vs. the sports ground; a crack length and three replacement oaks
    # as number distractors; visit and application dates next to the agreed Fälltermin; fee in "75 Euro".
    cases.append(
        Case(
            "fall-10",
            [
                Doc(
                    "vermerk",
                    "docx",
                    (
                        Letterhead("Stadt Reiherstedt", "Fachdienst 3.2 – Umwelt und Grünflächen"),
                        P("Vermerk über eine Ortsbesichtigung", "title"),
                        Fields(
                            (
                                ("Aktenzeichen", "3.2-BS-2026-009"),
                                ("Ortsbesichtigung", "13.01.2026, 10:00 bis 10:45 Uhr"),
                                ("Ort", "Sportanlage Am Sportpark 1"),
                                (
                                    "Teilnehmende",
                                    "Herr Brodersen (FD 3.2, Baumkontrolleur), Frau Yıldız (2. Vorsitzende des "
                                    "TuS Reiherstedt 1908 e. V.)",
                                ),
                                (
                                    "Anlass",
                                    "Antrag des TuS Reiherstedt 1908 e. V. (Geschäftsstelle Schulstraße 14, 23817 "
                                    "Reiherstedt) vom 07.01.2026 auf Fällung einer Silberweide",
                                ),
                            )
                        ),
                        P("Baumdaten", "heading"),
                        Grid(
                            (
                                ("Merkmal", "Befund"),
                                ("Baumart", "Silberweide (Salix alba)"),
                                ("Lage", "Südrand des Vereinsparkplatzes, neben der Zufahrt"),
                                ("Baumhöhe", "ca. 19 m"),
                                ("Kronendurchmesser", "ca. 12 m"),
                                ("Stammdurchmesser in 1 m Höhe", "62 cm"),
                                ("Alter (geschätzt)", "45 Jahre"),
                                ("Vitalität", "mäßig, einzelne Kronenteile abgängig"),
                            )
                        ),
                        P("Feststellungen", "heading"),
                        P(
                            "Der Stamm der Silberweide ist in etwa 2,5 m Höhe auf rund 1,2 m Länge aufgerissen "
                            "(Druckzwiesel mit eingewachsener Rinde). Der Riss ist frisch, im Rissbereich ist "
                            "bereits Morschholz zu erkennen. Der stärkere Stämmling neigt sich über die Zufahrt und "
                            "die Stellplätze."
                        ),
                        P(
                            "Ergebnis: Die Bruchsicherheit ist nicht mehr gegeben. Die Silberweide gefährdet die "
                            "Nutzer des Parkplatzes und der Zufahrt; die Fällung ist aus Gründen der "
                            "Verkehrssicherheit erforderlich. Eine Kroneneinkürzung wäre nicht ausreichend."
                        ),
                        P("Absprachen", "heading"),
                        P(
                            "Die Fällung übernimmt die Firma Holzkamp Baumpflege aus Reiherstedt-Süd; als Termin "
                            "wurde der 31.1.2026 vereinbart. Bis dahin sperrt der Verein den Bereich unter der Krone "
                            "ab."
                        ),
                        P(
                            "Der Verein sagt als Ersatz die Pflanzung von drei Stieleichen am Rand der Sportanlage "
                            "zu; gepflanzt wird im Herbst 2026. Eine Ausgleichszahlung ist deshalb nicht zu leisten."
                        ),
                        P(
                            "Die Genehmigung wird mit einer Verwaltungsgebühr von 75 Euro erteilt; eine Ermäßigung "
                            "für gemeinnützige Vereine sieht der Gebührentarif nicht vor. Bescheid folgt."
                        ),
                        P("Reiherstedt, 13.01.2026\nBrodersen", "sign"),
                    ),
                    font="sans",
                    title="Vermerk Ortsbesichtigung 3.2-BS-2026-009",
                    author="Stadt Reiherstedt",
                )
            ],
            {
                "antragsteller": f("TuS Reiherstedt 1908 e. V."),
                "standort": f("Am Sportpark 1"),
                "baumart": f("Silberweide"),
                "stammumfang": None,
                "anzahl_baeume": f(1.0, "einer Silberweide"),
                "faelltermin": f("2026-01-31", "31.1.2026"),
                "faellgrund": f(
                    "Verkehrssicherheit", "die Fällung ist aus Gründen der Verkehrssicherheit erforderlich"
                ),
                "ersatzpflanzung_angeboten": f(True, "Der Verein sagt als Ersatz die Pflanzung von drei Stieleichen"),
                "gebuehr": f(75.0, "75 Euro"),
            },
        )
    )

    # fall-11: sub-folder: a gardening firm applies for its client (DOCX letter; firm name "Lindner" as a species
    # trap) plus a short report (PDF) with "1,78 m" Stammumfang next to "1,00 m" measuring height and a
    # Stammdurchmesser; building permit date and cost of felling next to the Fälltermin. No replacement, no fee.
    cases.append(
        Case(
            "fall-11",
            [
                Doc(
                    "anschreiben",
                    "docx",
                    (
                        Letterhead(
                            "Lindner & Sohn Garten- und Landschaftsbau GmbH",
                            "Baumpflege · Fällungen · Gartengestaltung",
                            (
                                "Gewerbering 9 · 34633 Wolkenried · Telefon 05651 33 08 40 · "
                                "info@lindner-galabau.example",
                            ),
                        ),
                        P("Gemeinde Wolkenried\nOrdnungs- und Umweltamt\nKirchstraße 1\n34633 Wolkenried"),
                        P("Wolkenried, 26.01.2026", "right"),
                        P(
                            "Antrag auf Fällgenehmigung – Douglasie auf dem Grundstück Hohe Straße 8\n"
                            "Bauherrin und Eigentümerin: Frau Sabine Achterberg",
                            "subject",
                        ),
                        P("Sehr geehrte Damen und Herren,"),
                        P(
                            "im Auftrag und mit Vollmacht unserer Kundin, Frau Sabine Achterberg, Hohe Straße 8, "
                            "34633 Wolkenried, beantragen wir die Genehmigung zur Fällung einer Douglasie auf ihrem "
                            "Grundstück."
                        ),
                        P(
                            "Frau Achterberg lässt auf dem Grundstück eine Garage mit Carport errichten; die "
                            "Baugenehmigung des Landkreises ist am 12.01.2026 unter dem Aktenzeichen 63-BG-2025-0412 "
                            "erteilt worden (Kopie anbei). Die Douglasie steht unmittelbar an der künftigen Zufahrt "
                            "im Bereich der Fundamente und kann nicht erhalten werden. Die Maße des Baumes entnehmen "
                            "Sie bitte dem beigefügten Kurzgutachten von Herrn Olbrich."
                        ),
                        P(
                            "Wir würden die Fällung am 12.02.2026 mit Hubarbeitsbühne und Seilklettertechnik "
                            "ausführen. Die Kosten der Fällung trägt Frau Achterberg (unser Angebot Nr. 2026-017 "
                            "über 1.640,00 € brutto)."
                        ),
                        P("Für Rückfragen steht Ihnen Herr Marco Lindner unter 0170 4481 266 zur Verfügung."),
                        P(
                            "Mit freundlichen Grüßen\n\nMarco Lindner\nLindner & Sohn Garten- und Landschaftsbau GmbH",
                            "sign",
                        ),
                        P(
                            "Anlagen: Vollmacht, Baugenehmigung (Kopie), Lageplan, Kurzgutachten vom 20.01.2026",
                            "small",
                        ),
                    ),
                    font="core",
                    title="Antrag Fällgenehmigung Hohe Straße 8",
                    author="Lindner & Sohn Garten- und Landschaftsbau GmbH",
                ),
                Doc(
                    "kurzgutachten",
                    "pdf",
                    (
                        Letterhead(
                            "Sachverständigenbüro Olbrich",
                            "Baumstatik · Baumkontrolle · Gehölzwertermittlung",
                            ("Uferweg 3 · 34651 Talbrück · Telefon 05602 91 73 30",),
                        ),
                        P("Kurzgutachten zur Douglasie Hohe Straße 8", "title"),
                        Fields(
                            (
                                ("Auftraggeber", "Lindner & Sohn Garten- und Landschaftsbau GmbH"),
                                ("Eigentümerin", "Sabine Achterberg"),
                                ("Ortstermin", "16.01.2026"),
                                ("Gutachtendatum", "20.01.2026"),
                            ),
                            table=True,
                        ),
                        P("Messwerte", "heading"),
                        P(
                            "Douglasie (Pseudotsuga menziesii), Höhe 27 m, Kronendurchmesser 8 m. Stammumfang "
                            "(gemessen in 1,00 m Höhe): 1,78 m; das entspricht einem Stammdurchmesser von rund 57 cm."
                        ),
                        P("Zustand", "heading"),
                        P(
                            "Der Baum ist vital und zeigt keine statisch relevanten Schäden. Die Krone ist dicht "
                            "benadelt, Stamm und Wurzelanlauf sind ohne Befund."
                        ),
                        P("Beurteilung", "heading"),
                        P(
                            "Die Douglasie steht 1,5 m vom geplanten Garagenfundament entfernt. Beim Aushub für das "
                            "Fundament und die Zufahrt würden mehr als 40 % des Wurzelraums beseitigt; die "
                            "Standsicherheit wäre danach nicht mehr gewährleistet. Eine Erhaltung des Baumes ist mit "
                            "dem genehmigten Bauvorhaben nicht vereinbar."
                        ),
                        P("Talbrück, 20.01.2026\n\nDipl.-Forsting. Henrik Olbrich", "sign"),
                    ),
                    font="serif",
                    title="Kurzgutachten Douglasie Hohe Straße 8",
                    author="Sachverständigenbüro Olbrich",
                ),
            ],
            {
                "antragsteller": f("Sabine Achterberg"),
                "standort": f("Hohe Straße 8"),
                "baumart": f("Douglasie"),
                "stammumfang": f(178.0, "1,78 m"),
                "anzahl_baeume": f(1.0, "einer Douglasie"),
                "faelltermin": f("2026-02-12", "12.02.2026"),
                "faellgrund": f("Bauvorhaben", "Die Douglasie steht unmittelbar an der künftigen Zufahrt"),
                "ersatzpflanzung_angeboten": None,
                "gebuehr": None,
            },
        )
    )

    # fall-12: permit for two trees as a two-column table (PDF) to a community of heirs; the representative's
    # address vs. the plot; Ausgleichszahlung next to the Verwaltungsgebühr; storm, application, permit and
    # validity dates but no Fälltermin; no Stammumfang.
    cases.append(
        Case(
            "fall-12",
            [
                Doc(
                    "genehmigung",
                    "pdf",
                    (
                        Letterhead(
                            "Stadt Falkenrode",
                            "Fachbereich Stadtentwicklung · Team Umwelt und Baumschutz",
                            ("Marktstraße 1 · 29364 Falkenrode · Telefon 05141 6020-251",),
                        ),
                        Window(
                            ("Herrn", "Jan Rautenberg", "Am Stadtgraben 3", "38462 Ostheiden"),
                            sender="Stadt Falkenrode · Marktstraße 1 · 29364 Falkenrode",
                            info=(
                                ("Aktenzeichen", "61.4-BS-0094/25"),
                                ("Ihr Antrag vom", "18.08.2025"),
                                ("Bearbeitung", "Frau Neumeister"),
                                ("Datum", "16.09.2025"),
                            ),
                        ),
                        P("Fällgenehmigung", "title"),
                        P("Sehr geehrter Herr Rautenberg,"),
                        P(
                            "auf Ihren Antrag, den Sie für die Erbengemeinschaft Rautenberg als Eigentümerin des "
                            "Grundstücks gestellt haben, erteile ich nach § 4 der Baumschutzsatzung der Stadt "
                            "Falkenrode die folgende Genehmigung:"
                        ),
                        Fields(
                            (
                                (
                                    "Antragstellerin",
                                    "Erbengemeinschaft Rautenberg, vertreten durch Herrn Jan Rautenberg",
                                ),
                                ("Grundstück", "Lessingstraße 30, 29364 Falkenrode (Flurstück 56/2)"),
                                ("Gegenstand", "Fällung von zwei Bäumen im Vorgarten"),
                                ("Baumart", "Robinie (Robinia pseudoacacia)"),
                                (
                                    "Grund",
                                    "Beide Bäume haben sich nach dem Sturm vom 02.08.2025 stark zur Straße geneigt, "
                                    "die Wurzelteller sind angehoben; Gefahr für Gehweg und Fahrbahn",
                                ),
                                (
                                    "Ersatzpflanzung",
                                    "zugesagt: ein Feldahorn (Acer campestre), Hochstamm, im Vorgarten",
                                ),
                                (
                                    "Ausgleichszahlung",
                                    "780,00 € für den zweiten Baum, da auf dem Grundstück nur eine Ersatzpflanzung "
                                    "möglich ist",
                                ),
                                ("Verwaltungsgebühr", "95,00 EUR"),
                                ("Gültigkeit", "bis 28.02.2026"),
                            ),
                            table=True,
                        ),
                        P(
                            "Die Ausgleichszahlung wird zweckgebunden für Baumpflanzungen im Stadtgebiet verwendet. "
                            "Sie ist zusammen mit der Verwaltungsgebühr innerhalb eines Monats nach Bekanntgabe an "
                            "die Stadtkasse Falkenrode zu zahlen (Kassenzeichen 7100.25.00094). Die Ersatzpflanzung "
                            "ist bis zum 30.11.2026 vorzunehmen und dem Team Umwelt anzuzeigen."
                        ),
                        P("Hinweise", "heading"),
                        P(
                            "Nach § 39 Abs. 5 Satz 1 Nr. 2 BNatSchG dürfen Bäume in der Zeit vom 1. März bis 30. "
                            "September nicht gefällt werden. Unmittelbar vorher sind die Bäume auf Vogelnester, "
                            "Fledermausquartiere und andere Lebensstätten geschützter Arten zu kontrollieren. Die "
                            "Kosten der Fällung und der Ersatzpflanzung trägt die Antragstellerin."
                        ),
                        P("Rechtsbehelfsbelehrung", "heading"),
                        rbb("der Stadt Falkenrode", "Marktstraße 1, 29364 Falkenrode"),
                        P("Mit freundlichen Grüßen\nIm Auftrag\n\nNeumeister", "sign"),
                    ),
                    font="sans",
                    title="Fällgenehmigung 61.4-BS-0094/25",
                    author="Stadt Falkenrode",
                    footer="Stadt Falkenrode · Team Umwelt und Baumschutz · Az. 61.4-BS-0094/25",
                )
            ],
            {
                "antragsteller": f("Erbengemeinschaft Rautenberg"),
                "standort": f("Lessingstraße 30"),
                "baumart": f("Robinie"),
                "stammumfang": None,
                "anzahl_baeume": f(2.0, "zwei Bäumen"),
                "faelltermin": None,
                "faellgrund": f("Verkehrssicherheit", "Gefahr für Gehweg und Fahrbahn"),
                "ersatzpflanzung_angeboten": f(True, "zugesagt: ein Feldahorn"),
                "gebuehr": f(95.0, "95,00 EUR"),
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
# tree species (also in compounds: "Blaufichte", "Stieleichen"), for a missing species or a count of trees
TREE_WORDS = (
    r"(?:eiche|buche|linde|ahorn|ahorne|birke|kiefer|fichte|tanne|lärche|esche|kastanie|walnuss|pappel|weide"
    r"|robinie|platane|ulme|erle|kirsche|douglasie|eibe|thuja|zeder)(?:n|s)?\b"
)
# a count of trees ("zwei Bäume", "3 Fichten", "eine Kiefer", "einer Rosskastanie")
TREE_COUNT_RE = (
    r"\b(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s+(?:[a-zäöüß-]+\s+)?"
    r"[a-zäöüß-]*(?:bäumen?\b|baum\b|" + TREE_WORDS + ")"
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
    "baumfaellung": {
        "baumart": [r"[a-zäöüß-]*" + TREE_WORDS, r"baumart"],
        "stammumfang": [r"umfang", r"\bstu\b"],
        "anzahl_baeume": [TREE_COUNT_RE, r"anzahl", r"\bstück\b"],
        "faelltermin": [
            r"fälltermin",
            r"\btermin",
            r"(?:fällung|fällen|gefällt|fällarbeiten)[^.]{0,60}\b(?:am|ab|für den|zum) \d{1,2}\.",
            r"\bam \d{1,2}\.\s?(?:\d{1,2}\.|[a-zä]+)[^.]{0,40}(?:fällen|gefällt|fällung)",
            r"vorgesehen[^.]{0,30}\d{1,2}\.\s?\d{1,2}\.",
        ],
        "faellgrund": [
            r"krank",
            r"schädling",
            r"befall",
            r"pilz",
            r"fäule",
            r"abgestorben",
            r"verkehrssicher",
            r"standsicher",
            r"bruch",
            r"sturm",
            r"bauvorhaben",
            r"neubau",
            r"baugenehmigung",
            r"verschatt",
            r"\blaub(?:fall)?\b",
            r"fällgrund",
            r"begründ",
            r"\bgrund (?:der|für)",
            r"\bweil\b",
        ],
        "ersatzpflanzung_angeboten": [r"ersatz", r"nachpflanz", r"neupflanz", r"\bpflanz", r"ausgleich"],
        "gebuehr": [r"gebühr", r"verwaltungskosten", r"kostenfestsetzung"],
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


UNIT_FACTORS = {"cm": 0.01, "zentimeter": 0.01}  # lengths for a field in m (and any field but cm)
CM_FACTORS = {"m": 100.0, "meter": 100.0, "metern": 100.0}  # lengths for a field in cm ("1,60 m" -> 160)
NUMBER_RE = re.compile(
    r"(?:(?:ca\.|rund|etwa|mindestens)\s*)?"
    r"(?P<num>\d+(?:,\d+)?|[a-zäöüß]+)\s*"
    r"(?P<unit>m²|m2|qm|quadratmetern?|zentimeter|cm|metern?|m|stück|stk\.?)?(?![a-zäöüß0-9²])"
    r"(?P<rest>(?:\s+[a-zäöüß()-]+)*)",
    re.IGNORECASE,
)


def parse_number(text: str, unit: str = "m") -> float | None:
    """Number of "12,5 m²", "30 qm", "18 Quadratmeter", "24 m2", "1,50 m", "150 cm" (in m), "4 Tische",
    "zwei Container" (number words eins..zwölf). A trailing noun is allowed; cm is converted to m. For a field
    whose unit is cm, metres are converted to cm instead ("rund 1,60 m" -> 160, "145 cm" -> 145)."""
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
    factors = CM_FACTORS if unit == "cm" else UNIT_FACTORS
    return round(value * factors.get((m["unit"] or "").lower(), 1.0), 6)


def number_unit(text: str, unit: str = "m") -> str | None:
    """The unit of a written number as the schema names it: "m²", "m" (also for cm), "Stück", "" for none.
    For a field whose unit is cm, a length (m or cm) is reported as "cm"."""
    m = NUMBER_RE.fullmatch(text.strip())
    if not m:
        return None
    written = (m["unit"] or "").lower().rstrip(".")
    if written in ("m²", "m2", "qm") or written.startswith("quadratmeter"):
        return "m²"
    if written in ("m", "cm", "zentimeter") or written.startswith("meter"):
        return "cm" if unit == "cm" else "m"
    return "Stück" if written in ("stück", "stk") else ""


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
                    parsed = parse_number(fact.written, unit) if fact.written else None
                    units_ok = number_unit(fact.written, unit) in ("", unit)
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
        "normalised: dates ISO `YYYY-MM-DD`, amounts float euros, zahl a float in the field's unit (m², m, cm,",
        "Stück; a length × width becomes its product, lengths are converted to the field's unit: cm become m in a",
        "field in m, m become cm in a field in cm), janein true/false, auswahl one of the options, text as written.",
        "",
        "`baumfaellung/` is a tuning set (like `hundesteuer/` and `widerspruch/`) for the zahl type and location-like",
        "text fields; `sondernutzung/` stays the held-out check set: no rule or prompt was tuned on it.",
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
        "postcodes as non-values. In `baumfaellung/`: the applicant's own address (or a Hausverwaltung's) next to the",
        "tree's location, Durchmesser, Höhe, Kronendurchmesser, the protection threshold and a replacement tree's StU",
        "next to the Stammumfang, other trees of a tree list and replacement trees next to the number of trees felled,",
        "application, report, receipt, permit and validity dates next to the Fälltermin, Ausgleichszahlung, cost of",
        "felling and Sicherheitsleistung next to the Verwaltungsgebühr, and gardening firms, arborists and",
        "Hausverwaltungen next to the owner.",
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
        "baumfaellung": baumfaellung_cases(),
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
