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

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial

from assistant.drafts.draft import Draft, DraftSection, Form, SummaryJob
from assistant.drafts.notes import (
    MIN_SENTENCE_CHARS,
    MapNotes,
    Note,
    WrittenSection,
    central_sentences,
    clean_statement,
    gap_notes,
    note_excerpt,
    section_from_notes,
    select_notes,
    strip_markers,
    supported,
    term_weights,
    units,
)
from assistant.drafts.quality import is_copy, join_statements, opening, without_repeats
from assistant.drafts.templates import Template, TemplateSection, template_for
from assistant.settings import SummarySettings
from assistant.shared.citations import MARKER, Citation, StoredTexts, marker_numbers, verify
from assistant.shared.errors import SummaryError
from assistant.shared.excerpts import Excerpt
from assistant.shared.jobs import JobContext
from assistant.shared.prompts import load_prompt
from ingest.passage_store import PassageStore, StoredDocument
from ingest.types import Scope, SearchHit
from models.llm import ChatMessage, ChatModel

_TOKENS_PER_NOTE = 45  # a small model often copies a whole sentence; 35 cut the last notes off
_COMPLETE = (".", "!", "?", "]", ")", "“", '"')


class Summarizer:
    """Runs summary jobs (``run`` is the job handler) with one shared chat model."""

    def __init__(self, store: PassageStore, chat_model: ChatModel, settings: SummarySettings, scope: Scope) -> None:
        """``scope``: what the job's owner may read when the job runs; other documents count as missing."""
        self.store = store
        self.scope = scope
        self.chat_model = chat_model
        self.settings = settings
        self.texts = StoredTexts(store, scope)
        self.system_prompt = load_prompt("summary_system")

    def run(self, context: JobContext, job: SummaryJob) -> Draft:
        template = template_for(job.template)
        if not job.doc_ids:
            raise SummaryError("Bitte mindestens ein Dokument zum Zusammenfassen wählen.")
        documents = [self._document(doc_id) for doc_id in job.doc_ids]
        passages = {document.doc_id: self._hits(document.doc_id) for document in documents}
        groups = list(self._groups(passages))
        total = len(groups) + len(template.sections)
        notes: list[Note] = []
        for number, group in enumerate(groups, start=1):
            notes += context.step(f"map-{number}", MapNotes, partial(self._map_step, group)).notes
            context.progress(number, total, f"Teil {number} von {len(groups)} gelesen")
        if not notes:
            raise SummaryError("Aus den Dokumenten ließ sich keine Aussage mit prüfbarer Quelle gewinnen.")
        openings = [
            found for document in documents if (found := opening(document, passages[document.doc_id])) is not None
        ]
        sections: list[WrittenSection] = []
        for number, section in enumerate(template.sections, start=1):
            written = partial(self._section_step, section, notes, openings, passages, job, template)
            sections.append(context.step(f"section-{number}", WrittenSection, written))
            context.progress(len(groups) + number, total, f"Abschnitt „{section.heading}“ geschrieben")
        llm_written = [section.heading for section in template.sections if not section.from_notes]
        sections = without_repeats(sections, llm_written, notes)
        return assemble_draft(template, [document.title for document in documents], sections)

    # --- map ----------------------------------------------------------------------------------------
    def _document(self, doc_id: str) -> StoredDocument:
        document = self.store.document(doc_id, self.scope)
        if document is None:
            raise SummaryError("Ein gewähltes Dokument gibt es (nicht mehr) im Index.")
        if document.passage_count == 0:
            raise SummaryError(f"„{document.title}“ enthält keinen lesbaren Text, der sich zusammenfassen ließe.")
        return document

    def _hits(self, doc_id: str) -> list[SearchHit]:
        return [passage.to_hit() for passage in self.store.passages_of(doc_id, self.scope)]

    def _groups(self, passages: dict[str, list[SearchHit]]) -> Iterator[list[Excerpt]]:
        """Excerpts of all passages in document order, packed into groups of about ``map_input_tokens``."""
        group: list[Excerpt] = []
        used = 0
        for hits in passages.values():
            weights = term_weights(hit.text for hit in hits)
            for hit in hits:
                sentences = central_sentences(hit, weights, self.settings.read_share)
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

    def _map_step(self, group: list[Excerpt]) -> MapNotes:
        sources = "\n\n".join(f"[{e.number}] ({_location(e.hit)}) {e.render()}" for e in group)
        count = self.settings.notes_per_step
        prompt = load_prompt("summary_map").format(title=group[0].hit.title, sources=sources, count=count)
        max_tokens = count * _TOKENS_PER_NOTE
        raw = self._complete(prompt, max_tokens)
        if self.chat_model.count_tokens(raw) >= max_tokens - 2:  # cut off: the last line is no whole statement
            raw = raw.rstrip().rpartition("\n")[0]
        return MapNotes(notes=self._notes(raw, group))

    def _notes(self, raw: str, excerpts: list[Excerpt]) -> list[Note]:
        notes: dict[str, Note] = {}
        for line in raw.splitlines():
            statement = clean_statement(line)
            if len(statement) < MIN_SENTENCE_CHARS:
                continue
            verified = verify(statement, excerpts, self.texts)
            if not verified.citations:
                continue
            citation = verified.citations[0]
            cited = next(excerpt for excerpt in excerpts if excerpt.number == citation.number)
            if supported(statement, cited.text()):
                text = strip_markers(verified.text)
                notes.setdefault(text, Note(text=text, citation=citation))
        return list(notes.values())

    # --- reduce -------------------------------------------------------------------------------------
    def _section_step(
        self,
        section: TemplateSection,
        notes: list[Note],
        openings: list[Note | str],
        passages: dict[str, list[SearchHit]],
        job: SummaryJob,
        template: Template,
    ) -> WrittenSection:
        form: Form = section.form or job.form or template.form
        short = job.length == "kurz"
        if section.from_notes:
            count = self.settings.section_notes // (2 if short else 1)
            # the opening says what each document is; the chosen notes, condensed ones first, what it regulates
            notes = notes + [
                gap
                for doc_id, hits in passages.items()
                for gap in gap_notes([note for note in notes if note.citation.doc_id == doc_id], hits, count)
            ]
            chosen = select_notes(notes, count, prefer=lambda note: not is_copy(note.text, note.citation.quote))
            cited = [found for found in openings if isinstance(found, Note)]
            facts = section_from_notes(section.heading, [*cited, *chosen], form == "stichpunkte")
            named = [found for found in openings if isinstance(found, str)]  # from the title: nothing to cite
            return facts.model_copy(update={"text": join_statements([*named, facts.text], form == "stichpunkte")})
        notes = select_notes(notes, self.settings.section_notes)
        low, high = (2, 3) if short else (3, 5)
        shape = (
            f"Schreibe eine nummerierte Liste mit {low} bis {high} Punkten."  # "- …" makes the model loop
            if form == "stichpunkte"
            else f"Schreibe zusammenhängenden Text aus {low} bis {high} Sätzen."
        )
        documents = ", ".join(f"„{title}“" for title in dict.fromkeys(n.citation.title for n in notes))
        prompt = load_prompt("summary_reduce").format(
            documents=documents,
            notes="\n".join(f"[{number}] {note.text}" for number, note in enumerate(notes, start=1)),
            instruction=section.instruction,
            form=shape,
        )
        raw = self._complete(prompt, self.settings.section_tokens // (2 if short else 1))
        return self._verified_section(raw, section, notes, form)

    def _verified_section(self, raw: str, section: TemplateSection, notes: list[Note], form: Form) -> WrittenSection:
        """Keep the sentences (or bullets) whose markers verify through their note; uncited ones only where
        the section needs no sources."""
        excerpts = [note_excerpt(number, note) for number, note in enumerate(notes, start=1)]
        bullets = form == "stichpunkte"
        kept: list[str] = []
        citations: dict[int, Citation] = {}
        dropped = 0
        for unit in units(raw, bullets):
            if not bullets and not unit.endswith(_COMPLETE):
                dropped += 1  # the last sentence, cut off by the token limit
                continue
            verified = verify(unit, excerpts, self.texts)
            backing = " ".join(f"{notes[c.number - 1].text} {c.quote}" for c in verified.citations)
            if verified.citations and supported(unit, backing):
                kept.append(verified.text)
                citations.update((c.number, c) for c in verified.citations)
            elif not section.cited and (text := strip_markers(unit)):
                kept.append(text)
            else:
                dropped += 1
        text = "\n".join(f"- {unit}" for unit in kept) if bullets else " ".join(kept)
        return WrittenSection(heading=section.heading, text=text, citations=list(citations.values()), dropped=dropped)

    def _complete(self, prompt: str, max_tokens: int) -> str:
        messages = [ChatMessage("system", self.system_prompt), ChatMessage("user", prompt)]
        return self.chat_model.complete(messages, max_tokens=max_tokens)


def assemble_draft(template: Template, titles: list[str], sections: list[WrittenSection]) -> Draft:
    """Assemble the sections; citations are renumbered 1..n in order of first use across the draft, and the
    same quote cited by two sections keeps one number."""
    numbers: dict[tuple[str, int], int] = {}
    sources: list[Citation] = []

    def final_number(citation: Citation) -> int:
        key = (citation.doc_id, citation.quote_start)
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            sources.append(citation.model_copy(update={"number": numbers[key]}))
        return numbers[key]

    drafted: list[DraftSection] = []
    for section in sections:
        by_number = {citation.number: citation for citation in section.citations}
        renumber: Callable[[re.Match[str]], str] = partial(_renumber, by_number=by_number, final_number=final_number)
        drafted.append(DraftSection(heading=section.heading, text=MARKER.sub(renumber, section.text).strip()))
    return Draft(
        template=template.id,
        title=template.title,
        subject="; ".join(titles),
        documents=titles,
        sections=drafted,
        sources=sources,
        dropped_statements=sum(section.dropped for section in sections),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _renumber(match: re.Match[str], *, by_number: dict[int, Citation], final_number: Callable[[Citation], int]) -> str:
    finals = dict.fromkeys(final_number(by_number[n]) for n in marker_numbers(match) if n in by_number)
    return " " + "".join(f"[{n}]" for n in finals) if finals else ""


def _location(hit: SearchHit) -> str:
    pages = f"S. {hit.page_start}" if hit.page_start == hit.page_end else f"S. {hit.page_start}–{hit.page_end}"
    return ", ".join(part for part in (pages, hit.section) if part)
