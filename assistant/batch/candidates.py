"""Candidates: every value of a case a field could take, built deterministically before the model runs.

Per case: every date, euro amount, measured or counted number, labelled form value ("Rasse: Mops", or its label
on the line above), name, address and file number, and every line or sentence that may decide a yes/no or choice
field, each with the words that say what it is (its label context). The model then only selects among them
(``selection``), so what it selects stands in the document by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from assistant.batch.values import Measure, find_amounts, find_dates, find_measures, parse_number, unit_of
from ingest.german import shared_analyzer
from ingest.passage_store import PassageStore
from ingest.types import PAGE_SEPARATOR, Scope
from ingest.units import passage_units

CandidateKind = Literal["datum", "betrag", "zahl", "text", "zeile"]
TextSort = Literal["wert", "name", "anschrift", "zeichen"]

_LINE = re.compile(r"[^\n]+")
_CONTEXT_CHARS = 150
_NEAR_WORDS = 5  # in running text, the words before a value are its label ("lebt seit dem")
_LABEL_WORDS = 8  # a label is short: "Beginn der Haltung", "Anzahl der Hunde im Haushalt (einschließlich …)"
_SEPARATOR = re.compile(r"\s*(?::|\||\?)\s*")  # "Label: Wert", "Label | Wert" (DOCX table), "Frage? ja"
_EMPTY_VALUE = re.compile(r"^[\s–—\-_./]*$|^(?:entfällt|keine angabe|k\. ?a\.)$", re.IGNORECASE)
_STREET_SUFFIX = (
    r"(?i:straße|str\.|weg|allee|platz|gasse|ring|damm|ufer|markt|steig|pfad|chaussee|zeile|hof|berg|garten|"
    r"anger|promenade|wall|graben|brücke|kamp|feld|stieg|winkel|höhe|park|tor|bogen|kai|deich|zug|bach|acker)"
)
# words that begin a street name of several words: "Am Mühlbach", "Hohe Straße", "Berliner Allee", "St. Georg-Weg"
_STREET_LEAD = (
    r"(?:Am|An|Auf|Im|In|Zum|Zur|Hinter|Vor|Unter|Über|Alte[rn]?|Neue[rn]?|Hohe[rn]?|Obere[rn]?|Untere[rn]?|"
    r"Große[rn]?|Kleine[rn]?|Lange[rn]?|Kurze[rn]?|St\.|Sankt|Bad|[A-ZÄÖÜ][a-zäöüß]+er|Dr\.)"
)
_HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Z](?![\wäöüß]))?(?:\s?[-–/]\s?\d{1,4})?"
# a street whose name has no street word, after a preposition with its article: "Am Steinbruch 8", "Zur Mühle 2"
_NAMED_BY_LEAD = r"(?:Am|Zum|Zur|An der|Auf der|Auf dem|In der|Unter den) [A-ZÄÖÜ][a-zäöüß]+ \d{1,3}[a-z]?(?![\d.,:])"
_STREET = rf"(?:(?:{_STREET_LEAD} ){{0,2}}[A-ZÄÖÜ]?[\wäöüß.\-]*{_STREET_SUFFIX} {_HOUSE_NUMBER}|{_NAMED_BY_LEAD})"
_PLACE = r"\d{5}[ \n][A-ZÄÖÜ][\wäöüß.\-]*(?:[ \-][A-ZÄÖÜ][\wäöüß.\-]*)*"
_ADDRESS = re.compile(rf"(?<![\w-])(?P<street>{_STREET})(?:\s*[,·]\s*|\s*\n\s*|\s+)(?P<place>{_PLACE})")
_STREET_ONLY = re.compile(rf"(?<![\w-]){_STREET}(?![\w])")
_SALUTATION = re.compile(
    r"\b(?:Frau|Herrn?|Familie|Eheleute)\s+"
    r"(?P<name>(?:(?:Dr\.|Prof\.) )?[A-ZÄÖÜ][\wäöüß\-]+(?: [A-ZÄÖÜ][\wäöüß\-]+){0,3})"
)
_FIRM = re.compile(
    r"(?P<name>(?:[A-ZÄÖÜ&\d][\wäöüß&.\-]* ){1,5}(?:GmbH(?:\s&\sCo\.\sKG)?|AG|KG|OHG|GbR|e\.\s?V\.|eG|mbH|UG"
    r"(?:\s\(haftungsbeschränkt\))?|WEG))|(?P<community>(?:Wohnungseigentümer|Erben)gemeinschaft [A-ZÄÖÜ][\wäöüß\-]+"
    r"(?: \d+\s?[a-z]?(?:\s?[-–]\s?\d+)?)?)"
)
_PERSON_LINE = re.compile(  # "Renate Oberholz", "Dr. Matthias Ebeling", "Tobias und Lea Marquardt"
    r"^(?:(?:Dr\.|Prof\.)\s)?[A-ZÄÖÜ][a-zäöüß]+(?: und [A-ZÄÖÜ][a-zäöüß]+)?(?:[\s\-][A-ZÄÖÜ][a-zäöüß]+){1,3}$"
)
_FILE_NUMBER = re.compile(
    r"(?<![\w./-])(?=[\w./-]*\d[\w./-]*\d)[A-Za-z0-9ÄÖÜäöü]{1,8}(?:[./-][A-Za-z0-9ÄÖÜäöü]{1,8}){1,6}(?![\w/-]|\.\w)"
)
_UNIT_IN_LABEL = re.compile(r"\(\s*(?:in\s+)?(?P<unit>[^\s()]{1,12})\s*\)|\bin\s+(?P<unit2>m²|qm|m|cm|km|%|stück)\b")
_CLOSING = r"mit freundlichen grüßen|hochachtungsvoll"
_GREETING = re.compile(rf"{_CLOSING}|unterschrift", re.IGNORECASE)
_NAME_PART = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
_SIGNED = re.compile(rf"(?i:{_CLOSING}),?\s+(?P<name>(?:(?:Dr\.|Prof\.) )?{_NAME_PART} {_NAME_PART})\b")
_EMAIL = re.compile(r"\s*<[^<>\s]+@[^<>\s]+>")
# a table read out one cell per line: short headers without figures ("Stammumfang", "Kronen-Ø"), a unit below
# one of them ("(cm)", "(1 m)"), then the row's cells in the same order
_COLUMN_HEADER = re.compile(r"[A-ZÄÖÜ][^\d:|?]{0,24}")
_HEADER_UNIT = re.compile(r"\([^()]{1,10}\)")
_MIN_COLUMNS = 4
_CELL_CHARS = 40


@dataclass(frozen=True)
class Candidate:
    """One value of a case with where it stands and what the document says about it."""

    kind: CandidateKind
    value: str | float  # a date in ISO form, an amount in euro, text as written; a measure is in ``measure``
    raw: str  # as written in the document
    doc_id: str
    start: int
    end: int
    label: str  # the label that names the value: text before it on its line, or the line above
    context: str  # the value in its line or sentence, shortened, as the model sees it
    labelled: bool  # a form label names the value ("Beginn der Haltung: 01.04.2025")
    ocr: bool
    page: int
    sort: TextSort = "wert"
    measure: Measure | None = None

    @cached_property
    def label_tokens(self) -> frozenset[str]:
        """The label's keyword tokens, analysed once for all fields that score this candidate."""
        return frozenset(shared_analyzer().token_set(self.label))

    @cached_property
    def context_tokens(self) -> frozenset[str]:
        return frozenset(shared_analyzer().token_set(self.context))

    @cached_property
    def sorts(self) -> frozenset[TextSort]:
        """What a text value looks like besides how it was found: a labelled "Aylin Demir" is also a name."""
        value = str(self.value)
        looks: set[TextSort] = {self.sort}
        if _PERSON_LINE.match(value) or _FIRM.fullmatch(value) or _SALUTATION.fullmatch(value):
            looks.add("name")
        if _ADDRESS.fullmatch(value) or _STREET_ONLY.fullmatch(value):
            looks.add("anschrift")
        if _FILE_NUMBER.fullmatch(value):
            looks.add("zeichen")
        return frozenset(looks)


@dataclass
class CaseCandidates:
    """Every candidate of one case, by kind, in document order."""

    by_kind: dict[CandidateKind, list[Candidate]] = field(default_factory=dict)

    def of(self, kind: CandidateKind) -> list[Candidate]:
        return self.by_kind.get(kind, [])


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


class _DocumentText:
    """One document's stored text with its lines and pages, for label lookup."""

    def __init__(self, doc_id: str, text: str, pages: list[tuple[int, int, bool]]) -> None:
        self.doc_id = doc_id
        self.text = text
        self.pages = pages  # (char_start, number, ocr)
        self.lines = [_Line(m.start(), m.end(), m.group(0)) for m in _LINE.finditer(text)]
        self.units = passage_units(text)

    def page(self, offset: int) -> tuple[int, bool]:
        _, number, ocr = self.page_at(offset)
        return number, ocr

    def page_at(self, offset: int) -> tuple[int, int, bool]:
        """(char_start, number, ocr) of the page that holds ``offset``."""
        return max((page for page in self.pages if page[0] <= offset), default=(0, 1, False))

    def line_at(self, offset: int) -> int:
        low, high = 0, len(self.lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.lines[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return low

    def label(self, start: int, end: int) -> tuple[str, bool]:
        """The label of the value at [start, end): the text before it on its line ("Jahressteuer:"), or, when the
        value stands (nearly) alone, the line above it (a form or table label). Whether it is a form label."""
        line = self.lines[self.line_at(start)]
        before = self.text[line.start : start].strip()
        if re.search(r"[:|?]\s*$", before) and len(before.split()) <= _LABEL_WORDS * 2:
            return before, True
        if before:  # a value inside running text: the words just before it say what it is
            return " ".join(before.split()[-_NEAR_WORDS:]), False
        number = self.line_at(start)
        if number == 0:
            return "", False
        above = self.lines[number - 1].text.strip()
        is_label = above.endswith((":", "?")) or (
            len(above.split()) <= _LABEL_WORDS and not above.endswith(".") and not _has_date(above)
        )
        return above, above.endswith((":", "?", "|")) or (is_label and len(self.text[start : line.end].split()) <= 6)

    def context(self, start: int, end: int, label: str, labelled: bool) -> str:
        """What the model reads about a value: label and value line for a form, else its sentence, shortened."""
        line = self.lines[self.line_at(start)]
        if labelled:
            value_line = self.text[line.start : line.end].strip()
            shown = value_line if label and label in value_line else f"{label} {value_line}".strip()
            return _shorten_around(shown, self.text[start:end])
        unit = next((u for u in self.units if u.span.start <= start < u.span.start + len(u.span.text)), None)
        return _shorten_around(unit.text() if unit else line.text, self.text[start:end])


def _shorten_around(text: str, value: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _CONTEXT_CHARS:
        return text
    value = " ".join(value.split())
    at = max(text.find(value), 0)
    start = max(0, min(at - _CONTEXT_CHARS // 2, len(text) - _CONTEXT_CHARS))
    snippet = text[start : start + _CONTEXT_CHARS]
    return ("…" if start else "") + snippet.strip() + ("…" if start + _CONTEXT_CHARS < len(text) else "")


class _Builder:
    def __init__(self) -> None:
        self.found: dict[CandidateKind, list[Candidate]] = {}
        self.spans: set[tuple[CandidateKind, str, int, int, str]] = set()

    def add(
        self,
        document: _DocumentText,
        kind: CandidateKind,
        start: int,
        end: int,
        value: str | float,
        *,
        sort: TextSort = "wert",
        measure: Measure | None = None,
        label: tuple[str, bool] | None = None,
    ) -> None:
        raw = document.text[start:end]
        span = (kind, document.doc_id, start, end, str(value))
        if span in self.spans or not raw.strip():
            return
        self.spans.add(span)
        label_text, labelled = label if label is not None else document.label(start, end)
        page, ocr = document.page(start)
        self.found.setdefault(kind, []).append(
            Candidate(
                kind=kind,
                value=value,
                raw=raw,
                doc_id=document.doc_id,
                start=start,
                end=end,
                label=label_text,
                context=_shorten_around(str(value), raw)
                if kind == "zeile"
                else document.context(start, end, label_text, labelled),
                labelled=labelled,
                ocr=ocr,
                page=page,
                sort=sort,
                measure=measure,
            )
        )


def with_place(value: str) -> bool:
    """Whether a text value holds a postcode and place after its street ("Weidenstraße 11, 08547 Mühlbergen")."""
    return _ADDRESS.search(value) is not None


def case_candidates(store: PassageStore, doc_ids: list[str], scope: Scope) -> CaseCandidates:
    """Every candidate of the case's documents (those in ``scope``), in document order."""
    builder = _Builder()
    for doc_id in doc_ids:
        pages = store.pages(doc_id, scope)
        text = PAGE_SEPARATOR.join(page.text for page in pages)
        document = _DocumentText(doc_id, text, [(page.char_start, page.number, page.ocr) for page in pages])
        _column_values(builder, document)  # first: a measure in a cell keeps its header as label
        _typed_values(builder, document)
        _labelled_values(builder, document)
        _named_values(builder, document)
        _deciding_lines(builder, document)
    return CaseCandidates(builder.found)


def _typed_values(builder: _Builder, document: _DocumentText) -> None:
    text = document.text
    dates = list(find_dates(text))
    for found in dates:
        builder.add(document, "datum", found.start, found.end, str(getattr(found.value, "isoformat", str)()))
    for found in find_amounts(text):
        if found.marked and not any(d.start <= found.start < d.end for d in dates):
            builder.add(document, "betrag", found.start, found.end, float(found.value))  # type: ignore[arg-type]
    for measure in find_measures(text):
        builder.add(document, "zahl", measure.start, measure.end, measure.value, measure=measure)


def _labelled_values(builder: _Builder, document: _DocumentText) -> None:
    """Form values: "Label: Wert" on one line, or "Label:" with the value on the next line."""
    lines = document.lines
    previous: _Span | None = None
    for number, line in enumerate(lines):
        split = _label_split(line.text)
        if split is not None:
            label, value_at = split
            start, end = line.start + value_at, line.end
        elif line.text.rstrip().endswith(":") and number + 1 < len(lines):
            label = line.text.strip().rstrip(":")
            following = lines[number + 1]
            if _label_split(following.text) is not None or following.text.rstrip().endswith(":"):
                continue
            start, end = following.start, following.end
        else:
            continue
        start, end = _trimmed(document.text, start, end)
        if not _EMPTY_VALUE.match(document.text[start:end]):
            _labelled_value(builder, document, label, start, end)
            previous = _joined_address(builder, document, label, start, end, previous)


def _column_values(builder: _Builder, document: _DocumentText) -> None:
    """A one-row table read out one cell per line ("Baumart / Höhe / Stammumfang / (1 m)" over "Rotbuche / 24 m /
    245 cm"): each header labels the cell at its position. A table of several rows is left alone, since a cell
    wrapped onto two lines shifts every later row."""
    lines = document.lines
    number = 0
    while number < len(lines):
        headers, cells_from = _column_headers(lines, number)
        cells = lines[cells_from : cells_from + len(headers)]
        if len(headers) < _MIN_COLUMNS or len(cells) < len(headers) or not _one_row(lines, cells_from, len(headers)):
            number = max(cells_from, number + 1)
            continue
        for header, cell in zip(headers, cells, strict=True):
            start, end = _trimmed(document.text, cell.start, cell.end)
            measure = next(iter(find_measures(document.text[start:end])), None)
            if measure is not None and measure.unit is not None:
                shifted = Measure(measure.value, start + measure.start, start + measure.end, measure.unit)
                builder.add(
                    document,
                    "zahl",
                    shifted.start,
                    shifted.end,
                    measure.value,
                    measure=shifted,
                    label=(_HEADER_UNIT.sub("", header).strip(), True),
                )
            elif end > start:
                _labelled_value(builder, document, header, start, end)
        number = cells_from + len(headers)


def _column_headers(lines: list[_Line], number: int) -> tuple[list[str], int]:
    """The headers of a table starting at line ``number`` (a unit line joins the header above), and where its
    cells start."""
    headers: list[str] = []
    while number < len(lines):
        text = lines[number].text.strip()
        if headers and _HEADER_UNIT.fullmatch(text):
            headers[-1] = f"{headers[-1]} {text}"
        elif _COLUMN_HEADER.fullmatch(text) and len(text.split()) <= 3:
            headers.append(text)
        else:
            break
        number += 1
    return headers, number


def _one_row(lines: list[_Line], cells_from: int, columns: int) -> bool:
    """Whether the cells are all short, mostly figures, and no second row starts below them (a line shaped like
    the first cell: "2" after "1", "B2" after "B1")."""
    cells = [line.text.strip() for line in lines[cells_from : cells_from + columns]]
    if (
        any(not cell or len(cell) > _CELL_CHARS for cell in cells)
        or sum(bool(re.search(r"\d", c)) for c in cells) * 2 < columns
    ):
        return False
    shape = re.sub(r"\d+", "#", cells[0])
    below = lines[cells_from + columns : cells_from + 2 * columns]
    return "#" not in shape or all(re.sub(r"\d+", "#", line.text.strip()) != shape for line in below)


_Span = tuple[str, int, int]  # label, start, end of the previous labelled value


def _joined_address(
    builder: _Builder, document: _DocumentText, label: str, start: int, end: int, previous: _Span | None
) -> _Span:
    """A form that asks street and place on two lines ("Straße, Hausnummer: Fliederweg 5", "PLZ, Ort: 91632
    Eschenbrunn") also offers the whole address."""
    value = document.text[start:end]
    if previous is not None and re.fullmatch(_PLACE, value.strip()):
        street_label, street_start, street_end = previous
        street = document.text[street_start:street_end]
        if _STREET_ONLY.fullmatch(street.strip()):
            builder.add(
                document,
                "text",
                street_start,
                end,
                f"{street.strip()}, {value.strip()}",
                sort="anschrift",
                label=(street_label, True),
            )
    return label, start, end


def _labelled_value(builder: _Builder, document: _DocumentText, label: str, start: int, end: int) -> None:
    """A labelled value as text (also each part of "„Kalle“, Deutscher Schäferhund, Rüde"), and as a number when
    it is one ("Anzahl der Hunde im Haushalt: 1", "Breite (in m): 1,50")."""
    value = document.text[start:end]
    context = (label, True)
    if not _only_number_or_date(value) and sum(ch.isalnum() for ch in value) >= 3:  # not "Nr", "x"
        builder.add(document, "text", start, end, _without_salutation(value), label=context)
        if email := _EMAIL.search(value):  # "Cc: Elfriede Sommer <e.sommer@example.org>"
            builder.add(document, "text", start, start + email.start(), value[: email.start()], label=context)
        if (bracket := value.find(" (")) > 2:  # "Gemeine Fichte (Picea abies)"
            builder.add(document, "text", start, start + bracket, value[:bracket], label=context)
        parts = list(re.finditer(r"[^,;·]+(?:,(?=\S)[^,;·]*)*", value))
        if len(parts) > 1 and not _ADDRESS.search(value):
            for part in parts:
                part_start, part_end = _trimmed(document.text, start + part.start(), start + part.end())
                if part_end - part_start >= 3 and not _only_number_or_date(document.text[part_start:part_end]):
                    builder.add(
                        document, "text", part_start, part_end, document.text[part_start:part_end], label=context
                    )
    number_text = re.match(r"\s*([\d.,]+|\w+)", value)
    number = parse_number(number_text.group(1)) if number_text else None
    if number is not None and not _has_date(value) and not _PHONE_LABEL.search(label) and "€" not in value:
        unit_match = _UNIT_IN_LABEL.search(label)
        unit = unit_of((unit_match["unit"] or unit_match["unit2"] or "") if unit_match else "")
        measure = Measure(number, start, end, unit, noun="" if unit else "Stück")
        number_end = start + number_text.end() if number_text else end
        builder.add(document, "zahl", start, number_end, number, measure=measure, label=context)


def _without_salutation(value: str) -> str:
    """ "Frau Sabine Achterberg" as the name it is; "Dr." stays, it belongs to the name."""
    return re.sub(r"^(?:Frau|Herrn?|Familie|Eheleute)\s+", "", value.strip())


def _only_number_or_date(value: str) -> bool:
    return bool(re.fullmatch(r"[\d\s.,:/€%-]*(?:EUR|Euro|Uhr)?", value.strip(), re.IGNORECASE)) or (
        _has_date(value) and len(value.split()) <= 3
    )


def _label_split(line: str) -> tuple[str, int] | None:
    """A form line's label and where its value starts, or None for running text."""
    match = _SEPARATOR.search(line)
    if match is None or match.end() >= len(line.rstrip()):
        return None
    label = line[: match.start()].strip()
    if not label or len(label.split()) > _LABEL_WORDS * 2 or label.endswith(("http", "https")):
        return None
    if match.group(0).strip() == "?" and len(line[match.end() :].split()) > 3:
        return None  # a question in running text, not a form question with its answer
    if match.group(0).strip() == ":" and re.match(r"\d", line[match.end() :]) and re.search(r"\d$", label):
        return None  # a time of day ("10:40 Uhr")
    return label, match.end()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in ' \t|„"(':
        start += 1
    while end > start and text[end - 1] in ' \t|.,;"“)':
        end -= 1
    return start, end


def _named_values(builder: _Builder, document: _DocumentText) -> None:
    """Names, addresses and file numbers wherever they stand (letters have no form labels)."""
    text = document.text
    for match in _ADDRESS.finditer(text):
        street, place = " ".join(match["street"].split()), " ".join(match["place"].split())
        builder.add(document, "text", match.start(), match.end(), f"{street}, {place}", sort="anschrift")
        line = document.lines[document.line_at(match.start())]
        sender = re.fullmatch(r"\s*(?P<name>[^·,|]{5,60}?)\s*[·,|]?\s*", text[line.start : match.start()])
        if sender and _looks_like_name(sender["name"]) and _PERSON_OR_FIRM.match(sender["name"]):
            end = line.start + sender.end("name")
            name = _without_salutation(sender["name"])  # "Herrn Dr. Matthias Ebeling Weidenstraße 11 …"
            builder.add(document, "text", end - len(name), end, name, sort="name")
    for match in _STREET_ONLY.finditer(text):
        builder.add(document, "text", match.start(), match.end(), match.group(0), sort="anschrift")
    for pattern in (_SALUTATION, _FIRM):
        for match in pattern.finditer(text):
            community = bool(match.groupdict().get("community"))  # its street is part of its name
            group = "community" if community else "name"
            start, end = _without_leading_words(text, match.start(group), match.end(group))
            # "… Weidenstraße 11" ends a name; a surname may only end like a street ("Hollerbach", "Achterberg")
            street_word = re.search(rf"\s\S*{_STREET_SUFFIX}(?=\s+\d)", text[start : end + 6])
            if street_word and street_word.start() < end - start and not community:
                end = start + street_word.start()
            name = " ".join(text[start:end].split())
            if _looks_like_name(name):
                builder.add(document, "text", start, end, name, sort="name")
    for number, line in enumerate(document.lines):
        stripped = line.text.strip()
        if _PERSON_LINE.match(stripped) and _looks_like_name(stripped) and _near_greeting(document, number):
            start, end = _trimmed(text, line.start, line.end)
            builder.add(document, "text", start, end, stripped, sort="name")
        elif (signed := _SIGNED.search(line.text)) and _looks_like_name(signed["name"]):  # "… Grüßen Renate Oberholz"
            start = line.start + signed.start("name")
            builder.add(document, "text", start, start + len(signed["name"]), signed["name"], sort="name")
    for match in _FILE_NUMBER.finditer(text):
        line = document.lines[document.line_at(match.start())]
        before = text[line.start : match.start()]
        if not _is_file_number(match.group(0)) or _PHONE_LABEL.search(before):
            continue
        builder.add(document, "text", match.start(), match.end(), match.group(0), sort="zeichen")


_PERSON_OR_FIRM = re.compile(r"^[A-ZÄÖÜ][\wäöüß.\-]*(?: [A-ZÄÖÜ&][\wäöüß.&\-]*){1,5}$")
_PHONE_LABEL = re.compile(r"\b(?:tel(?:efon)?|fax|mobil|handy)\b\.?[:\s\d]*$", re.IGNORECASE)
_NOT_NAME_WORDS = frozenset(
    word.casefold()  # casefolded as the words they are compared with ("grüßen" → "grüssen")
    for word in [
        "stadt",
        "gemeinde",
        "markt",
        "landkreis",
        "kreis",
        "amt",
        "der",
        "die",
        "das",
        "im",
        "in",
        "mit",
        "und",
        "für",
        "vom",
        "von",
        "zur",
        "zum",
        "sehr",
        "geehrte",
        "geehrter",
        "damen",
        "herren",
        "bürgermeister",
        "magistrat",
        "verwaltung",
        "grüßen",
        "freundlichen",
        "namens",
        "unsere",
        "unser",
        "ihre",
        "ihr",
    ]
)


def _without_leading_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A firm's name without the words before it that the pattern took along ("Grüßen Sonnenhof … KG")."""
    while (match := re.match(r"(\S+)\s+", text[start:end])) and match.group(1).casefold() in _NOT_NAME_WORDS:
        start += match.end()
    return start, end


def _looks_like_name(text: str) -> bool:
    return not any(word.casefold() in _NOT_NAME_WORDS for word in text.split()[:2])


def _is_file_number(text: str) -> bool:
    """ "3.2-AG-2025-04417", "2/21-HuSt-0388": digits with short letter codes; not a date, a plain number or
    words joined by hyphens ("60-Liter-Tonne")."""
    if _has_date(text) or re.fullmatch(r"[\d.,]+", text) or sum(ch.isdigit() for ch in text) < 3:
        return False
    return not any(re.fullmatch(r"[A-ZÄÖÜ]?[a-zäöüß]{3,}", part) for part in re.split(r"[./-]", text))


def _has_date(text: str) -> bool:
    return any(True for _ in find_dates(text))


def _near_greeting(document: _DocumentText, number: int) -> bool:
    """A bare name line counts as a name where letters put one: a signature, or the sender and recipient at the
    head of a page (a scanned letter behind a filing note starts on its own page)."""
    window = document.lines[max(0, number - 3) : number]
    page_start, _, _ = document.page_at(document.lines[number].start)
    return any(_GREETING.search(line.text) for line in window) or number - document.line_at(page_start) < 12


def _deciding_lines(builder: _Builder, document: _DocumentText) -> None:
    """Lines and sentences that may decide a yes/no or choice field: form lines (with the value line below a
    label) and the sentences of running text."""
    lines = document.lines
    form_lines: set[int] = set()
    for number, line in enumerate(lines):
        stripped = line.text.strip()
        if stripped.endswith((":", "?")) and number + 1 < len(lines) and _label_split(lines[number + 1].text) is None:
            start, end = _trimmed(document.text, line.start, lines[number + 1].end)
            form_lines |= {number, number + 1}
            label = stripped
        elif (split := _label_split(stripped)) is not None:
            start, end = _trimmed(document.text, line.start, line.end)
            form_lines.add(number)
            label = split[0]
        else:
            continue
        builder.add(document, "zeile", start, end, document.text[start:end], label=(label, True))
    for unit in document.units:
        start = unit.span.start
        if len(unit.span.text.split()) < 4 or document.line_at(start) in form_lines:
            continue
        builder.add(document, "zeile", start, start + len(unit.span.text), unit.text(), label=("", False))
