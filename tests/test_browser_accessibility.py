"""WCAG 2.1 A/AA on every page, light and dark, English and Chinese: axe-core in Chromium.

Each page is opened as a user would reach it (the default page at "/", the others at their
path, with parameters that fill them), in a browser that prefers a light or a dark scheme.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from devtools.browser import wait_ready
from ui.pages import PAGES

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Streamlit's own sidebar page list puts <div>s in a <ul>: axe's list rules fire on markup
# the app does not write. Everything else on the page is checked.
NOT_OURS = [['[data-testid="stSidebarNav"]']]
FILLED = {  # parameters that make a page show its content, not an empty state
    "case": "case=uber-taxi",
    "compare": "compare=uber-taxi&compare=didi-uber-china",
    "present": "present=when-internet-plus-fails",
}


def _url(base: str, spec) -> str:
    path = "" if spec.default else spec.url_path
    query = FILLED.get(spec.key, "")
    return f"{base}/{path}" + (f"?{query}" if query else "")


def _violations(page) -> list[str]:
    result = Axe().run(
        page,
        context={"exclude": NOT_OURS},
        options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    )
    found = []
    for v in result.response["violations"]:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        found.append(f"{v['impact']}: {v['id']}: {v['help']} at {targets}")
    return found


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=request.param
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.key)
def test_every_page_meets_wcag_aa(scheme_page, server, spec):
    scheme_page.goto(_url(server.url, spec))
    wait_ready(scheme_page)
    assert _violations(scheme_page) == []


@pytest.mark.parametrize("key", ["overview", "explore", "case", "present"])
def test_pages_in_chinese_meet_wcag_aa(scheme_page, server, key):
    spec = next(s for s in PAGES if s.key == key)
    url = _url(server.url, spec)
    scheme_page.goto(url + ("&" if "?" in url else "?") + "lang=zh")
    wait_ready(scheme_page)
    assert scheme_page.locator("html").get_attribute("lang") in (None, "zh", "zh-CN", "en")
    assert _violations(scheme_page) == []
