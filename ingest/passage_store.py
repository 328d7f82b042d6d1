"""SQLite store of documents, their page texts and passages (with embeddings, so rebuilding needs no re-embedding).

Every document belongs to one collection, and every read takes the caller's ``Scope``: the SQL itself keeps
documents of other collections out, so no read path can forget the check.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.errors import IndexFormatError
from ingest.types import DEFAULT_COLLECTION, LoadedDocument, Passage, PassageRef, Scope, SearchHit, join_pages

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
    ingested_at TEXT NOT NULL,
    collection TEXT NOT NULL DEFAULT 'allgemein'
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
_COLLECTION_INDEX = "CREATE INDEX IF NOT EXISTS documents_by_collection ON documents(collection)"


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
    collection: str = DEFAULT_COLLECTION
    passage_count: int = 0


@dataclass(frozen=True)
class KnownFile:
    doc_id: str
    content_hash: str
    collection: str


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
    "d.ocr_pages, d.metadata_json, d.ingested_at, d.collection, COUNT(p.passage_id)"
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
            self._add_collections()
        elif not self._has_collections():
            raise IndexFormatError(
                "Der Index stammt von einer älteren Version ohne Sammlungen. Bitte die Dokumente neu einlesen "
                "(python -m ingest ORDNER)."
            )

    def _has_collections(self) -> bool:
        columns = self._connection.execute("PRAGMA table_info(documents)").fetchall()
        return any(column[1] == "collection" for column in columns)

    def _add_collections(self) -> None:
        """A store written before collections existed: its documents go to the default collection."""
        if not self._has_collections():
            self._connection.execute(
                f"ALTER TABLE documents ADD COLUMN collection TEXT NOT NULL DEFAULT '{DEFAULT_COLLECTION}'"
            )
        self._connection.execute(_COLLECTION_INDEX)

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
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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
                document.collection,
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

    def move_document(self, doc_id: str, collection: str) -> None:
        with self._lock:
            self._connection.execute("UPDATE documents SET collection = ? WHERE doc_id = ?", (collection, doc_id))

    def commit(self) -> None:
        with self._lock:
            self._connection.commit()

    # --- reading (each takes the caller's scope) --------------------------------------------------
    def documents(self, scope: Scope) -> list[StoredDocument]:
        where, parameters = _in_scope(scope)
        rows = self._query(
            f"SELECT {_DOCUMENT_COLUMNS} FROM {_DOCUMENT_FROM} WHERE {where} GROUP BY d.doc_id ORDER BY d.source",
            parameters,
        )
        return [_document(row) for row in rows]

    def document(self, doc_id: str, scope: Scope) -> StoredDocument | None:
        where, parameters = _in_scope(scope)
        rows = self._query(
            f"SELECT {_DOCUMENT_COLUMNS} FROM {_DOCUMENT_FROM} WHERE d.doc_id = ? AND {where} GROUP BY d.doc_id",
            [doc_id, *parameters],
        )
        return _document(rows[0]) if rows else None

    def doc_ids_matching(self, doc_ids: tuple[str, ...], source_prefix: str, scope: Scope) -> list[str]:
        """Ids of the documents in scope among ``doc_ids`` (all if empty) whose source starts with
        ``source_prefix``."""
        where, scoped = _in_scope(scope)
        sql = f"SELECT doc_id FROM documents d WHERE substr(source, 1, ?) = ? AND {where}"
        parameters: list[object] = [len(source_prefix), source_prefix, *scoped]
        if doc_ids:
            sql += f" AND doc_id IN ({','.join('?' * len(doc_ids))})"
            parameters += doc_ids
        return [row[0] for row in self._query(sql, parameters)]

    def pages(self, doc_id: str, scope: Scope) -> list[StoredPage]:
        where, parameters = _in_scope(scope)
        rows = self._query(
            "SELECT g.number, g.char_start, g.ocr, g.text FROM pages g JOIN documents d ON d.doc_id = g.doc_id "
            f"WHERE g.doc_id = ? AND {where} ORDER BY g.number",
            [doc_id, *parameters],
        )
        return [StoredPage(row[0], row[1], bool(row[2]), row[3]) for row in rows]

    def passages_of(self, doc_id: str, scope: Scope) -> list[StoredPassage]:
        where, parameters = _in_scope(scope)
        rows = self._query(
            f"SELECT {_PASSAGE_COLUMNS} FROM {_PASSAGE_FROM} WHERE p.doc_id = ? AND {where} ORDER BY p.ordinal",
            [doc_id, *parameters],
        )
        return [StoredPassage(*row) for row in rows]

    def passages_by_id(self, passage_ids: list[int], scope: Scope) -> dict[int, StoredPassage]:
        where, scoped = _in_scope(scope)
        found: dict[int, StoredPassage] = {}
        for start in range(0, len(passage_ids), 500):
            batch = passage_ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            query = f"SELECT {_PASSAGE_COLUMNS} FROM {_PASSAGE_FROM} WHERE p.passage_id IN ({marks}) AND {where}"
            for row in self._query(query, [*batch, *scoped]):
                found[row[0]] = StoredPassage(*row)
        return found

    def vectors_for_documents(self, doc_ids: list[str], dimension: int, scope: Scope) -> tuple[np.ndarray, np.ndarray]:
        where, scoped = _in_scope(scope)
        marks = ",".join("?" * len(doc_ids))
        rows = self._query(
            f"SELECT p.passage_id, p.embedding FROM {_PASSAGE_FROM} WHERE p.doc_id IN ({marks}) AND {where}",
            [*doc_ids, *scoped],
        )
        ids = np.array([row[0] for row in rows], dtype=np.int64)
        vectors = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32).reshape(-1, dimension)
        return ids, vectors

    # --- no content: collection names and counts, for masks, operators and the writer ---------------
    def collection_sizes(self) -> dict[str, int]:
        """Documents per collection (names and counts only)."""
        return dict(self._query("SELECT collection, COUNT(*) FROM documents GROUP BY collection"))

    def passage_collections(self) -> tuple[np.ndarray, list[str]]:
        """Every passage id (ascending) with its document's collection, for the search's scope masks."""
        rows = self._query(f"SELECT p.passage_id, d.collection FROM {_PASSAGE_FROM} ORDER BY p.passage_id")
        return np.array([row[0] for row in rows], dtype=np.int64), [row[1] for row in rows]

    def known_files(self) -> dict[str, KnownFile]:
        """The writer's view: per file path its document id, content hash and collection."""
        rows = self._query("SELECT path, doc_id, content_hash, collection FROM documents")
        return {row[0]: KnownFile(row[1], row[2], row[3]) for row in rows}

    def iter_vectors(self, dimension: int) -> Iterator[tuple[np.ndarray, np.ndarray, list[str]]]:
        """Batches of (passage ids, embeddings, indexed texts) over the whole store, in id order."""
        cursor = self._connection.execute(
            "SELECT passage_id, embedding, indexed_text FROM passages ORDER BY passage_id"
        )
        while rows := cursor.fetchmany(5000):
            ids = np.array([row[0] for row in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32).reshape(-1, dimension)
            yield ids, vectors, [row[2] for row in rows]

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
        collection=row[11],
        passage_count=row[12],
    )


def _in_scope(scope: Scope) -> tuple[str, list[object]]:
    """The SQL condition (on documents ``d``) that keeps a read inside ``scope``; an empty scope matches nothing."""
    if not scope.collections:
        return "0", []
    names = scope.sorted()
    return f"d.collection IN ({','.join('?' * len(names))})", list(names)
