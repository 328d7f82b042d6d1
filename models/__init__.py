"""Local AI models: embedders and chat LLMs, where they come from and how they load.

Importing this package switches every hub library to offline mode before any of them loads.
"""

from models.offline import enforce_offline

enforce_offline()

from models.embedders import Embedder, create_embedder  # noqa: E402
from models.errors import AssistantError, ModelError, ModelIntegrityError  # noqa: E402
from models.llm import ChatMessage, ChatModel, create_chat_model  # noqa: E402
from models.packaged import resolve_model_path  # noqa: E402
from models.settings import EmbedderSettings, LlmSettings  # noqa: E402

__all__ = [
    "AssistantError",
    "ChatMessage",
    "ChatModel",
    "Embedder",
    "EmbedderSettings",
    "LlmSettings",
    "ModelError",
    "ModelIntegrityError",
    "create_chat_model",
    "create_embedder",
    "resolve_model_path",
]
