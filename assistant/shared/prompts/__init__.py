"""German prompt templates, one Markdown file per task, so wording is reviewed without touching code."""

from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).parent


@cache
def load_prompt(name: str) -> str:
    return (_FOLDER / f"{name}.md").read_text(encoding="utf-8").strip()
