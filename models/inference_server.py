"""What the remote backends share: one ``openai`` client per configured OpenAI-compatible server (llama.cpp's
llama-server, vLLM, TEI, llama-cpp-python's server) and its failures as German messages."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import openai

from models.errors import ModelError
from models.settings import InferenceServerSettings

logger = logging.getLogger(__name__)


def server_host(settings: InferenceServerSettings) -> str:
    return urlsplit(settings.base_url).hostname or settings.base_url


def server_client(settings: InferenceServerSettings) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=settings.base_url,
        api_key=settings.api_key.get_secret_value() or "kein-schluessel",
        timeout=settings.timeout_s,
        max_retries=settings.retries,  # the SDK backs off exponentially between them
    )


def first_model(client: openai.OpenAI, server: str, kind: str) -> str:
    """The server's first model, for a configuration that names none."""
    with server_errors(server, kind):
        models = client.models.list().data
    if not models:
        raise ModelError(f"Der {kind}-Server {server} bietet kein Modell an.")
    return models[0].id


@contextmanager
def server_errors(server: str, kind: str) -> Iterator[None]:
    """The server's failures as German messages (no stack trace reaches a clerk); ``kind`` names the server
    ('Sprachmodell', 'Einbettungs')."""
    try:
        yield
    except openai.APITimeoutError as exc:
        raise ModelError(f"Der {kind}-Server {server} antwortet nicht rechtzeitig.") from exc
    except openai.APIConnectionError as exc:  # also a connection that breaks while an answer streams
        raise ModelError(f"Der {kind}-Server {server} ist nicht erreichbar. Bitte die IT verständigen.") from exc
    except openai.APIStatusError as exc:
        logger.warning("%s server answered %s", kind, exc.status_code)
        raise ModelError(f"Der {kind}-Server {server} hat die Anfrage abgelehnt (Status {exc.status_code}).") from exc
