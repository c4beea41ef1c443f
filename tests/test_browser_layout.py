"""Layout at the widths people use (390, 1024, 1280 and 1920 px): where controls sit, and
that what a page shows fits or scrolls on purpose, measured in Chromium."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from devtools.browser import assert_clean, wait_ready, watch

pytestmark = pytest.mark.browser

WIDTHS = [390, 1024, 1280, 1920]


def box(locator) -> dict:
    locator.scroll_into_view_if_needed()
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not drawn"
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_explore_pager_has_previous_on_the_left_and_next_on_the_right(page, server, width):
    seen = watch(page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server.url}/explore?p=2")
    wait_ready(page)
    pager = page.get_by_test_id("stPagination")
    prev, nxt = pager.get_by_test_id("stPaginationPrev"), pager.get_by_test_id("stPaginationNext")
    numbers = pager.locator('[data-testid^="stPaginationPage"]')
    first, last = box(numbers.first), box(numbers.last)
    left, right = box(prev), box(nxt)
    assert left["x"] + left["width"] <= first["x"]  # Previous before every page number
    assert last["x"] + last["width"] <= right["x"]  # Next after every page number
    assert abs(left["y"] - right["y"]) < 4  # on one line
    assert left["x"] >= 0 and right["x"] + right["width"] <= width  # nothing off the window
    nxt.click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("p") == ["3"])
    wait_ready(page)
    prev.click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("p") == ["2"])
    assert_clean(page, seen)
