"""Layout at the widths people use (390, 1024, 1280 and 1920 px): where controls sit, and
that what a page shows fits or scrolls on purpose, measured in Chromium."""

from __future__ import annotations

from itertools import pairwise
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


COMPARED = "/compare?compare=uber-taxi,didi-uber-china,grab-super-app"
FIELDS = ["Mode", "Outcome", "Years", "Connections before", "Connections after", "Lessons"]


def test_compare_on_a_phone_stacks_the_cases_with_labels_and_scrolling_diagrams(page, server):
    seen = watch(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + COMPARED)
    wait_ready(page)
    assert page.locator(".st-key-compare-side-by-side").is_hidden()
    cards = [page.locator(f".st-key-compare-case-{i}") for i in range(3)]
    boxes = [card.bounding_box() for card in cards]  # measured together: no scrolling
    for upper, lower in pairwise(boxes):
        assert upper["y"] + upper["height"] <= lower["y"]  # one case after another
    for card, found in zip(cards, boxes, strict=True):
        assert found["x"] >= 0 and found["x"] + found["width"] <= 390
        text = card.inner_text()
        assert all(field in text for field in FIELDS), text[:300]  # every field labelled
    diagrams = page.locator('[class*="st-key-compare-diagram-phone"]')
    assert diagrams.count() == 6  # before and after, for each case
    sizes = diagrams.evaluate_all(
        """els => els.map(e => {
            const svg = e.querySelector('[data-testid="stGraphVizChart"] > svg');
            const natural = svg.width.baseVal.value;  // the width Graphviz gave it
            return {natural, drawn: svg.getBoundingClientRect().width,
                    scroll: e.scrollWidth, client: e.clientWidth};
        })"""
    )
    for size in sizes:
        assert size["drawn"] >= size["natural"] - 1, size  # never shrunk
    wide = [s for s in sizes if s["natural"] > s["client"]]
    assert wide and all(s["scroll"] > s["client"] for s in wide)  # those scroll sideways
    first_wide = diagrams.nth(next(i for i, s in enumerate(sizes) if s in wide))
    assert first_wide.evaluate("e => { e.scrollLeft = 100; return e.scrollLeft; }") > 0
    main = page.get_by_test_id("stMain")
    assert main.evaluate("e => e.scrollWidth <= e.clientWidth")  # the page itself does not
    assert_clean(page, seen)


@pytest.mark.parametrize("width", [1024, 1920])
def test_compare_on_a_wide_window_shows_the_cases_side_by_side(page, server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server.url + COMPARED)
    wait_ready(page)
    assert page.locator(".st-key-compare-one-by-one").is_hidden()
    side = page.locator(".st-key-compare-side-by-side")
    titles = ["Uber against the taxi trade", "Didi Chuxing takes over Uber China (2016)"]
    label = side.get_by_text("Mode", exact=True).bounding_box()
    heads = [side.get_by_text(t, exact=True).first.bounding_box() for t in titles]
    assert abs(heads[0]["y"] - heads[1]["y"]) < 2  # the cases side by side
    assert label["x"] + label["width"] < heads[0]["x"] < heads[1]["x"]  # labels on the left
    assert side.locator('[class*="st-key-compare-diagram-wide"]').count() == 6
    tab = side.get_by_role("tab", name=titles[1]).first  # a tab per case shows its diagram
    tab.click()
    shown = side.locator('[class*="st-key-compare-diagram-wide-1-before"]')
    shown.wait_for()
    column = heads[1]["x"] - heads[0]["x"]
    assert shown.evaluate("e => e.clientWidth") > 2 * column  # all the cases' columns wide


def test_the_upload_widget_speaks_the_interface_language(page, server):
    page.goto(f"{server.url}/tours?lang=zh")
    wait_ready(page)
    uploader = page.get_by_test_id("stFileUploader")
    uploader.scroll_into_view_if_needed()
    button = uploader.get_by_test_id("stFileUploaderDropzone").locator("button")
    shown = button.evaluate("e => getComputedStyle(e, '::after').content")
    assert shown == '"选择文件"'
    english = button.get_by_text("Upload", exact=True)  # left for screen readers only
    assert english.evaluate("e => e.getBoundingClientRect().width <= 1")
    note = uploader.get_by_test_id("stFileUploaderDropzoneInstructions")
    shown = note.evaluate("e => getComputedStyle(e, '::after').content")
    assert shown == '"每个文件不超过 1 MB · YAML，YML"'
    assert note.locator("span").first.is_hidden()  # Streamlit's English note


@pytest.mark.parametrize("width", [390, 1280])
def test_explore_cards_read_in_the_chosen_order(page, server, curated, width):
    from atlas.i18n import sort_key
    from atlas.queries import PAGE_SIZE

    _, table = curated
    expected = sorted(table.itertuples(), key=lambda r: sort_key(r.title, "en"))
    expected = [r.id for r in expected][: PAGE_SIZE["cards"]]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server.url}/explore?sort=title")
    wait_ready(page)
    links = page.get_by_test_id("stMain").get_by_test_id("stPageLink-NavLink")
    found = links.evaluate_all(
        """els => els.map(e => {
             const r = e.closest('[data-testid="stColumn"]').getBoundingClientRect();
             return [Math.round(r.y), r.x, new URL(e.href).searchParams.get('case')]; })"""
    )
    dom_order = [case for _, _, case in found]
    reading_order = [case for _, _, case in sorted(found)]  # cards top down, left to right
    assert dom_order == reading_order == expected  # what Tab and the eye both follow
