"""API schemas (pydantic) and their mapping from the features' domain types. Library types never appear in route
signatures; domain results that the API returns unchanged (a draft, a batch table, a citation) are composed here
rather than copied field by field."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Literal, Self

from pydantic import BaseModel, Field, SecretStr, model_validator

from assistant.access.accounts import Principal, Role, UserAccount
from assistant.access.audit import AuditEvent
from assistant.access.collections import Collection, Grant, Permission
from assistant.access.history import Conversation
from assistant.batch.cases import BatchJob
from assistant.batch.results import BatchResult
from assistant.chat.answerer import AnswerStatus, AnswerVerified, ChatAnswer, EvidenceFound, Question, Turn
from assistant.chat.evidence import FindingKind
from assistant.drafts.draft import Draft
from assistant.drafts.templates import Template
from assistant.shared.citations import Citation
from assistant.shared.errors import InvalidInput
from assistant.shared.excerpts import Excerpt
from assistant.shared.jobs import JobKind, JobRecord, JobStatus
from ingest.passage_store import StoredDocument, StoredPage
from ingest.types import PassageRef, SearchHit


class ErrorPublic(BaseModel):
    error: str
    message: str


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=120, description="Benutzername")
    password: SecretStr = Field(min_length=1, max_length=1000, description="Passwort")


class UserPublic(BaseModel):
    """The signed-in user as the web page shows them (name and department in the header)."""

    name: str
    display_name: str
    department: str
    role: Role

    @classmethod
    def of(cls, principal: Principal) -> Self:
        return cls.model_validate(asdict(principal))  # the internal user id stays out


class AccountPublic(UserPublic):
    """An account as the admin page lists it."""

    disabled: bool
    created_at: datetime

    @classmethod
    def of_account(cls, account: UserAccount) -> Self:
        return cls.model_validate(asdict(account))


class NewUserRequest(BaseModel):
    name: str = Field(min_length=2, max_length=64, description="Benutzername (Kleinbuchstaben, Ziffern, . _ @ -)")
    department: str = Field(min_length=1, max_length=120)
    role: Role = "user"
    display_name: str = Field("", max_length=200)
    password: SecretStr = Field(min_length=1, max_length=1000, description="Erstes Passwort")


class ConversationRequest(BaseModel):
    title: str = Field("", max_length=200, description="Titel (ohne Angabe: die erste Frage)")


class StoredTurnPublic(BaseModel):
    question: str
    answer: str
    status: str = Field(description="wie bei /api/chat; zurueckgehalten: eine Quelle ist nicht mehr lesbar")
    citations: list[Citation]
    asked_at: datetime


class ConversationPublic(BaseModel):
    id: str
    title: str
    created_at: datetime
    updated_at: datetime
    turns: int
    history: list[StoredTurnPublic] = Field(default_factory=list, description="Nur beim Öffnen eines Gesprächs")

    @classmethod
    def of(cls, conversation: Conversation) -> Self:
        return cls(
            id=conversation.id,
            title=conversation.title,
            created_at=conversation.created_at,
            updated_at=conversation.updated_at,
            turns=conversation.turn_count,
            history=[StoredTurnPublic.model_validate(turn, from_attributes=True) for turn in conversation.turns],
        )


class GrantPublic(BaseModel):
    """A grant: exactly one of ``department``, ``user`` or ``everyone`` (every signed-in user)."""

    permission: Permission = Field(description="read, write (einlesen, löschen) oder manage (Freigaben)")
    department: str = Field("", max_length=120)
    user: str = Field("", max_length=120)
    everyone: bool = False

    @model_validator(mode="after")
    def _one_subject(self) -> Self:
        if sum((bool(self.department), bool(self.user), self.everyone)) != 1:
            raise InvalidInput("Eine Freigabe nennt genau eines: eine Abteilung, eine Person oder alle (everyone).")
        return self

    @classmethod
    def of(cls, grant: Grant) -> Self:
        return cls(permission=grant.permission, department=grant.department, user=grant.user, everyone=grant.everyone)

    def to_grant(self) -> Grant:
        return Grant(self.permission, department=self.department, user=self.user)


class GrantsRequest(BaseModel):
    grants: list[GrantPublic] = Field(default_factory=list, max_length=200)


class CollectionRequest(GrantsRequest):
    name: str = Field(min_length=1, max_length=63, description="Kleinbuchstaben, Ziffern, - und _")
    title: str = Field("", max_length=200)


class CollectionPublic(BaseModel):
    name: str
    title: str
    permission: Permission | None = Field(description="Was Sie mit der Sammlung dürfen")
    grants: list[GrantPublic]
    documents: int = Field(description="Dokumente im Index")
    created_by: str

    @classmethod
    def of(cls, collection: Collection, documents: int) -> Self:
        return cls(
            name=collection.name,
            title=collection.title,
            permission=collection.permission,
            grants=[GrantPublic.of(grant) for grant in collection.grants],
            documents=documents,
            created_by=collection.created_by,
        )


class AuditEventPublic(BaseModel):
    """One entry of the audit trail: who did what, when, with what outcome (never content)."""

    seq: int
    at: str
    actor: str
    action: str
    target: str
    outcome: str
    via: str = Field(description="Wie angemeldet: passwort, oidc, sitzung, api_schluessel, cli, system")
    request_id: str
    hash: str

    @classmethod
    def of(cls, event: AuditEvent) -> Self:
        return cls.model_validate(asdict(event))  # the predecessor's hash stays out (it is the previous entry's)


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
    collections: list[str] | None = Field(
        None, max_length=100, description="Nur in diesen Sammlungen suchen (Standard: alle lesbaren)."
    )
    conversation_id: str | None = Field(
        None,
        max_length=32,
        description="Gespräch im Verlauf (POST /api/conversations): sein bisheriger Verlauf gilt statt ``history``, "
        "und Frage und Antwort werden dort gespeichert.",
    )

    def to_question(self) -> Question:
        history = tuple(Turn(turn.role, turn.content) for turn in self.history)
        return Question(self.question, history, tuple(self.document_ids))


class PassageRefPublic(BaseModel):
    """Where a passage stands: document, pages, heading, § and character offsets in the document text."""

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

    @classmethod
    def of(cls, ref: PassageRef) -> Self:
        return cls.model_validate(ref, from_attributes=True)


class SourcePublic(PassageRefPublic):
    """A retrieved passage as shown in the sources list; ``number`` is its [n] in the answer."""

    number: int
    text: str
    score: float

    @classmethod
    def of_excerpt(cls, excerpt: Excerpt) -> Self:
        return cls.numbered(excerpt.number, excerpt.hit)

    @classmethod
    def numbered(cls, number: int, hit: SearchHit) -> Self:
        return cls(**PassageRefPublic.of(hit).model_dump(), number=number, text=hit.text, score=hit.score)


class EvidencePublic(BaseModel):
    """The deciding unit(s), chosen before the model answers (the SSE ``evidence`` event comes before any token)."""

    finding: FindingKind = Field(
        description="belegt: a deciding unit was found; nicht_geregelt: only a neighbouring case is regulated; "
        "widerspruch: sources state different values; keine: nothing fits."
    )
    citations: list[Citation] = Field(description="The deciding unit first; for widerspruch, each source's unit.")

    @classmethod
    def of(cls, evidence: EvidenceFound) -> Self:
        return cls.model_validate(evidence, from_attributes=True)


class VerifiedAnswerPublic(BaseModel):
    answer: str
    status: AnswerStatus
    citations: list[Citation]
    dropped_citations: int = Field(0, description="Markers the model produced that did not verify (not shown).")

    @classmethod
    def of(cls, verified: AnswerVerified) -> Self:
        return cls.model_validate(verified, from_attributes=True)


class AnswerPublic(VerifiedAnswerPublic):
    sources: list[SourcePublic]
    evidence: EvidencePublic
    seconds_to_first_token: float | None = None
    seconds_total: float = 0.0

    @classmethod
    def of_answer(cls, answer: ChatAnswer) -> Self:
        return cls(
            **VerifiedAnswerPublic.of(answer.verified).model_dump(),
            sources=[SourcePublic.of_excerpt(excerpt) for excerpt in answer.sources],
            evidence=EvidencePublic.of(answer.evidence),
            seconds_to_first_token=answer.done.seconds_to_first_token,
            seconds_total=answer.done.seconds_total,
        )


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
    collection: str

    @classmethod
    def of(cls, document: StoredDocument) -> Self:
        return cls(
            id=document.doc_id,
            collection=document.collection,
            title=document.title,
            source=document.source,
            format=document.format,
            pages=document.page_count,
            passages=document.passage_count,
            ocr_pages=document.ocr_pages,
            size_bytes=document.size_bytes,
            ingested_at=document.ingested_at,
        )


class PagePublic(BaseModel):
    number: int
    char_start: int
    ocr: bool
    text: str

    @classmethod
    def of(cls, page: StoredPage) -> Self:
        return cls.model_validate(page, from_attributes=True)


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
    llm_backend: str = Field(description="llama-cpp (in this process) or openai (an inference server)")


# --- long work: jobs, drafts (summaries), batch analysis ------------------------------------------------------
class JobPublic(BaseModel):
    """A background job (summary or batch analysis) as the API and the web page see it."""

    id: str
    kind: JobKind
    status: JobStatus
    done: int = Field(description="Finished steps (passage groups of a summary, cases of a batch).")
    total: int
    message: str = Field("", description="What the job is doing now, or why it failed (German).")
    created_at: str
    updated_at: str
    seconds_left: float | None = Field(None, description="Estimated time left, once a step has finished.")


def _job_fields(record: JobRecord) -> JobPublic:
    return JobPublic.model_validate(record, from_attributes=True)


class SummaryJobPublic(JobPublic):
    draft: Draft | None = None

    @classmethod
    def of(cls, record: JobRecord) -> Self:
        draft = Draft.model_validate(record.result) if record.result else None
        return cls(**_job_fields(record).model_dump(), draft=draft)


class TemplatePublic(BaseModel):
    id: str
    title: str
    description: str
    sections: list[str]

    @classmethod
    def of(cls, template: Template) -> Self:
        return cls(
            id=template.id,
            title=template.title,
            description=template.description,
            sections=[section.heading for section in template.sections],
        )


class BatchJobPublic(JobPublic):
    cells_done: int = 0
    cells_total: int = 0
    result: BatchResult | None = None

    @classmethod
    def of(cls, record: JobRecord) -> Self:
        fields = len(BatchJob.model_validate(record.params).schema_.felder)
        result = BatchResult.model_validate(record.result) if record.result else None
        cases_done = record.done if record.total else 0
        return cls(
            **_job_fields(record).model_dump(),
            cells_done=cases_done * fields,
            cells_total=record.total * fields,
            result=result,
        )


class ExamplePublic(BaseModel):
    file: str
    name: str
    yaml: str
