"""The title of a paged document, read from its first page as a reader would.

Order: a title line that names the kind of document ("Verordnung … über …", "Jugendschutzgesetz",
"Antrag auf …"), with the short lines that continue it; else a meaningful metadata title that also stands
in the text; else the first short content line; else the metadata title. Running headers, page marks, the
table of contents and "Stand: …" lines are never a title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.boilerplate import covers, is_page_mark
from ingest.loaders.layout import squash
from ingest.types import Page, TextSpan, join_pages

MAX_BLOCK_CHARS = 200  # a title read over several lines ("Verordnung … über …")
MAX_TITLE_LINES = 5
SEARCH_LINES = 25  # a title stands near the top of the first page
MAX_CONTINUATION_CHARS = 80  # body lines are longer
MAX_SHORT_LINE_CHARS = 60
_MIN_LETTERS = 3

# Words that name a kind of administrative document, also as the end of a compound ("Hundesteuersatzung").
_DOCUMENT_KINDS = (
    "gesetz|verordnung|satzung|ordnung|vorschrift|richtlinie|richtlinien|erlass|verfügung|bekanntmachung|"
    "vereinbarung|vertrag|urkunde|anzeige|anmeldung|ummeldung|abmeldung|erklärung|antrag|bescheid|beschluss|"
    "nachweis|bescheinigung|merkblatt|hinweisblatt|formular|formulare|vordruck|liste|bogen|leitfaden|"
    "erläuterungen|hinweise|bericht|protokoll|niederschrift|vermerk|statut|anweisung|grundsätze|empfehlungen|"
    "handreichung|mitteilung|widerspruch|karte|schein|anlage|konzeption|konzept|plan|programm"
)
_KIND_WORD = re.compile(rf"^[\w\-]*(?:{_DOCUMENT_KINDS})$", re.IGNORECASE)
# "Stand: März 2000", "Amtliche Abkürzung: VOHvO", "Vom 12. Februar 2018" describe the document, they are no title
_METADATA_LINE = re.compile(
    r"^(?:amtliche\s+(?:abkürzung|fassung)|stand|ausgabe|fassung|quelle|fundstelle|normgeber|aktenzeichen|az\.?|"
    r"erlassdatum|ausfertigungsdatum|gültig\s+(?:ab|bis)|dokumenttyp|gliederungs-?nr\.?|vollzitat|herausgeber|"
    r"redaktion|datum|version|bearbeiter|telefon|tel|fax|e-mail|in der fassung)\b|^\(?vom\s+\d",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(r"^(?:§|\(?\d+[.)]?\s|[IVX]+\.\s|[a-z]\)\s)")
_FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "und",
        "oder",
        "für",
        "über",
        "zur",
        "zum",
        "von",
        "vom",
        "mit",
        "im",
        "in",
        "bei",
        "auf",
        "aus",
        "nach",
    ]
)
_UNDERSCORES = re.compile(r"_{2,}")
_DETACHED_DOTS = re.compile(r"(?:\s+\.)+$")  # "Berechnung . ." (OCR of dotted lines)
_WEAK_TITLE = re.compile(r"^(?:Anlage|Anhang)\s+\S+(?:\s*\(zu [^)]*\))?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    text: str
    metadata: bool = False  # "Stand: …", "Vom 12. Februar 2018": ends a title, is none

    @property
    def words(self) -> list[str]:
        return self.text.split()


def document_title(pages: Sequence[Page], boilerplate: Sequence[TextSpan], metadata_title: str | None) -> str | None:
    """The best title the first page and the metadata offer; None if neither names the document."""
    lines = _content_lines(pages, boilerplate)[:SEARCH_LINES]
    titled = _kind_title(lines)
    if titled and _WEAK_TITLE.match(titled) and metadata_title:
        return metadata_title  # "Anlage 2 (zu Nummer 2.1)" says less than "Anlage 2 VwV Feuerwehrbekleidung 2022"
    if titled:
        return titled
    first_pages = squash(" ".join(page.text for page in pages[:2])).casefold()
    if metadata_title and metadata_title.casefold() in first_pages:
        return metadata_title
    first = next((i for i, line in enumerate(lines) if not line.metadata and len(line.text) <= MAX_BLOCK_CHARS), None)
    return _with_continuation(lines, first) if first is not None else metadata_title


def _content_lines(pages: Sequence[Page], boilerplate: Sequence[TextSpan]) -> list[_Line]:
    """Lines of the first page with words, without boilerplate, page numbers and metadata lines."""
    if not pages:
        return []
    text, _ = join_pages(list(pages[:1]))
    lines: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        line = squash(_UNDERSCORES.sub(" ", raw))
        offset = position + len(raw) - len(raw.lstrip())
        position += len(raw) + 1
        line = _DETACHED_DOTS.sub("", line)
        if not line or covers(boilerplate, offset) or is_page_mark(line):
            continue
        if sum(ch.isalpha() for ch in line) >= _MIN_LETTERS:
            lines.append(_Line(line, metadata=bool(_METADATA_LINE.match(line))))
    return lines


def _kind_title(lines: list[_Line]) -> str | None:
    """A line whose first or second word names a kind of document, joined with the lines that continue it."""
    for index, line in enumerate(lines):
        if line.metadata or len(line.text) > MAX_BLOCK_CHARS or line.text.endswith(".") or not _names_kind(line):
            continue
        return _with_continuation(lines, index)
    return None


def _with_continuation(lines: list[_Line], index: int) -> str:
    parts = [lines[index].text]
    if index and lines[index - 1].text.endswith("-") and len(lines[index - 1].words) == 1:
        parts[0] = lines[index - 1].text + parts[0]  # "Feuerwehr-" + "Dienstvorschrift 3"
    for following in lines[index + 1 : index + MAX_TITLE_LINES]:
        title = " ".join(parts)
        if not _continues(title, following) or len(title) + len(following.text) > MAX_BLOCK_CHARS:
            break
        parts.append(following.text)
    return " ".join(parts)


def _names_kind(line: _Line) -> bool:
    return any(_KIND_WORD.match(word.strip('„“"()[],:;–-')) for word in line.words[:2])


def _continues(title: str, line: _Line) -> bool:
    """Whether ``line`` goes on with the title: an unfinished phrase, a lower-case start, or a short title line."""
    text = line.text
    if line.metadata or _ENUMERATION.match(text) or text.endswith(".") or text.startswith(("–", "-")):
        return False
    if len(text) > MAX_CONTINUATION_CHARS:
        return False
    last_word = title.split()[-1]
    if text[0].islower() or text.startswith("(") or last_word[0].islower() or title.endswith((",", "-")):
        return True
    if len(line.words) < 2:  # "GG", "Standesamt": an abbreviation or a form label, unless it names a kind
        return _names_kind(line)
    # a short line goes on with a one-word title or reads as a phrase ("Geräte für die"), not as a table header
    phrase = len(title.split()) == 1 or any(word in _FUNCTION_WORDS for word in line.words)
    return phrase and len(text) <= MAX_SHORT_LINE_CHARS and ":" not in text
