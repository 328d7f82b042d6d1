"""Domain errors of the features, each with a German message and a stable code (mapped to HTTP in ``api``)."""

from models.errors import AssistantError


class SummaryError(AssistantError):
    code = "zusammenfassung_nicht_moeglich"


class BatchError(AssistantError):
    code = "auswertung_nicht_moeglich"
