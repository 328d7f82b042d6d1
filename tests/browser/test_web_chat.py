"""The clerk's web chat (assistant/web) in headless Chromium against the running server.

Needs the ``live_server_url`` fixture (tests/conftest.py: the real app with the sample documents from
data/samples ingested and the real local models) and Debian's Chromium at /usr/bin/chromium
(scripts/install-system-packages.sh). Selectors are the data-testid attributes listed at the top of
assistant/web/app.js.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PageLog

pytestmark = pytest.mark.browser

QUESTION = "Wie hoch ist die Gebühr für einen Kindergartenplatz?"
ANSWER_TIMEOUT_MS = 180_000  # the local LLM runs on 2 CPU cores
UI_TIMEOUT_MS = 30_000


def test_question_answer_with_fundstelle(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    page, log = browser_page
    page.goto(f"{live_server_url}/")
    question = page.get_by_test_id("question-input")
    expect(question).to_be_focused()
    question.fill(QUESTION)
    question.press("Enter")

    expect(page.get_by_test_id("user-message").last).to_contain_text(QUESTION)
    answer = page.get_by_test_id("answer").last
    expect(answer).to_have_attribute("data-state", re.compile(r"^(done|error)$"), timeout=ANSWER_TIMEOUT_MS)
    assert answer.get_attribute("data-state") == "done", answer.inner_text()
    assert answer.get_attribute("data-status") in ("beantwortet", "unsicher", "nicht_geregelt", "nichts_gefunden")
    expect(question).to_be_enabled()

    sources = answer.get_by_test_id("source-item")
    assert sources.count() >= 1, answer.inner_text()
    assert "Kinder" in answer.get_by_test_id("sources-list").inner_text(), (
        "the sample ordinance is not among the sources"
    )
    # chips are only rendered for verified citations, and each one points to a listed source
    source_numbers = {item.get_attribute("data-number") for item in sources.all()}
    for chip in answer.get_by_test_id("citation-chip").all():
        assert re.fullmatch(r"\d+", chip.inner_text().strip())
        assert chip.get_attribute("data-number") in source_numbers

    chips = answer.get_by_test_id("citation-chip")
    target = chips.first if chips.count() else sources.first
    target.click()

    panel = page.get_by_test_id("source-panel")
    expect(panel).to_be_visible()
    mark = panel.get_by_test_id("source-highlight").first
    expect(mark).to_be_visible(timeout=UI_TIMEOUT_MS)
    marked = mark.text_content() or ""
    assert marked.strip(), "the highlighted span is empty"
    page_text_node = panel.get_by_test_id("source-panel-page-text").filter(has=page.locator("mark")).first
    assert marked in (page_text_node.text_content() or "")

    # the highlighted text really is on that page of the stored document
    doc_id = panel.get_attribute("data-doc-id")
    page_number = int(page_text_node.get_attribute("data-page") or "0")
    response = page.request.get(f"{live_server_url}/api/documents/{doc_id}")
    assert response.ok, response.text()
    pages = {p["number"]: p["text"] for p in json.loads(response.text())["page_texts"]}
    assert marked in pages[page_number]
    expect(panel.get_by_test_id("source-panel-title")).not_to_be_empty()

    # keyboard: Esc closes the panel and gives the focus back to the chip/source
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(target).to_be_focused()

    # laptop screen: no horizontal scrolling
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert log.errors == []
    assert log.external_requests == []


def test_documents_view_lists_documents(browser_page: tuple[Page, PageLog], live_server_url: str) -> None:
    page, log = browser_page
    page.goto(f"{live_server_url}/")
    page.get_by_test_id("nav-docs").click()
    expect(page.get_by_test_id("docs-view")).to_be_visible()
    rows = page.get_by_test_id("document-row")
    expect(rows.first).to_be_visible(timeout=UI_TIMEOUT_MS)
    assert rows.count() >= 1
    assert (rows.first.locator("th").text_content() or "").strip()
    expect(rows.first.get_by_test_id("document-delete")).to_be_visible()
    expect(page.get_by_test_id("health-status")).to_contain_text("Dokument", timeout=UI_TIMEOUT_MS)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert log.errors == []


def test_the_deciding_table_row_is_shown_and_highlighted_in_the_fundstelle_panel(
    browser_page: tuple[Page, PageLog], live_server_url: str
) -> None:
    page, _ = browser_page
    page.goto(f"{live_server_url}/")
    question = page.get_by_test_id("question-input")
    question.fill("Was kostet ein Platz im Kindergarten VÖ für eine Familie mit zwei Kindern?")
    question.press("Enter")

    answer = page.get_by_test_id("answer").last
    evidence = answer.get_by_test_id("evidence")
    # the deciding unit is known before generation: it is on screen while the model still writes
    expect(evidence).to_be_visible(timeout=UI_TIMEOUT_MS)
    unit = evidence.get_by_test_id("evidence-text").inner_text()
    assert "125,00 €" in unit and "zwei Kindern" in unit
    assert evidence.get_attribute("data-kind") == "tabellenzeile"
    expect(answer).to_have_attribute("data-state", re.compile(r"^(done|error)$"), timeout=ANSWER_TIMEOUT_MS)

    evidence.get_by_test_id("evidence-open").click()
    panel = page.get_by_test_id("source-panel")
    expect(panel).to_be_visible()
    mark = panel.get_by_test_id("source-highlight").first
    expect(mark).to_be_visible(timeout=UI_TIMEOUT_MS)
    marked = mark.text_content() or ""
    assert "zwei Kindern unter 18 Jahren" in marked and "125,00 €" in marked, marked
    assert "165,00 €" not in marked, "only the deciding row is highlighted, not the whole table"
