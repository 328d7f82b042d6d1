"""API schemas (pydantic). Library types never appear in route signatures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Self

from pydantic import BaseModel, Field

from ingest.types import SearchHit

if TYPE_CHECKING:
    from assistant.jobs import JobRecord


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


# --- long work: jobs, drafts (summaries), batch analysis ------------------------------------------------------
JobStatus = Literal["wartend", "laeuft", "fertig", "abgebrochen", "fehlgeschlagen"]


class JobPublic(BaseModel):
    """A background job (summary or batch analysis) as the API and the web page see it."""

    id: str
    kind: Literal["summary", "batch"]
    status: JobStatus
    done: int = Field(description="Finished steps (passage groups of a summary, cases of a batch).")
    total: int
    message: str = Field("", description="What the job is doing now, or why it failed (German).")
    created_at: str
    updated_at: str
    seconds_left: float | None = Field(None, description="Estimated time left, once a step has finished.")

    @staticmethod
    def fields_of(record: JobRecord) -> dict[str, Any]:
        """The public fields of a stored job (subclasses add their result)."""
        return {name: getattr(record, name) for name in JobPublic.model_fields}


class DraftSection(BaseModel):
    """One part of a draft (e.g. "Sachverhalt"). ``text`` holds paragraphs separated by blank lines; a bullet
    line starts with "- ". Markers [n] point to ``Draft.sources``."""

    heading: str
    text: str


class Draft(BaseModel):
    """A summary or drafted text (Vermerk, Kurzfassung, Stichpunkte) whose markers all verified."""

    template: str = Field(description="Template id, e.g. 'vermerk'.")
    title: str = Field(description="Heading of the draft, e.g. 'Vermerk'.")
    subject: str = Field(description="What the draft is about (Betreff): the document titles.")
    documents: list[str] = Field(description="Titles of the summarised documents.")
    sections: list[DraftSection]
    sources: list[CitationPublic] = Field(description="Verified sources; ``number`` is the [n] in the text.")
    dropped_statements: int = Field(0, description="Statements left out because no source verified them.")
    closing_line: str = "Entwurf mit KI-Unterstützung erstellt; Quellen geprüft: ____________________"
    created_at: str


FieldType = Literal["text", "datum", "betrag", "janein", "auswahl"]


class FieldSpec(BaseModel):
    """One column of a batch analysis: a German question and the type its answer is normalised to."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]{0,40}$", description="Column name (lower case, no spaces).")
    frage: str = Field(min_length=3, max_length=300, description="The question asked of every case.")
    typ: FieldType = "text"
    optionen: list[str] = Field(default_factory=list, description="Allowed answers for typ 'auswahl'.")
    hinweis: str = Field("", max_length=300, description="Optional hint where or how the value is written.")


class ExtractionSchema(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    beschreibung: str = ""
    felder: list[FieldSpec] = Field(min_length=1, max_length=40)


CellValue = str | float | bool | None


class CellResult(BaseModel):
    """One case × field. ``value`` is normalised (ISO date, euro amount as number, bool); it is None unless a
    citation verified it."""

    field: str
    status: Literal["gefunden", "nicht_gefunden"]
    value: CellValue = None
    raw: str = Field("", description="The value as written in the document.")
    citation: CitationPublic | None = None


class CaseResult(BaseModel):
    case: str = Field(description="Case name: the file or sub-folder name.")
    documents: list[str]
    status: Literal["fertig", "fehler"]
    error: str = Field("", description="Why the case failed (German); its cells are then empty.")
    cells: list[CellResult] = Field(default_factory=list)


class BatchResult(BaseModel):
    schema_: ExtractionSchema = Field(alias="schema")
    cases: list[CaseResult]
    created_at: str

    model_config = {"populate_by_name": True}
