"""SQLite store of documents, their page texts and passages (with embeddings, so rebuilding needs no re-embedding)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.types import LoadedDocument, Passage, PassageRef, SearchHit, join_pages

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    page_count INTEGER NOT NULL,
    ocr_pages INTEGER NOT NULL,
    metadata_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    ocr INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, number)
);
CREATE TABLE IF NOT EXISTS passages (
    passage_id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL,
    heading TEXT NOT NULL,
    section TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    indexed_text TEXT NOT NULL,
    embedding BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_by_doc ON passages(doc_id, ordinal);
"""


@dataclass(frozen=True)
class StoredDocument:
    doc_id: str
    path: str
    source: str
    title: str
    format: str
    content_hash: str
    size_bytes: int
    page_count: int
    ocr_pages: int
    metadata: dict[str, str]
    ingested_at: str
    passage_count: int = 0


@dataclass(frozen=True)
class StoredPage:
    number: int
    char_start: int
    ocr: bool
    text: str


@dataclass(frozen=True)
class StoredPassage(PassageRef):
    ordinal: int
    text: str

    def to_hit(self, score: float = 0.0) -> SearchHit:
        """The passage as a search hit, e.g. for summaries that read a document's passages in order."""
        fields = {name: getattr(self, name) for name in PassageRef.__dataclass_fields__}
        return SearchHit(**fields, text=self.text, score=score)


# passages carry their document's title and source, so a search needs no second query per document
_PASSAGE_COLUMNS = (
    "p.passage_id, p.doc_id, d.title, d.source, p.page_start, p.page_end, p.heading, p.section, "
    "p.char_start, p.char_end, p.ordinal, p.text"
)
_PASSAGE_FROM = "passages p JOIN documents d ON d.doc_id = p.doc_id"
_DOCUMENT_COLUMNS = (
    "d.doc_id, d.path, d.source, d.title, d.format, d.content_hash, d.size_bytes, d.page_count, "
    "d.ocr_pages, d.metadata_json, d.ingested_at, COUNT(p.passage_id)"
)
_DOCUMENT_FROM = "documents d LEFT JOIN passages p ON p.doc_id = d.doc_id"


class PassageStore:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._connection.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            self._connection.executescript(_SCHEMA)

    def close(self) -> None:
        self._connection.close()

    # --- writing -------------------------------------------------------------------------------
    def replace_document(
        self,
        document: StoredDocument,
        loaded: LoadedDocument,
        passages: list[Passage],
        embeddings: np.ndarray,
    ) -> None:
        self.delete_documents([document.doc_id])
        with self._lock:
            self._insert_document(document, loaded)
            self._connection.executemany(
                "INSERT INTO passages (doc_id, ordinal, page_start, page_end, heading, section, char_start, "
                "char_end, text, indexed_text, embedding) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        p.doc_id,
                        p.ordinal,
                        p.page_start,
                        p.page_end,
                        p.heading,
                        p.section,
                        p.char_start,
                        p.char_end,
                        p.text,
                        p.indexed_text,
                        vector.astype(np.float32).tobytes(),
                    )
                    for p, vector in zip(passages, embeddings, strict=True)
                ],
            )

    def _insert_document(self, document: StoredDocument, loaded: LoadedDocument) -> None:
        self._connection.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                document.doc_id,
                document.path,
                document.source,
                document.title,
                document.format,
                document.content_hash,
                document.size_bytes,
                document.page_count,
                document.ocr_pages,
                json.dumps(document.metadata, ensure_ascii=False),
                document.ingested_at,
            ),
        )
        _, starts = join_pages(loaded.pages)
        self._connection.executemany(
            "INSERT INTO pages VALUES (?,?,?,?,?)",
            [
                (document.doc_id, page.number, start, int(page.ocr), page.text)
                for page, start in zip(loaded.pages, starts, strict=True)
            ],
        )

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        with self._lock:
            self._connection.executemany("DELETE FROM documents WHERE doc_id = ?", [(d,) for d in doc_ids])

    def commit(self) -> None:
        with self._lock:
            self._connection.commit()

    # --- reading -------------------------------------------------------------------------------
    def documents(self) -> list[StoredDocument]:
        rows = self._query(f"SELECT {_DOCUMENT_COLUMNS} FROM {_DOCUMENT_FROM} GROUP BY d.doc_id ORDER BY d.source")
        return [_document(row) for row in rows]

    def document(self, doc_id: str) -> StoredDocument | None:
        rows = self._query(
            f"SELECT {_DOCUMENT_COLUMNS} FROM {_DOCUMENT_FROM} WHERE d.doc_id = ? GROUP BY d.doc_id", (doc_id,)
        )
        return _document(rows[0]) if rows else None

    def doc_ids_matching(self, doc_ids: tuple[str, ...], source_prefix: str) -> list[str]:
        """Ids of the documents among ``doc_ids`` (all if empty) whose source starts with ``source_prefix``."""
        sql = "SELECT doc_id FROM documents WHERE substr(source, 1, ?) = ?"
        parameters: list[object] = [len(source_prefix), source_prefix]
        if doc_ids:
            sql += f" AND doc_id IN ({','.join('?' * len(doc_ids))})"
            parameters += doc_ids
        return [row[0] for row in self._query(sql, parameters)]

    def pages(self, doc_id: str) -> list[StoredPage]:
        rows = self._query(
            "SELECT number, char_start, ocr, text FROM pages WHERE doc_id = ? ORDER BY number", (doc_id,)
        )
        return [StoredPage(row[0], row[1], bool(row[2]), row[3]) for row in rows]

    def passages_of(self, doc_id: str) -> list[StoredPassage]:
        rows = self._query(
            f"SELECT {_PASSAGE_COLUMNS} FROM {_PASSAGE_FROM} WHERE p.doc_id = ? ORDER BY p.ordinal", (doc_id,)
        )
        return [StoredPassage(*row) for row in rows]

    def passages_by_id(self, passage_ids: list[int]) -> dict[int, StoredPassage]:
        found: dict[int, StoredPassage] = {}
        for start in range(0, len(passage_ids), 500):
            batch = passage_ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            query = f"SELECT {_PASSAGE_COLUMNS} FROM {_PASSAGE_FROM} WHERE p.passage_id IN ({marks})"
            for row in self._query(query, batch):
                found[row[0]] = StoredPassage(*row)
        return found

    def iter_vectors(self, dimension: int) -> Iterator[tuple[np.ndarray, np.ndarray, list[str]]]:
        """Batches of (passage ids, embeddings, indexed texts) over the whole store, in id order."""
        cursor = self._connection.execute(
            "SELECT passage_id, embedding, indexed_text FROM passages ORDER BY passage_id"
        )
        while rows := cursor.fetchmany(5000):
            ids = np.array([row[0] for row in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32).reshape(-1, dimension)
            yield ids, vectors, [row[2] for row in rows]

    def vectors_for_documents(self, doc_ids: list[str], dimension: int) -> tuple[np.ndarray, np.ndarray]:
        marks = ",".join("?" * len(doc_ids))
        rows = self._query(f"SELECT passage_id, embedding FROM passages WHERE doc_id IN ({marks})", doc_ids)
        ids = np.array([row[0] for row in rows], dtype=np.int64)
        vectors = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32).reshape(-1, dimension)
        return ids, vectors

    def _query(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, tuple(parameters)).fetchall()


def _document(row: tuple) -> StoredDocument:
    return StoredDocument(
        doc_id=row[0],
        path=row[1],
        source=row[2],
        title=row[3],
        format=row[4],
        content_hash=row[5],
        size_bytes=row[6],
        page_count=row[7],
        ocr_pages=row[8],
        metadata=json.loads(row[9]),
        ingested_at=row[10],
        passage_count=row[11],
    )
