"""Whole-document summaries and drafts (Vermerk, Kurzfassung, Stichpunkte) by map-reduce over all passages.

Map: every passage of the documents is read, in order, in groups that fit the LLM's context; each group
yields a few statements ("notes"), and a note is kept only if its citation verifies against the stored text.
Reduce: each section of the chosen template is written from the numbered notes; every sentence is verified
again, through its note, against the original document text. Sentences of a section that requires sources
are dropped when nothing verifies them. Each group and section is one job step, so an interrupted job
resumes where it stopped.

To stay within minutes on a CPU, the map step reads the most central sentences of every passage
(``SummarySettings.read_share``); every passage still contributes, so the summary spans the whole document.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from assistant.citations import MARKER, MIN_ATTRIBUTION_SHARE, StoredTexts, marker_numbers, support_share, verify
from assistant.context import Excerpt, Sentence, is_instruction, split_sentences
from assistant.errors import SummaryError
from assistant.jobs import JobContext
from assistant.prompts import load_prompt
from assistant.schemas import CitationPublic, Draft, DraftSection
from assistant.settings import SummarySettings
from ingest.german import GermanAnalyzer
from ingest.passage_store import PassageStore, StoredDocument
from ingest.types import SearchHit
from models.llm import ChatMessage, ChatModel

Length = Literal["kurz", "ausfuehrlich"]
Form = Literal["fliesstext", "stichpunkte"]
TEMPLATE_FOLDER = Path(__file__).parent / "prompts" / "templates"
_ANALYZER = GermanAnalyzer()
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_SECTION_SIGN = re.compile(r"§\s*\d+")
_LABEL = re.compile(
    r"^(?:(?:aussage|stichpunkt|punkt|notiz)\s*\d*\s*[.:]\s*)+|^\[\d+\]\s*|^[\w ]{1,25}:\s+(?=[A-ZÄÖÜ])", re.IGNORECASE
)
_UNIT_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ(§„])|\n+")
_TOKENS_PER_NOTE = 35
_MIN_SENTENCE_CHARS = 25


class SummaryRequest(BaseModel):
    """What a summary job is asked to do (its parameters, stored as JSON)."""

    doc_ids: list[str] = Field(default_factory=list, max_length=20, description="Ids der Dokumente im Index.")
    template: str = Field("zusammenfassung", description="Vorlage: zusammenfassung, vermerk, kurzfassung, …")
    length: Length = Field("ausfuehrlich", description="kurz oder ausfuehrlich")
    form: Form | None = Field(None, description="fliesstext oder stichpunkte; ohne Angabe die der Vorlage")


class Note(BaseModel):
    """A statement from the map step with the one verified citation it rests on."""

    text: str
    citation: CitationPublic


@dataclass(frozen=True)
class TemplateSection:
    heading: str
    cited: bool
    instruction: str
    form: Form | None
    from_notes: bool  # the section is the best notes themselves (no LLM call): facts, spread over the documents


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    form: Form
    sections: tuple[TemplateSection, ...]


@cache
def templates() -> dict[str, Template]:
    """All drafting templates: one Markdown file each in ``prompts/templates`` (YAML front matter)."""
    return {path.stem: _read_template(path) for path in sorted(TEMPLATE_FOLDER.glob("*.md"))}


def _read_template(path: Path) -> Template:
    _, front_matter, _ = path.read_text(encoding="utf-8").split("---", 2)
    meta: dict[str, Any] = yaml.safe_load(front_matter)
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


def template_for(template_id: str) -> Template:
    found = templates().get(template_id)
    if found is None:
        raise SummaryError(f"Die Vorlage „{template_id}“ gibt es nicht. Verfügbar: {', '.join(templates())}.")
    return found


class Summarizer:
    """Runs summary jobs (``run`` is the job handler) with one shared chat model."""

    def __init__(self, store: PassageStore, chat_model: ChatModel, settings: SummarySettings) -> None:
        self.store = store
        self.chat_model = chat_model
        self.settings = settings
        self.texts = StoredTexts(store)
        self.system_prompt = load_prompt("summary_system")

    def run(self, context: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        request = SummaryRequest.model_validate(params)
        template = template_for(request.template)
        if not request.doc_ids:
            raise SummaryError("Bitte mindestens ein Dokument zum Zusammenfassen wählen.")
        documents = [self._document(doc_id) for doc_id in request.doc_ids]
        groups = list(self._groups(documents))
        total = len(groups) + len(template.sections)
        notes: list[Note] = []
        for number, group in enumerate(groups, start=1):
            found = context.step(f"map-{number}", partial(self._map_step, group))
            notes.extend(Note.model_validate(note) for note in found)
            context.progress(number, total, f"Teil {number} von {len(groups)} gelesen")
        if not notes:
            raise SummaryError("Aus den Dokumenten ließ sich keine Aussage mit prüfbarer Quelle gewinnen.")
        sections: list[dict[str, Any]] = []
        for number, section in enumerate(template.sections, start=1):
            written = partial(self._section_step, section, notes, request, template)
            sections.append(context.step(f"section-{number}", written))
            context.progress(len(groups) + number, total, f"Abschnitt „{section.heading}“ geschrieben")
        return _draft(template, documents, sections).model_dump(mode="json")

    # --- map ----------------------------------------------------------------------------------------
    def _document(self, doc_id: str) -> StoredDocument:
        document = self.store.document(doc_id)
        if document is None:
            raise SummaryError("Ein gewähltes Dokument gibt es (nicht mehr) im Index.")
        if document.passage_count == 0:
            raise SummaryError(f"„{document.title}“ enthält keinen lesbaren Text, der sich zusammenfassen ließe.")
        return document

    def _groups(self, documents: list[StoredDocument]) -> Iterator[list[Excerpt]]:
        """Excerpts of all passages in document order, packed into groups of about ``map_input_tokens``."""
        group: list[Excerpt] = []
        used = 0
        for document in documents:
            hits = [passage.to_hit(document) for passage in self.store.passages_of(document.doc_id)]
            weights = _term_weights(hit.text for hit in hits)
            for hit in hits:
                sentences = _central_sentences(hit, weights, self.settings.read_share)
                if not sentences:
                    continue
                excerpt = Excerpt(len(group) + 1, hit, sentences)
                tokens = self.chat_model.count_tokens(excerpt.render())
                if group and used + tokens > self.settings.map_input_tokens:
                    yield group
                    group, used = [], 0
                    excerpt = Excerpt(1, hit, sentences)
                group.append(excerpt)
                used += tokens
        if group:
            yield group

    def _map_step(self, group: list[Excerpt]) -> list[dict[str, Any]]:
        sources = "\n\n".join(f"[{e.number}] ({_location(e.hit)}) {e.render()}" for e in group)
        count = self.settings.notes_per_step
        prompt = load_prompt("summary_map").format(title=group[0].hit.title, sources=sources, count=count)
        raw = self._complete(prompt, count * _TOKENS_PER_NOTE)
        return [note.model_dump(mode="json") for note in self._notes(raw, group)]

    def _notes(self, raw: str, excerpts: list[Excerpt]) -> list[Note]:
        notes: dict[str, Note] = {}
        for line in raw.splitlines():
            statement = _clean_statement(line)
            if len(statement) < _MIN_SENTENCE_CHARS:
                continue
            verified = verify(statement, excerpts, self.texts)
            if not verified.citations:
                continue
            citation = verified.citations[0]
            cited = next(excerpt for excerpt in excerpts if excerpt.number == citation.number)
            if supported(statement, cited.text()):
                text = MARKER.sub("", verified.text).strip()
                notes.setdefault(text, Note(text=text, citation=citation))
        return list(notes.values())

    # --- reduce -------------------------------------------------------------------------------------
    def _section_step(
        self, section: TemplateSection, notes: list[Note], request: SummaryRequest, template: Template
    ) -> dict[str, Any]:
        form = section.form or request.form or template.form
        count = self.settings.section_notes // (2 if request.length == "kurz" else 1)
        if section.from_notes:
            return _section_from_notes(section, select_notes(notes, count), form)
        notes = select_notes(notes, self.settings.section_notes)
        sentences = (2, 3) if request.length == "kurz" else (3, 5)
        shape = (
            f"Schreibe eine nummerierte Liste mit {sentences[0]} bis {sentences[1]} Punkten."  # "- …" makes it loop
            if form == "stichpunkte"
            else f"Schreibe zusammenhängenden Text aus {sentences[0]} bis {sentences[1]} Sätzen."
        )
        documents = ", ".join(f"„{title}“" for title in dict.fromkeys(n.citation.title for n in notes))
        prompt = load_prompt("summary_reduce").format(
            documents=documents,
            notes="\n".join(f"[{number}] {note.text}" for number, note in enumerate(notes, start=1)),
            instruction=section.instruction,
            form=shape,
        )
        max_tokens = self.settings.section_tokens // (2 if request.length == "kurz" else 1)
        raw = self._complete(prompt, max_tokens)
        return self._verified_section(raw, section, notes, form)

    def _verified_section(self, raw: str, section: TemplateSection, notes: list[Note], form: Form) -> dict[str, Any]:
        """Keep the sentences (or bullets) whose markers verify through their note; uncited ones only where
        the section needs no sources."""
        excerpts = [_note_excerpt(number, note) for number, note in enumerate(notes, start=1)]
        kept: list[str] = []
        citations: dict[int, CitationPublic] = {}
        dropped = 0
        for unit in _units(raw, form):
            verified = verify(unit, excerpts, self.texts)
            backing = " ".join(f"{notes[c.number - 1].text} {c.quote}" for c in verified.citations)
            if verified.citations and supported(unit, backing):
                kept.append(verified.text)
                citations.update((c.number, c) for c in verified.citations)
            elif not section.cited and (text := MARKER.sub("", unit).strip()):
                kept.append(text)
            else:
                dropped += 1
        joiner = "\n" if form == "stichpunkte" else " "
        text = joiner.join(f"- {unit}" if form == "stichpunkte" else unit for unit in kept)
        return {
            "heading": section.heading,
            "text": text,
            "citations": [c.model_dump(mode="json") for c in citations.values()],
            "dropped": dropped,
        }

    def _complete(self, prompt: str, max_tokens: int) -> str:
        messages = [ChatMessage("system", self.system_prompt), ChatMessage("user", prompt)]
        return self.chat_model.complete(messages, max_tokens=max_tokens)


def _clean_statement(line: str) -> str:
    """A bullet without its dash, Markdown emphasis or a label the model copied ("Stichpunkt 2:", "Aussage.")."""
    text = _BULLET.sub("", line).replace("**", "").replace("__", "").strip()
    return _LABEL.sub("", text).strip()


def supported(statement: str, source: str) -> bool:
    """Stricter than a chat answer: most content words of a summary statement must stand in its source, so an
    invented sentence with a plausible marker is dropped."""
    return support_share(statement, source) >= MIN_ATTRIBUTION_SHARE


def select_notes(notes: list[Note], count: int) -> list[Note]:
    """``count`` notes spread evenly over the documents: the most central note of each stretch, in order."""
    if len(notes) <= count:
        return notes
    weights = _term_weights(note.text for note in notes)
    bounds = [round(i * len(notes) / count) for i in range(count + 1)]
    return [
        max(notes[start:end], key=lambda note: _centrality(note.text, weights))
        for start, end in itertools.pairwise(bounds)
        if end > start
    ]


def _section_from_notes(section: TemplateSection, notes: list[Note], form: Form) -> dict[str, Any]:
    """A fact section made of chosen notes, each with the citation it was verified with."""
    units = [f"{note.text.rstrip('.')} [{number}]." for number, note in enumerate(notes, start=1)]
    text = "\n".join(f"- {unit}" for unit in units) if form == "stichpunkte" else " ".join(units)
    citations = [note.citation.model_copy(update={"number": n}) for n, note in enumerate(notes, start=1)]
    return {
        "heading": section.heading,
        "text": text,
        "citations": [c.model_dump(mode="json") for c in citations],
        "dropped": 0,
    }


def _term_weights(texts: Iterable[str]) -> Counter[str]:
    """How often each (stemmed) term occurs in the document: central sentences share many frequent terms."""
    return Counter(token for text in texts for token in _ANALYZER.tokens(text))


def _centrality(text: str, weights: Counter[str]) -> float:
    tokens = set(_ANALYZER.tokens(text))
    return sum(math.log1p(weights[token]) for token in tokens) / math.sqrt(len(tokens) + 1)


def _central_sentences(hit: SearchHit, weights: Counter[str], share: float) -> tuple[Sentence, ...]:
    """The passage's most central sentences, about ``share`` of its text, in document order."""
    sentences = [s for s in _joined_lines(hit) if _is_statement(s.text)]
    if share >= 1.0 or len(sentences) <= 1:
        return tuple(sentences)

    budget = share * sum(len(s.text) for s in sentences)
    chosen: list[Sentence] = []
    used = 0
    for sentence in sorted(sentences, key=lambda s: _centrality(s.text, weights), reverse=True):
        if chosen and used + len(sentence.text) > budget:
            continue
        chosen.append(sentence)
        used += len(sentence.text)
    return tuple(sorted(chosen, key=lambda s: s.start))


def _joined_lines(hit: SearchHit) -> list[Sentence]:
    """Sentences of a passage, with the hard line breaks of PDF text mended: a piece that does not end a
    sentence is joined with the next one (the joined text is still the exact span of the stored text)."""
    joined: list[Sentence] = []
    for sentence in split_sentences(hit):
        previous = joined[-1] if joined else None
        gap = sentence.start - (previous.start + len(previous.text)) if previous else -1
        if previous and 0 <= gap <= 2 and not previous.text.rstrip().endswith((".", "!", "?", ":", ";")):
            end = sentence.start + len(sentence.text) - hit.char_start
            joined[-1] = Sentence(previous.start, hit.text[previous.start - hit.char_start : end])
        else:
            joined.append(sentence)
    return joined


def _is_statement(text: str) -> bool:
    """A sentence worth reading: not a table-of-contents line ("§ 1 - Zweck … § 2 - Begriffe"), not an
    instruction to the model, not a fragment."""
    return len(text) >= _MIN_SENTENCE_CHARS and len(_SECTION_SIGN.findall(text)) < 2 and not is_instruction(text)


def _location(hit: SearchHit) -> str:
    pages = f"S. {hit.page_start}" if hit.page_start == hit.page_end else f"S. {hit.page_start}–{hit.page_end}"
    return ", ".join(part for part in (pages, hit.section) if part)


def _note_excerpt(number: int, note: Note) -> Excerpt:
    """A note as a source of the reduce step: its citation's quote, so verification reaches the document."""
    citation = note.citation
    hit = SearchHit(
        passage_id=citation.passage_id,
        doc_id=citation.doc_id,
        title=citation.title,
        path=citation.source,
        page_start=citation.page,
        page_end=citation.page,
        heading="",
        section=citation.section,
        char_start=citation.passage_start,
        char_end=citation.passage_end,
        text=citation.quote,
        score=0.0,
    )
    return Excerpt(number, hit, (Sentence(citation.quote_start, citation.quote),))


def _units(raw: str, form: Form) -> list[str]:
    """The LLM's section text as bullets (one per line) or sentences, markers kept with their sentence."""
    if form == "stichpunkte":
        pieces = [_BULLET.sub("", line) for line in raw.splitlines()]
    else:
        pieces = _UNIT_BREAK.split(_BULLET.sub("", raw.replace("\n- ", "\n")))
    units = [_clean_statement(piece) for piece in pieces if len(piece.strip()) >= _MIN_SENTENCE_CHARS]
    return [unit for unit in units if not unit.endswith(":")]  # "Folgende Punkte sind wichtig:" introduces only


def _draft(template: Template, documents: list[StoredDocument], sections: list[dict[str, Any]]) -> Draft:
    """Assemble the sections; citations are renumbered 1..n in order of first use across the draft."""
    numbers: dict[tuple[str, int], int] = {}
    sources: list[CitationPublic] = []

    def final_number(citation: CitationPublic) -> int:
        key = (citation.doc_id, citation.quote_start)
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            sources.append(citation.model_copy(update={"number": numbers[key]}))
        return numbers[key]

    drafted: list[DraftSection] = []
    for section in sections:
        by_note = {c["number"]: CitationPublic.model_validate(c) for c in section["citations"]}
        renumber: Callable[[re.Match[str]], str] = partial(_renumber, by_note=by_note, final_number=final_number)
        drafted.append(DraftSection(heading=section["heading"], text=MARKER.sub(renumber, section["text"]).strip()))
    titles = [document.title for document in documents]
    return Draft(
        template=template.id,
        title=template.title,
        subject="; ".join(titles),
        documents=titles,
        sections=drafted,
        sources=sources,
        dropped_statements=sum(section["dropped"] for section in sections),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _renumber(
    match: re.Match[str], *, by_note: dict[int, CitationPublic], final_number: Callable[[CitationPublic], int]
) -> str:
    finals = dict.fromkeys(final_number(by_note[n]) for n in marker_numbers(match) if n in by_note)
    return " " + "".join(f"[{n}]" for n in finals) if finals else ""
