"""Real-browser tests: Debian's Chromium through Playwright against a live server."""

import pytest

from tests.browser_helpers import exceptions_on, wait_ready, watch

pytestmark = pytest.mark.browser

PAGES = [("", "Cases"), ("data-health", "Data health")]


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_renders_offline_without_errors(page, server, path, heading):
    seen = watch(page)
    page.goto(f"{server.url}/{path}")
    wait_ready(page)
    assert page.get_by_role("heading", name=heading).first.is_visible()
    assert exceptions_on(page) == []
    assert seen.page_errors == []
    assert seen.external == [], "the app must work in an offline meeting room"
