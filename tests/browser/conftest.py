"""Headless Chromium for the web page tests: Debian's /usr/bin/chromium driven by Playwright, one laptop-sized
page per test that records script errors and every request leaving loopback; ``sign_in`` opens pages of other
users, signed in through the form (``new_account`` creates them)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from testkit import TEST_PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL = re.compile(r"^(https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]|data:|blob:|about:)")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} fehlt: scripts/install-system-packages.sh installiert Chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageLog:
    errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


def watch(page: Page) -> PageLog:
    """Record the page's script errors and its requests leaving loopback."""
    log = PageLog()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.errors.append(message.text)

    def on_request(request: Request) -> None:
        if not LOCAL.match(request.url):
            log.external_requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("request", on_request)
    return log


@pytest.fixture
def browser_page(chromium: Browser, live_auth: dict[str, str]) -> Iterator[tuple[Page, PageLog]]:
    """A fresh laptop-sized page (1366×768), signed in by the test user's API key, that records script errors
    and requests leaving loopback. (The sign-in form itself: test_web_login.py.)"""
    context = chromium.new_context(
        viewport={"width": 1366, "height": 768}, locale="de-DE", extra_http_headers=live_auth
    )
    page = context.new_page()
    log = watch(page)
    yield page, log
    context.close()


def new_account(services: Any, *, department: str, role: str = "user", prefix: str = "person") -> str:
    """A new local account with ``TEST_PASSWORD`` and a name of its own (the server is shared by the session)."""
    name = f"{prefix}-{secrets.token_hex(4)}"
    services.accounts.add_user(
        name, department=department, role=role, password=TEST_PASSWORD, display_name=f"{prefix.title()} {name[-4:]}"
    )
    return name


SignIn = Callable[[str], tuple[Page, PageLog]]


@pytest.fixture
def sign_in(chromium: Browser, live_server_url: str) -> Iterator[SignIn]:
    """sign_in(name): a fresh page of its own (no API key), signed in as ``name`` through the sign-in form."""
    contexts = []

    def open_as(name: str) -> tuple[Page, PageLog]:
        context = chromium.new_context(viewport={"width": 1366, "height": 768}, locale="de-DE")
        contexts.append(context)
        page = context.new_page()
        log = watch(page)
        page.goto(f"{live_server_url}/")
        page.get_by_test_id("login-username").fill(name)
        page.get_by_test_id("login-password").fill(TEST_PASSWORD)
        page.get_by_test_id("login-button").click()
        expect(page.get_by_test_id("account")).to_be_visible()
        log.errors.clear()  # the 401 of /api/auth/me before signing in is how the page learns it must ask
        return page, log

    yield open_as
    for context in contexts:
        context.close()
