"""German dates and euro amounts: parse a value as written ("3.4.25", "12. März 2025", "EUR 1.234,50") and find
every such expression in a text, so an extracted value can be located (and thereby verified) in its document."""

from __future__ import annotations

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
