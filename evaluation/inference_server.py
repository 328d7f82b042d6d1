"""Local OpenAI-compatible inference servers on loopback, for the tests and benchmarks of the remote backends:
llama-cpp-python's own server (``python -m llama_cpp.server``) with the packaged GGUF, or llama.cpp's
``llama-server`` binary where one is built (``scripts/build-llama-server.sh``)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from models.packaged import ensure_default_model

PROJECT = Path(__file__).parents[1]
MODEL_ALIAS = "qwen-klein"


def start_inference_server(*, embedding: bool = False) -> tuple[subprocess.Popen[bytes], str]:
    """llama-cpp-python's server with the packaged model on a free loopback port, ready to answer; (process,
    base URL). With ``embedding`` it serves /v1/embeddings instead of chat (llama.cpp runs a model in one of the
    two modes). It answers one request at a time."""
    model = ensure_default_model(PROJECT / "data" / "models")
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", MODEL_ALIAS]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--verbose", "False"]
    command += ["--embedding", str(embedding), "--interrupt_requests", "False"]  # a new request ends no other
    if embedding:  # a chat GGUF names no pooling: mean over the tokens gives one vector per text
        command += ["--kv_overrides", "qwen2.pooling_type=int:1"]
    return _ready(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), port)


def start_llama_server(binary: Path, *, parallel: int) -> tuple[subprocess.Popen[bytes], str]:
    """llama.cpp's ``llama-server`` with the packaged model and ``parallel`` slots (continuous batching), each
    with the 4,096-token context of the in-process backend."""
    model = ensure_default_model(PROJECT / "data" / "models")
    port = free_port()
    command = [str(binary), "--model", str(model), "--alias", MODEL_ALIAS, "--host", "127.0.0.1"]
    command += ["--port", str(port), "--parallel", str(parallel), "--ctx-size", str(4096 * parallel)]
    return _ready(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), port)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_answering(process: subprocess.Popen[bytes], url: str, timeout_s: float = 180) -> bool:
    """Whether ``url`` answers 200 before ``process`` exits or the time is up (then the process is killed)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    return False


def _ready(server: subprocess.Popen[bytes], port: int) -> tuple[subprocess.Popen[bytes], str]:
    base_url = f"http://127.0.0.1:{port}/v1"
    if not wait_until_answering(server, f"{base_url}/models"):
        raise RuntimeError("the inference server did not start")
    return server, base_url
