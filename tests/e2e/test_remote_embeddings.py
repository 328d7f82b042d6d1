"""The openai embedder backend against a real OpenAI-compatible server on loopback (llama-cpp-python's server with
the packaged GGUF in embedding mode): an index built and searched through /v1/embeddings, the manifest check
against another embedder, and a German error when the server is down."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from evaluation.inference_server import start_inference_server
from ingest.errors import EmbedderMismatchError
from ingest.pipeline import Ingestor
from ingest.search import SearchIndex
from ingest.settings import CoreSettings, IngestSettings
from ingest.types import DEFAULT_COLLECTION
from models.embedders import Embedder, create_embedder
from models.errors import ModelError
from models.settings import EmbedderSettings
from testkit import PROJECT

pytestmark = pytest.mark.slow

DOCUMENTS = ("BBO_Satzung_Streupflicht.md", "BBO_Benutzungsordnung_Buecherei.md")


@pytest.fixture(scope="module")
def embedding_server() -> Iterator[str]:
    server, base_url = start_inference_server(embedding=True)
    yield base_url
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def remote_embedder(embedding_server: str) -> Embedder:
    return create_embedder(EmbedderSettings(backend="openai", base_url=embedding_server))


@pytest.fixture(scope="module")
def remote_index(remote_embedder: Embedder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("remote-embeddings")
    for name in DOCUMENTS:
        shutil.copy(PROJECT / "data" / "samples" / name, folder / name)
    index_dir = folder / "index"
    settings = CoreSettings(ingest=IngestSettings(index_dir=index_dir, embed_chars=300))  # a 1.5B model embeds slowly
    Ingestor(settings, remote_embedder).ingest([folder], collection=DEFAULT_COLLECTION, progress=False)
    return index_dir


def test_the_remote_embedder_names_its_model_and_gives_unit_vectors(remote_embedder: Embedder) -> None:
    vectors = remote_embedder.embed_passages(["Gehwege sind zu räumen.", "Medien werden ausgeliehen.", "drei"])

    assert remote_embedder.name == "openai:qwen-klein"  # the server's model, no host: the manifest compares it
    assert vectors.shape == (3, remote_embedder.dimension) and remote_embedder.dimension > 100
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_an_index_built_through_the_server_is_searched_through_it(
    remote_index: Path, remote_embedder: Embedder
) -> None:
    index = SearchIndex(remote_index, remote_embedder, CoreSettings().search)
    scope = index.operator_scope()

    snow = index.search("Wann muss bei Schnee und Glätte der Gehweg gestreut werden?", scope, k=1, mode="dense")
    loans = index.search("Wie lange darf man Bücher ausleihen?", scope, k=1, mode="dense")

    assert snow[0].source == "BBO_Satzung_Streupflicht.md"
    assert loans[0].source == "BBO_Benutzungsordnung_Buecherei.md"


def test_an_index_of_the_remote_model_refuses_another_embedder(remote_index: Path, embedder: Embedder) -> None:
    with pytest.raises(EmbedderMismatchError, match="openai:qwen-klein"):
        SearchIndex(remote_index, embedder, CoreSettings().search).refresh()


def test_a_server_that_is_down_gives_a_german_message() -> None:
    settings = EmbedderSettings(backend="openai", base_url="http://127.0.0.1:9/v1", model="weg", retries=0)

    with pytest.raises(ModelError, match=r"^Der Einbettungs-Server 127\.0\.0\.1 ist nicht erreichbar"):
        create_embedder(settings)
