"""A person signs in through real Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

from tests.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is required in CI: apt-get install -y chromium")
    pytest.skip(
        "Chromium is not installed here (apt-get install -y chromium); browser test skipped"
    )


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def live_server_port(_world, django_db_blocker) -> Iterator[int]:
    """Serve the app on a free port. Data must be committed: the fixture world is."""
    require_chromium()
    with django_db_blocker.unblock():
        server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
        server.set_app(WSGIHandler())
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server.server_port
        finally:
            server.shutdown()
            server.server_close()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--host-resolver-rules=MAP *.kentro.localhost 127.0.0.1",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


def test_a_coordinator_signs_in_and_sees_their_centre(live_server_port, browser, _world):
    page = browser.new_page()
    page.goto(f"http://lamia.kentro.localhost:{live_server_port}/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=login]", "alice@example.gr")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"http://lamia.kentro.localhost:{live_server_port}/")
    assert "Κέντρο Κοινότητας Λαμίας" in page.content()
    # The same browser is a stranger on another municipality's host.
    page.goto(f"http://larissa.kentro.localhost:{live_server_port}/")
    assert "/accounts/login/" in page.url
