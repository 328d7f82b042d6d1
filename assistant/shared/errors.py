"""Domain errors of the features, each with a German message and a stable code (mapped to HTTP in ``api``)."""

from pydantic import ValidationError

from models.errors import AssistantError


class SummaryError(AssistantError):
    code = "zusammenfassung_nicht_moeglich"


class BatchError(AssistantError):
    code = "auswertung_nicht_moeglich"


def validation_problems(error: ValidationError) -> str:
    """The problems of a validation error, one per field; the product's own (German) messages kept as written."""
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"])
        message = str(item["ctx"]["error"]) if item["type"] == "value_error" else item["msg"]
        problems.append(f"{where}: {message}" if where else message)
    return "; ".join(problems)
