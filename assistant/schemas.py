"""API schemas (pydantic). Library types never appear in route signatures."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, Field

from ingest.types import SearchHit


class ErrorPublic(BaseModel):
    error: str
    message: str


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=8000)


class ChatRequest(BaseModel):
    question: str = Field(
        min_length=1, max_length=2000, description="Die Frage der Sachbearbeiterin/des Sachbearbeiters."
    )
    history: list[ChatTurn] = Field(default_factory=list, max_length=20, description="Bisheriger Verlauf.")
    stream: bool = Field(False, description="Antwort als Server-Sent Events streamen.")
    document_ids: list[str] = Field(default_factory=list, description="Nur in diesen Dokumenten suchen.")


class SourcePublic(BaseModel):
    """A retrieved passage as shown in the sources list; ``number`` is its [n] in the answer."""

    number: int
    passage_id: int
    doc_id: str
    title: str
    source: str
    page_start: int
    page_end: int
    section: str
    heading: str
    char_start: int
    char_end: int
    text: str
    score: float

    @classmethod
    def from_hit(cls, number: int, hit: SearchHit) -> Self:
        return cls(
            number=number,
            passage_id=hit.passage_id,
            doc_id=hit.doc_id,
            title=hit.title,
            source=hit.path,
            page_start=hit.page_start,
            page_end=hit.page_end,
            section=hit.section,
            heading=hit.heading,
            char_start=hit.char_start,
            char_end=hit.char_end,
            text=hit.text,
            score=hit.score,
        )


class CitationPublic(BaseModel):
    """A verified citation: the source number and the span of the passage the answer relies on."""

    number: int
    passage_id: int
    doc_id: str
    title: str
    source: str
    page: int
    section: str
    quote: str
    quote_start: int = Field(description="Offset of the quote in the document text (for highlighting).")
    quote_end: int
    passage_start: int
    passage_end: int


class AnswerPublic(BaseModel):
    answer: str
    status: Literal["beantwortet", "nichts_gefunden"]
    sources: list[SourcePublic]
    citations: list[CitationPublic]
    dropped_citations: int = Field(0, description="Markers the model produced that did not verify (not shown).")
    seconds_to_first_token: float | None = None
    seconds_total: float = 0.0


class SearchHitPublic(SourcePublic):
    pass


class DocumentPublic(BaseModel):
    id: str
    title: str
    source: str
    format: str
    pages: int
    passages: int
    ocr_pages: int
    size_bytes: int
    ingested_at: str


class PagePublic(BaseModel):
    number: int
    char_start: int
    ocr: bool
    text: str


class PassageRefPublic(BaseModel):
    passage_id: int
    page_start: int
    page_end: int
    section: str
    heading: str
    char_start: int
    char_end: int


class DocumentDetailPublic(DocumentPublic):
    metadata: dict[str, str]
    page_texts: list[PagePublic]
    passage_refs: list[PassageRefPublic]


class SkippedPublic(BaseModel):
    file: str
    reason: str


class UploadResultPublic(BaseModel):
    documents: list[DocumentPublic]
    skipped: list[SkippedPublic]


class HealthPublic(BaseModel):
    status: Literal["ok"]
    offline: bool
    documents: int
    passages: int
    embedder: str
    llm: str
