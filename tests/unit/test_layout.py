"""Properties of the layout that a refactoring could silently lose."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.shared.text import shorten
from testkit import PROJECT


def test_settings_load_without_the_vector_library() -> None:
    """Every entry point builds settings; only a search or an ingest needs faiss."""
    code = "import sys, assistant.settings; assert 'faiss' not in sys.modules, 'faiss imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Satzung über die Benutzung", 45, "Satzung über die Benutzung"),
        ("Verwaltungsgebührensatzungsänderungsverordnungsentwurf", 20, "Verwaltungsgebührens …"),
        ("Satzung über die Erhebung von Gebühren für die Benutzung", 30, "Satzung über die Erhebung von …"),
        ("Zeile eins\nZeile zwei", 45, "Zeile eins Zeile zwei"),
    ],
)
def test_shorten_cuts_at_a_word_and_never_loses_a_title_without_spaces(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
