"""Slides fit any screen and read from the back of the room (issue 15): every slide of every
tour, at four window sizes, and every slide of the whole library on a 1024x768 projector."""

from __future__ import annotations

import pytest

from atlas.loader import load_library
from devtools.browser import wait_ready
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

SIZES = [(1920, 1080), (1366, 768), (1280, 720), (1024, 768)]
FITS_JS = """() => {
  const slide = document.querySelector('.st-key-slide');
  const next = [...document.querySelectorAll('button')].find(b => b.innerText.includes('Next'));
  const r = slide.getBoundingClientRect(), n = next.getBoundingClientRect();
  return {overflow: slide.scrollHeight - slide.clientHeight,
          slideBottom: r.bottom, nextBottom: n.bottom, height: window.innerHeight,
          right: Math.max(r.right, n.right), width: window.innerWidth};
}"""
SIZES_JS = """() => {
  const sizes = [];
  for (const el of document.querySelectorAll('.st-key-slide *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own) sizes.push([parseFloat(getComputedStyle(el).fontSize), el.className,
                         el.textContent.trim().slice(0, 30)]);
  }
  const verdict = document.querySelector('.atlas-slide-body .verdict');
  return {smallest: sizes.sort((a, b) => a[0] - b[0])[0],
          body: parseFloat(getComputedStyle(verdict).fontSize)};
}"""


def check_every_slide(page, url: str, count: int, large: bool) -> None:
    page.goto(url)
    for number in range(1, count + 1):
        page.get_by_text(f"{number} / {count}", exact=True).wait_for()
        wait_ready(page)
        fit = page.evaluate(FITS_JS)
        where = f"slide {number} of {url} at {page.viewport_size}"
        assert fit["overflow"] <= 1, f"{where}: the slide's content is {fit['overflow']} px taller"
        assert fit["nextBottom"] <= fit["height"], f"{where}: the controls are below the fold"
        assert fit["right"] <= fit["width"], f"{where}: wider than the window"
        if large:
            sizes = page.evaluate(SIZES_JS)
            assert sizes["smallest"][0] >= 18, f"{where}: text of {sizes['smallest']}"
            assert sizes["body"] >= 24, f"{where}: body text {sizes['body']} px"
        if number < count:
            page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tour_slide_fits_and_reads(browser, server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    for tour in load_library(ROOT / "cases").tours:
        url = f"{server.url}/present?present={tour.id}"
        check_every_slide(page, url, len(tour.stops), large=size == (1920, 1080))
    context.close()


def test_every_case_of_the_library_fits_a_projector(browser, server):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    count = len(load_library(ROOT / "cases").cases)
    check_every_slide(page, f"{server.url}/present?present=selection", count, large=False)
    context.close()


def test_presenter_keys_home_end_fullscreen_and_escape(browser, server):
    tour = next(t for t in load_library(ROOT / "cases").tours)
    total = len(tour.stops)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(f"{server.url}/explore")
    wait_ready(page)
    page.goto(f"{server.url}/present?present={tour.id}")
    wait_ready(page)
    page.keyboard.press("End")
    page.get_by_text(f"{total} / {total}", exact=True).wait_for()
    wait_ready(page)
    page.keyboard.press("Home")
    page.get_by_text(f"1 / {total}", exact=True).wait_for()
    wait_ready(page)
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement !== null", timeout=5_000)
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === null", timeout=5_000)
    page.keyboard.press("Escape")
    page.wait_for_url(lambda url: "/present" not in url)
    context.close()
