"""Field lists: the columns of a batch analysis, each a German question and the type its answer is normalised
to. Read from YAML or JSON; every problem is reported in German, at the moment the list is submitted."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, Self

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from assistant.batch.values import KNOWN_UNITS, unit_of
from assistant.shared.errors import BatchError, InvalidInput, validation_problems
from ingest.safe_yaml import UnsafeYamlError, load_yaml

# a hint's excluding clause: "– nicht das Datum des Schreibens" names what the field is not
EXCLUDING_CLAUSE = re.compile(r"[–,;(-]?\s*\b(?:nicht|kein\w*|ohne)\b[^.;)]*", re.IGNORECASE)
FieldType = Literal["text", "datum", "betrag", "zahl", "janein", "auswahl"]


class FieldSpec(BaseModel):
    """One column of a batch analysis: a German question and the type its answer is normalised to."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]{0,40}$", description="Column name (lower case, no spaces).")
    frage: str = Field(min_length=3, max_length=300, description="The question asked of every case.")
    typ: FieldType = "text"
    optionen: list[str] = Field(default_factory=list, description="Allowed answers for typ 'auswahl'.")
    hinweis: str = Field("", max_length=300, description="Optional hint where or how the value is written.")
    einheit: str = Field(
        "", max_length=20, description="Unit of a 'zahl' field (m², m, km, Stück, %, …); values are converted to it."
    )

    @model_validator(mode="after")
    def _choice_has_options(self) -> Self:
        if self.typ == "auswahl" and len(self.optionen) < 2:
            raise InvalidInput(f"Feld „{self.name}“: Eine Auswahl braucht mindestens zwei Optionen.")
        if self.einheit and self.typ != "zahl":
            raise InvalidInput(f"Feld „{self.name}“: Eine Einheit gibt es nur beim Typ „zahl“.")
        if self.einheit and unit_of(self.einheit) is None:
            raise InvalidInput(f"Feld „{self.name}“: Die Einheit „{self.einheit}“ ist unbekannt ({KNOWN_UNITS}).")
        return self


class ExtractionSchema(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    beschreibung: str = ""
    felder: list[FieldSpec] = Field(min_length=1, max_length=40)

    @model_validator(mode="after")
    def _unique_names(self) -> Self:
        if len({spec.name for spec in self.felder}) != len(self.felder):
            raise InvalidInput("Die Felddatei enthält einen Feldnamen doppelt.")
        return self


def load_schema(path: Path) -> ExtractionSchema:
    """Read a field list file (YAML or JSON)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"Die Felddatei „{path.name}“ ist nicht lesbar (YAML oder JSON erwartet).") from exc
    return parse_schema_text(text, path.name)


def parse_schema_text(text: str, name: str = "Felder") -> ExtractionSchema:
    """A field list given as YAML or JSON text (JSON is YAML)."""
    try:
        data = load_yaml(text) if text.strip() else None
    except UnsafeYamlError as exc:
        raise BatchError(f"Die Felddatei „{name}“ wird nicht gelesen: {exc}") from exc
    except yaml.YAMLError as exc:
        raise BatchError(f"Die Felddatei „{name}“ ist nicht lesbar (kein gültiges YAML oder JSON).") from exc
    return parse_schema(data, name)


def parse_schema(data: Any, name: str = "Felder") -> ExtractionSchema:
    try:
        return ExtractionSchema.model_validate(data)
    except ValidationError as exc:
        raise BatchError(f"Die Felddatei „{name}“ ist ungültig: {validation_problems(exc)}") from exc
