"""A process killed (SIGKILL) in the middle of an ingest leaves the previous index fully queryable."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ingest.index_folder import CURRENT_FILE, current_generation
from ingest.pipeline import Ingestor
from ingest.search import SearchIndex
from ingest.settings import CoreSettings
from ingest.types import DEFAULT_COLLECTION
from models.embedders import Embedder
from testkit import PUBLIC

FIXTURES = Path(__file__).parents[1] / "fixtures"
PROJECT = Path(__file__).parents[2]


def _many_documents(folder: Path, count: int) -> None:
    base = (FIXTURES / "legalquad_121560.txt").read_text(encoding="utf-8")[:600]
    for number in range(count):
        (folder / f"akte_{number:03d}.txt").write_text(f"Aktenzeichen {number}\n{base}\nVermerk {number}.")


def _wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_killed_ingest_leaves_previous_index_queryable(
    settings: CoreSettings, documents: Path, embedder: Embedder, tmp_path: Path
) -> None:
    index_dir = settings.ingest.index_dir
    Ingestor(settings, embedder).ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    live_before = current_generation(index_dir)
    hits_before = [hit.passage_id for hit in SearchIndex.open(settings, embedder).search("Streitwert", PUBLIC, k=3)]

    _many_documents(documents, 40)
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest", str(documents), "--index", str(index_dir), "--quiet"],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started_writing = _wait_for(lambda: len(list(index_dir.glob("gen-*"))) > 1, 120)
    time.sleep(1.5)  # let it get well into loading and embedding
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert started_writing, "the ingest never started a new generation"

    assert current_generation(index_dir) == live_before
    index = SearchIndex.open(settings, embedder)
    assert len(index.store.documents(PUBLIC)) == 3
    assert [hit.passage_id for hit in index.search("Streitwert", PUBLIC, k=3)] == hits_before

    # The next ingest cleans up the leftover and completes, reusing what was embedded before the kill.
    report = Ingestor(settings, embedder).ingest([documents], collection=DEFAULT_COLLECTION, progress=False)
    assert report.documents_total == 43
    assert len(list(index_dir.glob("gen-*"))) == 1
    assert (index_dir / CURRENT_FILE).read_text() == current_generation(index_dir).name  # type: ignore[union-attr]
