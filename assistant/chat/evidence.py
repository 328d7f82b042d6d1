"""Evidence first: the unit that decides the answer is chosen from the retrieved passages before the model runs.

Every retrieved passage is cut into units (sentences, list items with their lead-in, table rows with header and
caption). A unit is scored by the question's words it carries itself (its context counts less, so the row must
match, not the table), and it must serve the question's qualifiers: a quantity asked about ("zwei Kinder",
"zweijähriges Kind", "5 000 kg") has to be admitted by the unit and by the scope its document states nearby.

The finding is one of: ``belegt`` (a deciding unit, the model answers from it), ``nicht_geregelt`` (the documents
regulate a neighbouring case: a qualifier is not served, or a list names other items than the one asked about),
``widerspruch`` (two documents state different values in the same words) and ``keine`` (nothing fits).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from assistant.shared.excerpts import clauses, is_instruction, without_instructions
from ingest.german import shared_analyzer, words
from ingest.quantities import Quantity, measured, quantities, serves
from ingest.types import SearchHit
from ingest.units import Unit, passage_units

FindingKind = Literal["belegt", "nicht_geregelt", "widerspruch", "keine"]
CONTEXT_WEIGHT = 0.5  # a word found only in the lead-in or header counts half: the row itself must fit
RANK_DECAY = 0.05
EXTRA_WORD_PENALTY = 0.004  # of two rows that both fit, the one with fewer unasked words is meant
MIN_MATCH = 0.2
MIN_STEM_CHARS = 5
MAX_SUFFIX_CHARS = 3
RIVAL_SHARE = 0.85  # a unit of another document this close to the best one can contradict it
SAME_WORDING = 0.6
# words of how a question is asked; they say nothing about which item of a list is meant
_QUESTION_WORDS = shared_analyzer().token_set(
    "wie lange lang viel hoch welche welcher welches was wann wo wer darf dürfen kann können muss müssen "
    "gilt gelten kostet kosten beträgt betragen gibt es bekomme erhalte zahlen zahle brauche"
)


@dataclass(frozen=True)
class Candidate:
    hit: SearchHit
    rank: int
    unit: Unit
    score: float
    conflicts: tuple[Quantity, ...] = ()  # asked quantities this unit (or its document's scope) does not admit
    mentions: tuple[Quantity, ...] = ()  # the measured quantities of the unit with its context

    @property
    def key(self) -> tuple[int, int]:
        return (self.hit.passage_id, self.unit.span.start)


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    deciding: tuple[Candidate, ...] = ()  # the deciding unit first; for a contradiction the rival units
    supporting: tuple[Candidate, ...] = ()  # further fitting units the model may use
    missing: tuple[str, ...] = ()  # what the documents do not regulate (for nicht_geregelt)
    alternatives: tuple[Candidate, ...] = ()  # further fitting units, for choosing a value when the model declines

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return self.deciding + self.supporting


def find_evidence(question: str, hits: list[SearchHit], supporting: int = 3) -> Finding:
    """The deciding unit (and up to ``supporting`` further ones) for ``question`` among ``hits``."""
    scorer = _Scorer(question, hits)
    candidates = scorer.candidates()
    fitting = [candidate for candidate in candidates if not candidate.conflicts]
    best_overall = candidates[0] if candidates else None
    if best_overall is None or best_overall.score < MIN_MATCH:
        return Finding("keine", tuple(candidates[:1]))
    best = fitting[0] if fitting else None
    if best is None or (best_overall.conflicts and best.score < RIVAL_SHARE * best_overall.score):
        return _not_covered_by_quantity(question, best_overall, candidates)
    if items := _items_introduced_by(best, candidates):
        best = next((item for item in items if not item.conflicts and scorer.names_asked(item)), best)
        if best not in items:
            return Finding("nicht_geregelt", (best,), (), scorer.unlisted_words(best))
    elif missing := scorer.unlisted(best, candidates):
        return Finding("nicht_geregelt", (best,), (), missing)
    if rival := _rival(best, fitting):
        return Finding("widerspruch", (best, rival))
    others = [candidate for candidate in fitting if candidate.score >= MIN_MATCH and candidate is not best]
    return Finding("belegt", (best,), tuple(others[:supporting]), alternatives=tuple(others[supporting:]))


def _items_introduced_by(lead_in: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The list items a lead-in sentence ("Dabei gelten folgende Leihfristen:") introduces, best first."""
    if lead_in.unit.kind != "satz" or not lead_in.unit.span.text.rstrip().endswith(":"):
        return []
    return [c for c in candidates if c.hit.passage_id == lead_in.hit.passage_id and lead_in.unit.span in c.unit.context]


def _not_covered_by_quantity(question: str, best: Candidate, candidates: list[Candidate]) -> Finding:
    asked = ", ".join(sorted({_phrase(question, quantity.text.strip()) for quantity in best.conflicts}))
    scope = [candidate for candidate in candidates if candidate.hit.doc_id == best.hit.doc_id]
    stating = [c for c in scope if c.key != best.key and _states_scope(c.mentions, best.conflicts)]
    return Finding("nicht_geregelt", (*stating[:1], best), (), (asked,))  # what the document does regulate first


def _phrase(question: str, quantity: str) -> str:
    """The asked quantity with the noun it qualifies ("zweijähriges Kind"), as the question puts it."""
    match = re.search(re.escape(quantity) + r"(\s+[A-ZÄÖÜ][\wäöüß-]*)?", question)
    return match.group(0) if match else quantity


def _states_scope(mentions: tuple[Quantity, ...], asked: tuple[Quantity, ...]) -> bool:
    return any(serves(quantity, list(mentions)) is False for quantity in asked)


def _rival(best: Candidate, fitting: list[Candidate]) -> Candidate | None:
    """A unit of another document, nearly as good, in the same words but with other values."""
    analyzer = shared_analyzer()
    best_words = analyzer.token_set(_without_numbers(best.unit.text()))
    best_values = _values(best.unit.span.text)
    if not best_values:
        return None
    for candidate in fitting[1:]:
        if candidate.score < RIVAL_SHARE * best.score:
            break
        if candidate.hit.doc_id == best.hit.doc_id:
            continue
        words = analyzer.token_set(_without_numbers(candidate.unit.text()))
        similar = len(words & best_words) / max(len(words | best_words), 1) >= SAME_WORDING
        values = _values(candidate.unit.span.text)
        if similar and values and values != best_values:
            return candidate
    return None


def _values(text: str) -> frozenset[tuple[float, str]]:
    return frozenset((quantity.value, quantity.unit) for quantity in measured(quantities(text)))


def _without_numbers(text: str) -> str:
    return "".join(char for char in text if not char.isdigit())


class _Scorer:
    def __init__(self, question: str, hits: list[SearchHit]) -> None:
        analyzer = shared_analyzer()
        self.wanted = analyzer.token_set(question) - _QUESTION_WORDS
        self.words = tuple(dict.fromkeys(words(question)))
        self.asked = measured(quantities(question))
        self.units = [(rank, hit, unit) for rank, hit in enumerate(hits) for unit in _usable_units(hit)]
        self.mentions = [tuple(measured(quantities(unit.text()))) for _, _, unit in self.units]
        # words of the document's title and heading name the document, not the unit: they count as context
        self.context_words = [
            self._aligned(analyzer.token_set(" ".join([unit.context_text(), hit.heading, hit.title])))
            for _, hit, unit in self.units
        ]
        self.span_words = [
            self._aligned(analyzer.token_set(unit.span.text) - analyzer.token_set(f"{hit.heading} {hit.title}"))
            for _, hit, unit in self.units
        ]
        # the asked quantities are checked as quantities ("vier Kinder" against "drei oder mehr Kindern")
        self.wanted -= analyzer.token_set(" ".join(quantity.text for quantity in self.asked))
        frequency = Counter(word for words in self.span_words for word in words & self.wanted)
        count = len(self.units) + 1
        self.weight = {word: math.log(1 + count / (1 + frequency[word])) for word in self.wanted}
        self.quantity_weight = math.log(1 + count)  # a served qualifier counts like the rarest word
        self.scope = {hit.doc_id: self._scope_mentions(hit.doc_id) for hit in hits}

    def _scope_mentions(self, doc_id: str) -> list[Quantity]:
        """Bounds the document states among the retrieved units ("für über 3-jährige Kinder")."""
        found = []
        for (_, hit, _), mentions in zip(self.units, self.mentions, strict=True):
            if hit.doc_id == doc_id:
                found += [quantity for quantity in mentions if quantity.is_range]
        return found

    def candidates(self) -> list[Candidate]:
        total = sum(self.weight.values()) + self.quantity_weight * len(self.asked) or 1.0
        scored = []
        for (rank, hit, unit), mentions, span_words, context_words in zip(
            self.units, self.mentions, self.span_words, self.context_words, strict=True
        ):
            in_span = sum(self.weight[word] for word in self.wanted & span_words)
            in_context = sum(self.weight[word] for word in (self.wanted & context_words) - span_words)
            conflicts, served = self._qualifiers(hit, list(mentions))
            match = (in_span + CONTEXT_WEIGHT * in_context + self.quantity_weight * served) / total
            extra = len(span_words - self.wanted) + len(context_words - self.wanted - span_words)
            score = (match - EXTRA_WORD_PENALTY * extra) / (1 + RANK_DECAY * rank)
            scored.append(Candidate(hit, rank, unit, score, conflicts, mentions))
        return sorted(scored, key=lambda candidate: -candidate.score)

    def _aligned(self, tokens: set[str]) -> set[str]:
        """Tokens with a stem variant of a question word mapped onto it: the stemmer leaves "verlängert" as
        "verlangert" but "verlängern" as "verlang"."""
        aligned = set()
        for token in tokens:
            variant = (
                next((word for word in self.wanted if _variants(word, token)), None)
                if token not in self.wanted
                else None
            )
            aligned.add(variant or token)
        return aligned

    def _span_words(self, candidate: Candidate) -> set[str]:
        return self._aligned(shared_analyzer().token_set(candidate.unit.span.text))

    def _serves_locally(self, candidate: Candidate) -> bool:
        return any(serves(asked, list(candidate.mentions)) for asked in self.asked)

    def _qualifiers(self, hit: SearchHit, mentions: list[Quantity]) -> tuple[tuple[Quantity, ...], int]:
        conflicts: list[Quantity] = []
        served = 0
        for asked in self.asked:
            local = serves(asked, mentions)
            in_scope = serves(asked, mentions + self.scope[hit.doc_id])
            if local is False or in_scope is False:
                conflicts.append(asked)
            elif local:
                served += 1
        return tuple(conflicts), served

    def unlisted(self, best: Candidate, candidates: list[Candidate]) -> tuple[str, ...]:
        """The question's own words when the best unit is an item chosen only by its lead-in or header and no item
        of its list names any of them ("E-Books" asked, the list of loan periods names books, games, DVDs)."""
        if best.unit.kind == "satz" or self.names_asked(best):
            return ()  # the item itself names what was asked
        siblings = [c for c in candidates if (c.hit.passage_id, c.unit.group) == (best.hit.passage_id, best.unit.group)]
        if not self._distinguishing(best) or any(self.names_asked(sibling) for sibling in siblings):
            return ()
        return self.unlisted_words(best)

    def names_asked(self, item: Candidate) -> bool:
        """Whether the item itself carries a word of the question beyond its lead-in, or serves its quantity."""
        return bool(self._distinguishing(item) & self._span_words(item)) or self._serves_locally(item)

    def unlisted_words(self, item: Candidate) -> tuple[str, ...]:
        analyzer = shared_analyzer()
        distinguishing = self._distinguishing(item)
        return tuple(word for word in self.words if analyzer.token_set(word) & distinguishing)

    def _distinguishing(self, item: Candidate) -> set[str]:
        """The question's words that the lead-in, header, heading and title of the item do not already carry."""
        lead_in = item.unit.context_text() if item.unit.kind != "satz" else item.unit.span.text
        return self.wanted - shared_analyzer().token_set(" ".join([lead_in, item.hit.heading, item.hit.title]))


def _variants(one: str, other: str) -> bool:
    shorter, longer = sorted((one, other), key=len)
    return (
        len(shorter) >= MIN_STEM_CHARS and longer.startswith(shorter) and len(longer) - len(shorter) <= MAX_SUFFIX_CHARS
    )


def _usable_units(hit: SearchHit) -> list[Unit]:
    """Units without instructions to the model (document text is data)."""
    units = []
    drop_next = False
    for unit in passage_units(hit.text, hit.char_start):
        context = tuple(part for part in unit.context if not is_instruction(part.text))
        # a fact glued to an instruction in one sentence stays: the instruction is cut out clause by clause
        pieces = clauses(unit.span)
        kept, drop_next = without_instructions(pieces, drop_next)
        if len(kept) == len(pieces):
            units.append(Unit(unit.kind, unit.span, context, unit.group))
        else:
            units += [Unit("satz", piece, context, unit.group) for piece in kept]
    return units
