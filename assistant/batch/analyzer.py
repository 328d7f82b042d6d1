"""Batch analysis: the same fields extracted from many case files, one row per case, every value cited.

Per case, the candidates of every field are built from the case's own documents and ranked (``candidates``,
``selection``); one LLM call, constrained to an enum of those values, selects a value per field or none. A text
field with no candidate is written freely in a second call and kept only where it is located in the text
(``reader``); what cannot be located is "nicht gefunden". Each cell says how sure it is (``sicher``/``prüfen``).
Each case is one job step, so an interrupted job resumes without redoing finished cases; a failing case becomes
an error row.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from functools import partial
from typing import Any

from assistant.batch.candidates import Candidate, CaseCandidates, case_candidates
from assistant.batch.cases import BatchJob, CaseSpec
from assistant.batch.fields import ExtractionSchema, FieldSpec
from assistant.batch.reader import CaseReader, Located
from assistant.batch.results import BatchResult, CaseResult, CellResult, CellValue
from assistant.batch.selection import (
    DOCUMENT_LETTERS,
    NONE_CHOICE,
    Confidence,
    FieldChoices,
    Ranked,
    choice_lines,
    choice_schema,
    confidence,
    of_another_sort,
    rank,
    type_label,
)
from assistant.batch.workspace import CaseIndex, CaseWorkspace, PreparedCase, PreparedCases
from assistant.settings import BatchSettings
from assistant.shared.jobs import JobContext
from assistant.shared.prompts import load_prompt
from ingest.search import SearchFilters, SearchIndex
from ingest.types import Scope, SearchHit
from models.errors import AssistantError
from models.llm import ChatMessage, ChatModel

logger = logging.getLogger(__name__)
_VALUE_CHARS = 160
_EVIDENCE_CHARS = 160
_SELECT_TOKENS_PER_FIELD = 40  # a value as written, or {"antwort": …, "zeile": …}
_DERIVED_OPTION_REVIEW = "Die Option ist aus der Fundstelle abgeleitet, dort nicht wörtlich genannt."
_UNNAMED_OPTION_REVIEW = "Das Modell wählte eine Option, die in den Unterlagen nicht vorkommt."
_OPTION_REVIEW = "Die Unterlagen nennen diese Option; die Auswahl des Modells weicht ab."
_FREE_REVIEW = "Frei formulierter Wert ohne Kandidaten in den Unterlagen."
_NEGATION = re.compile(r"\b(?:nein|nicht|kein\w*|ohne)\b|☐\s*ja|☒\s*nein|\[\s*\]\s*ja|\[x\]\s*nein", re.IGNORECASE)
_PASSAGE_CHARS = 1500  # about one passage: how many fit the case budget per field
Answers = dict[str, object]  # the model's JSON object: field name → value, or {antwort, beleg}


def response_schema(fields: list[FieldSpec]) -> dict[str, Any]:
    """JSON schema of one LLM answer: a value per field; yes/no and choices with their evidence."""
    properties: dict[str, Any] = {}
    for spec in fields:
        if spec.typ in ("janein", "auswahl"):
            answers: list[Any] = ["ja", "nein"] if spec.typ == "janein" else list(spec.optionen)
            properties[spec.name] = {
                "type": "object",
                "properties": {
                    "antwort": {"enum": [*answers, None]},
                    "beleg": {"type": "string", "maxLength": _EVIDENCE_CHARS},
                },
                "required": ["antwort", "beleg"],
            }
        else:
            properties[spec.name] = {"type": ["string", "null"], "maxLength": _VALUE_CHARS}
    return {"type": "object", "properties": properties, "required": [spec.name for spec in fields]}


def _field_lines(fields: list[FieldSpec]) -> str:
    lines = []
    for spec in fields:
        hint = f" Hinweis: {spec.hinweis}" if spec.hinweis else ""
        lines.append(f"- {spec.name} ({type_label(spec)}): {spec.frage}{hint}")
    return "\n".join(lines)


_UNREADABLE = "Ein Dokument dieses Falls gibt es nicht (mehr) im Index, oder Sie dürfen es nicht lesen."


class BatchAnalyzer:
    """Runs batch jobs (``run`` is the job handler) with one chat model for all cells."""

    def __init__(self, chat_model: ChatModel, settings: BatchSettings, workspace: CaseWorkspace) -> None:
        self.chat_model = chat_model
        self.settings = settings
        self.workspace = workspace
        self.system_prompt = load_prompt("batch_system")
        self.select_prompt = load_prompt("batch_select_system")

    def run(self, context: JobContext, job: BatchJob, scope: Scope) -> BatchResult:
        """``scope``: what the job's owner may read now; named documents outside it count as missing."""
        cases = job.cases
        context.progress(0, len(cases), "Unterlagen werden eingelesen …")
        prepared = context.step("ingest", PreparedCases, partial(self.workspace.prepare, context.job_id, cases))
        readable = any(case.doc_ids for case in prepared.cases.values())
        index = self.workspace.index(context.job_id, cases, scope) if readable else None
        results: list[CaseResult] = []
        for number, case in enumerate(cases, start=1):
            step = partial(self._case_step, job.schema_, case, prepared.cases[case.name], index)
            results.append(context.step(f"case-{number}", CaseResult, step))
            context.progress(number, len(cases), f"{number} von {len(cases)} Fällen ausgewertet")
        return BatchResult(
            schema_=job.schema_, cases=results, created_at=datetime.now(UTC).isoformat(timespec="seconds")
        )

    def _case_step(
        self, schema: ExtractionSchema, case: CaseSpec, prepared: PreparedCase, index: CaseIndex | None
    ) -> CaseResult:
        documents = list(case.files.values()) or list(case.doc_ids)
        if prepared.error or index is None:
            return CaseResult(case=case.name, documents=documents, status="fehler", error=prepared.error)
        reader = CaseReader(index.search.store, prepared.doc_ids, index.scope)
        if len(reader.documents) < len(set(prepared.doc_ids)):  # gone, or not readable for the owner (any more)
            readable = [document.doc_id for document in reader.documents]
            return CaseResult(case=case.name, documents=readable, status="fehler", error=_UNREADABLE)
        try:
            cells = self.extract(schema, reader, index.search, prepared.doc_ids)
        except AssistantError as exc:  # recorded as this case's error row; the job goes on
            logger.warning("Case %s failed: %s", case.name, exc.code)
            return CaseResult(case=case.name, documents=documents, status="fehler", error=exc.message)
        return CaseResult(case=case.name, documents=documents, status="fertig", cells=cells)

    def extract(
        self, schema: ExtractionSchema, reader: CaseReader, index: SearchIndex, doc_ids: list[str]
    ) -> list[CellResult]:
        """All fields of one case. The case's candidates are ranked per field and the model selects one per field
        (or none) in one constrained call; a text field with no candidate is written freely and located (not a file
        number: every file number of the case is a candidate, so with none there is none)."""
        candidates = case_candidates(reader.store, doc_ids, reader.scope)
        choices = [rank(spec, candidates) for spec in schema.felder]
        offered = [entry for entry in choices if entry.ranked]
        selected = self._select(reader, offered) if offered else {}
        free = [entry.spec for entry in choices if entry.writable]
        written = self._write(reader, free, index, doc_ids, candidates) if free else {}
        cells: list[CellResult] = []
        for entry in choices:
            if entry.spec.name in written:
                cells.append(written[entry.spec.name])
            else:
                cells.append(self._chosen_cell(entry, selected.get(entry.spec.name), reader))
        return cells

    def _select(self, reader: CaseReader, offered: list[FieldChoices]) -> Answers:
        prompt = load_prompt("batch_select").format(
            documents=_document_list(reader), fields=choice_lines(offered, [d.doc_id for d in reader.documents])
        )
        messages = [ChatMessage("system", self.select_prompt), ChatMessage("user", prompt)]
        raw = self.chat_model.complete(
            messages, max_tokens=_SELECT_TOKENS_PER_FIELD * len(offered), json_schema=choice_schema(offered)
        )
        return _parse_answers(raw)

    def _chosen_cell(self, entry: FieldChoices, answer: object, reader: CaseReader) -> CellResult:
        spec = entry.spec
        key, reply = (answer.get("zeile"), answer.get("antwort")) if isinstance(answer, dict) else (answer, None)
        declined = key in (None, NONE_CHOICE) or reply == NONE_CHOICE
        chosen = None if declined else entry.get(str(key))
        sure, reason = confidence(entry, chosen)
        if entry.evident is not None:  # the documents name one option: it decides, the model's choice checks it
            option, line = entry.evident
            agrees = reply == option
            chosen, reply = Ranked(line, 1.0, option), option
            sure, reason = ("sicher", "") if agrees and not line.ocr else ("prüfen", _OPTION_REVIEW)
        if spec.typ == "auswahl" and reply in entry.unnamed and not (chosen and chosen.candidate.labelled):
            # an option no line of the case names, read from running text: more often guessed than read
            chosen, sure, reason = None, "prüfen", _UNNAMED_OPTION_REVIEW
        if chosen is None:
            return CellResult(field=spec.name, status="nicht_gefunden", confidence=sure, review=reason)
        candidate = chosen.candidate
        value: CellValue = chosen.value
        if spec.typ == "janein":
            value, sure, reason = _yes_no(str(reply), candidate, sure, reason)
        elif spec.typ == "auswahl":
            value = str(reply)
            if entry.evident is None:  # the model mapped the line to an option ("Anzahl: 1" → "ein Hund")
                sure, reason = "prüfen", _DERIVED_OPTION_REVIEW
        located = Located(value, candidate.raw, candidate.doc_id, candidate.start, candidate.end)
        return CellResult(
            field=spec.name,
            status="gefunden",
            value=value,
            raw=" ".join(candidate.raw.split()),
            unit=spec.einheit,
            confidence=sure,
            review=reason,
            citation=reader.citation(located),
        )

    def _write(
        self,
        reader: CaseReader,
        fields: list[FieldSpec],
        index: SearchIndex,
        doc_ids: list[str],
        candidates: CaseCandidates,
    ) -> dict[str, CellResult]:
        """Text fields no candidate fits ("mein Beagle-Mischling Bruno"): written by the model as before and kept
        only where located in the text and not a name or address the field does not ask for; always to be
        checked."""
        documents = self._case_text(reader, fields, index, doc_ids)
        prompt = load_prompt("batch_extract").format(fields=_field_lines(fields), documents=documents)
        messages = [ChatMessage("system", self.system_prompt), ChatMessage("user", prompt)]
        raw = self.chat_model.complete(
            messages,
            max_tokens=self.settings.answer_tokens_per_field * len(fields),
            json_schema=response_schema(fields),
        )
        answers = _parse_answers(raw)
        return {spec.name: self._cell(spec, answers.get(spec.name), reader, candidates) for spec in fields}

    def _cell(self, spec: FieldSpec, answer: object, reader: CaseReader, candidates: CaseCandidates) -> CellResult:
        located = reader.locate(answer)
        if located is None or of_another_sort(spec, str(located.value), candidates):
            return CellResult(field=spec.name, status="nicht_gefunden", confidence="prüfen", review=_FREE_REVIEW)
        return CellResult(
            field=spec.name,
            status="gefunden",
            value=located.value,
            raw=located.raw,
            confidence="prüfen",
            review=_FREE_REVIEW,
            citation=reader.citation(located),
        )

    def _case_text(self, reader: CaseReader, fields: list[FieldSpec], index: SearchIndex, doc_ids: list[str]) -> str:
        """The whole case if it fits the budget, else the passages retrieved per field within this case."""
        full = reader.full_text()
        if len(full) <= self.settings.case_chars:
            return full
        filters = SearchFilters(doc_ids=tuple(doc_ids))
        per_field = max(1, self.settings.case_chars // (len(fields) * _PASSAGE_CHARS))
        hits = {
            hit.passage_id: hit
            for spec in fields
            for hit in index.search(f"{spec.frage} {spec.hinweis}", reader.scope, k=per_field + 1, filters=filters)
        }
        chosen: list[SearchHit] = []
        used = 0
        for hit in sorted(hits.values(), key=lambda h: -h.score):
            if used + len(hit.text) > self.settings.case_chars and chosen:
                continue
            chosen.append(hit)
            used += len(hit.text)
        chosen.sort(key=lambda h: (h.doc_id, h.char_start))
        return "\n\n".join(f"Dokument „{h.title}“, Seite {h.page_start}:\n{h.text}" for h in chosen)


def _document_list(reader: CaseReader) -> str:
    return "\n".join(
        f"{letter}: „{document.title}“ ({document.source.rsplit('/', 1)[-1]})"
        for letter, document in zip(DOCUMENT_LETTERS, reader.documents, strict=False)
    )


def _yes_no(reply: str, line: Candidate, sure: Confidence, reason: str) -> tuple[bool, Confidence, str]:
    """The answer of a yes/no field, read against its deciding line: a labelled "…: nein" decides by itself;
    where the model and the line's wording disagree, the cell is to be checked."""
    says_no = bool(_NEGATION.search(line.raw))
    if line.labelled and re.search(r"[:|?]\s*(?:ja|nein)\s*$", line.raw, re.IGNORECASE):
        return not says_no, sure, reason
    if (reply == "nein") != says_no:  # the line's own wording decides; the model's reading only checks it
        return not says_no, "prüfen", "Antwort und Wortlaut der Fundstelle stimmen nicht sicher überein."
    return not says_no, sure, reason


def _parse_answers(raw: str) -> Answers:
    """The model's JSON object; anything unparsable yields no values (all "nicht gefunden")."""
    try:
        answers = json.loads(raw[raw.find("{") : raw.rfind("}") + 1])
    except (json.JSONDecodeError, ValueError):
        logger.warning("Batch extraction returned no valid JSON")
        return {}
    return answers if isinstance(answers, dict) else {}
