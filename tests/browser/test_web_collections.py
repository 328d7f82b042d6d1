"""Collections in real Chromium: a user uploads into the collection of their department (the upload form names
it), the documents table shows the collection, the pickers in "Recherche" and "Entwürfe" narrow to the chosen
collections and "Auswertung" analyses the documents of the chosen ones; a user of another department sees
neither that collection nor its document, and without write permission the upload form says so and stays
disabled."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from assistant.access.accounts import OPERATOR
from assistant.access.collections import Grant
from ingest.errors import IndexMissingError
from ingest.types import DEFAULT_COLLECTION, Scope
from tests.browser.conftest import SignIn, new_account

pytestmark = [pytest.mark.browser, pytest.mark.slow]

UI_TIMEOUT_MS = 30_000
UPLOAD_TIMEOUT_MS = 120_000  # ingest with the real embedder on 2 CPU cores
CANNED_ANSWER = (
    'event: citations\ndata: {"answer": "Keine Angabe.", "status": "nichts_gefunden", "citations": []}\n\n'
    'event: done\ndata: {"seconds_total": 0.1, "seconds_to_first_token": null}\n\n'
)


@pytest.fixture
def department_collection(app_services: Any) -> Iterator[dict[str, str]]:
    """A department with one member and a collection only that department may read and write (removed with its
    documents afterwards: the server is shared by the test session)."""
    tag = secrets.token_hex(3)
    department = f"Bauamt {tag}"
    member = new_account(app_services, department=department, prefix="bau")
    name = f"bau-{tag}"
    app_services.collections.create(OPERATOR, name, f"Bauakten {tag}", [Grant("write", department=department)])
    yield {"department": department, "member": member, "name": name, "title": f"Bauakten {tag}"}
    try:
        doc_ids = [d.doc_id for d in app_services.index.store.documents(Scope.of(name))]
    except IndexMissingError:
        doc_ids = []
    if doc_ids:
        app_services.ingestor.delete(doc_ids)
    app_services.collections.delete(OPERATOR, name)


def picker_names(page: Page, picker: str) -> list[str]:
    options = page.get_by_test_id(picker).get_by_test_id("collection-option")
    return [option.get_attribute("data-collection") or "" for option in options.all()]


def answer_with_canned_stream(page: Page, bodies: list[dict[str, Any]]) -> None:
    """Record what the page sends to /api/chat and answer without the LLM."""

    def fulfil(route: Route) -> None:
        bodies.append(json.loads(route.request.post_data or "{}"))
        route.fulfill(status=200, content_type="text/event-stream", body=CANNED_ANSWER)

    page.route(re.compile(r".*/api/chat$"), fulfil)


def test_collections_separate_departments(
    sign_in: SignIn, app_services: Any, live_server_url: str, department_collection: dict[str, str]
) -> None:
    collection, title = department_collection["name"], department_collection["title"]
    doc_title = f"Baugenehmigung {collection}"

    # --- a member of the department uploads into its collection (the only one they may write) ---------------
    page, log = sign_in(department_collection["member"])
    page.get_by_test_id("nav-docs").click()
    select = page.get_by_test_id("upload-collection")
    expect(select.locator("option")).to_have_count(1, timeout=UI_TIMEOUT_MS)
    expect(select).to_have_value(collection)
    expect(page.get_by_test_id("upload-no-write")).to_be_hidden()
    page.get_by_test_id("upload-input").set_input_files(
        {
            "name": f"{collection}.md",
            "mimeType": "text/markdown",
            "buffer": f"# {doc_title}\n\nDie Genehmigung für den Carport in der Gartenstraße 4 ist erteilt.\n".encode(),
        }
    )
    page.get_by_test_id("upload-button").click()
    expect(page.get_by_test_id("upload-result")).to_have_attribute("data-result", "ingested", timeout=UPLOAD_TIMEOUT_MS)
    stored = app_services.index.store.documents(Scope.of(collection))
    assert [d.title for d in stored] == [doc_title]  # the form named the collection
    row = page.get_by_test_id("document-row").filter(has_text=doc_title)
    expect(row).to_have_count(1, timeout=UI_TIMEOUT_MS)
    expect(row.get_by_test_id("document-collection")).to_have_text(title)
    expect(row.get_by_test_id("document-delete")).to_be_visible()  # write permission
    sample = page.get_by_test_id("document-row").filter(has=page.locator(f'[data-collection="{DEFAULT_COLLECTION}"]'))
    assert sample.count() >= 1, "the samples (readable by everyone) are listed too"
    expect(sample.first.get_by_test_id("document-delete")).to_have_count(0)  # read only for this user

    # "Recherche": both collections; the question names the chosen ones only when not all are chosen
    page.get_by_test_id("nav-chat").click()
    picker = page.get_by_test_id("chat-collections")
    assert sorted(picker_names(page, "chat-collections")) == sorted([DEFAULT_COLLECTION, collection])
    expect(page.get_by_test_id("chat-collections-summary")).to_have_text("Sammlungen: alle (2)")
    bodies: list[dict[str, Any]] = []
    answer_with_canned_stream(page, bodies)
    question = page.get_by_test_id("question-input")
    question.fill("Ist der Carport genehmigt?")
    question.press("Enter")
    expect(page.get_by_test_id("answer").last).to_have_attribute("data-state", "done", timeout=UI_TIMEOUT_MS)
    assert "collections" not in bodies[-1]

    page.get_by_test_id("chat-collections-summary").click()
    picker.locator(f'[data-testid=collection-checkbox][data-collection="{DEFAULT_COLLECTION}"]').uncheck()
    expect(page.get_by_test_id("chat-collections-summary")).to_have_text(f"Sammlung: {title}")
    question.fill("Und die Gebühr?")
    question.press("Enter")
    expect(page.get_by_test_id("answer")).to_have_count(2)
    expect(page.get_by_test_id("answer").last).to_have_attribute("data-state", "done", timeout=UI_TIMEOUT_MS)
    assert bodies[-1]["collections"] == [collection]
    assert bodies[-1]["conversation_id"] == bodies[0]["conversation_id"]  # still the same conversation

    # nothing chosen: a German hint, no request
    picker.locator(f'[data-testid=collection-checkbox][data-collection="{collection}"]').uncheck()
    question.fill("Noch eine Frage?")
    question.press("Enter")
    expect(page.get_by_test_id("composer-status")).to_contain_text("mindestens eine Sammlung")
    assert len(bodies) == 2
    page.get_by_test_id("chat-collections-all").click()
    expect(page.get_by_test_id("chat-collections-summary")).to_have_text("Sammlungen: alle (2)")

    # "Entwürfe": the document list follows the picker of that view
    page.get_by_test_id("nav-drafts").click()
    options = page.get_by_test_id("drafts-doc-option")
    expect(options.filter(has_text=doc_title)).to_have_count(1, timeout=UI_TIMEOUT_MS)
    all_count = options.count()
    assert all_count >= 2
    expect(page.get_by_test_id("drafts-upload-collection")).to_have_value(collection)
    page.get_by_test_id("drafts-collections-summary").click()
    drafts_picker = page.get_by_test_id("drafts-collections")
    drafts_picker.locator(f'[data-testid=collection-checkbox][data-collection="{DEFAULT_COLLECTION}"]').uncheck()
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text(doc_title)
    drafts_picker.locator(f'[data-testid=collection-checkbox][data-collection="{collection}"]').uncheck()
    expect(options).to_have_count(0)
    expect(page.get_by_test_id("drafts-docs-status")).to_contain_text("Keine Sammlung ausgewählt")
    page.get_by_test_id("drafts-collections-all").click()
    expect(options).to_have_count(all_count)

    # "Auswertung": the documents of the chosen collections are the cases (one per document here)
    page.get_by_test_id("nav-batch").click()
    page.get_by_test_id("batch-schema").fill("name: Carports\nfelder:\n  - name: ort\n    frage: Wo steht der Carport?")
    page.get_by_test_id("batch-source-index").check()
    expect(page.get_by_test_id("batch-upload-source")).to_be_hidden()
    expect(page.get_by_test_id("batch-index-chosen")).to_contain_text("Fälle mit", timeout=UI_TIMEOUT_MS)
    page.get_by_test_id("batch-collections-summary").click()
    page.get_by_test_id("batch-collections").locator(
        f'[data-testid=collection-checkbox][data-collection="{DEFAULT_COLLECTION}"]'
    ).uncheck()
    expect(page.get_by_test_id("batch-index-chosen")).to_have_text(f"1 Fall mit 1 Dokument: {collection}.")
    with page.expect_request(re.compile(r".*/api/batch$")) as submitted:
        page.get_by_test_id("batch-start").click()
    assert submitted.value.post_data_json["cases"] == [{"name": collection, "doc_ids": [stored[0].doc_id]}]
    expect(page.get_by_test_id("batch-job")).to_have_attribute("data-status", "fertig", timeout=UPLOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("batch-row")).to_have_attribute("data-case", collection)
    expect(page.get_by_test_id("batch-row")).to_have_attribute("data-status", "fertig")
    assert log.errors == []

    # --- a user of another department: neither the collection nor its document, and no upload --------------
    other, other_log = sign_in(
        new_account(app_services, department=f"Ordnungsamt {secrets.token_hex(3)}", prefix="ordnung")
    )
    expect(other.get_by_test_id("chat-collections").get_by_test_id("collection-option")).to_have_count(
        1, timeout=UI_TIMEOUT_MS
    )
    assert picker_names(other, "chat-collections") == [DEFAULT_COLLECTION]
    expect(other.get_by_test_id("chat-collections-summary")).to_have_text("Sammlung: Allgemein (allgemein)")
    other.get_by_test_id("nav-docs").click()
    expect(other.get_by_test_id("document-row").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(other.get_by_test_id("document-row").filter(has_text=doc_title)).to_have_count(0)
    assert other.locator(f'[data-testid=document-collection][data-collection="{collection}"]').count() == 0
    expect(other.get_by_test_id("upload-no-write")).to_be_visible()
    expect(other.get_by_test_id("upload-no-write")).to_contain_text("Sie haben in keiner Sammlung Schreibrecht")
    expect(other.get_by_test_id("upload-button")).to_be_disabled()
    expect(other.get_by_test_id("upload-input")).to_be_disabled()
    other.get_by_test_id("nav-drafts").click()
    expect(other.get_by_test_id("drafts-doc-option").first).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(other.get_by_test_id("drafts-doc-option").filter(has_text=doc_title)).to_have_count(0)
    expect(other.get_by_test_id("drafts-no-write")).to_be_visible()
    expect(other.get_by_test_id("drafts-files")).to_be_disabled()
    titles = [d["title"] for d in json.loads(other.request.get(f"{live_server_url}/api/documents").text())]
    assert titles and doc_title not in titles
    assert other_log.errors == []
