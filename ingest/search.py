"""Hybrid search: dense vectors (FAISS) and German BM25, fused per query by standardised scores
(see ``fuse_rankings``).

Every search takes the caller's ``Scope`` (the collections it may read); passages outside it are masked before
either side ranks, so neither the prompt nor a response can see them and the top k is the top k of the scope.

Library use: ``index.search("Frage", scope, k=5)``; command line:
``python -m ingest.search "Frage" [--index DIR] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np

from ingest import index_folder as folder
from ingest.keyword_index import KeywordIndex, top_entries
from ingest.passage_store import PassageStore
from ingest.settings import CoreSettings, SearchSettings
from ingest.types import Scope, SearchHit
from ingest.vector_store import FaissVectorStore
from models import AssistantError, Embedder, create_embedder

SearchMode = Literal["hybrid", "dense", "keyword"]


@dataclass(frozen=True)
class SearchFilters:
    """Restrict a search to some documents (by id) or to sources under a path prefix."""

    doc_ids: tuple[str, ...] = ()
    source_prefix: str = ""


class _Generation:
    """The read side of one published index generation."""

    def __init__(self, path: Path, embedder: Embedder) -> None:
        self.path = path
        self.manifest = folder.read_manifest(path)
        folder.check_embedder(self.manifest, embedder.name, embedder.dimension)
        self.store = PassageStore(path / folder.STORE_FILE, read_only=True)
        self.vectors = FaissVectorStore.load(path / folder.VECTORS_FILE)
        self.keywords = KeywordIndex.load(path / folder.KEYWORD_FOLDER)
        self._passage_ids, collections = self.store.passage_collections()
        self.collections = sorted(set(collections))
        code = {name: number for number, name in enumerate(self.collections)}
        self._passage_codes = np.array([code[name] for name in collections], dtype=np.int32)

    def allowed_ids(self, scope: Scope) -> np.ndarray | None:
        """The passage ids in ``scope``; None when it covers every collection here (nothing to mask)."""
        codes = [number for number, name in enumerate(self.collections) if scope.allows(name)]
        if len(codes) == len(self.collections):
            return None
        return self._passage_ids[np.isin(self._passage_codes, codes)]


class SearchIndex:
    def __init__(self, index_dir: Path, embedder: Embedder, settings: SearchSettings) -> None:
        self.index_dir = index_dir
        self.embedder = embedder
        self.settings = settings
        self._lock = threading.Lock()
        self._generation = _Generation(folder.require_generation(index_dir), embedder)

    @classmethod
    def open(cls, settings: CoreSettings, embedder: Embedder | None = None) -> SearchIndex:
        return cls(settings.ingest.index_dir, embedder or create_embedder(settings.embedder), settings.search)

    @property
    def store(self) -> PassageStore:
        return self.refresh().store

    @property
    def manifest(self) -> folder.Manifest:
        return self.refresh().manifest

    def refresh(self) -> _Generation:
        """Switch to a newer published generation (after an upload or ingest), if there is one."""
        live = folder.require_generation(self.index_dir)
        with self._lock:
            if live != self._generation.path:
                self._generation = _Generation(live, self.embedder)
            return self._generation

    def operator_scope(self) -> Scope:
        """Every collection of the index: for operator tools (CLI search, evaluation), never for a request."""
        return Scope(frozenset(self.refresh().collections))

    def search(
        self,
        query: str,
        scope: Scope,
        k: int = 10,
        filters: SearchFilters | None = None,
        mode: SearchMode = "hybrid",
    ) -> list[SearchHit]:
        """The ``k`` best passages in ``scope`` for ``query``, best first."""
        generation = self.refresh()
        if not query.strip() or not scope.collections:
            return []
        subset = self._subset(generation, filters, scope)
        allowed = subset[0] if subset is not None else generation.allowed_ids(scope)
        if allowed is not None and len(allowed) == 0:
            return []
        limit = max(self.settings.candidates, k)
        dense = self._dense(generation, query, limit, subset, allowed) if mode != "keyword" else []
        keyword = self._keyword(generation, query, limit, allowed) if mode != "dense" else []
        fused = self._fuse(dense, keyword)[:k]
        return self._hits(generation, fused, dense, keyword, scope)

    def _dense(
        self,
        generation: _Generation,
        query: str,
        limit: int,
        subset: tuple[np.ndarray, np.ndarray] | None,
        allowed: np.ndarray | None,
    ) -> list[tuple[int, float]]:
        vector = self.embedder.embed_query(query)
        if subset is None:
            return generation.vectors.search(vector, limit, allowed)
        ids, vectors = subset  # a filtered search scans its few documents exactly
        return top_entries(ids, vectors @ vector, limit, positive_only=False)

    def _keyword(
        self, generation: _Generation, query: str, limit: int, allowed: np.ndarray | None
    ) -> list[tuple[int, float]]:
        scores = generation.keywords.scores(query)
        if allowed is not None:
            scores = np.where(np.isin(generation.keywords.ids, allowed), scores, 0.0)
        return top_entries(generation.keywords.ids, scores, limit)

    def _fuse(self, dense: list[tuple[int, float]], keyword: list[tuple[int, float]]) -> list[tuple[int, float]]:
        return fuse_rankings(dense, keyword, self.settings)

    def _hits(
        self,
        generation: _Generation,
        fused: list[tuple[int, float]],
        dense: list[tuple[int, float]],
        keyword: list[tuple[int, float]],
        scope: Scope,
    ) -> list[SearchHit]:
        passages = generation.store.passages_by_id([pid for pid, _ in fused], scope)
        dense_rank = {pid: rank + 1 for rank, (pid, _) in enumerate(dense)}
        dense_score = dict(dense)
        keyword_rank = {pid: rank + 1 for rank, (pid, _) in enumerate(keyword)}
        hits = []
        for passage_id, score in fused:
            hit = passages[passage_id].to_hit(round(score, 6))
            hits.append(
                replace(
                    hit,
                    dense_rank=dense_rank.get(passage_id),
                    dense_score=dense_score.get(passage_id),
                    keyword_rank=keyword_rank.get(passage_id),
                )
            )
        return hits

    def _subset(
        self, generation: _Generation, filters: SearchFilters | None, scope: Scope
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """Passage ids and vectors of the documents in scope that a filter allows; None without a filter."""
        if filters is None or (not filters.doc_ids and not filters.source_prefix):
            return None
        doc_ids = generation.store.doc_ids_matching(filters.doc_ids, filters.source_prefix, scope)
        if not doc_ids:
            return np.zeros(0, dtype=np.int64), np.zeros((0, generation.manifest.dimension), dtype=np.float32)
        return generation.store.vectors_for_documents(doc_ids, generation.manifest.dimension, scope)


Ranking = list[tuple[int, float]]


def fuse_rankings(dense: Ranking, keyword: Ranking, settings: SearchSettings) -> Ranking:
    """Both rankings (passage id, score; best first) fused into one: the union, best first.

    Each side's scores become z-scores over its own candidate list, so a side whose top stands out from
    its runner-ups (a peaked BM25 or cosine distribution) counts for more in this query than a flat one.
    The weighted z-scores are summed (CombSUM). The keyword weight grows with the disagreement of the two
    top lists: where they agree the weights hardly change the order, and where they conflict BM25 was right
    more often on the tuning half (exact legal terms; the embedder reads only the start of a passage).
    """
    depth = max(len(dense), len(keyword))
    # A passage absent from a list scores at most that list's floor: the last listed score when the list was
    # cut off at the depth, else the lowest possible score (BM25 lists only passages sharing a query term).
    dense_z, dense_floor = _standardise(dense, depth, dense[-1][1] if dense else 0.0)
    keyword_z, keyword_floor = _standardise(
        keyword, depth, keyword[-1][1] if keyword and len(keyword) == depth else 0.0
    )
    disagreement = 1.0 - _overlap(dense, keyword, settings.agreement_depth)
    dense_weight = settings.dense_weight
    keyword_weight = settings.keyword_weight * (1.0 + settings.disagreement_boost * disagreement)
    best_rank: dict[int, int] = {}
    for ranking in (dense, keyword):
        for rank, (passage_id, _) in enumerate(ranking):
            best_rank[passage_id] = min(rank, best_rank.get(passage_id, rank))
    fused = [
        (
            passage_id,
            dense_weight * dense_z.get(passage_id, dense_floor)
            + keyword_weight * keyword_z.get(passage_id, keyword_floor),
        )
        for passage_id in best_rank
    ]
    # Ties (a side without spread, a zero weight) keep the better input rank, so the order stays deterministic.
    return sorted(fused, key=lambda item: (-item[1], best_rank[item[0]], item[0]))


def _standardise(ranking: Ranking, depth: int, floor: float) -> tuple[dict[int, float], float]:
    """z-scores of a ranking over ``depth`` entries (padded with ``floor``), and the z-score of ``floor``."""
    scores = np.array([score for _, score in ranking] + [floor] * (depth - len(ranking)), dtype=np.float64)
    spread = float(scores.std()) if len(scores) else 0.0
    if spread == 0.0:  # no spread, no information: this side adds nothing to the order
        return {pid: 0.0 for pid, _ in ranking}, 0.0
    mean = float(scores.mean())
    return {pid: (score - mean) / spread for pid, score in ranking}, (floor - mean) / spread


def _overlap(dense: Ranking, keyword: Ranking, depth: int) -> float:
    """Share of the top ``depth`` passages both rankings hold (1 = full agreement); 1 if a side is empty."""
    if not dense or not keyword:
        return 1.0
    top = min(depth, len(dense), len(keyword))
    return len({pid for pid, _ in dense[:top]} & {pid for pid, _ in keyword[:top]}) / top


def _print_hits(hits: list[SearchHit], as_json: bool) -> None:
    if as_json:
        print(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        print("Keine passenden Abschnitte gefunden.")
    for rank, hit in enumerate(hits, start=1):
        where = f"S. {hit.page_start}" + (f"–{hit.page_end}" if hit.page_end != hit.page_start else "")
        label = f", {hit.section}" if hit.section else ""
        print(f"[{rank}] {hit.title} ({hit.source}, {where}{label})  Wert {hit.score:.4f}")
        print("    " + " ".join(hit.text.split())[:300])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.search", description="Im Suchindex suchen.")
    parser.add_argument("frage", help="Suchanfrage oder Frage")
    parser.add_argument("--index", type=Path, help="Index-Ordner (Standard: ASSISTANT_INGEST__INDEX_DIR)")
    parser.add_argument("-k", type=int, default=5, help="Anzahl der Treffer")
    parser.add_argument("--mode", choices=["hybrid", "dense", "keyword"], default="hybrid")
    parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    args = parser.parse_args(argv)
    settings = CoreSettings()
    if args.index:
        settings.ingest.index_dir = args.index
    try:
        index = SearchIndex.open(settings)
        hits = index.search(args.frage, index.operator_scope(), k=args.k, mode=args.mode)
    except AssistantError as error:
        print(f"Fehler: {error.message}", file=sys.stderr)
        return 2
    _print_hits(hits, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
