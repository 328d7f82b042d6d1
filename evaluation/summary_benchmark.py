"""Speed, coverage and quality of whole-document drafts on long PDFs.

``python -m evaluation.summary_benchmark [PDF ...] [--template vermerk] [--baseline]`` ingests the PDFs into a
temporary index, drafts each one and prints per document:
- speed: seconds, pages per minute, LLM calls;
- coverage: the cited pages and how they spread over the document (beginning / middle / end third), and the
  share of citations whose quote is found at its offsets in the stored text;
- quality: whether the title is right (``data/eval/pdf_titles.jsonl``), sentences that repeat one of another
  section, boilerplate lines (running headers, footers, page marks) in the draft, the share of fact statements
  that copy their source sentence instead of condensing it, and sections left to the clerk (placeholder).

``--baseline`` also drafts the first PDF reading every sentence (``read_share`` 1.0) in the same process, for
the speed ratio of the default. The last default PDF (JArbSchG) was not used to tune the drafts.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.drafts.draft import Draft, SummaryJob
from assistant.drafts.quality import PLACEHOLDER, content_tokens, is_copy, near_duplicate, sentences_of
from assistant.drafts.templates import Template, template_for
from assistant.services import Services
from assistant.settings import Settings
from assistant.shared.citations import MARKER, StoredTexts, marker_numbers
from assistant.shared.jobs import OPERATOR, JobStatus, run_job
from ingest.boilerplate import find_boilerplate, outside
from ingest.loaders import load_document
from ingest.settings import IngestSettings
from ingest.types import DEFAULT_COLLECTION, join_pages
from models.llm import create_chat_model

DEFAULT_PDFS = [  # long documents of the development corpus, relative to --corpus
    "feuerwehr/fwdv3_einheiten_im_loesch_und_hilfeleistungseinsatz.pdf",
    "hochschule/SPO-Allgemein.pdf",
    "bw-vorschriften/ZFeuVwV.pdf",
    "bund-gesetze/JArbSchG.pdf",  # not used to tune the drafts
]
TITLES = Path("data/eval/pdf_titles.jsonl")
MIN_BOILERPLATE_CHARS = 12  # shorter marked lines ("3", "Seite 4") also occur as ordinary text


class CountingModel:
    """Wraps the chat model to count calls (the benchmark's only instrumentation)."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self.calls = 0
        self.name = model.name

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def complete(self, *args: Any, **kwargs: Any) -> str:
        self.calls += 1
        result: str = self._model.complete(*args, **kwargs)
        return result


def accepted_titles(corpus: Path) -> dict[str, list[str] | None]:
    """Accepted title phrases by absolute PDF path."""
    entries = [json.loads(line) for line in TITLES.read_text(encoding="utf-8").splitlines()]
    return {str((corpus / entry["path"]).resolve()): entry["accept"] for entry in entries}


def draft_quality(draft: Draft, template: Template, pdf: Path, accepted: list[str] | None) -> dict[str, Any]:
    """The quality figures of one draft (see the module docstring)."""
    sentences = [
        (section.heading, sentence)
        for section in draft.sections
        for sentence in sentences_of(section.text)
        if sentence != PLACEHOLDER  # the same note to the clerk in two sections is no repeat
    ]
    tokens = [(heading, content_tokens(sentence)) for heading, sentence in sentences]
    repeats = sum(
        1
        for i, (heading, first) in enumerate(tokens)
        for other, second in tokens[i + 1 :]
        if other != heading and near_duplicate(first, second)
    )
    loaded = load_document(pdf, IngestSettings())
    text, _ = join_pages(loaded.pages)
    spans = find_boilerplate(loaded.pages)
    marked = {" ".join(text[span.start : span.end].split()) for span in spans}
    # a table-of-contents entry is also the heading it lists: only count what the content never says
    content = " ".join(text[start:end] for start, end in outside(spans, 0, len(text)))
    content = " ".join(content.split())
    marked = {line for line in marked if line not in content}
    body = " ".join(f"{draft.subject} {' '.join(section.text for section in draft.sections)}".split())
    boilerplate = sorted(line for line in marked if len(line) >= MIN_BOILERPLATE_CHARS and line in body)
    quotes = {source.number: source.quote for source in draft.sources}
    fact_sections = {section.heading for section in template.sections if section.from_notes}
    facts = [sentence for heading, sentence in sentences if heading in fact_sections]
    copies = sum(
        any(
            is_copy(sentence, quotes[n])
            for match in MARKER.finditer(sentence)
            for n in marker_numbers(match)
            if n in quotes
        )
        for sentence in facts
    )
    return {
        "title_right": None
        if accepted is None
        else any(p in " ".join(draft.subject.split()).casefold() for p in accepted),
        "repeated_sentences": repeats,
        "boilerplate_lines": boilerplate,
        "copied_facts": f"{copies}/{len(facts)}",
        "placeholders": sum(section.text == PLACEHOLDER for section in draft.sections),
    }


def summarise(services: Services, doc_id: str, template: str, label: str) -> dict[str, Any]:
    store = services.job_store
    job = store.create("summary", SummaryJob(doc_ids=[doc_id], template=template), origin="benchmark", owner=OPERATOR)
    model = services.chat_model
    calls_before = model.calls if isinstance(model, CountingModel) else 0
    started = time.perf_counter()
    record = run_job(store, job.id, services.job_types["summary"])
    seconds = time.perf_counter() - started
    if record.status != JobStatus.DONE:
        raise SystemExit(f"{label}: {record.message}")
    draft = Draft.model_validate(record.result)
    document = services.index.store.document(doc_id, services.index.operator_scope())
    assert document is not None
    texts = StoredTexts(services.index.store, services.index.operator_scope())
    verified = sum(texts.text(s.doc_id)[s.quote_start : s.quote_end] == s.quote for s in draft.sources)
    pages = sorted({source.page for source in draft.sources})
    thirds = {min(2, (page - 1) * 3 // document.page_count) for page in pages}
    return {
        "label": label,
        "document": document.title,
        "pages": document.page_count,
        "seconds": round(seconds, 1),
        "pages_per_minute": round(document.page_count / seconds * 60, 2),
        "llm_calls": (model.calls - calls_before) if isinstance(model, CountingModel) else None,
        "cited_pages": pages,
        "thirds_cited": f"{len(thirds)}/3",
        "citations_verified": f"{verified}/{len(draft.sources)}",
        "dropped_statements": draft.dropped_statements,
        "draft": draft,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.summary_benchmark", description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDF-Dateien (Standard: drei lange PDFs aus --corpus)")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/pdf"), help="PDF-Ordner des Korpus")
    parser.add_argument("--template", default="vermerk")
    parser.add_argument("--baseline", action="store_true", help="erstes PDF zusätzlich mit read_share 1.0")
    args = parser.parse_args(argv)
    args.pdfs = args.pdfs or [args.corpus / name for name in DEFAULT_PDFS]
    with tempfile.TemporaryDirectory(prefix="summary-bench-") as runtime:
        settings = Settings()
        settings.ingest.index_dir = Path(runtime) / "index"
        settings.jobs.folder = Path(runtime) / "jobs"
        counting = CountingModel(create_chat_model(settings.llm))
        services = Services(settings, chat_model=counting)
        report = services.ingestor.ingest(args.pdfs, collection=DEFAULT_COLLECTION, progress=False)
        by_path = {doc.path: doc.doc_id for doc in services.index.store.documents(services.index.operator_scope())}
        titles = accepted_titles(args.corpus)
        template = template_for(args.template)
        rows = []
        for pdf in args.pdfs:
            doc_id = by_path[str(pdf.resolve())]
            row = summarise(services, doc_id, args.template, f"read_share {settings.summary.read_share}")
            row.update(draft_quality(row.pop("draft"), template, pdf, titles.get(str(pdf.resolve()))))
            rows.append(row)
            print(rows[-1], flush=True)
        if args.baseline:
            settings.summary.read_share = 1.0
            row = summarise(services, by_path[str(args.pdfs[0].resolve())], args.template, "read_share 1.0")
            row.update(draft_quality(row.pop("draft"), template, args.pdfs[0], titles.get(str(args.pdfs[0].resolve()))))
            rows.append(row)
            print(rows[-1], flush=True)
            print(f"speed-up of the default over reading everything: {rows[-1]['seconds'] / rows[0]['seconds']:.2f}×")
        print(f"\ningest: {report.seconds.get('total', 0):.0f} s")
        print(
            "| document | pages | seconds | pages/min | LLM calls | thirds | verified | title right | repeats | "
            "boilerplate | copied facts | placeholders |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            print(
                f"| {row['document'][:40]} ({row['label']}) | {row['pages']} | {row['seconds']} | "
                f"{row['pages_per_minute']} | {row['llm_calls']} | {row['thirds_cited']} | "
                f"{row['citations_verified']} | {row['title_right']} | {row['repeated_sentences']} | "
                f"{len(row['boilerplate_lines'])} | {row['copied_facts']} | {row['placeholders']} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
