"""Context compression: only the sentences of each passage that bear on the question go into the prompt.

Prompt processing dominates the time to first token on a CPU, so the prompt carries a budget of characters,
filled with the best sentences across the retrieved passages (at least one per passage). Sentences that try
to instruct the model are never passed on: document text is data.
"""

from __future__ import annotations

import math

from assistant.shared.excerpts import Excerpt, usable_sentences
from ingest.german import shared_analyzer
from ingest.sentences import Sentence
from ingest.types import SearchHit

MIN_CUT_CHARS = 80


def compress(question: str, hits: list[SearchHit], budget_chars: int) -> list[Excerpt]:
    """Best sentences across ``hits`` within ``budget_chars``, each source keeping at least one. Excerpts are
    numbered 1..n without gaps (a passage with nothing usable is left out), so [n] always names a source."""
    wanted = shared_analyzer().token_set(question)
    candidates: list[tuple[float, int, Sentence]] = []
    for rank, hit in enumerate(hits):
        for position, sentence in enumerate(usable_sentences(hit)):
            candidates.append((_score(sentence.text, wanted, rank, position), rank, sentence))
    chosen: dict[int, list[Sentence]] = {rank: [] for rank in range(len(hits))}
    used = 0
    for _, rank, sentence in sorted(candidates, key=lambda item: -item[0]):
        if chosen[rank] and used + len(sentence.text) > budget_chars:
            continue
        if not chosen[rank] and used + len(sentence.text) > budget_chars:
            sentence = Sentence(sentence.start, sentence.text[: max(MIN_CUT_CHARS, budget_chars - used)].rstrip())
        chosen[rank].append(sentence)
        used += len(sentence.text)
    kept = [(hit, chosen[rank]) for rank, hit in enumerate(hits) if chosen[rank]]
    return [
        Excerpt(number, hit, tuple(sorted(sentences, key=lambda s: s.start)))
        for number, (hit, sentences) in enumerate(kept, start=1)
    ]


def _score(text: str, wanted: set[str], rank: int, position: int) -> float:
    tokens = shared_analyzer().token_set(text)
    overlap = len(tokens & wanted)
    heading_bonus = 0.3 if position == 0 else 0.0
    return (overlap + heading_bonus) / math.sqrt(1 + len(tokens) / 12) / (1 + 0.25 * rank)
