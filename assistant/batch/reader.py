"""Locating extracted values in a case's own documents: a value counts only where it stands in the stored text.

Dates and amounts are found by their normalised value next to words of the field's question, text by its words
(also across form rows), yes/no and choice answers by their quoted evidence. What cannot be located is "nicht
gefunden" — never a guessed value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.batch.fields import EXCLUDING_CLAUSE, FieldSpec
from assistant.batch.results import CellValue
from assistant.batch.values import find_amounts, find_dates, parse_amount, parse_date
from assistant.shared.citations import Citation, StoredTexts
from ingest.german import overlap_share, shared_analyzer
from ingest.passage_store import PassageStore
from ingest.sentences import split_sentences
from ingest.types import Scope

_QUOTE_CHARS = 240
_MIN_EVIDENCE_SHARE = 0.6
_LINE = re.compile(r"[^\n]+")
_DISTINCTIVE_CHARS = 6
_UNIT_WORDS = {"euro", "eur"}  # next to almost every amount: no sign that the amount is the one asked for
# a salutation or label the model copies along with the value ("Frau Erika Muster", "Az. 32.1-114/25")
_VALUE_PREFIX = re.compile(r"^(?:frau|herrn?|familie|az\.|aktenzeichen:?|gz\.|geschäftszeichen:?)\s*", re.IGNORECASE)
_NEGATIONS = {"nein", "nicht", "kein", "keine", "keinen", "keiner", "ohne"}
WindowMatch = tuple[float, str, int, str]  # (score, doc_id, start, window text)


def _tokens(text: str) -> set[str]:
    return shared_analyzer().token_set(text)


@dataclass(frozen=True)
class Located:
    value: CellValue
    raw: str
    doc_id: str
    start: int
    end: int


class CaseReader:
    """The stored documents of one case, for the prompt and for locating extracted values."""

    def __init__(self, store: PassageStore, doc_ids: list[str], scope: Scope) -> None:
        """Only the case documents in ``scope`` (the owner's readable collections) are read."""
        self.store = store
        self.scope = scope
        self.texts = StoredTexts(store, scope)
        self.documents = [doc for doc_id in doc_ids if (doc := store.document(doc_id, scope)) is not None]

    def full_text(self) -> str:
        parts = []
        for document in self.documents:
            pages = self.store.pages(document.doc_id, self.scope)
            body = "\n".join(f"[Seite {page.number}]\n{page.text.strip()}" for page in pages)
            parts.append(f"Dokument „{document.title}“:\n{body}")
        return "\n\n".join(parts)

    def locate(self, spec: FieldSpec, answer: object) -> Located | None:
        """Where the answer stands in the case's documents, or None if it cannot be found there."""
        if spec.typ in ("janein", "auswahl"):
            if not isinstance(answer, dict) or answer.get("antwort") is None:
                return None
            return self._evidence(str(answer["antwort"]), str(answer.get("beleg") or ""), spec)
        if not isinstance(answer, str) or not answer.strip():
            return None
        if spec.typ == "datum":
            return self._in_context(self._date(answer), spec)
        if spec.typ == "betrag":
            return self._in_context(self._amount(answer), spec)
        return self._text(_VALUE_PREFIX.sub("", answer.strip()))

    def _in_context(self, located: Located | None, spec: FieldSpec) -> Located | None:
        """Documents hold many dates and amounts: keep one only if its line (or the label line above it)
        speaks of the field ("Jahressteuer: 108,00 €"), so a postcode or another fee is not taken for it."""
        if located is None:
            return None
        text = self.texts.text(located.doc_id)
        line_start = text.rfind("\n", 0, text.rfind("\n", 0, located.start)) + 1
        line_end = text.find("\n", located.end)
        context = _tokens(text[line_start : line_end if line_end >= 0 else len(text)])
        hint = EXCLUDING_CLAUSE.sub("", spec.hinweis)  # "– nicht das Datum des Schreibens" names the wrong lines
        about = _tokens(f"{spec.name.replace('_', ' ')} {spec.frage} {hint}") - _UNIT_WORDS
        return located if overlap_share(about, context) > 0 else None

    def _spans(self) -> Iterator[tuple[str, str]]:
        for document in self.documents:
            yield document.doc_id, self.texts.text(document.doc_id)

    def _date(self, answer: str) -> Located | None:
        wanted = parse_date(answer)
        if wanted is None:
            return None
        for doc_id, text in self._spans():
            for found in find_dates(text):
                if found.value == wanted:
                    return Located(wanted.isoformat(), text[found.start : found.end], doc_id, found.start, found.end)
        return None

    def _amount(self, answer: str) -> Located | None:
        wanted = parse_amount(answer)
        if wanted is None:
            return None
        matches = [  # only amounts written as money ("120,00", "96 €"), not any number such as a postcode
            (found, doc_id, text)
            for doc_id, text in self._spans()
            for found in find_amounts(text)
            if found.value == wanted and found.marked
        ]
        if not matches:
            return None
        found, doc_id, text = matches[0]
        return Located(wanted, text[found.start : found.end].strip(), doc_id, found.start, found.end)

    def _text(self, answer: str) -> Located | None:
        pattern = r"\W+".join(re.escape(word) for word in re.findall(r"\w+", answer))
        if not pattern:
            return None
        for doc_id, text in self._spans():
            if match := re.search(pattern, text, re.IGNORECASE):
                return Located(answer, match.group(0), doc_id, match.start(), match.end())
        # "Mustermann, Erika" for "Erika Mustermann", or an address over form rows: every word within three lines
        words = {word.casefold() for word in re.findall(r"\w+", answer)}
        for doc_id, text in self._spans():
            lines = list(_LINE.finditer(text))
            for number, line in enumerate(lines):
                for last in lines[number : number + 3]:
                    window = text[line.start() : last.end()]
                    if words <= {word.casefold() for word in re.findall(r"\w+", window)}:
                        return Located(answer, window.strip(), doc_id, line.start(), last.end())
        return None

    def _evidence(self, answer: str, evidence: str, spec: FieldSpec) -> Located | None:
        """A yes/no or choice answer counts only if its quoted evidence is (nearly word for word) in the text:
        in one sentence, or in a form's label line together with the value line below it."""
        wanted = _tokens(evidence)
        if not wanted:
            return None
        best: WindowMatch | None = None
        for doc_id, start, window in self._windows():
            share = overlap_share(wanted, _tokens(window))
            if best is None or share > best[0]:
                best = (share, doc_id, start, window)
        if (best is None or best[0] < _MIN_EVIDENCE_SHARE) and spec.typ == "janein":
            best = self._answer_window(answer, spec)
        if (best is None or best[0] < _MIN_EVIDENCE_SHARE) and spec.typ == "auswahl":
            best = self._option_window(answer)
        if best is None or best[0] < _MIN_EVIDENCE_SHARE:
            return None
        _, doc_id, start, window = best
        value: CellValue = answer == "ja" if spec.typ == "janein" else answer
        return Located(value, answer, doc_id, start, start + len(window))

    def _answer_window(self, answer: str, spec: FieldSpec) -> WindowMatch | None:
        """Small models paraphrase their evidence; for yes/no, accept the passage that asks the field's question
        (most of its words) and states the same answer ("Ermäßigung beantragt: nein")."""
        about = _tokens(f"{spec.frage} {spec.hinweis}")
        best: WindowMatch | None = None
        for doc_id, start, window in self._windows():
            words = set(re.findall(r"\w+", window.casefold()))
            if bool(words & _NEGATIONS) != (answer == "nein") or (answer == "ja" and "ja" not in words):
                continue
            score = 2 * overlap_share(about, _tokens(window)) if about else 0.0  # half suffice
            if best is None or score > best[0]:
                best = (score, doc_id, start, window)
        return best

    def _option_window(self, answer: str) -> WindowMatch | None:
        """A choice whose own distinctive words stand in the text ("Abfallgebühren" in "Abfallgebührenbescheid")
        is its own evidence; generic options ("ein Hund") are not, they need the quoted passage."""
        distinctive = {token for token in shared_analyzer().tokens(answer) if len(token) >= _DISTINCTIVE_CHARS}
        if not distinctive:
            return None
        for doc_id, start, window in self._lines():
            if overlap_share(distinctive, _tokens(window)) == 1.0:
                return 1.0, doc_id, start, window
        return None

    def _windows(self) -> Iterator[tuple[str, int, str]]:
        """Sentences, and each line joined with the next one (form label and value)."""
        yield from self._lines()
        for doc_id, text in self._spans():
            lines = list(_LINE.finditer(text))
            for line, following in itertools.pairwise(lines):
                yield doc_id, line.start(), text[line.start() : following.end()]

    def _lines(self) -> Iterator[tuple[str, int, str]]:
        """Lines of every document with their offsets, long lines cut into sentences."""
        for doc_id, text in self._spans():
            for match in _LINE.finditer(text):
                for sentence in split_sentences(match.group(0), match.start(), clauses=False):
                    yield doc_id, sentence.start, sentence.text

    def citation(self, located: Located) -> Citation:
        text = self.texts.text(located.doc_id)
        line_start = text.rfind("\n", 0, located.start) + 1
        line_end = text.find("\n", located.end)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, located.start - _QUOTE_CHARS // 2)
        end = min(line_end, max(located.end, start + _QUOTE_CHARS))
        document = next(doc for doc in self.documents if doc.doc_id == located.doc_id)
        passage = next(
            (
                p
                for p in self.store.passages_of(located.doc_id, self.scope)
                if p.char_start <= located.start < p.char_end
            ),
            None,
        )
        span = text[start:end]
        quote = span.strip()
        quote_start = start + len(span) - len(span.lstrip())
        return Citation(
            number=1,
            passage_id=passage.passage_id if passage else 0,
            doc_id=located.doc_id,
            title=document.title,
            source=document.source,
            page=self.texts.page_at(located.doc_id, located.start),
            section=passage.section if passage else "",
            quote=quote,
            quote_start=quote_start,
            quote_end=quote_start + len(quote),
            passage_start=passage.char_start if passage else start,
            passage_end=passage.char_end if passage else end,
        )
