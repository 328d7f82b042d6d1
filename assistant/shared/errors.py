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


def validation_problems(error: ValidationError) -> str:
    """The problems of a validation error, one per field; the product's own (German) messages kept as written."""
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        message = german_reason(item) or item["msg"]
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)


def german_reason(item: Mapping[str, Any]) -> str | None:
    """The product's own explanation in one pydantic error, if it is one (library texts are English)."""
    error = item.get("ctx", {}).get("error") if item.get("type") == "value_error" else None
    return str(error) if isinstance(error, InvalidInput) else None
