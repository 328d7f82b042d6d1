"""German dates, euro amounts and measured numbers: parse a value as written ("3.4.25", "12. März 2025",
"EUR 1.234,50", "12,5 Quadratmeter", "ca. 4 m x 2,5 m", "zwei Container") and find every such expression in a text,
so each can be offered as a candidate and cited where it stands."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()}
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\.?\s+([A-Za-zÄÖÜäöü]{3,9})\.?\s+(\d{4})(?!\d)")
_AMOUNT = re.compile(
    r"(?:(?:EUR|€)\s?)?(?<![\d.,])(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?(?![\d])(?:\s?(?:€|EUR|Euro)\b|\s?€)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A date or amount expression in a text: its normalised value and where it stands."""

    value: date | float
    start: int
    end: int
    marked: bool = False  # an amount written with a currency or with cents, not just any number


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or _MONTH_ABBREVIATIONS.get(word[:3])


def find_dates(text: str) -> Iterator[Found]:
    """Every date in ``text``: numeric (12.03.2025, 3.4.25), ISO and written (12. März 2025)."""
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = match.groups()
        if found := _date(_year(year), int(month), int(day)):
            yield Found(found, match.start(), match.end())
    for match in _ISO_DATE.finditer(text):
        year, month, day = match.groups()
        if found := _date(int(year), int(month), int(day)):
            yield Found(found, match.start(), match.end())
    for match in _WORD_DATE.finditer(text):
        day, month_word, year = match.groups()
        month = _month(month_word)
        if month and (found := _date(int(year), month, int(day))):
            yield Found(found, match.start(), match.end())


def parse_date(text: str) -> date | None:
    """The first date written in ``text``, or None."""
    return next((found.value for found in find_dates(text) if isinstance(found.value, date)), None)


def find_amounts(text: str) -> Iterator[Found]:
    """Every number that may be a euro amount: "1.234,50 €", "EUR 96", "120,00", "96 Euro"."""
    for match in _AMOUNT.finditer(text):
        whole, cents = match.groups()
        euros = float(re.sub(r"[.\s]", "", whole))
        if cents and cents[0].isdigit():
            euros += int(cents.ljust(2, "0")) / 100
        marked = bool(cents) or bool(re.search(r"€|eur", match.group(0), re.IGNORECASE))
        yield Found(round(euros, 2), match.start(), match.end(), marked)


def parse_amount(text: str) -> float | None:
    """The amount written in ``text`` (German or plain decimal notation), or None."""
    plain = text.strip()
    if re.fullmatch(r"-?\d+\.\d{1,2}", plain):  # "1234.5" as a model may write it
        return round(float(plain), 2)
    return next((float(found.value) for found in find_amounts(plain) if isinstance(found.value, float)), None)


# --- numbers with units ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Unit:
    """A unit a number is measured in: its display name, what it measures and its factor to that base unit."""

    name: str
    dimension: str
    factor: float = 1.0


_UNIT_SPELLINGS: dict[str, Unit] = {}
for _unit, _spellings in {
    Unit("m²", "fläche"): ("m²", "m2", "qm", "quadratmeter", "quadratmetern"),
    Unit("ha", "fläche", 10_000): ("ha", "hektar"),
    Unit("m", "länge"): ("m", "meter", "metern", "lfm", "lfd. m"),
    Unit("cm", "länge", 0.01): ("cm", "zentimeter", "zentimetern"),
    Unit("mm", "länge", 0.001): ("mm", "millimeter", "millimetern"),
    Unit("km", "länge", 1000): ("km", "kilometer", "kilometern"),
    Unit("m³", "volumen", 1000): ("m³", "m3", "cbm", "kubikmeter"),
    Unit("l", "volumen"): ("l", "liter", "litern"),
    Unit("kg", "masse"): ("kg", "kilogramm"),
    Unit("t", "masse", 1000): ("t", "tonne", "tonnen"),
    Unit("%", "anteil"): ("%", "prozent"),
    Unit("Stück", "anzahl"): ("stück", "stk", "stk."),
    Unit("Tage", "dauer"): ("tag", "tage", "tagen", "kalendertage", "kalendertagen"),
    Unit("Wochen", "dauer", 7): ("woche", "wochen"),
    Unit("Monate", "monate"): ("monat", "monate", "monaten"),
}.items():
    for _spelling in _spellings:
        _UNIT_SPELLINGS[_spelling] = _unit
KNOWN_UNITS = "m², ha, m, cm, mm, km, m³, l, kg, t, %, Stück, Tage, Wochen, Monate"
NUMBER_WORDS = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12,
}  # fmt: skip
_NUMBER = r"(?<![\d.,/-])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)"
_UNIT_WORD = "|".join(re.escape(s) for s in sorted(_UNIT_SPELLINGS, key=len, reverse=True))
_UNIT_AFTER = rf"\s?(?P<unit>{_UNIT_WORD})(?![\wäöüß²³])"
_LENGTH_UNIT = r"\s?(?:m|cm|mm|meter)(?![\wäöüß²³])"
_PRODUCT = re.compile(
    rf"(?P<a>{_NUMBER})(?P<unit_a>{_LENGTH_UNIT})?\s?[x×*]\s?(?P<b>{_NUMBER})(?P<unit_b>{_LENGTH_UNIT})", re.IGNORECASE
)
# "Länge 6,00 m, Breite 1,20 m": an area given by its sides
_SIDES = re.compile(
    rf"länge:?\s*(?P<a>{_NUMBER})(?P<unit_a>{_LENGTH_UNIT})[,;]?\s*(?:und\s+|x\s+)?breite:?\s*"
    rf"(?P<b>{_NUMBER})(?P<unit_b>{_LENGTH_UNIT})",
    re.IGNORECASE,
)
_MEASURE = re.compile(rf"(?P<number>{_NUMBER}){_UNIT_AFTER}", re.IGNORECASE)
_COUNTED = re.compile(
    rf"(?P<number>(?<![\d.,/-])\d{{1,4}}(?:,\d+)?(?![\d]|[.,]\d)|\b(?:{'|'.join(NUMBER_WORDS)})\b)"
    r"[ \t](?P<noun>[A-ZÄÖÜ][a-zäöüß-]{2,})",
    re.IGNORECASE,
)
# a singular counts one: "ein großer Laubbaum", "den Baum" (whether the noun is what a field counts is the field's
# to say, and a plural after "der"/"den" – "der Bäume" – is told apart there)
_SINGULAR = re.compile(
    r"\b(?:ein|eine|einen|einem|einer|eines|der|den|dem|des)\s+(?:[a-zäöüß]+\s+){0,2}(?P<noun>[A-ZÄÖÜ][a-zäöüß-]{2,})"
)
_NOT_COUNTED = set(MONTHS) | {"uhr", "euro", "eur", "jahr", "jahre", "jahren", "seite", "seiten", "abs", "nr"}


@dataclass(frozen=True)
class Measure:
    """A number in a text with what it measures: a unit ("12,5 m²"), or the noun it counts ("4 Tische")."""

    value: float
    start: int
    end: int
    unit: Unit | None = None
    noun: str = ""
    implied: bool = False  # one, said by a singular ("ein Laubbaum"), not written as a number


def unit_of(text: str) -> Unit | None:
    """The unit spelled ``text`` ("qm", "Quadratmeter", "m²"), or None."""
    return _UNIT_SPELLINGS.get(text.strip().casefold())


def parse_number(text: str) -> float | None:
    """A German number as written ("1.234,5", "12", "zwei")."""
    word = text.strip().casefold()
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", word):
        return None
    return float(word.replace(".", "").replace(",", "."))


def _length_unit(text: str | None) -> Unit:
    return unit_of(text or "") or _UNIT_SPELLINGS["m"]


def find_measures(text: str) -> Iterator[Measure]:
    """Every measured or counted number: "30 qm", "150 cm", "ca. 4 m x 2,5 m" (an area of 10 m²), "drei Tische"."""
    taken: list[tuple[int, int]] = []
    for match in itertools.chain(_PRODUCT.finditer(text), _SIDES.finditer(text)):
        unit_b = _length_unit(match["unit_b"])
        unit_a = _length_unit(match["unit_a"]) if match["unit_a"] else unit_b
        a, b = parse_number(match["a"]), parse_number(match["b"])
        if a is not None and b is not None:
            area = round(a * unit_a.factor * b * unit_b.factor, 4)
            taken.append((match.start(), match.end()))
            yield Measure(area, match.start(), match.end(), _UNIT_SPELLINGS["m²"])
    for match in _MEASURE.finditer(text):
        number = parse_number(match["number"])
        if number is not None and not _inside(match.start(), taken):
            taken.append((match.start(), match.end()))
            yield Measure(number, match.start(), match.end(), unit_of(match["unit"]))
    for match in _COUNTED.finditer(text):
        number = parse_number(match["number"])
        noun = match["noun"]
        if number is None or noun.casefold() in _NOT_COUNTED or _inside(match.start(), taken):
            continue
        if unit_of(noun) is None and noun[0].isupper():
            taken.append((match.start(), match.end()))
            yield Measure(number, match.start(), match.end(), noun=noun)
    for match in _SINGULAR.finditer(text):
        if not _inside(match.start(), taken):
            yield Measure(1.0, match.start(), match.end(), noun=match["noun"], implied=True)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def in_unit(measure: Measure, unit: Unit | None) -> float | None:
    """The measure's value in the field's unit (150 cm in m: 1.5); None where it measures something else.
    A field without a unit takes any number; a count ("Stück") takes numbers of counted things."""
    if unit is None:
        return measure.value
    if unit.dimension == "anzahl":
        return measure.value if measure.noun or (measure.unit and measure.unit.dimension == "anzahl") else None
    if measure.unit is None or measure.unit.dimension != unit.dimension:
        return None
    return round(measure.value * measure.unit.factor / unit.factor, 4)
