"""The sign-in form in real Chromium: without a session the page shows only the form; signing in shows the
views with the user's name and department; signing out shows the form again and the API refuses the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from testkit import TEST_PASSWORD, TEST_USER

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_sign_in_and_sign_out(chromium: Browser, live_server_url: str, live_auth: dict[str, str]) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")  # no API key
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server_url}/")

    expect(page.get_by_test_id("login-view")).to_be_visible()
    expect(page.get_by_test_id("chat-view")).to_be_hidden()
    page.get_by_test_id("login-username").fill(TEST_USER)
    page.get_by_test_id("login-password").fill("falsches-passwort")
    page.get_by_test_id("login-button").click()
    expect(page.get_by_test_id("login-status")).to_have_text("Benutzername oder Passwort ist falsch.")

    page.get_by_test_id("login-password").fill(TEST_PASSWORD)
    page.get_by_test_id("login-button").click()

    expect(page.get_by_test_id("chat-view")).to_be_visible()
    expect(page.get_by_test_id("account-name")).to_have_text(TEST_USER)
    expect(page.get_by_test_id("account-department")).to_have_text("Hauptamt")
    page.get_by_test_id("nav-docs").click()
    expect(page.get_by_test_id("document-row").first).to_be_visible()

    page.get_by_test_id("logout-button").click()

    expect(page.get_by_test_id("login-view")).to_be_visible()
    assert page.request.get(f"{live_server_url}/api/documents").status == 401
    assert not errors
    context.close()
