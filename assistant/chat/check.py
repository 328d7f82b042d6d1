"""The answer check: every number, amount, date and duration the model writes must stand in the evidence it cites
(or in the question). A fee that is not in the cited row is a wrong answer with a verified-looking citation. So is
an answer about a thing of the question ("Rentner") that the cited documents never name."""

from __future__ import annotations

import re
from typing import Literal

from assistant.shared.citations import MARKER
from ingest.german import shared_analyzer
from ingest.quantities import Quantity, measured, quantities

_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})\b")
_NUMBER = re.compile(r"(?<![\w,.])\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?![\d])|(?<![\w,])\d+(?:[,.]\d+)?")
_NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
    "einem": 1, "eins": 1, "einen": 1, "halb": 0.5,
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_CHECKED_UNITS = {"euro", "prozent", "woch", "tag", "monat", "jahr", "stund", "minut", "uhr", "km", "kg", "m"}
_DURATIONS = {"woch", "tag", "monat", "jahr", "stund", "minut"}
# how a question asks for an amount; the choice offers amounts for the same questions
ASKS_AMOUNT = re.compile(
    r"\b(was|wie ?viel)\b[^?]*\b(kostet|kosten|zahle|zahlt|zahlen|bezahle|berechnet)\b"
    r"|\bwie hoch\b[^?]*(gebühr|betrag|summe|entgelt|preis|satz|eigenanteil|buße|kosten|steuer)"
    r"|\b(welche[nrms]?|mit welchem|bis zu welche[mr])\s+(betrag|summe|eigenanteil|gebühr|preis|höchstbetrag"
    r"|stundensatz|entgelt)\b",
    re.IGNORECASE,
)
_ASKS_DURATION = re.compile(r"\bwie lange\b|\bfür welchen zeitraum\b", re.IGNORECASE)
_ASKS_TIME = re.compile(r"\b(um|ab|bis) wie viel uhr\b|\bzu welcher uhrzeit\b|\bum welche uhrzeit\b", re.IGNORECASE)
_ASKS_COUNT = re.compile(r"\bwie viele\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\b|\b\d{1,2} uhr\b", re.IGNORECASE)
_FREE = re.compile(r"\b(kostenlos|kostenfrei|gebührenfrei|unentgeltlich|frei)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"(?<=\d)[ .](?=\d{3}\b)")
_ARTICLE_ONE = re.compile(r"\bein(?:e[mnrs]?)?\s+([A-ZÄÖÜ][a-zäöüß]+)")  # "innerhalb eines Jahres": one year
MIN_PART_CHARS = 4


def figures(text: str) -> set[str]:
    """The figures of ``text``, normalised: dates as "d.m.yyyy", numbers as their value ("165,00 €" → "165")."""
    found: set[str] = set()
    text = MARKER.sub(" ", text)
    for day, month, year in _DATE.findall(text):
        found.add(f"{int(day)}.{int(month)}.{year[-2:]}")
    text = _DATE.sub(" ", text)
    for raw in _NUMBER.findall(text):
        found.add(_normal(raw))
    return found


def figure_words(text: str) -> set[str]:
    """Numbers written as words ("vier Wochen"), normalised like ``figures``; they count as evidence too."""
    return {_normal(str(_NUMBER_WORDS[word.lower()])) for word in _WORD.findall(text)}


def unsupported_figures(answer: str, evidence: str, question: str) -> set[str]:
    """Figures of the answer that neither the cited evidence nor the question contains; an amount or duration
    must stand there with its unit ("3,00 Euro" is not supported by "3 Nachmittage")."""
    known = figures(evidence) | figure_words(evidence) | figures(question) | figure_words(question)
    unsupported = {figure for figure in figures(answer) | figure_words(answer) if figure not in known} - {"1"}
    stated = {(q.value, q.unit) for q in _measured(f"{evidence} {question}")}
    for quantity in measured(quantities(MARKER.sub(" ", answer))):
        if quantity.unit in _CHECKED_UNITS and (quantity.value, quantity.unit) not in stated:
            unsupported.add(f"{quantity.value:g} {quantity.unit}")
    return unsupported


def misses_asked_kind(answer: str, question: str) -> bool:
    """A question for an amount ("Was kostet …", "Welcher Stundensatz gilt …"), a duration ("Wie lange …"), a time of
    day ("Um wie viel Uhr …") or a count ("Wie viele …") answered without one."""
    units = {quantity.unit for quantity in _measured(MARKER.sub(" ", answer))}
    if ASKS_AMOUNT.search(question):
        return "euro" not in units and not _FREE.search(answer)
    if _ASKS_DURATION.search(question):
        return not any(unit.endswith(tuple(_DURATIONS)) for unit in units) and not _FREE.search(answer)
    if _ASKS_TIME.search(question):
        return not _TIME.search(answer)
    if _ASKS_COUNT.search(question):
        return not (figures(answer) | figure_words(answer))
    return False


def _measured(text: str) -> list[Quantity]:
    """The measured quantities of ``text``, with one of a unit named by its article ("eines Jahres", "einem
    Monat"), which the quantity reader leaves out because "ein" is mostly an article."""
    ones = " ".join(f"1 {noun}" for noun in _ARTICLE_ONE.findall(text))
    return measured(quantities(text)) + [q for q in measured(quantities(ones)) if q.unit in _DURATIONS]


def _normal(raw: str) -> str:
    value = float(_SEPARATORS.sub("", raw).replace(",", "."))
    return f"{value:g}"


_YES_NO_QUESTION = re.compile(
    r"^\s*(kann|können|darf|dürfen|muss|müssen|ist|sind|gibt|gilt|gelten|wird|werden|besteht|hat|haben|habe|"
    r"bekomme|bekommt|erhalte|erhält|brauche|braucht|soll|sollen|dürfte|fällt|fallen)\b",
    re.IGNORECASE,
)
_YES = re.compile(r"^\W*ja\b", re.IGNORECASE)
_NO = re.compile(r"^\W*nein\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(nicht|kein|keine|keinen|keiner|keinem|nie|niemals|ausgenommen|ausgeschlossen|unzulässig|untersagt|"
    r"verboten|entfällt|entfallen|ohne|weder|außer|ausnahme)\b",
    re.IGNORECASE,
)


# "Gilt für das TSF-W derselbe Stundensatz wie für das TSF?": two values compared, which no single wording decides
_COMPARES = re.compile(
    r"\b(derselbe[nm]?|dieselbe|dasselbe|gleiche[nmrs]?|gleich (hoch|viel|lang|teuer|groß)|identisch\w*|genauso)\b",
    re.I,
)


def asks_yes_no(question: str) -> bool:
    return bool(_YES_NO_QUESTION.match(question))


def asks_comparison(question: str) -> bool:
    """A yes/no question whether two things have the same value: a negation in the evidence does not decide it."""
    return asks_yes_no(question) and bool(_COMPARES.search(question))


def stated_polarity(deciding: str, question: str) -> Literal["ja", "nein"]:
    """The answer the deciding unit gives to a yes/no question by its wording: "nein" where exactly one of the two
    negates ("Darf ich …?" – "… ist nicht gestattet")."""
    return "nein" if bool(_NEGATION.search(deciding)) != bool(_NEGATION.search(question)) else "ja"


def contradicts_polarity(answer: str, deciding: str, question: str) -> bool:
    """A yes/no answer that does not fit its deciding unit: "Ja" where the unit negates, "Nein" where nothing in
    it (or the question) negates; any "Ja" or "Nein" to a comparison, which no wording confirms."""
    if not asks_yes_no(question):
        return False
    if asks_comparison(question):
        return bool(_YES.match(answer) or _NO.match(answer))
    stated = stated_polarity(deciding, question)
    if _YES.match(answer):
        return stated == "nein"
    if _NO.match(answer):
        return stated == "ja"
    return False


def adds_nothing(answer: str, evidence_words: set[str], question_words: set[str], answer_words: set[str]) -> bool:
    """An answer that only repeats the question ("Die Leihfrist für Tablets ist [1].") carries no evidence."""
    return not (answer_words & evidence_words) - question_words and not _YES.match(answer) and not _NO.match(answer)


# "Wie kann ich verlängern?" – "schriftlich oder persönlich": a manner may be answered without a noun
_ASKS_MANNER = re.compile(
    r"\bwie\b(?!\s+(lange|viele?|hoch|oft|alt|weit|groß))|\bin welcher form\b|\bauf welche weise\b", re.I
)
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]*")
_INNER_CAPITALISED = re.compile(r"(?<=[\w,;)–-] )[A-ZÄÖÜ][\wäöüß-]*")  # not at a sentence's start: a noun
# words an answer uses about its sources ("laut der Regel [1]"), which the sources need not contain
_ABOUT_SOURCES = {"ja", "nein", "regel", "regelung", "quell", "fundstell", "unterlag", "dokument", "angab", "text"}


def answer_nouns(answer: str, pattern: re.Pattern[str] = _CAPITALISED) -> set[str]:
    """The answer's capitalised words, stemmed, without those about the sources themselves."""
    return shared_analyzer().token_set(" ".join(pattern.findall(MARKER.sub(" ", answer)))) - _ABOUT_SOURCES


def names_nothing_new(answer: str, question: str) -> bool:
    """A question for a thing ("Welche elektronischen Geräte …?") answered with no thing and no figure beyond the
    question's own: "Es ist nicht gestattet, elektronische Geräte im Freibad zu benutzen [1]." restates it."""
    if asks_yes_no(question) or _ASKS_MANNER.search(question):
        return False
    plain = MARKER.sub(" ", answer)
    new_figures = (figures(plain) | figure_words(plain)) - figures(question) - figure_words(question)
    return not new_figures and not answer_nouns(answer) - shared_analyzer().token_set(question)


def foreign_nouns(answer: str, question: str, document_words: set[str]) -> set[str]:
    """Nouns of the answer that neither its cited documents nor the question name, not even inside a compound: a
    body or a person the model brought from elsewhere ("… wird durch den Seniorenbeirat getroffen"). A sentence's
    first word may be no noun ("Laut …", "Darüber …") and is left out."""
    question_words = shared_analyzer().token_set(question)
    return {
        noun
        for noun in answer_nouns(answer, _INNER_CAPITALISED) - _units()
        if not _named_in(noun, document_words) and not _named_in(noun, question_words)
    }


def _units() -> set[str]:
    return shared_analyzer().token_set("Euro Prozent Uhr Kilometer Meter Quadratmeter")


# "drei Kinder", "15-jährige Tochter": the asker's own case, counted or aged ("120-Liter-Restmülltonne" is a thing)
_COUNTED_NOUN = re.compile(
    r"(?:\d[\d,.]*|\b(?:"
    + "|".join(word for word, value in _NUMBER_WORDS.items() if value >= 2)
    + r"))(?:-jährig\w*)?\s+(?:[a-zäöüß]+\s+)?([A-ZÄÖÜ][\wäöüß-]*)"
)


def question_nouns(question: str) -> set[str]:
    """The question's nouns (capitalised words after its first, also after a figure: "120-Liter-Restmülltonne"),
    stemmed: what it asks about."""
    capitalised = re.findall(r"(?:(?<=\s)|(?<=\d-))[A-ZÄÖÜ][\wäöüß-]*", question)
    return shared_analyzer().token_set(" ".join(capitalised))


def unnamed_nouns(answer: str, question: str, document_words: set[str]) -> set[str]:
    """Nouns of the question that the answer repeats but its cited documents never name, not even inside a
    compound: "Ja, die ermäßigte Saisonkarte für Rentner kostet 40 €" from a fee schedule without Rentner answers
    a case the documents do not regulate."""
    return {noun for noun in _repeated_nouns(answer, question) if not _named_in(noun, document_words)}


def _repeated_nouns(answer: str, question: str) -> set[str]:
    """The question's nouns of its case (``_case_nouns``) that the answer repeats."""
    return _case_nouns(question) & shared_analyzer().token_set(MARKER.sub(" ", answer))


def _case_nouns(question: str) -> set[str]:
    """The question's nouns but for those counted or aged by the question ("15-jährige Tochter"): that is the
    asker's own case, which a bound in the document may cover."""
    counted = shared_analyzer().token_set(" ".join(_COUNTED_NOUN.findall(question)))
    return question_nouns(question) - counted


def misplaced_nouns(answer: str, question: str, cited_words: set[str], uncited_words: set[str]) -> set[str]:
    """Things of the question that its cited excerpts do not name but another shown excerpt does: "9
    Unterrichtseinheiten … für die praktischen Übungen zur Reanimation [2]" took the figure of the first-aid module
    from [2], while [1] is the row of the practical exercises; „In welchen Ausschuss gehören
    Kindergartenangelegenheiten?“ answered from a sentence about „Angelegenheiten“ in general, while [1] lists them.
    The cited excerpt must name the thing itself: a more general word ("Angelegenheit" for
    "Kindergartenangelegenheiten") does not. The other excerpt must name it itself too, unless the answer repeats
    the thing, which then surely is the point."""
    repeated = _repeated_nouns(answer, question)
    return {
        noun
        for noun in _case_nouns(question)
        if not _named_whole(noun, cited_words)
        and (_named_whole(noun, uncited_words) or (noun in repeated and _named_in(noun, uncited_words)))
    }


def _named_whole(noun: str, words: set[str]) -> bool:
    """Named as itself or inside a compound ("Platz" in "Betreuungsplatz"); the head alone does not name the
    compound ("Angelegenheit" is not "Kindergartenangelegenheit")."""
    return any(noun in word for word in words)


def _named_in(noun: str, words: set[str]) -> bool:
    """Generous on purpose, since a miss declines an answer: "platz" is named by "betreuungsplatz", "saisonkarte" by
    "karte"."""
    return _named_whole(noun, words) or any(len(word) >= MIN_PART_CHARS and word in noun for word in words)
