"""Ingest: files → pages → passages → embeddings → a new index generation, published atomically."""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest import index_folder as folder
from ingest.chunking import StructureChunker
from ingest.embedding_cache import EmbeddingCache
from ingest.errors import IngestError, UnreadableFileError
from ingest.keyword_index import KeywordIndex
from ingest.loaders import load_document
from ingest.passage_store import KnownFile, PassageStore, StoredDocument
from ingest.settings import CoreSettings
from ingest.types import COLLECTION_NAME, LoadedDocument, Passage
from ingest.vector_store import FaissVectorStore
from models import Embedder, create_embedder
from models.files import file_sha256

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class IngestReport:
    files_found: int = 0
    files_ingested: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    pages: int = 0
    ocr_pages: int = 0
    passages_new: int = 0
    passages_embedded: int = 0
    passages_total: int = 0
    documents_total: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    ingested_doc_ids: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def add_time(self, phase: str, seconds: float) -> None:
        self.seconds[phase] = self.seconds.get(phase, 0.0) + seconds


@dataclass
class _PendingDocument:
    stored: StoredDocument
    loaded: LoadedDocument
    passages: list[Passage]


@dataclass(frozen=True)
class _SourceFile:
    path: Path
    source: str  # display name: the path relative to the folder it was found in


class Ingestor:
    """Writes the index folder. Unchanged files (same content hash) are not embedded again."""

    def __init__(self, settings: CoreSettings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or create_embedder(settings.embedder)
        self.index_dir = settings.ingest.index_dir
        self.chunker = StructureChunker(settings.ingest.chunk_size, settings.ingest.chunk_overlap)

    def ingest(
        self,
        paths: Sequence[Path],
        *,
        collection: str,
        rebuild: bool = False,
        remove_missing: bool = True,
        progress: bool = True,
        display_names: dict[Path, str] | None = None,
    ) -> IngestReport:
        """Bring the index in line with ``paths`` (files or folders), their documents in ``collection`` (a
        file ingested again into another collection moves there)."""
        if not COLLECTION_NAME.match(collection):
            raise IngestError(
                f"„{collection}“ ist kein gültiger Sammlungsname (Kleinbuchstaben, Ziffern, - und _, bis 63 Zeichen)."
            )
        report = IngestReport()
        started = time.perf_counter()
        with folder.writer_lock(self.index_dir), self._new_generation(rebuild) as (store, generation, force_all):
            files = list(_discover(paths, report, display_names or {}))
            report.files_found = len(files)
            existing = store.known_files()
            pending = self._load_changed(store, files, existing, collection, force_all, report, progress)
            vectors = self._embed([p for doc in pending for p in doc.passages], report, progress)
            self._write(store, pending, vectors, report)
            if remove_missing:
                report.files_removed = self._remove_missing(store, paths, files, existing)
            self._publish(store, generation, report)
        report.add_time("total", time.perf_counter() - started)
        return report

    def delete(self, doc_ids: Sequence[str]) -> IngestReport:
        report = IngestReport()
        with folder.writer_lock(self.index_dir), self._new_generation(False) as (store, generation, _):
            known = {file.doc_id for file in store.known_files().values()}
            store.delete_documents([d for d in doc_ids if d in known])
            report.files_removed = len(known & set(doc_ids))
            self._publish(store, generation, report)
        return report

    # --- generation handling ---------------------------------------------------------------------
    @contextmanager
    def _new_generation(self, rebuild: bool) -> Iterator[tuple[PassageStore, Path, bool]]:
        """A new generation seeded with a copy of the live store; removed again if anything fails.

        Yields the store, the generation folder and whether every file must be re-processed
        (rebuild, or the chunking parameters changed since the live index was built).
        """
        old = folder.current_generation(self.index_dir)
        force_all = rebuild
        if old is not None and not rebuild:
            manifest = folder.read_manifest(old)
            folder.check_embedder(manifest, self.embedder.name, self.embedder.dimension)
            force_all = manifest.chunking() != self._chunking()
        folder.remove_stale_generations(self.index_dir)
        generation = folder.new_generation(self.index_dir)
        store: PassageStore | None = None
        try:
            if old is not None and not rebuild:
                shutil.copy2(old / folder.STORE_FILE, generation / folder.STORE_FILE)
            store = PassageStore(generation / folder.STORE_FILE)
            yield store, generation, force_all
        except BaseException:
            if store is not None:
                store.close()
            shutil.rmtree(generation, ignore_errors=True)
            raise

    def _chunking(self) -> tuple[int, int, int, int]:
        ingest = self.settings.ingest
        return (ingest.chunk_size, ingest.chunk_overlap, ingest.embed_chars, folder.TEXT_VERSION)

    # --- steps -----------------------------------------------------------------------------------
    def _load_changed(
        self,
        store: PassageStore,
        files: list[_SourceFile],
        existing: dict[str, KnownFile],
        collection: str,
        force_all: bool,
        report: IngestReport,
        progress: bool,
    ) -> list[_PendingDocument]:
        pending: list[_PendingDocument] = []
        for source_file in tqdm(files, desc="Dokumente lesen", unit="Datei", disable=not progress):
            content_hash = file_sha256(source_file.path)
            known = existing.get(str(source_file.path))
            if known is not None and known.content_hash == content_hash and not force_all:
                if known.collection != collection:
                    store.move_document(known.doc_id, collection)
                report.files_unchanged += 1
                continue
            document = self._load_one(source_file, content_hash, collection, report)
            if document is not None:
                pending.append(document)
        return pending

    def _load_one(
        self, source_file: _SourceFile, content_hash: str, collection: str, report: IngestReport
    ) -> _PendingDocument | None:
        started = time.perf_counter()
        try:
            loaded = load_document(source_file.path, self.settings.ingest)
        except UnreadableFileError as error:
            report.skipped.append(SkippedFile(source_file.source, error.message))
            return None
        finally:
            report.add_time("load", time.perf_counter() - started)
        report.add_time("ocr", loaded.ocr_seconds)
        started = time.perf_counter()
        doc_id = document_id(source_file.path)
        passages = self.chunker.split(loaded, doc_id)
        report.add_time("chunk", time.perf_counter() - started)
        report.pages += len(loaded.pages)
        report.ocr_pages += loaded.ocr_pages
        stored = StoredDocument(
            doc_id=doc_id,
            path=str(source_file.path),
            source=source_file.source,
            title=loaded.title,
            format=loaded.format,
            content_hash=content_hash,
            size_bytes=source_file.path.stat().st_size,
            page_count=len(loaded.pages),
            ocr_pages=loaded.ocr_pages,
            metadata=loaded.metadata,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            collection=collection,
        )
        return _PendingDocument(stored, loaded, passages)

    def _embed(self, passages: list[Passage], report: IngestReport, progress: bool) -> np.ndarray:
        """Embeddings for ``passages`` in order; cached vectors are reused, the rest computed in batches."""
        dimension = self.embedder.dimension
        result = np.zeros((len(passages), dimension), dtype=np.float32)
        cache = EmbeddingCache(self.index_dir / folder.CACHE_FILE, self.embedder.name, dimension)
        try:
            texts = [embedding_text(p.indexed_text, self.settings.ingest.embed_chars) for p in passages]
            keys = [cache.key(text) for text in texts]
            cached = cache.get_many(list(set(keys)))
            missing = [i for i, key in enumerate(keys) if key not in cached]
            for i, key in enumerate(keys):
                if key in cached:
                    result[i] = cached[key]
            missing.sort(key=lambda i: len(texts[i]))  # similar lengths batch well
            batch_size = self.settings.embedder.batch_size
            with tqdm(total=len(missing), desc="Einbetten", unit="Abschnitt", disable=not progress) as bar:
                for start in range(0, len(missing), batch_size):
                    batch = missing[start : start + batch_size]
                    began = time.perf_counter()
                    vectors = self.embedder.embed_passages([texts[i] for i in batch])
                    report.add_time("embed", time.perf_counter() - began)
                    result[batch] = vectors
                    cache.put_many([keys[i] for i in batch], vectors)
                    bar.update(len(batch))
            report.passages_embedded += len(missing)
        finally:
            cache.close()
        return result

    def _write(
        self, store: PassageStore, pending: list[_PendingDocument], vectors: np.ndarray, report: IngestReport
    ) -> None:
        started = time.perf_counter()
        offset = 0
        for document in pending:
            count = len(document.passages)
            store.replace_document(
                document.stored, document.loaded, document.passages, vectors[offset : offset + count]
            )
            offset += count
            report.files_ingested += 1
            report.passages_new += count
            report.ingested_doc_ids.append(document.stored.doc_id)
        report.add_time("index", time.perf_counter() - started)

    def _remove_missing(
        self,
        store: PassageStore,
        roots: Sequence[Path],
        files: list[_SourceFile],
        existing: dict[str, KnownFile],
    ) -> int:
        """Drop documents under the given roots whose files are gone."""
        present = {str(f.path) for f in files}
        resolved_roots = [root.resolve() for root in roots]
        gone = [
            doc.doc_id
            for path, doc in existing.items()
            if path not in present
            and any(_is_within(Path(path), root) for root in resolved_roots)
            and not Path(path).exists()
        ]
        store.delete_documents(gone)
        return len(gone)

    def _publish(self, store: PassageStore, generation: Path, report: IngestReport) -> None:
        started = time.perf_counter()
        store.commit()
        ids_parts, vector_parts, texts = [], [], []
        for ids, vectors, batch_texts in store.iter_vectors(self.embedder.dimension):
            ids_parts.append(ids)
            vector_parts.append(vectors)
            texts.extend(batch_texts)
        ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int64)
        vectors = np.concatenate(vector_parts) if vector_parts else np.zeros((0, self.embedder.dimension), np.float32)
        FaissVectorStore.build(ids, vectors, self.settings.ingest.vector_index).save(generation / folder.VECTORS_FILE)
        KeywordIndex.build(ids, texts).save(generation / folder.KEYWORD_FOLDER)
        report.passages_total = len(ids)
        report.documents_total = sum(store.collection_sizes().values())
        folder.write_manifest(
            generation,
            folder.Manifest(
                format_version=folder.FORMAT_VERSION,
                embedder=self.embedder.name,
                dimension=self.embedder.dimension,
                chunk_size=self.settings.ingest.chunk_size,
                chunk_overlap=self.settings.ingest.chunk_overlap,
                embed_chars=self.settings.ingest.embed_chars,
                text_version=folder.TEXT_VERSION,
                vector_index=self.settings.ingest.vector_index,
                documents=report.documents_total,
                passages=report.passages_total,
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        store.close()
        folder.publish(self.index_dir, generation)
        report.add_time("index", time.perf_counter() - started)


def embedding_text(indexed_text: str, limit: int) -> str:
    """What the embedder reads: the passage with its title and heading, cut at a word boundary after ``limit``."""
    if not limit or len(indexed_text) <= limit:
        return indexed_text
    cut = indexed_text.rfind(" ", 0, limit)
    return indexed_text[: cut if cut > limit // 2 else limit]


def document_id(path: Path) -> str:
    """Stable id of a document: derived from its absolute path, so re-ingesting updates it in place."""
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def _discover(paths: Sequence[Path], report: IngestReport, display_names: dict[Path, str]) -> Iterator[_SourceFile]:
    for root in paths:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                relative = path.relative_to(root)
                if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                    yield _SourceFile(path.resolve(), relative.as_posix())
        elif root.is_file():
            yield _SourceFile(root.resolve(), display_names.get(root, root.name))
        else:
            report.skipped.append(SkippedFile(str(root), "Datei oder Ordner nicht gefunden."))


def _is_within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
