"""The product's settings tree: ingest/search (from ``ingest``), models, and the assistant's own groups.

Environment prefix ``ASSISTANT_``, nested groups with ``__``, e.g. ``ASSISTANT_LLM__MODEL_PATH=/modelle/x.gguf``.
"""

from pathlib import Path

from pydantic import BaseModel, Field

from ingest.settings import CoreSettings
from models.settings import LlmSettings


class ServerSettings(BaseModel):
    host: str = Field("127.0.0.1", description="Address the web server binds to (loopback by default).")
    port: int = Field(8000, ge=1, le=65535, description="Port of the web server.")
    uploads_dir: Path = Field(Path("data/runtime/uploads"), description="Where uploaded documents are kept.")
    max_upload_mb: int = Field(50, ge=1, description="Largest accepted upload per file.")
    max_upload_files: int = Field(20, ge=1, description="Most files per upload request.")
    warm_up: bool = Field(True, description="Load the models and evaluate the system prompt at start-up.")


class AnswerSettings(BaseModel):
    passages: int = Field(4, ge=1, le=20, description="Passages given to the LLM per question.")
    context_chars: int = Field(750, ge=300, description="Character budget of all passages in the prompt.")
    min_evidence: float = Field(
        0.83,
        ge=0.0,
        le=1.0,
        description="Below this cosine similarity of the best passage the LLM is not asked and the answer is "
        "'nichts gefunden' (tuned for the default embedder; other embedders have other scales).",
    )
    history_turns: int = Field(2, ge=0, description="Earlier question/answer pairs used for follow-up questions.")


class Settings(CoreSettings):
    llm: LlmSettings = Field(default_factory=LlmSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
