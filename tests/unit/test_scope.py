"""Every read of the index takes a scope: passages of other collections are masked before ranking (so the top k
is the top k of the scope, never padded or emptied by masked passages), and store reads return nothing outside."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import Ingestor
from ingest.search import SearchFilters, SearchIndex
from ingest.settings import CoreSettings
from ingest.types import Scope
from models.embedders import Embedder

QUESTION = "Wie hoch ist die Entschädigung für ehrenamtlich Tätige bis zu 2 Stunden, und welche Kosten entstehen?"
SECRET = Scope.of("geheim")
OPEN = Scope.of("offen")


@pytest.fixture
def index(settings: CoreSettings, documents: Path, embedder: Embedder) -> SearchIndex:
    """The ordinance that answers QUESTION in collection "geheim", the other two documents in "offen"."""
    ingestor = Ingestor(settings, embedder)
    ordinance = documents / "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md"
    others = [path for path in documents.iterdir() if path != ordinance]
    ingestor.ingest([ordinance], collection="geheim", remove_missing=False, progress=False)
    ingestor.ingest(others, collection="offen", remove_missing=False, progress=False)
    return SearchIndex.open(settings, embedder)


@pytest.mark.parametrize("mode", ["dense", "keyword"])
def test_a_search_ranks_within_its_scope_as_if_the_rest_were_not_there(index: SearchIndex, mode: str) -> None:
    everything = index.search(QUESTION, index.operator_scope(), k=100, mode=mode)  # type: ignore[arg-type]
    scoped = index.search(QUESTION, OPEN, k=5, mode=mode)  # type: ignore[arg-type]

    secret_ids = {doc.doc_id for doc in index.store.documents(SECRET)}
    assert everything[0].doc_id in secret_ids  # the best passage overall is one the scope hides
    expected = [hit.passage_id for hit in everything if hit.doc_id not in secret_ids][:5]
    assert scoped and [hit.passage_id for hit in scoped] == expected  # not padded, not thinned by masked ones


def test_a_hybrid_search_fills_its_k_from_the_scope(index: SearchIndex) -> None:
    scoped = index.search(QUESTION, OPEN, k=5)

    open_passages = sum(doc.passage_count for doc in index.store.documents(OPEN))
    assert len(scoped) == min(5, open_passages)
    assert {hit.doc_id for hit in scoped} <= {doc.doc_id for doc in index.store.documents(OPEN)}


def test_an_empty_scope_reads_nothing(index: SearchIndex) -> None:
    nobody = Scope(frozenset())
    doc_id = index.store.documents(index.operator_scope())[0].doc_id

    assert index.search(QUESTION, nobody, k=5) == []
    assert index.store.documents(nobody) == []
    assert index.store.document(doc_id, nobody) is None
    assert index.store.pages(doc_id, nobody) == [] and index.store.passages_of(doc_id, nobody) == []


def test_store_reads_and_filters_stay_inside_the_scope(index: SearchIndex) -> None:
    secret = index.store.documents(SECRET)[0]
    passages = index.store.passages_of(secret.doc_id, SECRET)

    assert index.store.document(secret.doc_id, OPEN) is None
    assert index.store.pages(secret.doc_id, OPEN) == []
    assert index.store.passages_by_id([p.passage_id for p in passages], OPEN) == {}
    assert index.search(QUESTION, OPEN, k=5, filters=SearchFilters(doc_ids=(secret.doc_id,))) == []
    assert [hit.doc_id for hit in index.search(QUESTION, SECRET, k=1)] == [secret.doc_id]


def test_a_file_ingested_again_into_another_collection_moves_there(
    settings: CoreSettings, index: SearchIndex, documents: Path, embedder: Embedder
) -> None:
    ordinance = documents / "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md"

    report = Ingestor(settings, embedder).ingest([ordinance], collection="offen", remove_missing=False, progress=False)

    assert report.files_unchanged == 1 and report.passages_embedded == 0
    assert index.store.documents(SECRET) == []
    assert index.search(QUESTION, OPEN, k=1)[0].source == ordinance.name
