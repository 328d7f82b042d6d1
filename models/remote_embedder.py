"""Sentence embeddings from the ``/v1/embeddings`` route of an OpenAI-compatible server (vLLM, TEI, llama.cpp's
llama-server). The index manifest records the model's name and vector size, so an index built with one model is
never searched with another (see ``ingest.index_folder.check_embedder``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.errors import ModelError
from models.inference_server import first_model, server_client, server_errors, server_host
from models.settings import EmbedderSettings

_KIND = "Einbettungs"


class OpenAiEmbedder:
    def __init__(self, settings: EmbedderSettings) -> None:
        self.host = server_host(settings)
        self._client = server_client(settings)
        self._model = settings.model or first_model(self._client, self.host, _KIND)
        self._batch_size = settings.batch_size
        self._query_prefix = settings.query_prefix
        self._passage_prefix = settings.passage_prefix
        # The name leaves out the host: the same model on another server gives the same vectors.
        self.name = f"openai:{self._model}"
        self.dimension = int(self._embed(["Dimension"]).shape[1])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        batches = [texts[start : start + self._batch_size] for start in range(0, len(texts), self._batch_size)]
        return np.concatenate([self._embed([self._passage_prefix + text for text in batch]) for batch in batches])

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([self._query_prefix + text])[0]

    def _embed(self, texts: list[str]) -> np.ndarray:
        with server_errors(self.host, _KIND):
            response = self._client.embeddings.create(model=self._model, input=texts, encoding_format="float")
        rows = sorted(response.data, key=lambda row: row.index)  # the API does not promise the input's order
        if len(rows) != len(texts):
            raise ModelError(f"Der {_KIND}-Server {self.host} hat {len(rows)} statt {len(texts)} Vektoren geliefert.")
        vectors = np.asarray([row.embedding for row in rows], dtype=np.float32)
        if vectors.ndim != 2:
            raise ModelError(f"Der {_KIND}-Server {self.host} liefert keine Satzvektoren (Pooling eingestellt?).")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)  # normalised here: servers differ in whether they do it
