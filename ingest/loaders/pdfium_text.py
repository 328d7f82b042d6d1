"""Text layer via pdfium, for AES-encrypted PDFs that pypdf cannot open without 'cryptography'.

Such files are common: authorities restrict copying with an owner password but leave the user
password empty, so any reader opens them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.errors import UnreadableFileError

logger = logging.getLogger(__name__)

_METADATA_KEYS = {"Title": "title", "Author": "author", "Subject": "subject", "Keywords": "keywords"}


def read_with_pdfium(path: Path, *, encrypted_message: str, corrupt_message: str) -> tuple[list[str], dict[str, str]]:
    """Raw text of every page and the info metadata; UnreadableFileError if pdfium fails too."""
    document = _open(path, encrypted_message=encrypted_message, corrupt_message=corrupt_message)
    try:
        texts = [_page_text(document, index) for index in range(len(document))]
        info = document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()
    metadata = {name: " ".join(info[key].split()) for key, name in _METADATA_KEYS.items() if key in info}
    return texts, metadata


def _open(path: Path, *, encrypted_message: str, corrupt_message: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)  # tries the empty user password
    except pdfium.PdfiumError as exc:
        locked = getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD
        raise UnreadableFileError(encrypted_message if locked else corrupt_message) from exc


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    try:
        page = document[index]
        textpage = page.get_textpage()
        text = textpage.get_text_bounded()
        textpage.close()
        page.close()
    except pdfium.PdfiumError:
        logger.warning("No text extracted from page %d", index + 1, exc_info=True)
        return ""
    return text.replace("\x02", "")  # pdfium marks soft hyphens inside words with \x02
