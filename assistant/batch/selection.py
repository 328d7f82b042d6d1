"""Choosing instead of generating: per field, the case's candidates are ranked by their label context, and the model
selects one by its id (or "keiner") through a grammar-constrained enum. Small models select far more reliably
than they write. How sure a cell is follows from the ranking, the label and the page: ``sicher`` only where the
model chose the clear first candidate of a labelled line on a page with a text layer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Literal

from assistant.batch.candidates import Candidate, CandidateKind, CaseCandidates, TextSort, with_place
from assistant.batch.fields import EXCLUDING_CLAUSE, FieldSpec
from assistant.batch.values import Measure, Unit, find_measures, in_unit, unit_of
from ingest.german import shared_analyzer

NONE_CHOICE = "nicht angegeben"
Confidence = Literal["sicher", "prüfen"]
_CUE = re.compile(r"\b(seit|ab|bis|von)\s+(?:wann|welchem)\b", re.IGNORECASE)  # "Seit wann …?": "seit …"
_TYPE_WORDS = {"datum": {"datum"}, "betrag": {"betrag", "euro"}}
_CUE_WORDS = {"seit": {"seit"}, "ab": {"ab", "vom", "beginn", "anfang"}, "bis": {"bis", "ende"}, "von": {"vom"}}
_SORT_CUES: dict[TextSort, re.Pattern[str]] = {
    "name": re.compile(r"^\s*wer\b|\bname|\bheißt|\bperson|\bfirma", re.IGNORECASE),
    "anschrift": re.compile(r"anschrift|adresse|\bwohnt|straße|hausnummer", re.IGNORECASE),
    "zeichen": re.compile(r"zeichen|nummer|\bnr\b", re.IGNORECASE),
}
_STREET_ASKED = re.compile(r"straße|hausnummer", re.IGNORECASE)
_WHERE_ASKED = re.compile(r"^\s*(wo|wohin|woher)\b", re.IGNORECASE)
_PLACE_ASKED = re.compile(r"\bort\b|\bplz\b|postleitzahl|wohnort|anschrift|adresse", re.IGNORECASE)
_MIN_LINE_SCORE = 0.8  # a line that decides a yes/no or choice field names more than the case's topic
# "Im Auftrag" signs for the authority; "im Auftrag der Eigentümerin" names whom a letter is written for
_SIGNS_FOR = r"im auftrag(?!\s+(?:und|der|des|von|unserer|unseres|meiner|meines|ihrer|ihres|seiner|seines)\b)"
_AUTHORITY = re.compile(
    r"\b(?:stadt|gemeinde|markt|landkreis|amt|rathaus|verwaltung|postfach|ansprechpartner\w*|auskunft|"
    rf"sachbearbeit\w*|bearbeitet|{_SIGNS_FOR}|magistrat|bürgermeister\w*|fachbereich|sachgebiet|referat|"
    r"abteilung|dezernat|poststelle)\b|amt\b|verwaltung\b",
    re.IGNORECASE,
)
_DISTINCTIVE_CHARS = 8  # an option word this long names a thing ("abfallgebuhr"), not a count ("hund")
_STAFF_LABEL = re.compile(
    rf"bearbeit|auskunft|ansprechpartner|zimmer|telefon|durchwahl|geschäftsführ|vorstand|{_SIGNS_FOR}|i\. ?a\.|"
    r"vertreten|bevollmächtigt|rechtsanw|kanzlei|unterschrift des",
    re.IGNORECASE,
)
# a date must be named by its label or the words just before it: every letter is full of dates
_NAMED_KINDS: frozenset[CandidateKind] = frozenset({"datum"})
_FORM_VALUES = 3  # a case with this many labelled values is a form: a field its labels do not name is absent
_NEAR_MISS = 0.4  # a rejected candidate this close makes "nicht gefunden" a cell to check
_CANDIDATES_PER_FIELD = 5
_LINES_PER_FIELD = 4
_SHOWN_CHARS = 80
_LABEL_CHARS = 70
_CLEAR_MARGIN = 0.5  # the first candidate's lead over the second for a sure cell
_ASKED_COUNT = re.compile(
    r"\b(?i:wie viele|anzahl (?:der|an|von))\s+(?:[a-zäöüß]+\s+){0,2}(?P<noun>[A-ZÄÖÜ][\wäöüß-]+)"
)
_COUNTED_NOUN_POINTS = 1.0  # a count of the asked noun speaks of the field as its label would
_MIN_STEM_CHARS = 3
# "Geschützt sind Bäume mit einem Stammumfang ab 80 cm": a number after a bound is a rule's threshold, not a value
_BOUND_BEFORE = re.compile(r"\b(?:ab|mindestens|über|unter|bis zu|höchstens|maximal|mehr als|weniger als)\s*$", re.I)
_THRESHOLD_PENALTY = 1.5
_KIND_OF_TYPE: dict[str, CandidateKind] = {
    "datum": "datum",
    "betrag": "betrag",
    "zahl": "zahl",
    "text": "text",
    "janein": "zeile",
    "auswahl": "zeile",
}


@dataclass(frozen=True)
class FieldTerms:
    """What a field asks, as tokens: wanted (name, question, hint), unwanted (the hint's "nicht …" clauses)."""

    wanted: frozenset[str]
    unwanted: frozenset[str]
    options: frozenset[str]
    cues: frozenset[str]
    sorts: frozenset[TextSort]
    street_only: bool = False  # "Straße und Hausnummer" asked: postcode and place are more than asked
    counted: str = ""  # the noun a count field counts, as written ("Bäume" of "Wie viele Bäume …?")
    # measures the field's own wording states ("Umfang in 1 m Höhe gemessen"), in base units: how, not what
    defining: frozenset[tuple[float, str]] = frozenset()

    @classmethod
    def of(cls, spec: FieldSpec) -> FieldTerms:
        analyzer = shared_analyzer()
        hint = spec.hinweis
        asked = f"{spec.frage} {spec.hinweis}"
        unwanted_text = " ".join(match.group(0) for match in EXCLUDING_CLAUSE.finditer(hint))
        wanted = analyzer.token_set(f"{spec.name.replace('_', ' ')} {spec.frage} {EXCLUDING_CLAUSE.sub('', hint)}")
        options = analyzer.token_set(" ".join(spec.optionen)) - wanted
        wanted -= _TYPE_WORDS.get(spec.typ, set())  # every date is a "Datum": the word tells none apart
        unwanted = {
            token  # "Zeichen einer Kanzlei" must not count against "Aktenzeichen"
            for token in analyzer.token_set(unwanted_text) - wanted
            if not any(token in other or other in token for other in wanted)
        }
        cue = _CUE.search(spec.frage)
        cues = _CUE_WORDS.get(cue.group(1).lower(), set()) if cue else set()
        sorts = {sort for sort, pattern in _SORT_CUES.items() if pattern.search(asked)} if spec.typ == "text" else set()
        asked_for = EXCLUDING_CLAUSE.sub("", asked)
        street_only = bool(_STREET_ASKED.search(asked_for)) and not _PLACE_ASKED.search(asked_for)
        counted = _ASKED_COUNT.search(spec.frage)
        return cls(
            frozenset(wanted),
            frozenset(unwanted),
            frozenset(options),
            frozenset(cues),
            frozenset(sorts),
            street_only,
            counted["noun"] if counted else "",
            frozenset(_in_base(measure, measure.unit) for measure in find_measures(asked) if measure.unit),
        )


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float
    value: str | float
    named: bool = False  # its label names the field itself, beyond the type ("Beginn der Haltung", not "Datum")

    @property
    def shown(self) -> str:
        """How the model names this choice: the value as written ("01.04.2025", "12,5 m²")."""
        return " ".join(self.candidate.raw.split())[:_SHOWN_CHARS]


@dataclass(frozen=True)
class FieldChoices:
    """The ranked candidates offered for one field, best first."""

    spec: FieldSpec
    ranked: list[Ranked]
    evident: tuple[str, Candidate] | None = None  # the one option the case's lines name, with its first line
    unnamed: frozenset[str] = frozenset()  # distinctive options no line of the case names ("Abwassergebühren")
    hidden: bool = False  # a value of the field's kind stands in running text or scored too low to be offered
    writable: bool = False  # a text field with no candidate may be written freely; a file number has a shape

    @property
    def lines(self) -> bool:
        """Yes/no and choice fields choose a deciding line (by number), the others a value (as written)."""
        return self.spec.typ in ("janein", "auswahl")

    @property
    def keys(self) -> list[str]:
        if self.lines:
            return [str(number) for number in range(1, len(self.ranked) + 1)]
        return [entry.shown for entry in self.ranked]

    def get(self, key: str) -> Ranked | None:
        return next((entry for shown, entry in zip(self.keys, self.ranked, strict=True) if shown == key), None)


Weights = dict[str, float]


def _matches(wanted: frozenset[str], found: AbstractSet[str], weights: Weights | None = None) -> float:
    """Weighted hits of wanted tokens: exact 1, as part of a compound ("ermass" in "steuerermass") 0.7; each
    times the token's weight in this case (a word on every line of the case, "Hundesteuer", says little)."""
    score = 0.0
    found = found | {_without_zu(token) for token in found}
    for token in wanted:
        weight = weights.get(token, 1.0) if weights else 1.0
        if token in found:
            score += weight
        elif len(token) >= 5 and any(token in other or (len(other) >= 5 and other in token) for other in found):
            score += 0.7 * weight
    return score


def _without_zu(token: str) -> str:
    """A separable verb's zu-infinitive as its stem: "auszusetz" (auszusetzen) → "aussetz" (Aussetzung)."""
    at = token.find("zu", 2, 6)
    return token[:at] + token[at + 2 :] if at > 0 and len(token) - at > 4 else token


def case_weights(terms: FieldTerms, candidates: CaseCandidates) -> Weights:
    """Per wanted token, 1 / (1 + ln(1 + the number of the case's lines that contain it))."""
    lines = [line.context_tokens for line in candidates.of("zeile")]
    weights: Weights = {}
    for token in terms.wanted | terms.options:
        count = sum(1 for line in lines if _matches(frozenset({token}), line) > 0)
        weights[token] = 1.0 / (1.0 + math.log1p(count))
    return weights


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def score(terms: FieldTerms, candidate: Candidate, weights: Weights | None = None, names_field: bool = False) -> float:
    """How well a candidate's label (and, less, its line or sentence) speaks of the field. ``names_field``: its form
    label names the field; a name there need not look like one ("Ev.-Luth. Kirchengemeinde Ebersholm"), an address
    or a file number always does."""
    label = candidate.label_tokens
    context = candidate.context_tokens - label
    value = 2.0 * _matches(terms.wanted, label, weights) + _matches(terms.wanted, context, weights)
    value += 1.5 * _matches(terms.options, label | context, weights)
    if terms.sorts and _AUTHORITY.search(candidate.context):
        value -= 1.0  # the authority's own letterhead, address or staff is never the citizen's
    if "name" in terms.sorts and _STAFF_LABEL.search(candidate.label):
        value -= 3.0  # "Bearbeiterin: Dr. Katrin Vogt", "Auskunft: Frau Armbruster", "Geschäftsführung: …"
    if terms.cues & _words(candidate.label):
        value += 1.5
    if terms.sorts & candidate.sorts:
        value += 1.5  # a name for "Wer …?", an address for "Anschrift"
    elif terms.sorts and not (names_field and "name" in terms.sorts and candidate.sorts == {"wert"}):
        value -= 1.0
    if _matches(terms.unwanted, label):
        value -= 2.0
    elif _matches(terms.unwanted, context):
        value -= 0.5
    return value + (0.3 if candidate.labelled and value > 0 else 0.0)


def counts_asked(terms: FieldTerms, measure: Measure | None) -> bool:
    """Whether a count is of what the field asks to count: "ein großer Laubbaum" and "3 Bäume" count the "Bäume" of
    "Wie viele Bäume …?", "einer Baumfällung" does not; the plural itself after an article ("der Bäume") says no
    number."""
    if (
        measure is None
        or not measure.noun
        or not terms.counted
        or (measure.unit and measure.unit.dimension != "anzahl")
    ):
        return False
    plural = terms.counted.casefold()
    if measure.implied and measure.noun.casefold() in (plural, f"{plural}n"):
        return False
    analyzer = shared_analyzer()
    asked_stems, counted = analyzer.token_set(terms.counted), analyzer.token_set(measure.noun)
    # the head of a compound is its last part: a "Laubbaum" is a tree, a "Baumfällung" is none
    return any(word.endswith(stem) for stem in asked_stems for word in counted if len(stem) >= _MIN_STEM_CHARS)


def _defines_field(measure: Measure | None, terms: FieldTerms) -> bool:
    return measure is not None and measure.unit is not None and _in_base(measure, measure.unit) in terms.defining


def _in_base(measure: Measure, unit: Unit) -> tuple[float, str]:
    """A measure in its dimension's base unit, to compare measures across units ("100 cm" and "1 m")."""
    return round(measure.value * unit.factor, 4), unit.dimension


def _field_unit(spec: FieldSpec) -> Unit | None:
    return unit_of(spec.einheit) if spec.einheit else None


def rank(spec: FieldSpec, candidates: CaseCandidates) -> FieldChoices:
    """The candidates a field is offered: of its type (a number in the field's unit, a text of the sort it asks
    for), with a positive score, best first; each value as the field takes it (150 cm → 1.5 for a field in m)."""
    terms = FieldTerms.of(spec)
    kind = _KIND_OF_TYPE[spec.typ]
    unit = _field_unit(spec)
    weights = case_weights(terms, candidates)
    ranked: dict[str, Ranked] = {}
    hidden = False
    for candidate in candidates.of(kind):
        value: str | float | None = candidate.value
        counts = False
        if kind == "zahl":
            value = in_unit(candidate.measure, unit) if candidate.measure else None
            counts = counts_asked(terms, candidate.measure)
            if candidate.measure and candidate.measure.implied and not counts:
                continue  # "der Antrag" is one of nothing the field counts
            if _defines_field(candidate.measure, terms):
                continue  # "in 1 m Höhe" says where the field is measured
        if value is None:
            continue
        names_field = _label_names_field(terms, candidate, weights, spec)
        points = score(terms, candidate, weights, names_field) + (_COUNTED_NOUN_POINTS if counts else 0.0)
        if kind == "zahl" and not candidate.labelled and _BOUND_BEFORE.search(candidate.label):
            points -= _THRESHOLD_PENALTY
        if kind == "text" and not (terms.sorts & candidate.sorts) and not names_field:
            continue  # a labelled value whose label speaks of something else ("Rufname des Hundes")
        if terms.street_only and kind == "text" and with_place(str(value)):
            continue  # the street alone stands as a candidate of its own
        if points <= (_MIN_LINE_SCORE if spec.typ == "janein" else 0) or (
            kind in _NAMED_KINDS and label_score(terms, candidate, weights, spec) <= 0
        ):
            hidden = hidden or points > _NEAR_MISS or (kind != "zeile" and not candidate.labelled)
            continue
        entry = Ranked(candidate, points, value, names_field)
        same = ranked.get(entry.shown)
        if same is None or points > same.score:  # one entry per value as written: its best-labelled occurrence
            ranked[entry.shown] = entry
    best = sorted(ranked.values(), key=lambda entry: (-entry.score, entry.candidate.doc_id, entry.candidate.start))
    if kind == "text":  # "Aksoy" from the salutation adds nothing to "Selin Aksoy"
        best = [entry for entry in best if not any(_part_of(entry, other) for other in best)]
    limit = _LINES_PER_FIELD if kind == "zeile" else _CANDIDATES_PER_FIELD
    named, unnamed = _named_options(spec, candidates) if spec.typ == "auswahl" else ({}, set())
    evident = next(iter(named.items())) if len(named) == 1 else None
    form = sum(c.labelled for kind in ("datum", "betrag", "text") for c in candidates.of(kind)) >= _FORM_VALUES
    hidden = hidden or len(best) > limit or not form  # running text can hold a value no label names
    unfound, asks_file_number = kind == "text" and not best, terms.sorts == {"zeichen"}
    if unfound and asks_file_number:  # text recognition may have broken a file number's shape
        hidden = hidden or any(line.ocr for line in candidates.of("zeile"))
    writable = unfound and not asks_file_number
    return FieldChoices(spec, best[:limit], evident, frozenset(unnamed), hidden, writable)


def of_another_sort(spec: FieldSpec, value: str, candidates: CaseCandidates) -> bool:
    """A freely written value that is one of the case's names or addresses while the field asks for neither: the
    writer filled "Um welche Baumart handelt es sich?" with the street of the letter head."""
    asked = FieldTerms.of(spec).sorts | ({"anschrift"} if _WHERE_ASKED.search(spec.frage) else set())
    return any(
        (candidate.sorts & {"name", "anschrift"}) - asked and _plain(str(candidate.value)) == _plain(value)
        for candidate in candidates.of("text")
    )


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _named_options(spec: FieldSpec, candidates: CaseCandidates) -> tuple[dict[str, Candidate], set[str]]:
    """The options whose distinctive words ("Abfallgebühren") a line of the case names, each with that line, and
    the distinctive options no line names; generic options ("ein Hund", "sonstige") are neither."""
    analyzer = shared_analyzer()
    named: dict[str, Candidate] = {}
    unnamed: set[str] = set()
    for option in spec.optionen:
        distinctive = frozenset(token for token in analyzer.tokens(option) if len(token) >= _DISTINCTIVE_CHARS)
        if not distinctive:
            continue
        line = next(
            (
                line
                for line in candidates.of("zeile")
                if all(_matches(frozenset({token}), line.context_tokens) for token in distinctive)
            ),
            None,
        )
        if line is None:
            unnamed.add(option)
        else:
            named[option] = line
    return named, unnamed


def label_score(terms: FieldTerms, candidate: Candidate, weights: Weights, spec: FieldSpec) -> float:
    """How much the label, or in running text the words just before a value, speaks of the field; a date whose
    sentence only shares the case's topic ("Widerspruch … vom 5. Februar") says nothing of "eingegangen"."""
    counted = candidate.measure.noun if candidate.measure else ""  # "vier Tische" speaks of "Tische"
    label = (candidate.label_tokens | shared_analyzer().token_set(counted)) - _TYPE_WORDS.get(spec.typ, set())
    cue = 1.0 if terms.cues & _words(candidate.label) else 0.0
    return _matches(terms.wanted, label, weights) + cue


def _label_names_field(terms: FieldTerms, candidate: Candidate, weights: Weights, spec: FieldSpec) -> bool:
    """Whether a form label names the field beyond its type: "Beginn der Haltung" does, "Datum" does not."""
    label = candidate.label_tokens - _TYPE_WORDS.get(spec.typ, set())
    return candidate.labelled and 2.0 * _matches(terms.wanted, label, weights) >= _MIN_LINE_SCORE


def _part_of(entry: Ranked, other: Ranked) -> bool:
    """A name from a salutation ("Aksoy") inside a longer one; labelled values ("Gemeine Fichte") stay."""
    if entry.candidate.labelled:
        return False
    shown, longer = entry.shown.casefold(), other.shown.casefold()
    return shown != longer and len(shown) >= 3 and re.search(rf"\b{re.escape(shown)}\b", longer) is not None


def choice_schema(choices: list[FieldChoices]) -> dict[str, Any]:
    """JSON schema of the model's answer: per field one of its candidate values as written, or "nicht
    angegeben"; a yes/no or choice field gives its answer, then the number of the line that decides it."""
    properties: dict[str, Any] = {}
    for field_choices in choices:
        spec = field_choices.spec
        if field_choices.lines:
            answers = ["ja", "nein"] if spec.typ == "janein" else list(spec.optionen)
            properties[spec.name] = {
                "type": "object",
                "properties": {"antwort": {"enum": [*answers, NONE_CHOICE]}, "zeile": {"enum": field_choices.keys}},
                "required": ["antwort", "zeile"],
            }
        else:
            properties[spec.name] = {"enum": [*field_choices.keys, NONE_CHOICE]}
    return {"type": "object", "properties": properties, "required": list(properties)}


def confidence(choices: FieldChoices, chosen: Ranked | None) -> tuple[Confidence, str]:
    """``sicher`` where nothing competed: the model took the clear first candidate of a labelled line on a page
    with a text layer, or chose none where no candidate spoke of the field. Otherwise ``prüfen`` with why."""
    ranked = choices.ranked
    if chosen is None:
        if ranked:
            return "prüfen", "Ein möglicher Wert wurde nicht übernommen."
        if choices.hidden:
            return "prüfen", "Ein Wert dieser Art steht im Text, aber ohne Beschriftung, die das Feld nennt."
        return "sicher", ""
    candidate = chosen.candidate
    if candidate.ocr:
        return "prüfen", "Der Wert stammt aus einer Texterkennung (OCR)."
    if chosen is not ranked[0]:
        return "prüfen", "Ein anderer Wert passt der Beschriftung nach besser."
    if len(ranked) > 1 and ranked[1].score > chosen.score - _CLEAR_MARGIN:
        return "prüfen", "Mehrere Werte kommen in Frage."
    if not candidate.labelled:
        return "prüfen", "Der Wert steht im Fließtext, nicht in einer beschrifteten Zeile."
    if not chosen.named:
        return "prüfen", "Die Beschriftung nennt das Feld nicht ausdrücklich."
    return "sicher", ""


DOCUMENT_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TYPE_LABELS = {"text": "Text", "datum": "Datum", "betrag": "Betrag in Euro", "janein": "Ja/Nein"}


def type_label(spec: FieldSpec) -> str:
    """How a field's type is named in a prompt: "Datum", "Zahl in m²", "Auswahl: a | b"."""
    if spec.typ == "auswahl":
        return f"Auswahl: {' | '.join(spec.optionen)}"
    if spec.typ == "zahl":
        return f"Zahl in {spec.einheit}" if spec.einheit else "Zahl"
    return _TYPE_LABELS[spec.typ]


def _where(entry: Ranked) -> str:
    """What the document says about a value, briefly: its label, else the words around it."""
    candidate = entry.candidate
    if candidate.labelled and candidate.label:
        return candidate.label.rstrip(":|? ")[:_LABEL_CHARS]
    return candidate.context


def choice_lines(offered: list[FieldChoices], doc_ids: list[str]) -> str:
    """The prompt's field blocks: each field's question and hint, then its candidates best first."""
    letters = dict(zip(doc_ids, DOCUMENT_LETTERS, strict=False))
    blocks = []
    for field_choices in offered:
        spec = field_choices.spec
        hint = f" ({spec.hinweis})" if spec.hinweis else ""
        lines = [f"{spec.name} ({type_label(spec)}): {spec.frage}{hint}"]
        for key, entry in zip(field_choices.keys, field_choices.ranked, strict=True):
            source = f"{letters.get(entry.candidate.doc_id, '?')} S. {entry.candidate.page}"
            if field_choices.lines:
                lines.append(f"  [{key}] „{entry.candidate.context}“ ({source})")
            else:
                lines.append(f"  „{key}“ – {_where(entry)} ({source})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
