"""The views for the roles admin ("Verwaltung": accounts, collections, grants) and auditor ("Protokoll") in real
Chromium. Admins see "Verwaltung" besides the usual views; auditors see "Protokoll" and nothing else."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from assistant.access.accounts import OPERATOR
from testkit import TEST_PASSWORD
from tests.browser.conftest import SignIn, new_account

pytestmark = [pytest.mark.browser, pytest.mark.slow]

UI_TIMEOUT_MS = 30_000


@pytest.fixture
def collection_name(app_services: Any) -> Iterator[str]:
    """A fresh collection name; the collection the test creates under it is removed afterwards."""
    name = f"jugend-{secrets.token_hex(3)}"
    yield name
    if app_services.collections.exists(name):
        app_services.collections.delete(OPERATOR, name)


def test_admin_creates_a_user_and_a_collection_with_a_department_grant(
    sign_in: SignIn, app_services: Any, collection_name: str
) -> None:
    admin = new_account(app_services, department="Verwaltung", role="admin", prefix="admin")
    page, log = sign_in(admin)
    expect(page.get_by_test_id("nav-admin")).to_be_visible()
    expect(page.get_by_test_id("nav-audit")).to_be_hidden()
    expect(page.get_by_test_id("nav-chat")).to_be_visible()
    page.get_by_test_id("nav-admin").click()
    expect(page.get_by_test_id("admin-view")).to_be_visible()
    expect(page.get_by_test_id("chat-view")).to_be_hidden()
    own = page.get_by_test_id("admin-user-row").filter(has=page.locator(f'th:text-is("{admin}")'))
    expect(own).to_have_count(1, timeout=UI_TIMEOUT_MS)
    expect(own.get_by_test_id("admin-user-disable")).to_have_count(0)  # no admin locks themselves out

    # a new account in a new department (free text; known departments are suggested)
    tag = secrets.token_hex(3)
    user, department = f"jugend-{tag}", f"Jugendamt {tag}"
    expect(page.locator("#admin-departments-list option[value='Verwaltung']")).to_have_count(1)
    page.get_by_test_id("admin-user-name").fill(user)
    page.get_by_test_id("admin-user-display").fill("Jana Jugend")
    page.get_by_test_id("admin-user-department").fill(department)
    page.get_by_test_id("admin-user-role").select_option("user")
    page.get_by_test_id("admin-user-password").fill("kurz")
    page.get_by_test_id("admin-user-submit").click()
    expect(page.get_by_test_id("admin-user-status")).to_contain_text("mindestens 12 Zeichen")  # the server's message
    page.get_by_test_id("admin-user-password").fill(TEST_PASSWORD)
    page.get_by_test_id("admin-user-submit").click()
    expect(page.get_by_test_id("admin-user-status")).to_contain_text(f"„{user}“ wurde angelegt")
    row = page.get_by_test_id("admin-user-row").filter(has=page.locator(f'th:text-is("{user}")'))
    expect(row).to_have_count(1)
    expect(row).to_contain_text(department)
    expect(row).to_contain_text("Jana Jugend")
    expect(row.get_by_test_id("admin-user-state")).to_have_text("aktiv")
    account = next(a for a in app_services.accounts.users() if a.name == user)
    assert (account.department, account.role, account.disabled) == (department, "user", False)
    expect(page.get_by_test_id("admin-user-name")).to_have_value("")  # the form is empty again

    # a collection: a refused name shows the server's German message, then one with a department grant
    form = page.get_by_test_id("admin-collection-form")
    page.get_by_test_id("admin-collection-name").fill("Mit Leerzeichen")
    form.get_by_test_id("grant-subject").fill(department)
    page.get_by_test_id("admin-collection-submit").click()
    expect(page.get_by_test_id("admin-collection-status")).to_contain_text("Kleinbuchstaben, Ziffern, - und _")
    assert not app_services.collections.exists("Mit Leerzeichen")
    page.get_by_test_id("admin-collection-name").fill(collection_name)
    page.get_by_test_id("admin-collection-title").fill("Jugendhilfe")
    grant = form.get_by_test_id("grant-row")
    expect(grant).to_have_count(1)
    grant.get_by_test_id("grant-kind").select_option("department")
    grant.get_by_test_id("grant-subject").fill(department)
    grant.get_by_test_id("grant-permission").select_option("write")
    page.get_by_test_id("admin-collection-submit").click()
    expect(page.get_by_test_id("admin-collection-status")).to_contain_text("wurde angelegt")
    collection_row = page.get_by_test_id("admin-collection-row").filter(
        has=page.locator(f'th:text-is("{collection_name}")')
    )
    expect(collection_row).to_have_count(1)
    expect(collection_row).to_contain_text("Jugendhilfe")
    expect(collection_row.get_by_test_id("admin-collection-grants")).to_contain_text(
        f"Abteilung {department}: lesen und schreiben"
    )
    member = app_services.accounts.active(user)
    assert app_services.collections.scope(member, "write").allows(collection_name)

    # edit its grants: the creator's and the department's are listed; add one for the new user, save (PUT)
    collection_row.get_by_test_id("admin-collection-edit").click()
    editor = page.get_by_test_id("admin-grants-editor")
    expect(editor).to_be_visible()
    expect(editor.get_by_test_id("grant-row")).to_have_count(2)
    page.get_by_test_id("admin-grants-add").click()
    added = editor.get_by_test_id("grant-row").last
    added.get_by_test_id("grant-kind").select_option("user")
    added.get_by_test_id("grant-subject").fill("niemand-gibt-es")
    page.get_by_test_id("admin-grants-save").click()
    expect(page.get_by_test_id("admin-grants-status")).to_contain_text("Den Benutzer „niemand-gibt-es“ gibt es nicht.")
    added.get_by_test_id("grant-subject").fill(user)
    added.get_by_test_id("grant-permission").select_option("manage")
    # the department grant goes: only the new user (and the admin who created it) keep access
    editor.get_by_test_id("grant-row").filter(has=page.locator("option[value=department]:checked")).get_by_test_id(
        "grant-remove"
    ).click()
    expect(editor.get_by_test_id("grant-row")).to_have_count(2)
    page.get_by_test_id("admin-grants-save").click()
    expect(editor).to_be_hidden()
    grants_cell = collection_row.get_by_test_id("admin-collection-grants")
    expect(grants_cell).to_contain_text(f"Person {user}: verwalten")
    expect(grants_cell).not_to_contain_text("Abteilung")
    assert app_services.collections.scope(member, "manage").allows(collection_name)

    # lock the new account (after a confirmation)
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_test_id("admin-user-disable").click()
    expect(row.get_by_test_id("admin-user-state")).to_have_text("gesperrt")
    expect(row.get_by_test_id("admin-user-disable")).to_have_count(0)
    assert app_services.accounts.active(user) is None

    # the new collection is offered in the admin's own pickers too
    page.get_by_test_id("nav-chat").click()
    expect(
        page.get_by_test_id("chat-collections").locator(f'[data-collection="{collection_name}"]').first
    ).to_be_attached()
    # the only console errors are the three refusals provoked above (password, collection name, grant)
    assert [e for e in log.errors if "status of 422" not in e] == []
    assert len(log.errors) == 3
    assert log.external_requests == []


def test_auditor_sees_only_the_audit_trail(sign_in: SignIn, app_services: Any, live_server_url: str) -> None:
    auditor = new_account(app_services, department="Revision", role="auditor", prefix="revision")
    page, log = sign_in(auditor)
    expect(page.get_by_test_id("audit-view")).to_be_visible()
    expect(page.get_by_test_id("nav-audit")).to_be_visible()
    expect(page.get_by_test_id("nav-audit")).to_have_attribute("aria-current", "page")
    for view in ("chat", "docs", "drafts", "batch", "admin"):
        expect(page.get_by_test_id(f"nav-{view}")).to_be_hidden()
    for view in ("chat-view", "docs-view", "drafts-view", "batch-view", "admin-view"):
        expect(page.get_by_test_id(view)).to_be_hidden()

    # the newest events, the auditor's own sign-in among them
    rows = page.get_by_test_id("audit-row")
    expect(rows.first).to_be_visible(timeout=UI_TIMEOUT_MS)
    sign_in_row = page.locator(f'[data-testid=audit-row][data-actor="{auditor}"][data-action="anmeldung"]')
    expect(sign_in_row).to_have_count(1)
    expect(sign_in_row.get_by_test_id("audit-outcome")).to_have_text("erfolgreich")
    expect(sign_in_row.locator("td").first).not_to_be_empty()  # Zeit
    headers = page.get_by_test_id("audit-table").locator("thead th").all_inner_texts()
    assert headers == ["Zeit", "Person", "Aktion", "Ziel", "Ergebnis"]
    seqs = [int(r.get_attribute("data-seq") or "0") for r in rows.all()]
    assert seqs == sorted(seqs, reverse=True), "newest first"

    # reading the trail is itself recorded: "Neu laden" shows it
    page.get_by_test_id("audit-reload").click()
    expect(
        page.locator(f'[data-testid=audit-row][data-actor="{auditor}"][data-action="protokoll_eingesehen"]').first
    ).to_be_visible(timeout=UI_TIMEOUT_MS)

    # the other views cannot be reached by their address either
    page.goto(f"{live_server_url}/#dokumente")
    expect(page.get_by_test_id("audit-view")).to_be_visible()
    expect(page.get_by_test_id("docs-view")).to_be_hidden()
    expect(page.locator("#skip-link")).to_be_hidden()  # "Zur Frageeingabe springen": there is none
    assert log.errors == []
