"""The views "Entwürfe" (summaries) and "Auswertung" (batch analysis) of assistant/web in headless Chromium.

Same setup as tests/browser/test_web_chat.py: the ``live_server_url`` fixture (tests/conftest.py) serves the
real app with the sample documents and the real local LLM; Chromium is Debian's /usr/bin/chromium. Selectors
are the data-testid attributes listed at the top of assistant/web/app.js. Only the summary test runs the
LLM (one small document, template "stichpunkte", length "kurz"); the batch result table is checked against
canned API answers (Playwright routes), so no case file is sent to the model.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import FilePayload, Page, Route, expect

from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

SMALL_DOCUMENT = "Kindergarten"  # BBO_Satzung_Kindergartengebuehren.md, the smallest sample
DRAFT_TIMEOUT_MS = 480_000  # map + reduce steps of the local LLM on 2 CPU cores
UI_TIMEOUT_MS = 30_000
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def no_horizontal_scrolling(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


def test_summary_draft_with_citations(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    page, log = browser_page
    page.goto(f"{live_server_url}/#dokumente")

    # "Zusammenfassen" in the documents view opens the drafts view with that document chosen
    row = page.get_by_test_id("document-row").filter(has_text=SMALL_DOCUMENT).first
    expect(row).to_be_visible(timeout=UI_TIMEOUT_MS)
    doc_id = row.get_attribute("data-doc-id")
    row.get_by_test_id("document-summarize").click()
    view = page.get_by_test_id("drafts-view")
    expect(view).to_be_visible()
    expect(page.get_by_test_id("nav-drafts")).to_have_attribute("aria-current", "page")

    # templates and documents are listed; only the chosen document is checked
    template = page.get_by_test_id("drafts-template")
    expect(template.locator('option[value="stichpunkte"]')).to_have_count(1, timeout=UI_TIMEOUT_MS)
    assert template.locator("option").count() >= 2
    options = page.get_by_test_id("drafts-doc-option")
    expect(options.first).to_be_visible(timeout=UI_TIMEOUT_MS)
    assert options.count() >= 2
    checked = page.locator('[data-testid="drafts-doc-checkbox"]:checked')
    expect(checked).to_have_count(1)
    assert checked.get_attribute("data-doc-id") == doc_id

    template.select_option("stichpunkte")
    expect(page.get_by_test_id("drafts-template-description")).to_contain_text("Kernpunkte")
    page.get_by_test_id("drafts-length-kurz").check()
    page.get_by_test_id("drafts-start").click()

    job = page.get_by_test_id("drafts-job")
    job_id = ""
    try:
        expect(job).to_be_visible(timeout=UI_TIMEOUT_MS)
        job_id = job.get_attribute("data-job-id") or ""
        assert job_id
        expect(page.get_by_test_id("drafts-progress")).to_be_visible()
        expect(page.get_by_test_id("drafts-start")).to_be_disabled()
        # progress: "Schritt n von m" once the first step is done (it stays on the finished job too)
        expect(page.get_by_test_id("drafts-job-steps")).to_contain_text(
            re.compile(r"Schritt \d+ von \d+"), timeout=DRAFT_TIMEOUT_MS
        )
        expect(job).to_have_attribute(
            "data-status", re.compile(r"^(fertig|fehlgeschlagen|abgebrochen)$"), timeout=DRAFT_TIMEOUT_MS
        )
    finally:
        if job_id and job.get_attribute("data-status") not in ("fertig", "fehlgeschlagen", "abgebrochen"):
            page.request.post(f"{live_server_url}/api/summaries/{job_id}/cancel")  # leave no LLM work behind
    status = job.get_attribute("data-status")
    assert status == "fertig", page.get_by_test_id("drafts-error").inner_text()
    expect(page.get_by_test_id("drafts-cancel")).to_be_hidden()
    expect(page.get_by_test_id("drafts-start")).to_be_enabled()

    # the rendered draft: sections, chips for the verified markers, sources, closing line
    result = page.get_by_test_id("drafts-result")
    expect(result).to_be_visible()
    expect(page.get_by_test_id("drafts-result-title")).not_to_be_empty()
    assert result.get_by_test_id("drafts-section").count() >= 1
    chips = result.get_by_test_id("citation-chip")
    assert chips.count() >= 1, result.inner_text()
    sources = result.get_by_test_id("drafts-source-item")
    source_numbers = {item.get_attribute("data-number") for item in sources.all()}
    for chip in chips.all():
        assert re.fullmatch(r"\d+", chip.inner_text().strip())
        assert chip.get_attribute("data-number") in source_numbers
    expect(result.get_by_test_id("drafts-closing")).not_to_be_empty()
    draft = json.loads(page.request.get(f"{live_server_url}/api/summaries/{job_id}").text())["draft"]
    if draft["dropped_statements"]:
        expect(result.get_by_test_id("drafts-dropped")).to_contain_text("ohne prüfbare Quelle wurden weggelassen")
    else:
        expect(result.get_by_test_id("drafts-dropped")).to_have_count(0)

    # a chip opens the Fundstelle panel on the cited span of the stored document
    chip = chips.first
    chip.click()
    panel = page.get_by_test_id("source-panel")
    expect(panel).to_be_visible()
    assert panel.get_attribute("data-doc-id") == doc_id
    mark = panel.get_by_test_id("source-highlight").first
    expect(mark).to_be_visible(timeout=UI_TIMEOUT_MS)
    assert (mark.text_content() or "").strip()
    expect(panel.get_by_test_id("source-panel-title")).not_to_be_empty()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(chip).to_be_focused()

    # downloads
    for test_id, media_type in (("drafts-download-docx", DOCX), ("drafts-download-md", "text/markdown")):
        href = result.get_by_test_id(test_id).get_attribute("href") or ""
        response = page.request.get(urljoin(page.url, href))
        assert response.status == 200, (test_id, response.text())
        assert response.headers["content-type"].startswith(media_type)
    docx = page.request.get(
        urljoin(page.url, result.get_by_test_id("drafts-download-docx").get_attribute("href") or "")
    )
    assert docx.body()[:2] == b"PK"

    assert no_horizontal_scrolling(page)

    # a reload finds the job again (sessionStorage) and shows the finished draft without a new run
    page.reload()
    expect(page.get_by_test_id("drafts-view")).to_be_visible()
    expect(page.get_by_test_id("drafts-result")).to_be_visible(timeout=UI_TIMEOUT_MS)
    assert page.get_by_test_id("drafts-result").get_attribute("data-job-id") == job_id
    expect(page.get_by_test_id("drafts-result").get_by_test_id("citation-chip").first).to_be_visible()

    assert log.errors == []
    assert log.external_requests == []


def test_draft_start_errors_are_shown(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    """Nothing chosen: a German hint, no request. A refused request: the server's German message."""
    page, log = browser_page
    page.goto(f"{live_server_url}/#entwuerfe")
    expect(page.get_by_test_id("drafts-template").locator("option").first).to_be_attached(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_test_id("drafts-doc-option").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.get_by_test_id("drafts-start").click()
    expect(page.get_by_test_id("drafts-form-status")).to_contain_text("mindestens ein Dokument")
    assert posts == []

    def refuse(route: Route) -> None:
        body = {"error": "keine_dokumente", "message": "Die Vorlage „x“ gibt es nicht."}
        route.fulfill(status=422, content_type="application/json", body=json.dumps(body))

    page.route("**/api/summaries", refuse)
    page.get_by_test_id("drafts-doc-checkbox").first.check()
    page.get_by_test_id("drafts-start").click()
    expect(page.get_by_test_id("drafts-form-status")).to_have_text("Die Vorlage „x“ gibt es nicht.")
    expect(page.get_by_test_id("drafts-job")).to_be_hidden()
    expect(page.get_by_test_id("drafts-start")).to_be_enabled()
    assert log.external_requests == []


def test_draft_upload_names_its_collection(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    """Files uploaded with a draft go into the collection chosen below them; a refusal (403) shows its message."""
    page, log = browser_page
    page.goto(f"{live_server_url}/#entwuerfe")
    expect(page.get_by_test_id("drafts-template").locator("option").first).to_be_attached(timeout=UI_TIMEOUT_MS)
    target = page.get_by_test_id("drafts-upload-collection")
    expect(target).to_have_value("allgemein", timeout=UI_TIMEOUT_MS)  # the test user may write only there
    expect(page.get_by_test_id("drafts-no-write")).to_be_hidden()
    posted: list[bytes] = []

    def refuse(route: Route) -> None:
        posted.append(route.request.post_data_buffer or b"")
        body = {"error": "kein_zugriff", "message": "Auf die Sammlung „allgemein“ haben Sie keinen Schreibzugriff."}
        route.fulfill(status=403, content_type="application/json", body=json.dumps(body))

    page.route(re.compile(r".*/api/summaries/uploads$"), refuse)
    page.get_by_test_id("drafts-files").set_input_files(
        [{"name": "vermerk.txt", "mimeType": "text/plain", "buffer": b"Vermerk zum Antrag."}]
    )
    page.get_by_test_id("drafts-start").click()
    status = page.get_by_test_id("drafts-form-status")
    expect(status).to_have_text("Auf die Sammlung „allgemein“ haben Sie keinen Schreibzugriff.")
    body = posted[0].decode("utf-8", "replace")
    assert re.search(r'name="collection"\r\n\r\nallgemein\r\n', body), body[:500]
    assert 'filename="vermerk.txt"' in body
    expect(page.get_by_test_id("drafts-job")).to_be_hidden()
    assert [e for e in log.errors if "status of 403" not in e] == []
    assert log.external_requests == []


def test_batch_view_loads_example_schema(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    page, log = browser_page
    page.goto(f"{live_server_url}/")
    page.get_by_test_id("nav-batch").click()
    expect(page.get_by_test_id("batch-view")).to_be_visible()
    expect(page.get_by_test_id("nav-batch")).to_have_attribute("aria-current", "page")

    examples = json.loads(page.request.get(f"{live_server_url}/api/batch/examples").text())
    assert examples, "no example field lists in data/schemas"
    select = page.get_by_test_id("batch-example-select")
    expect(select.locator("option")).to_have_count(len(examples), timeout=UI_TIMEOUT_MS)
    select.select_option(index=len(examples) - 1)
    page.get_by_test_id("batch-example-load").click()
    schema = page.get_by_test_id("batch-schema")
    expect(schema).to_have_value(examples[-1]["yaml"])
    expect(schema).to_be_focused()
    assert "felder:" in schema.input_value()

    # the format help and both pickers are there; the folder picker selects directories
    help_box = page.get_by_test_id("batch-help")
    help_box.locator("summary").click()
    for word in ("name", "frage", "typ", "optionen", "hinweis", "janein", "auswahl"):
        expect(help_box).to_contain_text(word)
    assert page.get_by_test_id("batch-folder-input").get_attribute("webkitdirectory") is not None
    assert page.get_by_test_id("batch-files-input").get_attribute("multiple") is not None
    assert no_horizontal_scrolling(page)
    assert log.errors == []
    assert log.external_requests == []


# --- the batch result table against canned API answers (no LLM) --------------------------------------------

SCHEMA = {
    "name": "Widerspruch",
    "beschreibung": "",
    "felder": [
        {"name": "bescheiddatum", "frage": "Datum des Bescheids?", "typ": "datum", "optionen": [], "hinweis": ""},
        {"name": "betrag", "frage": "Welcher Betrag?", "typ": "betrag", "optionen": [], "hinweis": ""},
        {"name": "aussetzung", "frage": "Aussetzung beantragt?", "typ": "janein", "optionen": [], "hinweis": ""},
    ],
}


def _citation(quote: str) -> dict[str, Any]:
    return {
        "number": 1,
        "passage_id": 1,
        "doc_id": "case-doc",
        "title": "Widerspruch Müller",
        "source": "fall-1/widerspruch.txt",
        "page": 2,
        "section": "",
        "quote": quote,
        "quote_start": 0,
        "quote_end": len(quote),
        "passage_start": 0,
        "passage_end": len(quote),
    }


def _batch_job(status: str, done: int, result: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": "job-42",
        "kind": "batch",
        "status": status,
        "done": done,
        "total": 2,
        "message": "Fall „fall-1“ ausgewertet" if done else "",
        "created_at": "2025-01-01T10:00:00+00:00",
        "updated_at": "2025-01-01T10:00:05+00:00",
        "seconds_left": 75.0 if status == "laeuft" else None,
        "cells_done": done * 3,
        "cells_total": 6,
        "result": result,
    }


RESULT = {
    "schema": SCHEMA,
    "created_at": "2025-01-01T10:01:00+00:00",
    "cases": [
        {
            "case": "fall-1",
            "documents": ["widerspruch.txt"],
            "status": "fertig",
            "error": "",
            "cells": [
                {
                    "field": "bescheiddatum",
                    "status": "gefunden",
                    "value": "2024-03-07",
                    "raw": "7. März 2024",
                    "citation": _citation("Bescheid vom 7. März 2024"),
                },
                {
                    "field": "betrag",
                    "status": "gefunden",
                    "value": 1234.5,
                    "raw": "1.234,50 EUR",
                    "citation": _citation("Gebühr von 1.234,50 EUR"),
                },
                {"field": "aussetzung", "status": "nicht_gefunden", "value": None, "raw": "", "citation": None},
            ],
        },
        {
            "case": "fall-2",
            "documents": ["kaputt.pdf"],
            "status": "fehler",
            "error": "„kaputt.pdf“ ist nicht lesbar.",
            "cells": [],
        },
    ],
}


def test_batch_run_shows_progress_and_results(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    page, log = browser_page
    posted: list[bytes] = []
    finished = {"now": False}  # the job "finishes" once the running state has been checked

    def start(route: Route) -> None:
        if route.request.method != "POST":
            route.fallback()
            return
        posted.append(route.request.post_data_buffer or b"")
        route.fulfill(status=202, content_type="application/json", body=json.dumps(_batch_job("wartend", 0)))

    def poll(route: Route) -> None:
        job = _batch_job("fertig", 2, RESULT) if finished["now"] else _batch_job("laeuft", 1)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(job))

    page.route(re.compile(r".*/api/batch/uploads$"), start)
    page.route(re.compile(r".*/api/batch/job-42$"), poll)
    page.goto(f"{live_server_url}/#auswertung")
    expect(page.get_by_test_id("batch-view")).to_be_visible()
    expect(page.get_by_test_id("batch-example-select").locator("option").first).to_be_attached(timeout=UI_TIMEOUT_MS)
    page.get_by_test_id("batch-example-load").click()
    files: list[FilePayload] = [
        {"name": "fall-1.txt", "mimeType": "text/plain", "buffer": "Widerspruch vom 7. März 2024".encode()},
        {"name": "fall-2.md", "mimeType": "text/markdown", "buffer": b"# Fall 2"},
        {"name": "bild.png", "mimeType": "image/png", "buffer": b"\x89PNG"},
    ]
    page.get_by_test_id("batch-files-input").set_input_files(files)
    chosen = page.get_by_test_id("batch-chosen")
    expect(chosen).to_contain_text("2 Fälle")
    expect(chosen).to_contain_text("bild.png")  # left out: format not supported
    page.get_by_test_id("batch-start").click()

    job = page.get_by_test_id("batch-job")
    expect(job).to_have_attribute("data-status", "laeuft", timeout=UI_TIMEOUT_MS)
    expect(page.get_by_test_id("batch-job-steps")).to_contain_text("Fälle 1 von 2")
    expect(page.get_by_test_id("batch-job-steps")).to_contain_text("Angaben 3 von 6")
    expect(page.get_by_test_id("batch-job-eta")).to_contain_text("Noch etwa 1 Min. 15 s")
    expect(page.get_by_test_id("batch-cancel")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('va.batchJob')") == "job-42"
    body = posted[0].decode("utf-8", "replace")
    assert 'filename="fall-1.txt"' in body and 'filename="fall-2.md"' in body and "bild.png" not in body
    assert 'name="schema"' in body and "felder:" in body

    finished["now"] = True
    expect(job).to_have_attribute("data-status", "fertig", timeout=UI_TIMEOUT_MS)
    expect(page.get_by_test_id("batch-cancel")).to_be_hidden()
    table = page.get_by_test_id("batch-table")
    expect(table).to_be_visible()
    rows = table.get_by_test_id("batch-row")
    expect(rows).to_have_count(2)
    first = rows.nth(0)
    values = first.get_by_test_id("batch-value")
    expect(values).to_have_count(2)
    expect(values.nth(0)).to_have_text("07.03.2024")
    expect(values.nth(1)).to_have_text(re.compile(r"^1\.234,50\s€$"))
    expect(first.get_by_test_id("batch-not-found")).to_have_text("nicht gefunden")
    assert first.get_by_test_id("batch-not-found").evaluate("n => getComputedStyle(n).fontStyle") == "italic"
    error = rows.nth(1).get_by_test_id("batch-row-error")
    expect(error).to_have_text("„kaputt.pdf“ ist nicht lesbar.")
    assert error.get_attribute("colspan") == "3"

    values.nth(1).click()
    detail = page.get_by_test_id("batch-detail")
    expect(detail).to_be_visible()
    expect(detail.get_by_test_id("batch-detail-quote")).to_have_text("Gebühr von 1.234,50 EUR")
    expect(detail.get_by_test_id("batch-detail-title")).to_have_text("Widerspruch Müller")
    expect(detail.get_by_test_id("batch-detail-page")).to_have_text("2")
    expect(page.get_by_test_id("source-panel")).to_be_hidden()  # case documents are not in the main index
    page.get_by_test_id("batch-detail-close").click()
    expect(detail).to_be_hidden()
    expect(values.nth(1)).to_be_focused()

    for suffix in ("xlsx", "csv", "jsonl"):
        href = page.get_by_test_id(f"batch-download-{suffix}").get_attribute("href") or ""
        assert href.endswith(f"api/batch/job-42/result.{suffix}")
    assert no_horizontal_scrolling(page)
    assert log.errors == []
    assert log.external_requests == []
