"""Choose instead of write: when the small model declines a found deciding unit, it is asked to choose instead.

The 1.5B model often says "nichts gefunden" with "Saisonkarte < 18 Jahre | 40,00 €" in front of it. It is then
offered the one value of the asked kind (amount, duration, date, time, distance, count) that the evidence holds, or
"keiner"; for a yes/no question "ja" or "nein", and only the answer that agrees with the deciding unit's own
negation counts. The grammar allows nothing else, so no figure can be invented, and the answer is the value as
written followed by its unit verbatim.

A value is offered only from a unit that states the asked case entirely: it names every noun of the question beyond
its document's title (a noun qualified by an admitted bound, "15-jährige Tochter" by "< 18 Jahre", aside) and every
figure of the question. Among several values the model tends to take the first, so such a choice is asked
twice, in opposite orders, and counts only where both agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from assistant.chat.check import (
    ASKS_AMOUNT,
    MIN_PART_CHARS,
    asks_comparison,
    asks_yes_no,
    figure_words,
    figures,
    question_nouns,
    stated_polarity,
)
from assistant.chat.evidence import Candidate, Finding
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
    ("betrag", ASKS_AMOUNT),
    ("anzahl", re.compile(r"\bwie viele\b", re.I)),
)


_NOTHING = re.compile(r"(?!)")
_DIGITS = re.compile(r"\d+(?:,\d+)?")
_TOTAL = re.compile(r"\b(insgesamt|gesamt\w*|zusammen)\b", re.IGNORECASE)
# "Was darf pro Stunde … berechnet werden?": the period a rate is for, which a rate table states once, not per row
_RATE_PERIOD = re.compile(r"\b(?:pro|je)\s+(Stunde|Tag|Woche|Monat|Jahr)\b")
# "Mit welchem Betrag …", "Ab welcher Entfernung …": the noun of the asked kind, which the value itself names
_KIND_NOUNS = "Betrag Summe Höhe Dauer Zeitraum Frist Uhrzeit Zeitpunkt Datum Entfernung Wegstrecke Strecke Anzahl"


@dataclass(frozen=True)
class ValueOption:
    value: str  # as written in the unit; "ja" or "nein" for a yes/no question
    candidate: Candidate  # the unit that states it


@dataclass(frozen=True)
class Choice:
    """What the model is offered: its prompt, the options, and for a yes/no question the answer the deciding unit's
    wording gives, which the model's choice must agree with."""

    prompt: str
    options: list[ValueOption]
    expected: str | None = None

    def lines(self) -> str:
        if self.expected is not None:
            return f"Fundstelle: „{_unit_text(self.options[0].candidate)}“"
        return "\n".join(f"- {option.value}: „{_unit_text(option.candidate)}“" for option in self.options)

    def chosen(self, raw: str) -> ValueOption | None:
        """The option the model's JSON names; none where it names another or disagrees with the wording."""
        match = re.search(r'"wert"\s*:\s*"([^"]*)"', raw)
        option = next((option for option in self.options if match and option.value == match.group(1)), None)
        return option if option and self.expected in (None, option.value) else None

    @property
    def several_values(self) -> bool:
        """Values to choose among; a yes/no choice is held to the unit's wording instead."""
        return self.expected is None and len(self.options) > 1

    def reversed(self) -> Choice:
        """The same options in the opposite order: a choice among several counts only if it survives the order."""
        return Choice(self.prompt, self.options[::-1], self.expected)

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {"wert": {"enum": [*(option.value for option in self.options), NO_CHOICE]}},
            "required": ["wert"],
        }


def offered_choice(question: str, finding: Finding) -> Choice | None:
    """The values to choose from, or for a yes/no question ja/nein on the deciding unit; None where nothing fits."""
    if kind := asked_kind(question):
        options = value_options(kind, list(finding.candidates + finding.alternatives), question)
        return Choice("answer_choice", options) if options else None
    if not asks_yes_no(question) or asks_comparison(question) or not finding.deciding:
        return None
    deciding = finding.deciding[0]
    if not fits_question(deciding, question):
        return None
    expected = stated_polarity(deciding.unit.span.text, question)
    return Choice("answer_yes_no", [ValueOption("ja", deciding), ValueOption("nein", deciding)], expected)


def fits_question(candidate: Candidate, question: str) -> bool:
    """Whether the unit is about the asked matter (it names a noun of the question beyond its document's title) and
    states the asked case (every figure of the question)."""
    topic = _topic(question_nouns(question), candidate)
    return _names_topic(topic, _unit_words(candidate, _NOTHING)) and _states_the_case(candidate, question)


def asked_kind(question: str) -> ValueKind | None:
    """The kind of value the question asks for, if it asks for one."""
    return next((kind for kind, pattern in _ASKS if pattern.search(question)), None)


def value_options(kind: ValueKind, candidates: list[Candidate], question: str) -> list[ValueOption]:
    """The values of ``kind`` the fitting units state, one option per distinct value. Where the deciding unit (the
    first) states any, only its values are offered. A value the question itself names is a qualifier, not an answer."""
    asked = {_normal(match.group(0)) for match in _VALUE_PATTERNS[kind].finditer(question)}
    question_words = shared_analyzer().token_set(question)
    named_by_value = " ".join([_KIND_NOUNS, *_RATE_PERIOD.findall(question)])
    nouns = question_nouns(question) - shared_analyzer().token_set(named_by_value)
    # the counted noun names what was asked ("9 Unterrichtseinheiten"); other values name nothing ("17.00 Uhr")
    naming_values = _NOTHING if kind == "anzahl" else _VALUE_PATTERNS[kind]
    options: dict[str, ValueOption] = {}
    for position, candidate in enumerate(candidates):
        if position == 1 and options:
            break  # the deciding unit answers with its own values
        topic = _topic(nouns, candidate) - _qualified(question, candidate)
        if not _names_every(topic, _unit_words(candidate, naming_values)) or not _states_the_case(candidate, question):
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


def _topic(nouns: set[str], candidate: Candidate) -> set[str]:
    """The question's nouns that the unit's document title and heading do not already name."""
    return nouns - shared_analyzer().token_set(f"{candidate.hit.title} {candidate.hit.heading}")


def _unit_words(candidate: Candidate, values: re.Pattern[str]) -> set[str]:
    """The words of the unit with its lead-in or header; the values themselves ("17.00 Uhr") name nothing."""
    unit = candidate.unit
    return shared_analyzer().token_set(values.sub(" ", f"{unit.context_text()} {unit.span.text}"))


def _names_topic(topic: set[str], words: set[str]) -> bool:
    """Whether the unit names a noun of ``topic`` (or there is none): a fee of another matter in the same document is
    no option."""
    return not topic or any(_same_thing(noun, word) for noun in topic for word in words)


def _names_every(topic: set[str], words: set[str]) -> bool:
    """Whether the unit names every noun of ``topic``: a value is offered only from a unit that states the asked case
    entirely ("Feuerwehrangehörige" asked, a vehicle's rate is no answer)."""
    return all(any(_same_thing(noun, word) for word in words) for noun in topic)


def _qualified(question: str, candidate: Candidate) -> set[str]:
    """The nouns of the question's quantities that the unit admits ("15-jährige Tochter" by "< 18 Jahre"): the
    bound speaks for them."""
    nouns: set[str] = set()
    for quantity in measured(quantities(question)):
        if serves(quantity, list(candidate.mentions)):
            following = re.search(re.escape(quantity.text.strip()) + r"\s+([A-ZÄÖÜ][\wäöüß-]*)", question)
            nouns |= shared_analyzer().token_set(f"{quantity.text} {following.group(1) if following else ''}")
    return nouns


def _same_thing(noun: str, word: str) -> bool:
    """The same stem, or one a compound part of the other ("Haus" in "Hausgrundstück", "Gebühr" in
    "Kindergartengebühr")."""
    shorter, longer = sorted((noun, word), key=len)
    if shorter == longer:
        return True
    return len(shorter) >= MIN_PART_CHARS and (longer.startswith(shorter) or longer.endswith(shorter))


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


def _unit_text(candidate: Candidate) -> str:
    """The unit for the prompt: a long lead-in shortened so that it cannot hide the row."""
    unit = candidate.unit
    text = _flat(unit.span.text)
    if unit.context:
        text = f"{shorten(_flat(unit.context_text()), CONTEXT_CHARS)} {text}"
    return shorten(text, OPTION_CHARS)


def _flat(text: str) -> str:
    return " ".join(plain(text).split())


def _normal(value: str) -> str:
    """A value for comparison: "1.300,00 €" and "1300 Euro" alike."""
    value = re.sub(r"\s|euro|eur|€|,-|,00\b", "", value.lower())
    return re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", value)
