"""German keyword analysis: folding, stop words, Snowball stemming and lexicon-based decompounding.

Queries typed without umlauts ("Gebuehr", "fuer", "Strasse") meet the same stems as the documents,
because the Snowball German stemmer maps ae/oe/ue and ä/ö/ü alike and ß is folded to ss. Compounds
("Hundesteuersatzung") are split into parts that occur on their own in the indexed text, so they meet
"Satzung über die Hundesteuer".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_GERMAN

_TOKEN = re.compile(r"[a-zäöüß0-9]+")
_LINKING_ELEMENTS = ("", "s", "es", "n", "en", "e", "er")
MIN_COMPOUND_LENGTH = 9
MIN_PART_LENGTH = 4
MAX_SPLIT_DEPTH = 3
WORD_CACHE_SIZE = 100_000
MIN_COMPOUND_PART = 4


def fold(text: str) -> str:
    return text.lower().replace("ß", "ss")


STOP_WORDS = frozenset(fold(word) for word in STOPWORDS_GERMAN) | frozenset(
    {"dass", "fuer", "ueber", "waehrend", "koennen", "muessen", "wuerde", "gibt", "wer", "wann", "welche"}
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer("german")
    stemmer.maxCacheSize = 200_000
    return stemmer


def words(text: str) -> list[str]:
    """Lower-cased, ß-folded words without stop words."""
    return [word for word in _TOKEN.findall(fold(text)) if word not in STOP_WORDS and len(word) > 1]


def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


class GermanAnalyzer:
    """Turns text into keyword tokens; ``lexicon`` holds the stems that compound parts must match."""

    def __init__(self, lexicon: Iterable[str] = (), cache_size: int = WORD_CACHE_SIZE) -> None:
        self.lexicon = frozenset(lexicon)
        self._analysed = lru_cache(maxsize=cache_size)(self._analyse_word)  # bounded: a server runs for months

    def tokens(self, text: str) -> list[str]:
        return [token for word in words(text) for token in self._analysed(word)]

    def token_set(self, text: str) -> set[str]:
        return set(self.tokens(text))

    def _analyse_word(self, word: str) -> tuple[str, ...]:
        whole = stem(word)
        if len(word) < MIN_COMPOUND_LENGTH or not self.lexicon:
            return (whole,)
        parts = self._decompose(word, MAX_SPLIT_DEPTH, top_level=True) or []
        return (whole, *dict.fromkeys(part for part in parts if part != whole))

    def _decompose(self, word: str, depth: int, *, top_level: bool = False) -> list[str] | None:
        """Stems of the parts of a compound, preferring the longest head; None if it does not split."""
        if not top_level and stem(word) in self.lexicon:
            return [stem(word)]
        if depth == 0:
            return None
        for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
            head_stem = stem(word[cut:])
            if head_stem not in self.lexicon:
                continue
            for modifier in self._modifier_candidates(word[:cut]):
                modifier_parts = self._decompose(modifier, depth - 1)
                if modifier_parts:
                    return [*modifier_parts, head_stem]
        return None

    @staticmethod
    def _modifier_candidates(modifier: str) -> list[str]:
        """The modifier with each possible linking element ("Fugenelement") removed."""
        candidates = []
        for linking in _LINKING_ELEMENTS:
            if modifier.endswith(linking):
                bare = modifier[: len(modifier) - len(linking)]
                if len(bare) >= MIN_PART_LENGTH - 1:
                    candidates.append(bare)
        return candidates


def build_lexicon(texts: Iterable[str], min_count: int = 2) -> set[str]:
    """Stems of words that occur on their own often enough to count as compound parts."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in set(words(text)):
            if len(word) >= MIN_PART_LENGTH - 1:
                counts[word] = counts.get(word, 0) + 1
    return {stem(word) for word, count in counts.items() if count >= min_count}


@cache
def shared_analyzer() -> GermanAnalyzer:
    """The analyzer without a compound lexicon, shared by every caller that compares texts."""
    return GermanAnalyzer()


def overlap_share(wanted: set[str], found: set[str]) -> float:
    """Share of ``wanted`` tokens that occur in ``found``; a part of a compound counts ("ermass" in
    "steuerermass"), so "Ermäßigung" meets "Steuerermäßigung"."""
    if not wanted:
        return 0.0
    hits = sum(1 for token in wanted if token in found or any(_compound_part(token, other) for other in found))
    return hits / len(wanted)


def _compound_part(one: str, other: str) -> bool:
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= MIN_COMPOUND_PART and shorter in longer
