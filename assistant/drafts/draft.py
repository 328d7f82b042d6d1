"""The draft a summary job produces, and what it is asked to do."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, Field, field_validator, model_validator

from assistant.drafts.templates import templates
from assistant.shared.citations import Citation
from assistant.shared.errors import InvalidInput

Length = Literal["kurz", "ausfuehrlich"]
Form = Literal["fliesstext", "stichpunkte"]
MAX_DOCUMENTS = 20


class SummaryOptions(BaseModel):
    template: str = Field("zusammenfassung", description="Vorlage: zusammenfassung, vermerk, kurzfassung, …")
    length: Length = Field("ausfuehrlich", description="kurz oder ausfuehrlich")
    form: Form | None = Field(None, description="fliesstext oder stichpunkte; ohne Angabe die der Vorlage")

    @field_validator("template")
    @classmethod
    def _known_template(cls, value: str) -> str:
        if value not in templates():
            raise InvalidInput(f"Die Vorlage „{value}“ gibt es nicht. Verfügbar: {', '.join(templates())}.")
        return value


class SummaryRequest(SummaryOptions):
    """A summary of documents already in the index (the JSON request)."""

    doc_ids: list[str] = Field(
        default_factory=list, max_length=MAX_DOCUMENTS, description="Ids der Dokumente im Index."
    )

    @model_validator(mode="after")
    def _has_documents(self) -> Self:
        if not self.doc_ids:
            raise InvalidInput("Bitte mindestens ein Dokument wählen (Dateien über /api/summaries/uploads).")
        return self


class SummaryJob(SummaryOptions):
    """The parameters of a summary job: indexed documents and/or files uploaded with the request
    (``{saved path: name the clerk gave}``; set by the server only, never taken from a client)."""

    doc_ids: list[str] = Field(default_factory=list, max_length=MAX_DOCUMENTS)
    files: dict[str, str] = Field(default_factory=dict)
    collection: str = ""  # where uploaded files go (the owner needs write permission on it when the job runs)

    @model_validator(mode="after")
    def _has_documents(self) -> Self:
        if not self.doc_ids and not self.files:
            raise InvalidInput("Bitte mindestens ein Dokument wählen oder eine Datei hochladen.")
        if self.files and not self.collection:
            raise InvalidInput("Bitte die Sammlung angeben, in die die Dateien eingelesen werden.")
        return self


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
    sources: list[Citation] = Field(description="Verified sources; ``number`` is the [n] in the text.")
    dropped_statements: int = Field(0, description="Statements left out because no source verified them.")
    closing_line: str = "Entwurf mit KI-Unterstützung erstellt; Quellen geprüft: ____________________"
    created_at: str
