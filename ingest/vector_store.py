"""Vector search behind a small protocol; FAISS is the backend. Persisted with faiss.write_index (no pickle)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Protocol

import faiss
import numpy as np

from ingest.settings import VectorIndexKind

# Below this size an exact scan is fast enough (a few ms) and costs no recall.
EXACT_SEARCH_LIMIT = 200_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 96


class VectorStore(Protocol):
    def search(self, query: np.ndarray, limit: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(passage id, cosine similarity) pairs, best first; only ids in ``allowed`` when it is given (the best
        ``limit`` of those, not the best ``limit`` overall filtered afterwards)."""
        ...


class FaissVectorStore:
    def __init__(self, index: faiss.Index) -> None:
        self._index = index
        self._tune_search()

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray, kind: VectorIndexKind = "auto") -> FaissVectorStore:
        dimension = vectors.shape[1]
        chosen = _choose_kind(kind, len(ids))
        index = _new_index(chosen, dimension, len(ids))
        if not index.is_trained:
            index.train(vectors)
        index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))
        return cls(index)

    @classmethod
    def load(cls, path: Path) -> FaissVectorStore:
        return cls(faiss.read_index(str(path)))

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    def search(self, query: np.ndarray, limit: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        if self.size == 0 or (allowed is not None and len(allowed) == 0):
            return []
        scores, ids = self._index.search(
            query.reshape(1, -1).astype(np.float32), min(limit, self.size), params=self._only(allowed)
        )
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def _only(self, allowed: np.ndarray | None) -> faiss.SearchParameters | None:
        if allowed is None:
            return None
        selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
        if isinstance(self._index, faiss.IndexIVF):
            # faiss's Python wrapper takes the fields as keywords (and keeps the selector alive with them)
            return faiss.SearchParametersIVF(sel=selector, nprobe=self._index.nprobe)  # type: ignore[call-arg]
        return faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]

    def _tune_search(self) -> None:
        inner = faiss.downcast_index(self._index.index) if hasattr(self._index, "index") else self._index
        if isinstance(inner, faiss.IndexHNSWFlat):
            inner.hnsw.efSearch = HNSW_EF_SEARCH
        elif isinstance(self._index, faiss.IndexIVF):
            self._index.nprobe = max(8, self._index.nlist // 32)  # ~3 % of the lists: recall near exact


def _choose_kind(kind: VectorIndexKind, count: int) -> str:
    if kind != "auto":
        return kind
    return "flat" if count <= EXACT_SEARCH_LIMIT else "ivf"


def _new_index(kind: str, dimension: int, count: int) -> faiss.Index:
    if kind == "flat":
        return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
    if kind == "hnsw":
        hnsw = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = 80
        return faiss.IndexIDMap2(hnsw)
    nlist = max(1, min(int(math.sqrt(max(count, 1))), count // 39 or 1))
    quantizer = faiss.IndexFlatIP(dimension)
    return faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
