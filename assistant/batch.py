"""Batch analysis: the same fields extracted from many case files, one row per case, every value cited.

Per case, one LLM call extracts all fields at once as JSON constrained to a schema built from the fields
(llama.cpp grammar), reading the whole case (or, for long cases, the passages retrieved per field within
that case only). A value is accepted only when it can be located in the stored document text: dates and
amounts by their normalised value, text by its words, yes/no and choice answers by the quoted evidence.
Whatever cannot be located is "nicht gefunden" — never a guessed value. Each case is one job step, so an
interrupted job resumes without redoing finished cases; a failing case becomes an error row.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.citations import StoredTexts
from assistant.errors import BatchError
from assistant.jobs import JobContext
from assistant.prompts import load_prompt
from assistant.schemas import (
    BatchResult,
    CaseResult,
    CellResult,
    CellValue,
    CitationPublic,
    ExtractionSchema,
    FieldSpec,
)
from assistant.settings import BatchSettings
from assistant.values import find_amounts, find_dates, parse_amount, parse_date
from ingest.german import GermanAnalyzer
from ingest.passage_store import PassageStore
from ingest.pipeline import Ingestor, document_id
from ingest.search import SearchFilters, SearchIndex
from ingest.settings import SUPPORTED_SUFFIXES, CoreSettings
from ingest.types import SearchHit
from models import Embedder
from models.errors import AssistantError
from models.llm import ChatMessage, ChatModel

logger = logging.getLogger(__name__)
_ANALYZER = GermanAnalyzer()
_TYPE_LABELS = {"text": "Text", "datum": "Datum", "betrag": "Betrag in Euro", "janein": "ja/nein"}
_QUOTE_CHARS = 240
_MIN_EVIDENCE_SHARE = 0.6
_LINE = re.compile(r"[^\n]+")
_DISTINCTIVE_CHARS = 6
_NEGATIVE_CLAUSE = re.compile(r"[–,;(-]?\s*\b(?:nicht|kein\w*|ohne)\b[^.;)]*", re.IGNORECASE)
_UNIT_WORDS = {"euro", "eur"}  # next to almost every amount: no sign that the amount is the one asked for
# a salutation or label the model copies along with the value ("Frau Erika Muster", "Az. 32.1-114/25")
_VALUE_PREFIX = re.compile(r"^(?:frau|herrn?|familie|az\.|aktenzeichen:?|gz\.|geschäftszeichen:?)\s*", re.IGNORECASE)
_NEGATIONS = {"nein", "nicht", "kein", "keine", "keinen", "keiner", "ohne"}
_VALUE_CHARS = 160
_EVIDENCE_CHARS = 160


class CaseSpec(BaseModel):
    """One case: files to read (``{path: display name}``) or documents already in the index."""

    name: str = Field(min_length=1, max_length=200)
    files: dict[str, str] = Field(default_factory=dict)
    doc_ids: list[str] = Field(default_factory=list)


class BatchRequest(BaseModel):
    schema_: ExtractionSchema = Field(alias="schema")
    cases: list[CaseSpec] = Field(min_length=1, max_length=5000)

    model_config = {"populate_by_name": True}


def load_schema(path: Path) -> ExtractionSchema:
    """Read a field list from YAML or JSON; every problem is reported in German."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BatchError(f"Die Felddatei „{path.name}“ ist nicht lesbar (YAML oder JSON erwartet).") from exc
    return parse_schema(data, path.name)


def parse_schema(data: Any, name: str = "Felder") -> ExtractionSchema:
    try:
        schema = ExtractionSchema.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors())
        raise BatchError(f"Die Felddatei „{name}“ ist ungültig: {problems}") from exc
    for spec in schema.felder:
        if spec.typ == "auswahl" and len(spec.optionen) < 2:
            raise BatchError(f"Feld „{spec.name}“: Eine Auswahl braucht mindestens zwei Optionen.")
    if len({spec.name for spec in schema.felder}) != len(schema.felder):
        raise BatchError(f"Die Felddatei „{name}“ enthält einen Feldnamen doppelt.")
    return schema


def discover_cases(folder: Path) -> list[CaseSpec]:
    """Each readable file directly in ``folder`` is one case; each sub-folder with its files is one case."""
    if not folder.is_dir():
        raise BatchError(f"Der Ordner „{folder}“ existiert nicht.")
    cases: list[CaseSpec] = []
    for entry in sorted(folder.iterdir()):
        if entry.is_file() and entry.suffix.lower() in SUPPORTED_SUFFIXES:
            cases.append(CaseSpec(name=entry.stem, files={str(entry.resolve()): entry.name}))
        elif entry.is_dir() and not entry.name.startswith("."):
            files = sorted(p for p in entry.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if files:
                cases.append(
                    CaseSpec(name=entry.name, files={str(p.resolve()): str(p.relative_to(folder)) for p in files})
                )
    if not cases:
        raise BatchError(f"Im Ordner „{folder}“ gibt es keine lesbaren Fallakten (PDF, DOCX, HTML, Text).")
    return cases


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
        kind = f"Auswahl: {' | '.join(spec.optionen)}" if spec.typ == "auswahl" else _TYPE_LABELS[spec.typ]
        hint = f" Hinweis: {spec.hinweis}" if spec.hinweis else ""
        lines.append(f"- {spec.name} ({kind}): {spec.frage}{hint}")
    return "\n".join(lines)


@dataclass(frozen=True)
class _Located:
    value: CellValue
    raw: str
    doc_id: str
    start: int
    end: int


class CaseReader:
    """The stored documents of one case, for the prompt and for locating extracted values."""

    def __init__(self, store: PassageStore, doc_ids: list[str]) -> None:
        self.store = store
        self.texts = StoredTexts(store)
        self.documents = [doc for doc_id in doc_ids if (doc := store.document(doc_id)) is not None]

    def full_text(self) -> str:
        parts = []
        for document in self.documents:
            pages = self.store.pages(document.doc_id)
            body = "\n".join(f"[Seite {page.number}]\n{page.text.strip()}" for page in pages)
            parts.append(f"Dokument „{document.title}“:\n{body}")
        return "\n\n".join(parts)

    def locate(self, spec: FieldSpec, answer: Any) -> _Located | None:
        """Where the answer stands in the case's documents, or None if it cannot be found there."""
        if spec.typ in ("janein", "auswahl"):
            if not isinstance(answer, dict) or answer.get("antwort") is None:
                return None
            return self._evidence(str(answer["antwort"]), str(answer.get("beleg") or ""), spec)
        if not isinstance(answer, str) or not answer.strip():
            return None
        if spec.typ == "datum":
            return self._in_context(self._date(answer), spec)
        if spec.typ == "betrag":
            return self._in_context(self._amount(answer), spec)
        return self._text(_VALUE_PREFIX.sub("", answer.strip()))

    def _in_context(self, located: _Located | None, spec: FieldSpec) -> _Located | None:
        """Documents hold many dates and amounts: keep one only if its line (or the label line above it)
        speaks of the field ("Jahressteuer: 108,00 €"), so a postcode or another fee is not taken for it."""
        if located is None:
            return None
        text = self.texts.text(located.doc_id)
        line_start = text.rfind("\n", 0, text.rfind("\n", 0, located.start)) + 1
        line_end = text.find("\n", located.end)
        context = set(_ANALYZER.tokens(text[line_start : line_end if line_end >= 0 else len(text)]))
        hint = _NEGATIVE_CLAUSE.sub("", spec.hinweis)  # "– nicht das Datum des Schreibens" names the wrong lines
        about = set(_ANALYZER.tokens(f"{spec.name.replace('_', ' ')} {spec.frage} {hint}")) - _UNIT_WORDS
        return located if _shared_share(about, context) > 0 else None

    def _spans(self) -> Iterator[tuple[str, str]]:
        for document in self.documents:
            yield document.doc_id, self.texts.text(document.doc_id)

    def _date(self, answer: str) -> _Located | None:
        wanted = parse_date(answer)
        if wanted is None:
            return None
        for doc_id, text in self._spans():
            for found in find_dates(text):
                if found.value == wanted:
                    return _Located(wanted.isoformat(), text[found.start : found.end], doc_id, found.start, found.end)
        return None

    def _amount(self, answer: str) -> _Located | None:
        wanted = parse_amount(answer)
        if wanted is None:
            return None
        matches = [  # only amounts written as money ("120,00", "96 €"), not any number such as a postcode
            (found, doc_id, text)
            for doc_id, text in self._spans()
            for found in find_amounts(text)
            if found.value == wanted and found.marked
        ]
        if not matches:
            return None
        found, doc_id, text = matches[0]
        return _Located(wanted, text[found.start : found.end].strip(), doc_id, found.start, found.end)

    def _text(self, answer: str) -> _Located | None:
        pattern = r"\W+".join(re.escape(word) for word in re.findall(r"\w+", answer))
        if not pattern:
            return None
        for doc_id, text in self._spans():
            if match := re.search(pattern, text, re.IGNORECASE):
                return _Located(answer, match.group(0), doc_id, match.start(), match.end())
        # "Mustermann, Erika" for "Erika Mustermann", or an address over form rows: every word within three lines
        words = {word.casefold() for word in re.findall(r"\w+", answer)}
        for doc_id, text in self._spans():
            lines = list(_LINE.finditer(text))
            for number, line in enumerate(lines):
                for last in lines[number : number + 3]:
                    window = text[line.start() : last.end()]
                    if words <= {word.casefold() for word in re.findall(r"\w+", window)}:
                        return _Located(answer, window.strip(), doc_id, line.start(), last.end())
        return None

    def _evidence(self, answer: str, evidence: str, spec: FieldSpec) -> _Located | None:
        """A yes/no or choice answer counts only if its quoted evidence is (nearly word for word) in the text:
        in one sentence, or in a form's label line together with the value line below it."""
        wanted = set(_ANALYZER.tokens(evidence))
        if not wanted:
            return None
        best: tuple[float, str, int, str] | None = None
        for doc_id, start, window in self._windows():
            share = _shared_share(wanted, set(_ANALYZER.tokens(window)))
            if best is None or share > best[0]:
                best = (share, doc_id, start, window)
        if (best is None or best[0] < _MIN_EVIDENCE_SHARE) and spec.typ == "janein":
            best = self._answer_window(answer, spec)
        if (best is None or best[0] < _MIN_EVIDENCE_SHARE) and spec.typ == "auswahl":
            best = self._option_window(answer)
        if best is None or best[0] < _MIN_EVIDENCE_SHARE:
            return None
        _, doc_id, start, window = best
        value: CellValue = answer == "ja" if spec.typ == "janein" else answer
        return _Located(value, answer, doc_id, start, start + len(window))

    def _answer_window(self, answer: str, spec: FieldSpec) -> tuple[float, str, int, str] | None:
        """Small models paraphrase their evidence; for yes/no, accept the passage that asks the field's question
        (most of its words) and states the same answer ("Ermäßigung beantragt: nein")."""
        about = set(_ANALYZER.tokens(f"{spec.frage} {spec.hinweis}"))
        best: tuple[float, str, int, str] | None = None
        for doc_id, start, window in self._windows():
            words = set(re.findall(r"\w+", window.casefold()))
            if bool(words & _NEGATIONS) != (answer == "nein") or (answer == "ja" and "ja" not in words):
                continue
            score = 2 * _shared_share(about, set(_ANALYZER.tokens(window))) if about else 0.0  # half suffice
            if best is None or score > best[0]:
                best = (score, doc_id, start, window)
        return best

    def _option_window(self, answer: str) -> tuple[float, str, int, str] | None:
        """A choice whose own distinctive words stand in the text ("Abfallgebühren" in "Abfallgebührenbescheid")
        is its own evidence; generic options ("ein Hund") are not, they need the quoted passage."""
        distinctive = {token for token in _ANALYZER.tokens(answer) if len(token) >= _DISTINCTIVE_CHARS}
        if not distinctive:
            return None
        for doc_id, start, window in self._lines():
            if _shared_share(distinctive, set(_ANALYZER.tokens(window))) == 1.0:
                return 1.0, doc_id, start, window
        return None

    def _windows(self) -> Iterator[tuple[str, int, str]]:
        """Sentences, and each line joined with the next one (form label and value)."""
        yield from self._lines()
        for doc_id, text in self._spans():
            lines = list(_LINE.finditer(text))
            for line, following in itertools.pairwise(lines):
                yield doc_id, line.start(), text[line.start() : following.end()]

    def _lines(self) -> Iterator[tuple[str, int, str]]:
        """Lines of every document with their offsets, long lines cut into sentences."""
        for doc_id, text in self._spans():
            for match in _LINE.finditer(text):
                for sentence in re.finditer(r"[^.!?]+(?:[.!?](?=\s|$))?", match.group(0)):
                    if sentence.group(0).strip():
                        yield doc_id, match.start() + sentence.start(), sentence.group(0)

    def citation(self, located: _Located) -> CitationPublic:
        text = self.texts.text(located.doc_id)
        line_start = text.rfind("\n", 0, located.start) + 1
        line_end = text.find("\n", located.end)
        line_end = len(text) if line_end < 0 else line_end
        start = max(line_start, located.start - _QUOTE_CHARS // 2)
        end = min(line_end, max(located.end, start + _QUOTE_CHARS))
        document = next(doc for doc in self.documents if doc.doc_id == located.doc_id)
        passage = next(
            (p for p in self.store.passages_of(located.doc_id) if p.char_start <= located.start < p.char_end), None
        )
        return CitationPublic(
            number=1,
            passage_id=passage.passage_id if passage else 0,
            doc_id=located.doc_id,
            title=document.title,
            source=document.source,
            page=self.texts.page_at(located.doc_id, located.start),
            section=passage.section if passage else "",
            quote=text[start:end].strip(),
            quote_start=start + (len(text[start:end]) - len(text[start:end].lstrip())),
            quote_end=end,
            passage_start=passage.char_start if passage else start,
            passage_end=passage.char_end if passage else end,
        )


class CaseWorkspace:
    """Where a job's case documents are searched. Files are ingested into a private index in the job's folder
    (the clerk's own index stays untouched); cases given as document ids use the main index."""

    def __init__(
        self, settings: CoreSettings, embedder: Embedder, jobs_folder: Path, main_index: Callable[[], SearchIndex]
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.jobs_folder = jobs_folder
        self._main_index = main_index

    def _job_settings(self, job_id: str) -> CoreSettings:
        settings = self.settings.model_copy(deep=True)
        settings.ingest.index_dir = self.jobs_folder / job_id / "index"
        return settings

    def prepare(self, job_id: str, cases: list[CaseSpec]) -> dict[str, dict[str, Any]]:
        """Ingest the case files; per case its document ids, or why it cannot be analysed."""
        names = {Path(path): f"{case.name}/{Path(name).name}" for case in cases for path, name in case.files.items()}
        skipped: dict[str, str] = {}
        if names:
            report = Ingestor(self._job_settings(job_id), self.embedder).ingest(
                list(names), remove_missing=False, progress=False, display_names=names
            )
            skipped = {item.path: item.reason for item in report.skipped}
        prepared: dict[str, dict[str, Any]] = {}
        for case in cases:
            shown = [names[Path(path)] for path in case.files]
            errors = [f"„{Path(name).name}“: {skipped[name]}" for name in shown if name in skipped]
            doc_ids = [document_id(Path(path)) for path in case.files] + list(case.doc_ids)
            prepared[case.name] = {"doc_ids": [] if errors else doc_ids, "error": " ".join(errors)}
        return prepared

    def index(self, job_id: str, cases: list[CaseSpec]) -> SearchIndex:
        if any(case.files for case in cases):
            return SearchIndex(self._job_settings(job_id).ingest.index_dir, self.embedder, self.settings.search)
        return self._main_index()


class BatchAnalyzer:
    """Runs batch jobs (``run`` is the job handler) with one chat model for all cells."""

    def __init__(self, chat_model: ChatModel, settings: BatchSettings, workspace: CaseWorkspace) -> None:
        self.chat_model = chat_model
        self.settings = settings
        self.workspace = workspace
        self.system_prompt = load_prompt("batch_system")

    def run(self, context: JobContext, params: dict[str, Any]) -> dict[str, Any]:
        request = BatchRequest.model_validate(params)
        cases = request.cases
        if len({case.name for case in cases}) != len(cases):
            raise BatchError("Zwei Fälle tragen denselben Namen; bitte eindeutig benennen.")
        context.progress(0, len(cases), "Unterlagen werden eingelesen …")
        prepared = context.step("ingest", partial(self.workspace.prepare, context.job_id, cases))
        readable = any(p["doc_ids"] for p in prepared.values())
        index = self.workspace.index(context.job_id, cases) if readable else None
        results: list[CaseResult] = []
        for number, case in enumerate(cases, start=1):
            step = partial(self._case_step, request.schema_, case, prepared[case.name], index)
            results.append(CaseResult.model_validate(context.step(f"case-{number}", step)))
            context.progress(number, len(cases), f"{number} von {len(cases)} Fällen ausgewertet")
        created = datetime.now(UTC).isoformat(timespec="seconds")
        result = BatchResult(schema_=request.schema_, cases=results, created_at=created)
        return result.model_dump(mode="json", by_alias=True)

    def _case_step(
        self, schema: ExtractionSchema, case: CaseSpec, prepared: dict[str, Any], index: SearchIndex | None
    ) -> dict[str, Any]:
        documents = list(case.files.values()) or list(case.doc_ids)
        if prepared["error"] or index is None:
            return CaseResult(case=case.name, documents=documents, status="fehler", error=prepared["error"]).model_dump(
                mode="json"
            )
        try:
            cells = self.extract(schema, CaseReader(index.store, prepared["doc_ids"]), index, prepared["doc_ids"])
        except AssistantError as exc:  # recorded as this case's error row; the job goes on
            logger.warning("Case %s failed: %s", case.name, exc.code)
            return CaseResult(case=case.name, documents=documents, status="fehler", error=exc.message).model_dump(
                mode="json"
            )
        return CaseResult(case=case.name, documents=documents, status="fertig", cells=cells).model_dump(mode="json")

    def extract(
        self, schema: ExtractionSchema, reader: CaseReader, index: SearchIndex, doc_ids: list[str]
    ) -> list[CellResult]:
        """All fields of one case: one constrained LLM call per group of fields, each value located or empty."""
        cells: list[CellResult] = []
        size = self.settings.fields_per_call
        for start in range(0, len(schema.felder), size):
            fields = schema.felder[start : start + size]
            documents = self._case_text(reader, fields, index, doc_ids)
            prompt = load_prompt("batch_extract").format(fields=_field_lines(fields), documents=documents)
            messages = [ChatMessage("system", self.system_prompt), ChatMessage("user", prompt)]
            raw = self.chat_model.complete(
                messages,
                max_tokens=self.settings.answer_tokens_per_field * len(fields),
                json_schema=response_schema(fields),
            )
            answers = _parse_answers(raw)
            cells.extend(self._cell(spec, answers.get(spec.name), reader) for spec in fields)
        return cells

    def _cell(self, spec: FieldSpec, answer: Any, reader: CaseReader) -> CellResult:
        located = reader.locate(spec, answer)
        if located is None:
            return CellResult(field=spec.name, status="nicht_gefunden")
        return CellResult(
            field=spec.name, status="gefunden", value=located.value, raw=located.raw, citation=reader.citation(located)
        )

    def _case_text(self, reader: CaseReader, fields: list[FieldSpec], index: SearchIndex, doc_ids: list[str]) -> str:
        """The whole case if it fits the budget, else the passages retrieved per field within this case."""
        full = reader.full_text()
        if len(full) <= self.settings.case_chars:
            return full
        filters = SearchFilters(doc_ids=tuple(doc_ids))
        per_field = max(1, self.settings.case_chars // (len(fields) * 1500))
        hits = {
            hit.passage_id: hit
            for spec in fields
            for hit in index.search(f"{spec.frage} {spec.hinweis}", k=per_field + 1, filters=filters)
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


def _shared_share(wanted: set[str], found: set[str]) -> float:
    """Share of ``wanted`` tokens in ``found``; parts of compounds count ("ermass" ~ "steuerermass")."""
    hits = sum(1 for token in wanted if token in found or any(_compound_match(token, f) for f in found))
    return hits / len(wanted)


def _compound_match(one: str, other: str) -> bool:
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 4 and shorter in longer


def _parse_answers(raw: str) -> dict[str, Any]:
    """The model's JSON object; anything unparsable yields no values (all "nicht gefunden")."""
    try:
        answers = json.loads(raw[raw.find("{") : raw.rfind("}") + 1])
    except (json.JSONDecodeError, ValueError):
        logger.warning("Batch extraction returned no valid JSON")
        return {}
    return answers if isinstance(answers, dict) else {}
