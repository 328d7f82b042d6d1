"""Headless Chromium for the web page tests: Debian's /usr/bin/chromium driven by Playwright, one laptop-sized
page per test that records script errors and every request leaving loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

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


@pytest.fixture
def browser_page(chromium: Browser, live_auth: dict[str, str]) -> Iterator[tuple[Page, PageLog]]:
    """A fresh laptop-sized page (1366×768), signed in by the test user's API key, that records script errors
    and requests leaving loopback. (The sign-in form itself: test_web_login.py.)"""
    context = chromium.new_context(
        viewport={"width": 1366, "height": 768}, locale="de-DE", extra_http_headers=live_auth
    )
    page = context.new_page()
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
    yield page, log
    context.close()
