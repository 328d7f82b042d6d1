"""Cases: which documents belong to one row of the batch table, and the request that names them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Protocol, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field

from assistant.batch.fields import ExtractionSchema, parse_schema_text
from assistant.shared.errors import BatchError, InvalidInput
from ingest.settings import SUPPORTED_SUFFIXES


class CaseDocuments(BaseModel):
    """A case of documents already in the index (what a JSON client may send; server paths it may not)."""

    model_config = {"extra": "forbid"}

    name: str = Field(min_length=1, max_length=200)
    doc_ids: list[str] = Field(min_length=1)


class CaseSpec(BaseModel):
    """One case: files to read (``{server path: display name}``, set by the server or the CLI only) and/or
    documents already in the index."""

    name: str = Field(min_length=1, max_length=200)
    files: dict[str, str] = Field(default_factory=dict)
    doc_ids: list[str] = Field(default_factory=list)


class _Named(Protocol):
    name: str


Named = TypeVar("Named", bound=_Named)
MAX_CASES = 5000


def _unique_names(cases: list[Named]) -> list[Named]:
    if len({case.name for case in cases}) != len(cases):
        raise InvalidInput("Zwei Fälle tragen denselben Namen; bitte eindeutig benennen.")
    return cases


def _field_list_text(value: Any) -> Any:
    return parse_schema_text(value) if isinstance(value, str) else value


class BatchRequest(BaseModel):
    """A batch analysis of documents already in the index (the JSON request); the field list as an object or as
    its YAML text (what the web page's editor holds)."""

    schema_: Annotated[ExtractionSchema, BeforeValidator(_field_list_text)] = Field(alias="schema")
    cases: Annotated[list[CaseDocuments], Field(min_length=1, max_length=MAX_CASES), AfterValidator(_unique_names)]

    model_config = {"populate_by_name": True}


class BatchJob(BaseModel):
    """The parameters of a batch job."""

    schema_: ExtractionSchema = Field(alias="schema")
    cases: Annotated[list[CaseSpec], Field(min_length=1, max_length=MAX_CASES), AfterValidator(_unique_names)]

    model_config = {"populate_by_name": True}


def discover_cases(folder: Path) -> list[CaseSpec]:
    """Each readable file directly in ``folder`` is one case; each sub-folder with its files is one case."""
    if not folder.is_dir():
        raise BatchError(f"Der Ordner „{folder}“ existiert nicht.")
    cases: list[CaseSpec] = []
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix.lower() in SUPPORTED_SUFFIXES:
            cases.append(CaseSpec(name=entry.stem, files={str(entry.resolve()): entry.name}))
        elif entry.is_dir() and not entry.name.startswith("."):
            files = sorted(p for p in entry.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if files:
                cases.append(
                    CaseSpec(name=entry.name, files={str(p.resolve()): str(p.relative_to(folder)) for p in files})
                )
    if not cases:
        raise BatchError(f"Im Ordner „{folder}“ gibt es keine lesbaren Fallakten (PDF, DOCX, HTML, Text).")
    return cases


def cases_from_uploads(saved: dict[Path, str]) -> list[CaseSpec]:
    """Cases of uploaded files ``{saved path: name as uploaded}``: the case of a file is its folder below the
    folder the clerk picked ("akten/fall-7/antrag.pdf" → "fall-7"), or its own name ("akten/fall-8.pdf")."""
    relative = relative_names(list(saved.values()))
    cases: dict[str, dict[str, str]] = {}
    for path, parts in zip(saved, relative, strict=True):
        case = parts[0] if len(parts) > 1 else parts[0].rsplit(".", 1)[0]
        cases.setdefault(case, {})[str(path.resolve())] = parts[-1]
    return [CaseSpec(name=name, files=files) for name, files in sorted(cases.items())]


def relative_names(names: list[str]) -> list[list[str]]:
    """Path parts of each uploaded name below the common folder the clerk picked."""
    parts = [[part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")] for name in names]
    parts = [p or ["datei"] for p in parts]
    while all(len(p) > 1 for p in parts) and len({p[0] for p in parts}) == 1:
        parts = [p[1:] for p in parts]
    return parts
