"""Speed and coverage of whole-document summaries on long PDFs.

``python -m evaluation.summary_benchmark [PDF ...] [--template zusammenfassung] [--baseline]`` ingests the PDFs
into a temporary index, summarises each one and prints pages per minute, the LLM calls, the cited pages and
how they spread over the document (beginning / middle / end third) and the share of citations whose quote is
found at its offsets in the stored text. ``--baseline`` also summarises the first PDF reading every sentence
(``read_share`` 1.0) in the same process, for the speed ratio of the default.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.drafts.draft import Draft, SummaryJob
from assistant.services import Services
from assistant.settings import Settings
from assistant.shared.citations import StoredTexts
from assistant.shared.jobs import JobStatus, JobStore, run_job
from models.llm import create_chat_model

DEFAULT_PDFS = [  # long documents of the development corpus, relative to --corpus
    "feuerwehr/fwdv3_einheiten_im_loesch_und_hilfeleistungseinsatz.pdf",
    "hochschule/SPO-Allgemein.pdf",
    "bw-vorschriften/ZFeuVwV.pdf",
]


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


def summarise(services: Services, doc_id: str, template: str, label: str) -> dict[str, Any]:
    store = JobStore(services.job_paths.database)
    job = store.create("summary", SummaryJob(doc_ids=[doc_id], template=template), origin="benchmark")
    model = services.chat_model
    calls_before = model.calls if isinstance(model, CountingModel) else 0
    started = time.perf_counter()
    record = run_job(store, job.id, services.job_types["summary"])
    seconds = time.perf_counter() - started
    if record.status != JobStatus.DONE:
        raise SystemExit(f"{label}: {record.message}")
    draft = Draft.model_validate(record.result)
    document = services.index.store.document(doc_id)
    assert document is not None
    texts = StoredTexts(services.index.store)
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
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.summary_benchmark", description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDF-Dateien (Standard: drei lange PDFs aus --corpus)")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/pdf"), help="PDF-Ordner des Korpus")
    parser.add_argument("--template", default="zusammenfassung")
    parser.add_argument("--baseline", action="store_true", help="erstes PDF zusätzlich mit read_share 1.0")
    args = parser.parse_args(argv)
    args.pdfs = args.pdfs or [args.corpus / name for name in DEFAULT_PDFS]
    with tempfile.TemporaryDirectory(prefix="summary-bench-") as runtime:
        settings = Settings()
        settings.ingest.index_dir = Path(runtime) / "index"
        settings.jobs.folder = Path(runtime) / "jobs"
        counting = CountingModel(create_chat_model(settings.llm))
        services = Services(settings, chat_model=counting)
        report = services.ingestor.ingest(args.pdfs, progress=False)
        by_path = {doc.path: doc.doc_id for doc in services.index.store.documents()}
        rows = []
        for pdf in args.pdfs:
            doc_id = by_path[str(pdf.resolve())]
            rows.append(summarise(services, doc_id, args.template, f"read_share {settings.summary.read_share}"))
            print(rows[-1], flush=True)
        if args.baseline:
            settings.summary.read_share = 1.0
            rows.append(summarise(services, by_path[str(args.pdfs[0].resolve())], args.template, "read_share 1.0"))
            print(rows[-1], flush=True)
            print(f"speed-up of the default over reading everything: {rows[-1]['seconds'] / rows[0]['seconds']:.2f}×")
        print(f"\ningest: {report.seconds.get('total', 0):.0f} s")
        print("| document | pages | seconds | pages/min | LLM calls | cited pages | thirds | verified |")
        print("|---|---|---|---|---|---|---|---|")
        for row in rows:
            print(
                f"| {row['document'][:40]} ({row['label']}) | {row['pages']} | {row['seconds']} | "
                f"{row['pages_per_minute']} | {row['llm_calls']} | {row['cited_pages']} | {row['thirds_cited']} | "
                f"{row['citations_verified']} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
