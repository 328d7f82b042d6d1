"""Quantities in German text: "unter 18 Jahren", "über 3-jährige", "zwei Kindern", "mehr als 3 500 kg", "4 Wochen".

A question's quantities are its qualifiers. Whether a passage serves them is decided by the mention whose bound lies
nearest to the asked value: a fee table for "über 3-jährige Kinder" does not answer a question about a two-year-old,
although its rows also say "unter 18 Jahren".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ingest.german import stem

_NUMBER_WORDS = {
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100,
}  # fmt: skip
_ONE = r"(?:(?<=mit )|(?<=nur )|(?<=genau ))(?:einem|einer|einen|eine|ein)"  # "ein" is an article elsewhere
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "3 500 kg", but not "LF 20 205 Euro" (a type designation before an amount)
_DIGITS = r"(?<!(?-i:[A-ZÄÖÜ§]) )\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
_VALUE = rf"(?P<value>{_DIGITS}|\b(?:{_WORD})(?=jährig)|\b(?:{_WORD})\b|{_ONE}\b)"
_BEFORE = (
    r"(?P<before>(?:<|>|≤|≥|\b(?:unter|weniger als|bis zu|bis zur vollendung des|bis zum vollendeten|bis|"
    r"höchstens|maximal|über|mehr als|ab dem vollendeten|ab|mindestens|von mehr als|älter als|jünger als))"
    r"\s*(?:dem\s+|den\s+)?)?"
)
_AGE = r"[-\s]?(?P<age>jährig\w*)"
_UNIT = r"\s*(?P<unit>€|%|[A-Za-zÄÖÜäöüß]+\.?)"
_OR_MORE = r"\s+(?:oder|und)\s+(?:mehr|älter|jünger|weniger|darüber|darunter)"
_QUANTITY = re.compile(
    rf"{_BEFORE}{_VALUE}(?:\.)?(?P<between>{_OR_MORE})?(?:{_AGE}|{_UNIT})?(?P<after>{_OR_MORE})?", re.IGNORECASE
)
_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b")
_UNIT_NAMES = {"€": "euro", "eur": "euro", "%": "prozent", "std": "stund", "std.": "stund", "lebensjahr": "jahr"}
_AGE_UNIT = "jahr"
_LOWER = ("<", "≤", "unter", "weniger als", "bis", "höchstens", "maximal", "jünger als")
_UPPER_OPEN = (">", "über", "mehr als", "von mehr als", "älter als")
_UPPER_CLOSED = ("≥", "ab", "mindestens", "ab dem vollendeten")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # a stem ("jahr", "kind", "euro", "woch"); "" for a bare number
    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False
    high_open: bool = False
    text: str = ""

    @property
    def is_range(self) -> bool:
        return math.isfinite(self.low) != math.isfinite(self.high)

    def overlaps(self, other: Quantity) -> bool:
        low = max(self.low, other.low)
        low_open = (self.low == low and self.low_open) or (other.low == low and other.low_open)
        high = min(self.high, other.high)
        high_open = (self.high == high and self.high_open) or (other.high == high and other.high_open)
        return low < high or (low == high and not low_open and not high_open)

    def distance(self, other: Quantity) -> float:
        """How far apart the two bounds lie (0 for the same value)."""
        return abs(self.value - other.value)


def quantities(text: str) -> list[Quantity]:
    """The quantities of ``text``; dates are left out (they are no qualifier of this kind)."""
    text = _DATE.sub(lambda match: " " * len(match.group(0)), text)
    found = []
    for match in _QUANTITY.finditer(text):
        value = _value(match["value"])
        if value is None:
            continue
        unit = _AGE_UNIT if match["age"] else _unit(match["unit"])
        found.append(
            _bounded(
                value, unit, (match["before"] or "").strip().lower(), match["between"] or match["after"], match.group(0)
            )
        )
    return found


def _value(raw: str) -> float | None:
    word = raw.lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    if word.startswith("ein"):
        return 1.0
    digits = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", raw).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def _unit(raw: str | None) -> str:
    if not raw:
        return ""
    word = raw.lower()
    if word in _UNIT_NAMES:
        return _UNIT_NAMES[word]
    word = word.rstrip(".")
    if not raw[0].isupper() and raw not in ("kg", "km", "m", "t", "h", "min"):
        return ""  # "20 pro Stunde", "3 oder": no measured noun follows
    stemmed = stem(word)
    return _UNIT_NAMES.get(stemmed, stemmed)


def _bounded(value: float, unit: str, before: str, after: str | None, text: str) -> Quantity:
    after_word = (after or "").split()[-1].lower() if after else ""
    if before.startswith(_UPPER_OPEN):
        return Quantity(value, unit, low=value, low_open=True, text=text)
    if before.startswith(_UPPER_CLOSED) or after_word in ("mehr", "älter", "darüber"):
        return Quantity(value, unit, low=value, text=text)
    if before.startswith(_LOWER):
        open_bound = before.startswith(("<", "unter", "weniger als", "jünger als"))
        return Quantity(value, unit, high=value, high_open=open_bound, text=text)
    if after_word in ("jünger", "weniger", "darunter"):
        return Quantity(value, unit, high=value, text=text)
    return Quantity(value, unit, low=value, high=value, text=text)


def serves(asked: Quantity, mentions: list[Quantity]) -> bool | None:
    """Whether the mentions of the asked unit admit the asked value: decided by the mentions whose bound lies
    nearest to it (any admitting one wins a tie). None when no mention has the unit."""
    same_unit = [mention for mention in mentions if mention.unit == asked.unit]
    if not same_unit:
        return None
    nearest = min(mention.distance(asked) for mention in same_unit)
    return any(mention.overlaps(asked) for mention in same_unit if mention.distance(asked) <= nearest)


def measured(found: list[Quantity]) -> list[Quantity]:
    """The quantities that qualify something (a number with its unit), not bare numbers such as "LF 20"."""
    return [quantity for quantity in found if quantity.unit]
