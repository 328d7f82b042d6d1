"""Choose instead of write: when the model misses a plainly written value, it picks one from the evidence.

A small model often declines although the deciding row says "Saisonkarte < 18 Jahre | 40,00 €". Asked to choose
among the values of the asked kind that the fitting units state (each shown with its unit), or "keiner", it picks far
more reliably than it writes. The answer is then the chosen value exactly as written, with its unit as the cited
evidence; the grammar allows nothing else, so no figure can be invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from assistant.chat.check import figure_words, figures
from assistant.chat.evidence import Candidate
from assistant.shared.excerpts import plain
from assistant.shared.text import shorten
from ingest.german import shared_analyzer
from ingest.quantities import measured, quantities, serves

ValueKind = Literal["betrag", "dauer", "uhrzeit", "strecke", "anzahl", "datum"]
NO_CHOICE = "keiner"
MAX_OPTIONS = 6
OPTION_CHARS = 200
CONTEXT_CHARS = 70  # a long lead-in ("Für die nachfolgend genannten Feuerwehrfahrzeuge gelten …") must not hide the row

_MONTHS = "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMERALS = "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|anderthalb|eineinhalb"
_COUNT_WORDS = f"ein|eine|einer|eines|einem|einen|{_NUMERALS}"
_VALUE_PATTERNS: dict[ValueKind, re.Pattern[str]] = {
    "betrag": re.compile(rf"(?:{_NUMBER})(?:,-)?\s?(?:€|Euro|EUR)(?!\w)|(?:€|EUR)\s?(?:{_NUMBER})", re.IGNORECASE),
    "dauer": re.compile(
        rf"\b(?:{_NUMBER}|{_COUNT_WORDS}|\d+ ?½|\d+ 1/2)\s(?:Jahr|Monat|Woche|Tag|Stunde|Minute)\w*", re.IGNORECASE
    ),
    "uhrzeit": re.compile(r"\b\d{1,2}[.:]\d{2}\s?Uhr\b|\b\d{1,2}\s?Uhr\b", re.IGNORECASE),
    "strecke": re.compile(rf"\b(?:{_NUMBER})\s?(?:km|Kilometer|m|Meter|cm|Zentimeter)\b", re.IGNORECASE),
    "anzahl": re.compile(rf"\b(?:{_NUMBER}|{_NUMERALS})\s(?:weitere[nm]?\s)?[A-ZÄÖÜ][\wäöüß-]+"),
    "datum": re.compile(rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})?|(?:{_MONTHS})(?:\s\d{{4}})?)", re.I),
}
# how a question asks for a value of each kind; the first that matches decides
_ASKS: tuple[tuple[ValueKind, re.Pattern[str]], ...] = (
    ("uhrzeit", re.compile(r"\b(um|ab|bis) wie viel uhr\b|\b(zu|um|bis zu) welcher uhrzeit\b", re.I)),
    ("datum", re.compile(r"\b(seit|ab|bis) wann\b|\ban welchem (tag|datum)\b|\bwann (beginnt|endet|tritt)\b", re.I)),
    ("dauer", re.compile(r"\bwie lange\b|\bfür welchen zeitraum\b|\binnerhalb welcher frist\b", re.I)),
    (
        "strecke",
        re.compile(r"\b(ab|bis zu) welcher (entfernung|wegstrecke|strecke)\b|\bwie (breit|weit|tief)\b", re.I),
    ),
    (
        "betrag",
        re.compile(
            r"\b(was|wie ?viel)\b[^?]*\b(kostet|kosten|zahle|zahlt|zahlen|bezahle|berechnet)\b"
            r"|\bwie hoch\b[^?]*(gebühr|betrag|summe|entgelt|preis|satz|eigenanteil|buße|kosten|steuer)"
            r"|\b(welche[nrms]?|mit welchem|bis zu welche[mr])\s+(betrag|summe|eigenanteil|gebühr|preis|höchstbetrag"
            r"|stundensatz|entgelt)\b",
            re.I,
        ),
    ),
    ("anzahl", re.compile(r"\bwie viele\b", re.I)),
)


_DIGITS = re.compile(r"\d+(?:,\d+)?")
_TOTAL = re.compile(r"\b(insgesamt|gesamt\w*|zusammen)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ValueOption:
    value: str  # as written in the unit
    candidate: Candidate  # the unit that states it


def asked_kind(question: str) -> ValueKind | None:
    """The kind of value the question asks for, if it asks for one."""
    return next((kind for kind, pattern in _ASKS if pattern.search(question)), None)


def value_options(kind: ValueKind, candidates: list[Candidate], question: str) -> list[ValueOption]:
    """The values of ``kind`` the fitting units state, best unit first, one option per distinct value. A value the
    question itself names is a qualifier, not an answer."""
    asked = {_normal(match.group(0)) for match in _VALUE_PATTERNS[kind].finditer(question)}
    question_words = shared_analyzer().token_set(question)
    nouns = _nouns(question)
    options: dict[str, ValueOption] = {}
    for candidate in candidates:
        if not _names_topic(candidate, nouns, _VALUE_PATTERNS[kind]) or not _states_the_case(candidate, question):
            continue
        for match in _VALUE_PATTERNS[kind].finditer(candidate.unit.span.text):
            value = " ".join(match.group(0).split())
            if kind == "anzahl" and not shared_analyzer().token_set(value) & question_words:
                continue  # a count of something the question does not name
            if _normal(value) not in asked and _normal(value) not in options:
                options[_normal(value)] = ValueOption(value, candidate)
        if len(options) >= MAX_OPTIONS:
            break
    return list(options.values())[:MAX_OPTIONS]


def _nouns(question: str) -> set[str]:
    """The question's nouns (capitalised words after its first), stemmed: what it asks about."""
    capitalised = re.findall(r"(?<=\s)[A-ZÄÖÜ][\wäöüß-]*", question)
    return shared_analyzer().token_set(" ".join(capitalised))


def _names_topic(candidate: Candidate, nouns: set[str], values: re.Pattern[str]) -> bool:
    """Whether the unit (with its lead-in or header) names a noun of the question that its document's title and
    heading do not already name; a fee of another matter in the same document is no option. The values themselves
    ("17.00 Uhr") name nothing."""
    hit, unit = candidate.hit, candidate.unit
    topic = nouns - shared_analyzer().token_set(f"{hit.title} {hit.heading}")
    text = values.sub(" ", f"{unit.context_text()} {unit.span.text}")
    return not topic or bool(topic & shared_analyzer().token_set(text))


def _states_the_case(candidate: Candidate, question: str) -> bool:
    """Every figure of the question (an age, a type number such as "HLF 20") stands in the unit or is admitted by
    one of its bounds, and a question for a total is answered only by a unit that states one: a row for another
    case ("ELW 1" for "ELW 2", "Erwachsene" for "Ich bin 23") is no answer."""
    unit = candidate.unit
    text = f"{unit.context_text()} {unit.span.text}"
    if _TOTAL.search(question) and not _TOTAL.search(text):
        return False
    # "HLF 20 236 Euro" also holds a plain 20 (a type number before an amount, not 20 236)
    known = figures(text) | figure_words(text) | {f"{float(n.replace(',', '.')):g}" for n in _DIGITS.findall(text)}
    served = {f"{q.value:g}" for q in measured(quantities(question)) if serves(q, list(candidate.mentions))}
    return figures(question) <= known | served


def choice_schema(options: list[ValueOption]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {"wert": {"enum": [*(option.value for option in options), NO_CHOICE]}},
        "required": ["wert"],
    }


def option_lines(options: list[ValueOption]) -> str:
    """Each value with the unit that states it (lead-in or header first), for the prompt."""
    lines = []
    for option in options:
        unit = option.candidate.unit
        text = _flat(unit.span.text)
        if unit.context:
            text = f"{shorten(_flat(unit.context_text()), CONTEXT_CHARS)} {text}"
        lines.append(f"- {option.value}: „{shorten(text, OPTION_CHARS)}“")
    return "\n".join(lines)


def _flat(text: str) -> str:
    return " ".join(plain(text).split())


def chosen_option(raw: str, options: list[ValueOption]) -> ValueOption | None:
    match = re.search(r'"wert"\s*:\s*"([^"]*)"', raw)
    return next((option for option in options if match and option.value == match.group(1)), None)


def _normal(value: str) -> str:
    """A value for comparison: "1.300,00 €" and "1300 Euro" alike."""
    value = re.sub(r"\s|euro|eur|€|,-|,00\b", "", value.lower())
    return re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", value)
