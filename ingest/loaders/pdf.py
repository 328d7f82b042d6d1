"""PDF files: text per page with pypdf, OCR for pages without a text layer."""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from pathlib import Path

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from ingest.boilerplate import find_boilerplate
from ingest.errors import UnreadableFileError
from ingest.loaders.deadline import Deadline
from ingest.loaders.layout import squash
from ingest.loaders.ocr import needs_ocr, ocr_pdf_pages
from ingest.loaders.pdf_title import document_title
from ingest.loaders.pdfium_text import read_with_pdfium
from ingest.loaders.sniffing import check_pdf
from ingest.loaders.titles import MAX_TITLE_CHARS, title_from_stem
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page

logger = logging.getLogger(__name__)

ENCRYPTED = "Die PDF-Datei ist verschlüsselt (passwortgeschützt) und kann nicht gelesen werden."
CORRUPT = "Die PDF-Datei ist beschädigt und kann nicht gelesen werden."

# "Verwal-\ntung des" -> "Verwaltung\ndes"; not before conjunctions ("Bau-\nund Umweltamt").
_HYPHENATED = re.compile(
    r"([^\W\d_])[-\u00ad]\n(?!(?:und|oder|bzw|sowie|als|bis|noch)\b)([a-zäöüß]\S*)(?:[ \t]+|\n|\Z)"
)
_BLANK_LINES = re.compile(r"\n{3,}")
_APP_PREFIX = re.compile(r"^(?:Microsoft\s+(?:Word|PowerPoint|Excel)|Word)\s+-\s+", re.IGNORECASE)
_FILE_EXTENSION = re.compile(r"\.(?:docx?|rtf|odt|pdf|xlsx?|pptx?|txt|indd|qxd|tex)$", re.IGNORECASE)
# Defaults that authoring tools write into /Title.
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled|unbenannt|ohne titel|titel|title|dokument|document|layout|tmp|temp)[\s_-]*\d*$",
    re.IGNORECASE,
)
# Fonts without a Unicode map: pypdf prints raw glyph names ("/c31/c5a") or shifted codes with controls.
_GLYPH_NAMES = re.compile(r"(?:/c[0-9a-f]{2}){3,}")
_MAX_GLYPH_NAME_RATIO = 0.3
_MAX_CONTROL_RATIO = 0.05
_KEPT_CONTROLS = frozenset("\n\t")
_METADATA_KEYS = {"/Title": "title", "/Author": "author", "/Subject": "subject", "/Keywords": "keywords"}


def load_pdf(path: Path, settings: IngestSettings) -> LoadedDocument:
    check_pdf(path)
    deadline = Deadline(settings.max_seconds_per_file)
    texts, metadata = _read_text_layer(path, settings.max_pages, deadline)
    started = time.perf_counter()
    pages = _with_ocr(path, texts, settings, deadline)
    ocr_seconds = time.perf_counter() - started if any(page.ocr for page in pages) else 0.0
    boilerplate = find_boilerplate(pages)
    title = document_title(pages, boilerplate, clean_pdf_title(metadata.get("title", ""))) or title_from_stem(path)
    return LoadedDocument(
        path=path,
        format="pdf",
        title=title,
        pages=pages,
        metadata=metadata,
        ocr_seconds=ocr_seconds,
        boilerplate=boilerplate,
    )


def normalise_pdf_text(text: str) -> str:
    """Trailing spaces off, hyphenated line breaks joined, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\x0c", "\n")
    text = "".join(" " if _is_control(ch) else ch for ch in text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _HYPHENATED.sub(r"\1\2\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def looks_garbled(text: str) -> bool:
    """A text layer that is no readable text: raw glyph names or many control characters."""
    if not text:
        return False
    glyph_chars = sum(len(match) for match in _GLYPH_NAMES.findall(text))
    controls = sum(_is_control(ch) for ch in text)
    return glyph_chars / len(text) > _MAX_GLYPH_NAME_RATIO or controls / len(text) > _MAX_CONTROL_RATIO


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in _KEPT_CONTROLS


def clean_pdf_title(raw: str) -> str | None:
    """The metadata title if it says something: no tool default, no bare file name."""
    squashed = squash(raw)
    title = _APP_PREFIX.sub("", squashed)
    if title != squashed:  # "Microsoft Word - Satzung_Hundesteuer.doc"
        title = squash(_FILE_EXTENSION.sub("", title).replace("_", " "))
    elif _FILE_EXTENSION.search(title) or ("_" in title and " " not in title):
        return None
    letters = sum(ch.isalpha() for ch in title)
    digits = sum(ch.isdigit() for ch in title)
    if letters < 3 or digits > letters or _PLACEHOLDER_TITLE.match(title) or len(title) >= MAX_TITLE_CHARS:
        return None
    return title


def _read_text_layer(path: Path, max_pages: int, deadline: Deadline) -> tuple[list[str], dict[str, str]]:
    reader = _open_reader(path)
    if reader is None:
        logger.info("pypdf lacks AES support (package 'cryptography'); reading %s with pdfium", path.name)
        texts, metadata = read_with_pdfium(path, encrypted_message=ENCRYPTED, corrupt_message=CORRUPT)
        _check_page_count(len(texts), max_pages)
        return texts, metadata
    _check_page_count(len(reader.pages), max_pages)
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        deadline.check()
        texts.append(_page_text(page, number))
    return texts, _metadata(reader)


def _check_page_count(count: int, max_pages: int) -> None:
    if count > max_pages:
        raise UnreadableFileError(
            f"Die PDF-Datei hat {count} Seiten; mehr als {max_pages} werden nicht eingelesen (einstellbar über "
            "max_pages)."
        )


def _open_reader(path: Path) -> PdfReader | None:
    """An unlocked reader, or None when the file is AES-encrypted and pypdf lacks AES support here."""
    try:
        reader = PdfReader(path)
        # An empty user password (only an owner password set) still opens the file.
        locked = reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED
        if not locked:
            len(reader.pages)  # parses the page tree, where broken files usually fail
    except DependencyError:
        return None
    except Exception as exc:  # pypdf raises many exception types on broken files
        raise UnreadableFileError(CORRUPT) from exc
    if locked:
        raise UnreadableFileError(ENCRYPTED)
    return reader


def _page_text(page: PageObject, number: int) -> str:
    try:
        return page.extract_text()
    except Exception:  # one odd page must not cost the whole document
        logger.warning("No text extracted from page %d", number, exc_info=True)
        return ""


def _with_ocr(path: Path, raw_texts: list[str], settings: IngestSettings, deadline: Deadline) -> list[Page]:
    """Pages from the text layer; OCR replaces pages that are (nearly) empty or garbled."""
    garbled = {number for number, raw in enumerate(raw_texts, start=1) if looks_garbled(raw)}
    texts = [normalise_pdf_text(raw) for raw in raw_texts]
    wanted = [number for number, text in enumerate(texts, start=1) if needs_ocr(text) or number in garbled]
    recognised = ocr_pdf_pages(path, wanted, settings, deadline) if settings.ocr else {}
    if recognised:
        logger.info("OCR recognised text on %d of %d pages of %s", len(recognised), len(texts), path.name)
    pages = []
    for number, text in enumerate(texts, start=1):
        ocr_text = normalise_pdf_text(recognised.get(number, ""))
        better = len(ocr_text.split()) > len(text.split()) or (number in garbled and ocr_text)
        pages.append(Page(number, ocr_text, ocr=True) if better else Page(number, text))
    return pages


def _metadata(reader: PdfReader) -> dict[str, str]:
    try:
        info = reader.metadata
        values = {name: str(info[key]) for key, name in _METADATA_KEYS.items() if info and key in info}
    except Exception:  # broken info dictionaries are common and harmless
        logger.debug("Unreadable PDF metadata", exc_info=True)
        return {}
    return {name: squash(value) for name, value in values.items() if value.strip()}
