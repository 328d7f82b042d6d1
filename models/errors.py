"""The product's single error tree. Every error carries a short German message for the clerk."""


class AssistantError(Exception):
    """Base of all product errors. ``message`` is German and safe to show to users."""

    code = "fehler"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ModelError(AssistantError):
    """A local model is missing, corrupt or failed to run."""

    code = "modellfehler"


class ModelBusyError(ModelError):
    """The model served other requests for longer than a request may wait."""

    code = "ausgelastet"


class ModelIntegrityError(ModelError):
    """A model file does not match its pinned checksum."""

    code = "modell_pruefsumme"
