"""Keyboard only (WCAG 2.1.1, 2.4.7): the main actions are reached with Tab and Enter, the
focus shows where it is, and the slide keys leave a text field's typing alone."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest

from devtools.browser import assert_clean, wait_ready, watch

pytestmark = pytest.mark.browser

IS_FOCUSED = "e => e === document.activeElement || e.contains(document.activeElement)"
FOCUS_SHOWN = """() => {
  const style = getComputedStyle(document.activeElement);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return ring || (style.boxShadow !== 'none' && style.boxShadow !== '');
}"""


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def tab_to(page, target, limit: int = 150) -> None:
    """Press Tab until `target` has the focus, as a keyboard user does; fail if it never
    does. The focus must show on every step of the way that lands on the target."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate(IS_FOCUSED):
            assert page.evaluate(FOCUS_SHOWN), "the focus does not show"
            return
    raise AssertionError(f"Tab never reached {target}")


def test_explore_filter_open_and_export_with_tab_and_enter(page, server, curated):
    _, table = curated
    seen = watch(page)
    page.goto(f"{server.url}/explore")
    wait_ready(page)

    # a filter: type into the Industry field and press Enter on the match
    industry = page.get_by_role("combobox", name="Industry")
    tab_to(page, industry)
    page.keyboard.type("Finance & pay")
    page.get_by_role("option").filter(has_text="Finance & payments").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: query_of(url).get("industry") == ["finance"])
    page.keyboard.press("Escape")
    wait_ready(page)

    # an export: open the menu with Enter, reach the CSV download, press Enter
    export = page.get_by_test_id("stPopoverButton").filter(has_text="Export")
    tab_to(page, export)
    page.keyboard.press("Enter")
    download = page.get_by_test_id("stDownloadButton").filter(has_text="CSV table")
    download.wait_for()
    tab_to(page, download.locator("button"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_text(encoding="utf-8"))))
    finance = set(table.loc[table["industry"] == "finance", "id"])
    assert rows and {r["id"] for r in rows} == finance
    page.keyboard.press("Escape")

    # a case's link: Enter opens that case's page
    link = page.get_by_test_id("stMain").get_by_test_id("stPageLink-NavLink").first
    case_id = query_of(link.get_attribute("href"))["case"][0]
    assert case_id in finance
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/case"))
    wait_ready(page)
    assert query_of(page.url)["case"] == [case_id]
    assert_clean(page, seen)


def test_present_keys_act_but_not_while_typing_in_a_text_field(page, server):
    page.goto(f"{server.url}/present?present=when-internet-plus-fails&slide=2")
    wait_ready(page)
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda url: query_of(url).get("slide") == ["3"])
    wait_ready(page)
    page.keyboard.press("Home")
    page.wait_for_url(lambda url: "slide" not in query_of(url))  # the first: no parameter
    wait_ready(page)

    # The Present page has no text field of its own: give it one, as a browser extension
    # or a future widget might, and type in it.
    page.evaluate(
        """() => { const field = document.createElement('input');
           field.id = 'typing'; field.setAttribute('aria-label', 'typing');
           document.querySelector('[data-testid="stMain"]').prepend(field); }"""
    )
    field = page.locator("#typing")
    field.focus()
    for key in ("ArrowRight", "End", "ArrowLeft", "Home", "f", "F"):
        page.keyboard.press(key)
    page.keyboard.type("first")
    page.wait_for_timeout(600)
    wait_ready(page)
    assert "slide" not in query_of(page.url)  # still the first slide
    assert field.input_value() == "fFfirst"  # F was typed, not taken for fullscreen
    assert page.evaluate("() => document.fullscreenElement") is None
    field.blur()  # out of the field, the keys act again
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda url: query_of(url).get("slide") == ["2"])


def test_case_arrow_keys_do_not_step_while_typing_in_the_search(page, server):
    page.goto(f"{server.url}/case?case=uber-taxi")
    wait_ready(page)
    search = page.get_by_test_id("stSidebar").get_by_role("textbox", name="Search")
    search.focus()
    page.keyboard.type("taxi")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(600)
    assert query_of(page.url)["case"] == ["uber-taxi"]
    assert search.input_value() == "taxi"
