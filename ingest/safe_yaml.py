"""YAML from untrusted files (Markdown front matter, uploaded field lists): size-capped, and without aliases, so a
few hundred bytes cannot expand into gigabytes ("billion laughs")."""

from __future__ import annotations

from typing import Any

import yaml

MAX_YAML_CHARS = 64 * 1024


class UnsafeYamlError(yaml.YAMLError):
    """The YAML is too large or uses aliases; the message is German."""


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise UnsafeYamlError("YAML-Verweise (Aliase wie *name) sind nicht erlaubt.")
        return super().compose_node(parent, index)


def load_yaml(text: str, max_chars: int = MAX_YAML_CHARS) -> Any:
    """The data of ``text``; raises ``yaml.YAMLError`` (``UnsafeYamlError`` for size or aliases)."""
    if len(text) > max_chars:
        raise UnsafeYamlError(f"Der YAML-Text ist zu lang (höchstens {max_chars // 1024} KB).")
    return yaml.load(text, Loader=_NoAliasLoader)
