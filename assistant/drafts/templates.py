"""Drafting templates: one Markdown file each in ``drafts/templates`` (YAML front matter); adding a file adds
a template."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from assistant.shared.errors import SummaryError

TEMPLATE_FOLDER = Path(__file__).parent / "templates"
TemplateForm = Literal["fliesstext", "stichpunkte"]


@dataclass(frozen=True)
class TemplateSection:
    heading: str
    cited: bool
    instruction: str
    form: TemplateForm | None
    from_notes: bool  # the section is the best notes themselves (no LLM call): facts, spread over the documents


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    form: TemplateForm
    sections: tuple[TemplateSection, ...]


@cache
def templates() -> dict[str, Template]:
    """All drafting templates by id."""
    return {path.stem: _read_template(path) for path in sorted(TEMPLATE_FOLDER.glob("*.md"))}


def template_for(template_id: str) -> Template:
    found = templates().get(template_id)
    if found is None:
        raise SummaryError(f"Die Vorlage „{template_id}“ gibt es nicht. Verfügbar: {', '.join(templates())}.")
    return found


def _read_template(path: Path) -> Template:
    _, front_matter, _ = path.read_text(encoding="utf-8").split("---", 2)
    meta: dict[str, Any] = yaml.safe_load(front_matter)  # a shipped file, reviewed like code
    return Template(
        id=path.stem,
        title=meta["titel"],
        description=meta.get("beschreibung", ""),
        form=meta.get("form", "fliesstext"),
        sections=tuple(
            TemplateSection(
                heading=section["ueberschrift"],
                cited=bool(section.get("belegt", True)),
                instruction=section.get("anweisung", "").strip(),
                form=section.get("form"),
                from_notes=bool(section.get("aus_notizen", False)),
            )
            for section in meta["abschnitte"]
        ),
    )
