"""Offline switches for every model library, set before any of them is imported."""

import os

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def enforce_offline() -> None:
    """Force hub libraries into offline mode; the product never downloads at run time."""
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ[key] = value


def is_offline() -> bool:
    return all(os.environ.get(key) == value for key, value in OFFLINE_ENVIRONMENT.items())
