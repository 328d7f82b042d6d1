"""Domain errors of the features, each with a German message and a stable code (mapped to HTTP in ``api``)."""

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from models.errors import AssistantError


class InvalidInput(ValueError):
    """A validator's explanation of bad input, in German: the only validation text shown to the clerk as is."""


class SummaryError(AssistantError):
    code = "zusammenfassung_nicht_moeglich"


class BatchError(AssistantError):
    code = "auswertung_nicht_moeglich"


_PROBLEMS = {
    "missing": "fehlt",
    "extra_forbidden": "ist hier nicht erlaubt",
    "string_type": "muss ein Text sein",
    "string_too_short": "ist zu kurz",
    "string_too_long": "ist zu lang",
    "string_pattern_mismatch": "hat nicht das erlaubte Format",
    "list_type": "muss eine Liste sein",
    "too_short": "hat zu wenige Einträge",
    "too_long": "hat zu viele Einträge",
    "dict_type": "muss ein Objekt (Schlüssel: Wert) sein",
    "model_type": "muss ein Objekt (Schlüssel: Wert) sein",
    "model_attributes_type": "muss ein Objekt (Schlüssel: Wert) sein",
    "literal_error": "hat keinen der erlaubten Werte",
    "enum": "hat keinen der erlaubten Werte",
    "int_type": "muss eine ganze Zahl sein",
    "int_parsing": "muss eine ganze Zahl sein",
    "float_type": "muss eine Zahl sein",
    "float_parsing": "muss eine Zahl sein",
    "bool_type": "muss ja oder nein sein",
    "bool_parsing": "muss ja oder nein sein",
}


def validation_problems(error: ValidationError) -> str:
    """The problems of a validation error, one per field, in German: the product's own explanations as written,
    the library's (English) ones translated by their type."""
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        message = german_reason(item) or _PROBLEMS.get(item["type"], "ist ungültig")
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)


def german_reason(item: Mapping[str, Any]) -> str | None:
    """The product's own explanation in one pydantic error, if it is one (library texts are English)."""
    error = item.get("ctx", {}).get("error") if item.get("type") == "value_error" else None
    return str(error) if isinstance(error, InvalidInput) else None
