"""The batch table: one row per case, one cell per field, each found value with its verified citation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.batch.fields import ExtractionSchema
from assistant.shared.citations import Citation

CellValue = str | float | bool | None


class CellResult(BaseModel):
    """One case × field. ``value`` is normalised (ISO date, euro amount as number, bool); it is None unless a
    citation verified it."""

    field: str
    status: Literal["gefunden", "nicht_gefunden"]
    value: CellValue = None
    raw: str = Field("", description="The value as written in the document.")
    unit: str = Field("", description="Unit of a 'zahl' value (the field's einheit).")
    confidence: Literal["sicher", "prüfen"] = Field(
        "prüfen", description="'sicher' where nothing competed with the value; 'prüfen' for the clerk to review."
    )
    review: str = Field("", description="Why the cell is to be reviewed (German).")
    citation: Citation | None = None


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
