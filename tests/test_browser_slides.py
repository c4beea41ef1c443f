"""Slides fit any screen and read from the back of the room (issue 15): every slide of every
tour, at four window sizes, and every slide of the whole library on a 1024x768 projector;
each also with the app's public address set, so that a slide carries its case page's QR
code (issue 19), which must keep clear of the title, the badges and the summary."""

from __future__ import annotations

import pytest

from atlas.loader import load_library
from devtools.browser import Server, wait_ready
from tests.conftest import APP, ROOT

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


# Where the QR code, its caption and what sits beside them are: the title's text (not its
# box, which leaves the code room), each badge and the summary.
CODE_JS = """() => {
  const slide = document.querySelector('.st-key-slide').getBoundingClientRect();
  const box = e => { const r = e.getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; };
  const img = document.querySelector('.atlas-slide-qr img');
  if (!img) return null;
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('.st-key-slide h1'));
  const badges = [...document.querySelectorAll('.st-key-slide-badges span')].map(box);
  const summary = document.querySelector('.st-key-slide-summary p');
  return {slide: [slide.left, slide.top, slide.right, slide.bottom], code: box(img),
          caption: box(document.querySelector('.atlas-slide-qr-caption')),
          alt: img.alt, others: [...[...range.getClientRects()].map(r =>
            [r.left, r.top, r.right, r.bottom]), ...badges, box(summary)]};
}"""


def apart(a, b, slack: float) -> bool:
    """Boxes (left, top, right, bottom) that do not overlap by more than `slack` px."""
    return (
        a[2] <= b[0] + slack or b[2] <= a[0] + slack or a[3] <= b[1] + slack or b[3] <= a[1] + slack
    )


def check_the_code(page, where: str) -> None:
    code = page.evaluate(CODE_JS)
    assert code is not None, f"{where}: no QR code"
    assert code["alt"].startswith(f"QR code: {PUBLIC}/case?case="), where
    left, top, right, bottom = code["slide"]
    # A title's line box reaches below its letters (the badges' row overlaps it a little too).
    slack = 0.004 * (right - left)
    for part in (code["code"], code["caption"]):
        assert left <= part[0] and part[2] <= right and top <= part[1] and part[3] <= bottom
        hit = [other for other in code["others"] if not apart(part, other, slack)]
        assert not hit, f"{where}: {part} overlaps {hit}"
    width = code["code"][2] - code["code"][0]
    assert width >= 0.06 * (right - left), f"{where}: a code {width} px wide is too small"


def check_every_slide(page, url: str, count: int, large: bool, coded: bool = False) -> None:
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
        if coded:
            check_the_code(page, where)
        if number < count:
            page.keyboard.press("ArrowRight")


PUBLIC = "https://atlas.example.org"


@pytest.fixture(scope="module")
def coded_server(browser, tmp_path_factory):
    """The app with its public address set: every slide has its case page's QR code."""
    log = tmp_path_factory.mktemp("coded-server") / "streamlit.log"
    srv = Server(None, log, APP, ATLAS_PUBLIC_URL=PUBLIC)
    yield srv
    srv.stop()


@pytest.fixture(params=["plain", "coded"])
def app(request):
    """(the server, whether its slides carry QR codes)."""
    coded = request.param == "coded"
    return request.getfixturevalue("coded_server" if coded else "server"), coded


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tour_slide_fits_and_reads(browser, app, size):
    server, coded = app
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    for tour in load_library(ROOT / "cases").tours:
        url = f"{server.url}/present?present={tour.id}"
        check_every_slide(page, url, len(tour.stops), large=size == (1920, 1080), coded=coded)
    context.close()


def test_every_case_of_the_library_fits_a_projector(browser, app):
    server, coded = app
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    count = len(load_library(ROOT / "cases").cases)
    url = f"{server.url}/present?present=selection"
    check_every_slide(page, url, count, large=False, coded=coded)
    context.close()


def present_a_tour(browser, server, came_from: str | None = None):
    """The first curated tour in Present at 1280x720 (after `came_from`, if given):
    the window's context, its page and the tour's number of slides."""
    tour = next(t for t in load_library(ROOT / "cases").tours)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    if came_from:
        page.goto(f"{server.url}{came_from}")
        wait_ready(page)
    page.goto(f"{server.url}/present?present={tour.id}")
    wait_ready(page)
    return context, page, len(tour.stops)


def test_presenter_keys_home_end_fullscreen_and_escape(browser, server):
    context, page, total = present_a_tour(browser, server, came_from="/explore")
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


def test_a_number_then_enter_jumps_to_that_slide(browser, server):
    """Typing in "Go to slide" is typing: F, the arrows, Home and End do not act on the
    slides while the field has the focus; Enter goes to the slide typed."""
    context, page, total = present_a_tour(browser, server)
    field = page.get_by_label("Go to slide")
    field.click()
    page.keyboard.type("3")
    for key in ("ArrowLeft", "ArrowRight", "End", "Home", "f"):
        page.keyboard.press(key)  # in the field: moves the caret, or types
    wait_ready(page)
    assert page.evaluate("() => document.fullscreenElement") is None
    page.get_by_text(f"1 / {total}", exact=True).wait_for()
    field.fill(str(total - 1))
    field.press("Enter")
    page.get_by_text(f"{total - 1} / {total}", exact=True).wait_for()
    wait_ready(page)
    assert page.url.endswith(f"slide={total - 1}") or f"slide={total - 1}&" in page.url
    assert field.input_value() == ""  # ready for the next number
    page.evaluate("() => document.activeElement.blur()")  # out of the field, keys act again
    page.keyboard.press("Home")
    page.get_by_text(f"1 / {total}", exact=True).wait_for()
    context.close()
