"""Embeddings by text hash, committed batch by batch: an interrupted ingest resumes without re-embedding."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np


class EmbeddingCache:
    def __init__(self, path: Path, embedder_name: str, dimension: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path)
        self._connection.execute("CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._prefix = f"{embedder_name}\x00".encode()
        self._dimension = dimension

    def key(self, text: str) -> str:
        return hashlib.sha256(self._prefix + text.encode("utf-8")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            marks = ",".join("?" * len(batch))
            for key, blob in self._connection.execute(
                f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", batch
            ):
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape == (self._dimension,):
                    found[key] = vector
        return found

    def put_many(self, keys: list[str], vectors: np.ndarray) -> None:
        self._connection.executemany(
            "INSERT OR REPLACE INTO embeddings VALUES (?, ?)",
            [(key, vector.astype(np.float32).tobytes()) for key, vector in zip(keys, vectors, strict=True)],
        )
        self._connection.commit()

    def close(self) -> None:
        self._connection.close()
