"""Check that a file's content matches its extension, and decode text files."""

from __future__ import annotations

import codecs
import unicodedata
import zipfile
from pathlib import Path

from ingest.errors import UnreadableFileError

_HEAD_BYTES = 1024
_PDF_MAGIC = b"%PDF-"
# Signatures of binary formats that are sometimes saved under a text extension.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",  # zip: docx, xlsx, odt
    b"\xd0\xcf\x11\xe0",  # old MS Office (.doc, .xls)
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf",
    b"Rar!",
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.01
_MIN_WORDLIKE_RATIO = 0.6
_RATIO_CHECK_BYTES = 20_000_000
_MAX_ZIP_RATIO = 100  # Word's XML packs about 5 to 20 times
_SAMPLE_CHARS = 20_000


def mismatch_message(kind: str, suffix: str) -> str:
    return f"Die Datei ist keine gültige {kind} (Inhalt passt nicht zur Endung {suffix})."


def check_pdf(path: Path) -> None:
    """Raise unless the file starts (within its first KiB) with a PDF header."""
    if _PDF_MAGIC not in _read_head(path):
        raise UnreadableFileError(mismatch_message("PDF-Datei", path.suffix.lower()))


def check_docx(path: Path, max_unpacked_bytes: int) -> None:
    """Raise unless the file is a zip archive that contains a Word document body and unpacks to a sane size
    (checked from the archive's directory, before anything is decompressed: a zip bomb is refused unopened)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableFileError(_docx_mismatch(path)) from exc
    if "word/document.xml" not in {member.filename for member in members}:
        raise UnreadableFileError(_docx_mismatch(path))
    unpacked = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if unpacked > max_unpacked_bytes or (unpacked > _RATIO_CHECK_BYTES and unpacked / packed > _MAX_ZIP_RATIO):
        raise UnreadableFileError(
            f"Die DOCX-Datei würde entpackt {unpacked / 1e6:.0f} MB groß (aus {packed / 1e6:.1f} MB); "
            "so stark gepackte Dateien werden zum Schutz des Servers nicht geöffnet."
        )


def read_text(path: Path) -> str:
    """Read a text-like file (txt, md, html) with newlines normalised to ``\\n``."""
    text = decode_text(path.read_bytes(), path.suffix.lower())
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, suffix: str) -> str:
    """Decode as UTF-16 (with BOM), UTF-8 (with or without BOM), else Windows-1252 if it looks like text."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and (data.startswith(_BINARY_MAGIC) or b"\x00" in data[: _HEAD_BYTES * 8]):
        raise UnreadableFileError(f"Die Datei ist keine Textdatei (Inhalt passt nicht zur Endung {suffix}).")
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text, strict=encoding == "cp1252"):
            return text
    raise UnreadableFileError(
        "Die Datei enthält keinen lesbaren Text in einer bekannten Zeichenkodierung (UTF-8 oder Windows-1252)."
    )


def _looks_like_text(text: str, *, strict: bool) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return True
    controls = sum(unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS for ch in sample)
    if controls / len(sample) > _MAX_CONTROL_RATIO:
        return False
    # A lenient single-byte decoding succeeds on almost anything, so also ask for mostly words.
    wordlike = sum(ch.isalnum() or ch.isspace() for ch in sample)
    return not strict or wordlike / len(sample) >= _MIN_WORDLIKE_RATIO


def _read_head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_HEAD_BYTES)


def _docx_mismatch(path: Path) -> str:
    message = mismatch_message("DOCX-Datei", path.suffix.lower())
    if _read_head(path).startswith(b"\xd0\xcf\x11\xe0"):
        message += " Ältere Word-Dateien (.doc) bitte als .docx speichern."
    return message
