"""German BM25 keyword index (bm25s), stored as numpy arrays and JSON, never pickled."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import bm25s
import numpy as np

from ingest.german import GermanAnalyzer, build_lexicon

logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s forces DEBUG on its own logger

_LEXICON_FILE = "lexicon.json"
_IDS_FILE = "passage_ids.npy"


class KeywordIndex:
    def __init__(self, retriever: bm25s.BM25 | None, ids: np.ndarray, analyzer: GermanAnalyzer) -> None:
        self._retriever = retriever
        self._ids = ids
        self._analyzer = analyzer
        self._vocabulary = _vocabulary(retriever)

    @classmethod
    def build(cls, ids: np.ndarray, texts: list[str]) -> KeywordIndex:
        analyzer = GermanAnalyzer(build_lexicon(texts))
        if not texts:
            return cls(None, ids, analyzer)
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        retriever.index([analyzer.tokens(text) or ["_"] for text in texts], show_progress=False)
        return cls(retriever, ids, analyzer)

    @classmethod
    def load(cls, folder: Path) -> KeywordIndex:
        lexicon = json.loads((folder / _LEXICON_FILE).read_text(encoding="utf-8"))
        ids = np.load(folder / _IDS_FILE, allow_pickle=False)
        retriever = bm25s.BM25.load(str(folder), allow_pickle=False) if len(ids) else None
        return cls(retriever, ids, GermanAnalyzer(lexicon))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self._retriever is not None:
            self._retriever.save(str(folder), allow_pickle=False)
        np.save(folder / _IDS_FILE, self._ids, allow_pickle=False)
        lexicon = sorted(self._analyzer.lexicon)
        (folder / _LEXICON_FILE).write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed passage (aligned with ``ids``)."""
        tokens = [token for token in self._analyzer.tokens(query) if token in self._vocabulary]
        if self._retriever is None or not tokens:
            return np.zeros(len(self._ids), dtype=np.float32)
        return np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)

    def search(self, query: str, limit: int) -> list[tuple[int, float]]:
        scores = self.scores(query)
        return top_entries(self._ids, scores, limit)

    @property
    def ids(self) -> np.ndarray:
        return self._ids


def top_entries(
    ids: np.ndarray, scores: np.ndarray, limit: int, *, positive_only: bool = True
) -> list[tuple[int, float]]:
    """(id, score) of the ``limit`` best scores (only positive ones by default), best first."""
    if len(scores) == 0:
        return []
    limit = min(limit, len(scores))
    best = np.argpartition(-scores, limit - 1)[:limit]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(int(ids[i]), float(scores[i])) for i in best if scores[i] > 0 or not positive_only]


def _vocabulary(retriever: bm25s.BM25 | None) -> frozenset[str]:
    if retriever is None:
        return frozenset()
    return frozenset(token for token in retriever.vocab_dict if token)
