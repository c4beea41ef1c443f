"""The speaker view in a second window: the two windows stay in step within a second or two,
whichever one the presenter steps in, and the speaker sees notes, the next slide and time."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from atlas.loader import load_library
from devtools.browser import assert_clean, wait_ready, watch
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

TOUR = "when-internet-plus-fails"


@pytest.fixture
def two_windows(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page(), context.new_page()
    context.close()


def counter(page, n: int, total: int):
    return page.get_by_text(f"{n} / {total}", exact=True)


def test_the_speaker_view_and_the_audience_window_stay_in_step(two_windows, server):
    tour = next(t for t in load_library(ROOT / "cases").tours if t.id == TOUR)
    total = len(tour.stops)
    audience, speaker = two_windows
    seen_a, seen_s = watch(audience), watch(speaker)
    audience.goto(f"{server.url}/present?present={TOUR}")
    wait_ready(audience)
    assert audience.get_by_text(tour.stops[0].talking_point).count() == 0  # no notes here

    href = audience.get_by_role("link", name="Speaker view").get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    assert query["speaker"] == ["1"] and query["present"] == [TOUR]
    speaker.goto(urljoin(audience.url, href))
    wait_ready(speaker)
    assert speaker.get_by_text(tour.stops[0].talking_point).first.is_visible()  # the notes
    speaker.get_by_text("⏱").first.wait_for()  # the elapsed time
    # the audience window joins the room the speaker view opened
    audience.wait_for_url(lambda url: "room" in parse_qs(urlsplit(url).query), timeout=10_000)

    speaker.keyboard.press("ArrowRight")
    counter(speaker, 2, total).wait_for()
    counter(audience, 2, total).wait_for(timeout=5_000)  # followed within seconds
    audience.keyboard.press("ArrowRight")
    counter(audience, 3, total).wait_for()
    counter(speaker, 3, total).wait_for(timeout=5_000)
    # the counter is drawn before the notes in the same run: wait for the notes, do not peek
    expect(speaker.get_by_text(tour.stops[2].talking_point).first).to_be_visible(timeout=5_000)
    wait_ready(audience)
    wait_ready(speaker)
    assert_clean(audience, seen_a)
    assert_clean(speaker, seen_s)
