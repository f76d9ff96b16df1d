"""A person signs in through real Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


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
