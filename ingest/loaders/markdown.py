"""Markdown files: YAML front matter becomes metadata, the body keeps its '#' headings."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

import yaml

from ingest.loaders.sniffing import read_text
from ingest.loaders.titles import first_heading, title_from_stem
from ingest.safe_yaml import MAX_YAML_CHARS, load_yaml
from ingest.settings import IngestSettings
from ingest.types import LoadedDocument, Page

logger = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TITLE_KEYS = ("titel", "title")


def load_markdown(path: Path, settings: IngestSettings) -> LoadedDocument:
    metadata, body = split_front_matter(read_text(path))
    body = body.strip()
    title = _metadata_title(metadata) or first_heading(body, max_level=1) or title_from_stem(path)
    return LoadedDocument(path=path, format="markdown", title=title, pages=[Page(1, body)], metadata=metadata)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a leading YAML block and the text without it; unchanged text if there is none."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        data = load_yaml(match.group(1) or "")
    except yaml.YAMLError:  # invalid, too large or with aliases: the text stays, without metadata
        logger.warning("Ignoring invalid or unsafe YAML front matter")
        return {}, text
    if data is not None and not isinstance(data, dict):
        return {}, text  # a horizontal rule pair around prose, not front matter
    metadata = {str(key): _as_str(value) for key, value in (data or {}).items() if value is not None}
    if sum(len(key) + len(value) for key, value in metadata.items()) > MAX_YAML_CHARS:
        logger.warning("Ignoring front matter whose metadata exceeds %d characters", MAX_YAML_CHARS)
        return {}, text[match.end() :]
    return metadata, text[match.end() :]


def _metadata_title(metadata: dict[str, str]) -> str | None:
    return next((metadata[key].strip() for key in _TITLE_KEYS if metadata.get(key, "").strip()), None)


def _as_str(value: Any) -> str:
    if isinstance(value, list | tuple | set):
        return ", ".join(_as_str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_as_str(item)}" for key, item in value.items())
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
