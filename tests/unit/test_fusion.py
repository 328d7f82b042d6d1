"""Hybrid fusion (ingest.search.fuse_rankings) on synthetic rankings: no model, no index."""

from __future__ import annotations

import pytest

from ingest.search import Ranking, fuse_rankings
from ingest.settings import CoreSettings, SearchSettings

DEFAULTS = SearchSettings()


def _ranking(ids: range | list[int], scores: list[float]) -> Ranking:
    return list(zip(ids, scores, strict=True))


def _flat(ids: range | list[int], top: float, step: float) -> Ranking:
    """A ranking whose scores fall evenly: no passage stands out."""
    return [(pid, top - step * rank) for rank, pid in enumerate(ids)]


def _peaked(ids: range | list[int], top: float, rest: float, step: float) -> Ranking:
    """A ranking whose first passage stands far above an even rest."""
    return [(ids[0], top), *((pid, rest - step * rank) for rank, pid in enumerate(ids[1:]))]


def _order(fused: Ranking) -> list[int]:
    return [pid for pid, _ in fused]


def test_confident_keyword_side_wins_against_disagreeing_flat_dense_side() -> None:
    dense = _flat(range(100, 200), 0.86, 0.0005)  # cosine scores close together
    keyword = _peaked(range(1000, 1100), 25.0, 8.0, 0.05)  # one passage with a clearly higher BM25 score
    fused = fuse_rankings(dense, keyword, DEFAULTS)
    assert fused[0][0] == 1000
    assert _order(fused)[:3] != _order(dense)[:3]


def test_confident_dense_side_wins_against_flat_keyword_side() -> None:
    # Adaptive, not a fixed preference for BM25: a clearly separated dense top beats a flat keyword list.
    dense = _peaked(range(100, 200), 0.95, 0.80, 0.0005)
    keyword = _flat(range(1000, 1100), 10.0, 0.02)
    assert fuse_rankings(dense, keyword, DEFAULTS)[0][0] == 100


def test_passage_both_sides_rank_first_stays_first() -> None:
    dense = _flat([7, *range(100, 199)], 0.90, 0.001)
    keyword = _peaked([7, *range(1000, 1099)], 20.0, 9.0, 0.05)
    fused = fuse_rankings(dense, keyword, DEFAULTS)
    assert fused[0][0] == 7
    # Found by both sides, it scores above a passage only one side found at the same rank.
    assert fused[0][1] > max(score for pid, score in fused if pid != 7)


def test_result_is_a_permutation_of_the_union_sorted_best_first() -> None:
    dense = _flat([1, 2, 3, 4, 5, 6], 0.9, 0.01)
    keyword = _peaked([5, 6, 7, 8], 12.0, 4.0, 0.5)
    fused = fuse_rankings(dense, keyword, DEFAULTS)
    ids = _order(fused)
    assert len(ids) == len(set(ids))
    assert set(ids) == {1, 2, 3, 4, 5, 6, 7, 8}
    scores = [score for _, score in fused]
    assert scores == sorted(scores, reverse=True)


def test_disagreement_shifts_weight_to_the_keyword_side() -> None:
    # Mirror-image lists without a shared passage: the same score shape on both sides.
    dense = _peaked(range(100, 120), 2.0, 1.0, 0.01)
    keyword = _peaked(range(200, 220), 2.0, 1.0, 0.01)
    fixed = SearchSettings(dense_weight=1.1, keyword_weight=1.0, disagreement_boost=0.0)
    adaptive = SearchSettings(dense_weight=1.1, keyword_weight=1.0, disagreement_boost=1.0)
    assert fuse_rankings(dense, keyword, fixed)[0][0] == 100
    assert fuse_rankings(dense, keyword, adaptive)[0][0] == 200


def test_agreeing_lists_get_no_keyword_boost() -> None:
    # Same top passages on both sides: the boost must not apply, so the heavier dense weight decides.
    shared = list(range(10))
    dense = _peaked([*shared, *range(100, 110)], 2.0, 1.0, 0.01)
    keyword = _peaked([*shared[::-1], *range(200, 210)], 2.0, 1.0, 0.01)
    settings = SearchSettings(dense_weight=1.1, keyword_weight=1.0, disagreement_boost=5.0)
    assert fuse_rankings(dense, keyword, settings)[0][0] == 0


def test_rare_keyword_match_counts_as_confident() -> None:
    # Only three passages share a query term (e.g. an abbreviation): BM25 lists just those, the rest score 0.
    # Their near-equal scores still stand out against the zeros, so they beat a clearly separated dense top.
    dense = _peaked(range(100, 200), 0.85, 0.82, 0.0002)
    keyword = _ranking([1000, 1001, 1002], [6.1, 6.0, 5.9])
    assert fuse_rankings(dense, keyword, DEFAULTS)[0][0] == 1000


@pytest.mark.parametrize("side", ["dense", "keyword"])
def test_one_sided_search_keeps_that_side_order(side: str) -> None:
    ranking = _peaked(range(50, 80), 9.0, 3.0, 0.1)
    fused = fuse_rankings(ranking, [], DEFAULTS) if side == "dense" else fuse_rankings([], ranking, DEFAULTS)
    assert _order(fused) == _order(ranking)


def test_degenerate_rankings() -> None:
    assert fuse_rankings([], [], DEFAULTS) == []
    assert _order(fuse_rankings([(3, 0.8)], [(4, 2.0)], DEFAULTS)) == [3, 4]  # no spread: input rank, then id
    tied = _ranking([5, 6, 7], [1.0, 1.0, 1.0])
    assert _order(fuse_rankings(tied, [], DEFAULTS)) == [5, 6, 7]


def test_fusion_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_SEARCH__DISAGREEMENT_BOOST", "0.25")
    monkeypatch.setenv("ASSISTANT_SEARCH__AGREEMENT_DEPTH", "5")
    search = CoreSettings().search
    assert (search.disagreement_boost, search.agreement_depth) == (0.25, 5)
