"""OCR of PDF pages without a text layer: render with pdfium, recognise with the tesseract binary."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium

from ingest.loaders.deadline import Deadline
from ingest.settings import IngestSettings

logger = logging.getLogger(__name__)

OCR_MIN_CHARS = 20
OCR_TIMEOUT_S = 120
_MAX_SIDE_PX = 10_000  # caps memory for huge page formats (plans, posters)
_INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-deu"


def needs_ocr(text: str) -> bool:
    """True when a page has (nearly) no extracted text."""
    return sum(not ch.isspace() for ch in text) < OCR_MIN_CHARS


def ocr_pdf_pages(path: Path, numbers: list[int], settings: IngestSettings, deadline: Deadline) -> dict[int, str]:
    """Recognised text of the given 1-based pages; pages that fail or stay empty are left out."""
    if not numbers or not tesseract_ready(settings.ocr_language):
        return {}
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        logger.warning("pdfium cannot open %s for OCR", path.name, exc_info=True)
        return {}
    try:
        texts = {}
        for number in numbers:
            deadline.check()
            texts[number] = _ocr_page(document, number, settings)
    finally:
        document.close()
    return {number: text for number, text in texts.items() if text.strip()}


@functools.cache
def tesseract_ready(language: str) -> bool:
    """Whether the binary and every language in e.g. 'deu+eng' are installed; warns once if not."""
    binary = shutil.which("tesseract")
    if binary is None:
        logger.warning("Tesseract is not installed, pages without text stay empty (%s)", _INSTALL_HINT)
        return False
    missing = [lang for lang in language.split("+") if lang not in _installed_languages(binary)]
    if missing:
        logger.warning("Tesseract language(s) %s missing, pages without text stay empty", "+".join(missing))
        return False
    return True


def _installed_languages(binary: str) -> set[str]:
    try:
        result = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    # Older versions print the list to stderr; the first line is a header.
    lines = (result.stdout + "\n" + result.stderr).splitlines()
    return {line.strip() for line in lines if line.strip() and " " not in line.strip()}


def _ocr_page(document: pdfium.PdfDocument, number: int, settings: IngestSettings) -> str:
    try:
        image = _render_pgm(document[number - 1], settings.ocr_dpi)
    except (pdfium.PdfiumError, ValueError):
        logger.warning("Page %d could not be rendered for OCR", number, exc_info=True)
        return ""
    return _run_tesseract(image, settings.ocr_language, number)


def _render_pgm(page: pdfium.PdfPage, dpi: int) -> bytes:
    """Render a page as an 8-bit greyscale PGM image (tesseract reads it from stdin)."""
    width_pt, height_pt = page.get_size()
    scale = min(dpi / 72, _MAX_SIDE_PX / max(width_pt, height_pt, 1.0))
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        if bitmap.n_channels != 1:
            raise ValueError(f"expected a greyscale bitmap, got {bitmap.n_channels} channels")
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        buffer = memoryview(bitmap.buffer).cast("B")
        rows = b"".join(buffer[row * stride : row * stride + width] for row in range(height))
    finally:
        bitmap.close()
        page.close()
    return b"P5\n%d %d\n255\n" % (width, height) + rows


def _run_tesseract(image: bytes, language: str, number: int) -> str:
    command = ["tesseract", "stdin", "stdout", "-l", language, "--psm", "3"]
    try:
        result = subprocess.run(command, input=image, capture_output=True, timeout=OCR_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        logger.warning("OCR of page %d took longer than %d s and was stopped", number, OCR_TIMEOUT_S)
        return ""
    except OSError:
        logger.warning("Tesseract could not be started for page %d", number, exc_info=True)
        return ""
    if result.returncode != 0:
        logger.warning("Tesseract failed on page %d: %s", number, result.stderr.decode(errors="replace")[-300:])
        return ""
    return result.stdout.decode("utf-8", errors="replace")
