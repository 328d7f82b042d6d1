"""The chat history on the server in real Chromium: a signed-in user's question lands in the "Verlauf" list, a
reload keeps it, a click reopens it with the stored answer and its Fundstellen, and it can be renamed and deleted.
An answer whose source the user may no longer read is shown as a muted notice."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from assistant.shared.citations import Citation
from tests.browser.conftest import SignIn, new_account

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUESTION = "Wie hoch ist die Gebühr für einen Kindergartenplatz?"
ANSWER_TIMEOUT_MS = 180_000  # the local LLM runs on 2 CPU cores
UI_TIMEOUT_MS = 30_000


def conversations(page: Page, live_server_url: str) -> list[dict[str, Any]]:
    response = page.request.get(f"{live_server_url}/api/conversations")
    assert response.ok, response.text()
    return list(json.loads(response.text()))


def test_question_is_kept_reopened_renamed_and_deleted(
    sign_in: SignIn, live_server_url: str, app_services: Any
) -> None:
    page, log = sign_in(new_account(app_services, department="Hauptamt", prefix="verlauf"))
    expect(page.get_by_test_id("history-empty")).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_test_id("history-item")).to_have_count(0)
    expect(page.get_by_test_id("nav-admin")).to_be_hidden()  # not an admin
    expect(page.get_by_test_id("nav-audit")).to_be_hidden()

    chat_bodies: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda r: (
            chat_bodies.append(json.loads(r.post_data or "{}"))
            if r.method == "POST" and r.url.endswith("/api/chat")
            else None
        ),
    )
    question = page.get_by_test_id("question-input")
    question.fill(QUESTION)
    question.press("Enter")

    # the conversation is created with the question and listed at once, marked as the one shown
    item = page.get_by_test_id("history-item")
    expect(item).to_have_count(1, timeout=UI_TIMEOUT_MS)
    expect(item.get_by_test_id("history-title")).to_have_text(QUESTION)
    expect(item.get_by_test_id("history-open")).to_have_attribute("aria-current", "true")

    answer = page.get_by_test_id("answer").last
    expect(answer).to_have_attribute("data-state", re.compile(r"^(done|error)$"), timeout=ANSWER_TIMEOUT_MS)
    assert answer.get_attribute("data-state") == "done", answer.inner_text()
    answer_text = answer.get_by_test_id("answer-text").inner_text().strip()
    assert answer_text
    chips_before = answer.get_by_test_id("citation-chip").count()

    # the question went with its conversation (all collections chosen: no "collections"), the server kept the turn
    stored = conversations(page, live_server_url)
    assert len(stored) == 1
    conversation_id = stored[0]["id"]
    assert chat_bodies and chat_bodies[0]["conversation_id"] == conversation_id
    assert "collections" not in chat_bodies[0] and "history" not in chat_bodies[0]
    expect(item).to_contain_text("1 Frage", timeout=UI_TIMEOUT_MS)
    detail = json.loads(page.request.get(f"{live_server_url}/api/conversations/{conversation_id}").text())
    assert [turn["question"] for turn in detail["history"]] == [QUESTION]

    # after a reload the log is empty, the list still holds the conversation; a click shows the stored answer
    page.reload()
    expect(page.get_by_test_id("intro")).to_be_visible()
    expect(page.get_by_test_id("user-message")).to_have_count(0)
    item = page.get_by_test_id("history-item").filter(has_text=QUESTION)
    expect(item).to_have_count(1, timeout=UI_TIMEOUT_MS)
    expect(item.get_by_test_id("history-open")).not_to_have_attribute("aria-current", "true")
    item.get_by_test_id("history-open").click()

    expect(page.get_by_test_id("user-message")).to_have_count(1)
    expect(page.get_by_test_id("user-message")).to_contain_text(QUESTION)
    reopened = page.get_by_test_id("answer")
    expect(reopened).to_have_count(1)
    expect(reopened).to_have_attribute("data-stored", "true")
    expect(reopened).to_have_attribute("data-state", "done")
    expect(reopened.get_by_test_id("answer-text")).to_have_text(answer_text)
    expect(reopened.get_by_test_id("answer-meta")).to_contain_text("Gefragt am")
    expect(item.get_by_test_id("history-open")).to_have_attribute("aria-current", "true")
    chips = reopened.get_by_test_id("citation-chip")
    expect(chips).to_have_count(chips_before)
    if chips_before:
        assert reopened.get_by_test_id("source-item").count() >= 1
        chips.first.click()  # the stored citation still opens its Fundstelle
        panel = page.get_by_test_id("source-panel")
        expect(panel).to_be_visible()
        expect(panel.get_by_test_id("source-highlight").first).to_be_visible(timeout=UI_TIMEOUT_MS)
        page.keyboard.press("Escape")
        expect(panel).to_be_hidden()

    # rename in place: Enter saves; the server has the new title, a reload still shows it
    item.get_by_test_id("history-rename").click()
    title_input = page.get_by_test_id("history-rename-input")
    expect(title_input).to_be_focused()
    expect(title_input).to_have_value(QUESTION)
    title_input.fill("Kita-Gebühren")
    title_input.press("Enter")
    expect(page.get_by_test_id("history-title")).to_have_text(["Kita-Gebühren"])
    expect(page.get_by_test_id("history-rename-input")).to_have_count(0)
    assert conversations(page, live_server_url)[0]["title"] == "Kita-Gebühren"
    page.reload()
    expect(page.get_by_test_id("history-title")).to_have_text(["Kita-Gebühren"], timeout=UI_TIMEOUT_MS)

    # delete after a confirmation (dismissed first: nothing happens)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_test_id("history-delete").click()
    expect(page.get_by_test_id("history-item")).to_have_count(1)
    page.get_by_test_id("history-open").click()
    expect(page.get_by_test_id("user-message")).to_have_count(1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("history-delete").click()
    expect(page.get_by_test_id("history-item")).to_have_count(0)
    expect(page.get_by_test_id("history-status")).to_contain_text("wurde gelöscht")
    expect(page.get_by_test_id("history-empty")).to_be_visible()
    expect(page.get_by_test_id("user-message")).to_have_count(0)  # it was the one shown: the log is empty
    assert conversations(page, live_server_url) == []
    assert log.errors == []
    assert log.external_requests == []


def test_a_withheld_answer_is_shown_as_a_notice(sign_in: SignIn, app_services: Any) -> None:
    """A stored answer that cites a document the user cannot read (any more) is not shown, only a notice."""
    name = new_account(app_services, department="Hauptamt", prefix="verlauf")
    principal = app_services.accounts.active(name)
    history = app_services.history
    conversation = history.create(principal, "Altes Gespräch")
    hidden = Citation(
        number=1,
        passage_id=1,
        doc_id="nicht-lesbar",
        title="Vertraulich",
        source="geheim.pdf",
        page=1,
        section="",
        quote="Geheimer Satz.",
        quote_start=0,
        quote_end=14,
        passage_start=0,
        passage_end=14,
    )
    history.append(
        principal, conversation.id, "Was steht im Vermerk?", "Der Vermerk sagt [1].", "beantwortet", [hidden]
    )

    page, log = sign_in(name)
    page.get_by_test_id("history-item").filter(has_text="Altes Gespräch").get_by_test_id("history-open").click()
    answer = page.get_by_test_id("answer")
    expect(answer).to_have_attribute("data-status", "zurueckgehalten")
    notice = answer.get_by_test_id("answer-withheld")
    expect(notice).to_contain_text("nicht mehr lesen dürfen")
    assert notice.evaluate("n => getComputedStyle(n).color") != notice.evaluate(
        "n => getComputedStyle(n.closest('article')).color"
    ), "the notice is muted"
    expect(answer).not_to_contain_text("Der Vermerk sagt")
    expect(answer.get_by_test_id("citation-chip")).to_have_count(0)
    expect(answer.get_by_test_id("source-item")).to_have_count(0)
    assert log.errors == []
