"""The answer check: every number, amount, date and duration the model writes must stand in the evidence it cites
(or in the question). A fee that is not in the cited row is a wrong answer with a verified-looking citation."""

from __future__ import annotations

import re

from assistant.shared.citations import MARKER

_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})\b")
_NUMBER = re.compile(r"(?<![\w,.])\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?![\d])|(?<![\w,])\d+(?:[,.]\d+)?")
_NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
    "einem": 1, "eins": 1, "einen": 1, "halb": 0.5,
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"(?<=\d)[ .](?=\d{3}\b)")


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
    """Figures of the answer that neither the cited evidence nor the question contains."""
    known = figures(evidence) | figure_words(evidence) | figures(question) | figure_words(question)
    return {figure for figure in figures(answer) | figure_words(answer) if figure not in known} - {"1"}


def _normal(raw: str) -> str:
    value = float(_SEPARATORS.sub("", raw).replace(",", "."))
    return f"{value:g}"
