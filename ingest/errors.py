"""Ingest errors; each message is German and names what the clerk can do."""

from models.errors import AssistantError


class IngestError(AssistantError):
    code = "ingest_fehler"


class UnreadableFileError(IngestError):
    """A single file cannot be ingested; the pipeline skips it and records the reason."""

    code = "datei_nicht_lesbar"


class IndexMissingError(IngestError):
    code = "index_fehlt"


class EmbedderMismatchError(IngestError):
    code = "index_anderes_modell"


class IndexFormatError(IngestError):
    code = "index_format"
