"""Real-browser tests of every download button the app draws: each file is downloaded as a
person downloads it, opened, and checked to hold the selection (or tour) the page shows.

Explore's Export menu (CSV, JSON, Markdown, deck, handout), each overview chart's PNG and
SVG, Tours' tour file and a curated tour's deck and handout, presenter mode's deck and
handout, and Data health's problem list.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import struct
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from pptx import Presentation

from atlas.filters import Filters, apply, describe
from atlas.loader import load_library, shown_file
from atlas.queries import PAGE_SIZE
from atlas.vocabulary import Industry
from devtools.browser import Server, assert_clean, wait_ready, watch
from tests.conftest import BROKEN, GOOD

pytestmark = pytest.mark.browser


FAILURES = Filters({"outcome": ("failure",)})


def download(page, button, folder: Path) -> tuple[str, bytes]:
    """Click a download button; the file's suggested name and its bytes."""
    with page.expect_download() as info:
        button.click()
    got = info.value
    assert got.failure() is None
    target = folder / got.suggested_filename
    got.save_as(target)
    return got.suggested_filename, target.read_bytes()


def sentence(page) -> str:
    return page.locator(".st-key-selection-sentence").inner_text().strip()


def card_titles(page) -> list[str]:
    """The titles of the cards, in reading order. The grid is three columns filled in turn
    (card i in column i % 3, row i // 3), and cards differ in height, so a card's row is
    its rank in its column, not its height on the page."""
    found = []
    for link in page.get_by_role("link", name="Open case").all():
        card = link.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][.//strong][1]")
        box = card.bounding_box()
        found.append((round(box["x"]), box["y"], card.locator("strong").first.inner_text()))
    columns = sorted({x for x, _, _ in found})
    placed = []
    for col, x in enumerate(columns):
        in_column = sorted((y, title) for cx, y, title in found if cx == x)
        placed += [(row * len(columns) + col, title) for row, (_, title) in enumerate(in_column)]
    return [title for _, title in sorted(placed)]


def slide_text(slide) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def check_deck(data: bytes, caption: str, cases: list, notes: list[str]) -> None:
    """A deck of the show: its caption on the title slide, then (after any chart slides) a
    slide per case in order, each with its title and its talking point as speaker notes."""
    deck = Presentation(io.BytesIO(data))
    slides = list(deck.slides)
    assert caption in slide_text(slides[0])
    case_slides = slides[len(slides) - len(cases) :]
    for slide, case, note in zip(case_slides, cases, notes, strict=True):
        assert case.title[:30] in slide_text(slide), case.id
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.split("\n\n")[0] == note, case.id  # then the case in full


class Headings(HTMLParser):
    """The text of every <h2>: the handout gives each case one, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.h2: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self._in, self.h2 = True, [*self.h2, ""]

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.h2[-1] += data


def handout_titles(html: str) -> list[str]:
    parser = Headings()
    parser.feed(html)
    return parser.h2


# --- Explore's Export menu ------------------------------------------------------------


def test_explore_exports_hold_the_selection_in_the_order_shown(page, server, curated, tmp_path):
    lib, table = curated
    shown = sorted(
        lib.cases_in(apply(table, FAILURES)["id"]),
        key=lambda c: (-c.years.start, c.title.casefold()),
    )
    seen = watch(page)
    page.goto(f"{server.url}/explore?outcome=failure&sort=newest")
    wait_ready(page)
    said = sentence(page)
    assert said == describe(FAILURES, len(shown))
    page_size = PAGE_SIZE["cards"]
    assert card_titles(page) == [c.title for c in shown][:page_size]  # what the reader sees

    export = page.get_by_role("button", name="Export")
    files = {}
    for label in (
        "CSV table",
        "JSON (full cases)",
        "Markdown brief",
        "PowerPoint deck",
        "Printable handout (HTML)",
    ):
        button = page.get_by_role("button", name=label)
        if not button.is_visible():
            export.click()
            button.wait_for()
        name, data = download(page, button, tmp_path)
        files[name] = data
    extensions = ("csv", "html", "json", "md", "pptx")
    assert sorted(files) == [f"transformation-atlas.{x}" for x in extensions]
    rows = list(csv.DictReader(io.StringIO(files["transformation-atlas.csv"].decode())))
    assert [r["id"] for r in rows] == [c.id for c in shown]
    assert {r["outcome"] for r in rows} == {"Failure"}

    doc = json.loads(files["transformation-atlas.json"])
    assert doc["selection"] == said and doc["count"] == len(shown)
    assert [c["id"] for c in doc["cases"]] == [c.id for c in shown]

    brief = files["transformation-atlas.md"].decode().splitlines()
    assert said in brief
    assert [line[3:] for line in brief if line.startswith("## ")] == [c.title for c in shown]

    html = files["transformation-atlas.html"].decode()
    assert handout_titles(html) == [c.title for c in shown] and said in html

    # a selection's deck: the sentence, then a slide per case, its lessons as speaker notes
    notes = [" ".join(c.lessons) for c in shown]
    check_deck(files["transformation-atlas.pptx"], said, shown, notes)
    assert_clean(page, seen)


# --- the overview's charts ------------------------------------------------------------

CHART_FILES = ["outcome-by-industry", "mode-by-outcome", "industry-by-connection", "timeline"]
CHART_TITLES = ["Outcomes by industry", "Outcomes by mode", "Industries × connection types"]
CHART_TITLES += ["Cases by start year"]
INDUSTRY_LABELS = set(Industry.labels().values())


def svg_text(data: bytes) -> str:
    root = ElementTree.fromstring(data)
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_each_overview_chart_downloads_as_png_and_svg_of_the_selection(
    page, server, curated, tmp_path
):
    lib, table = curated
    shown = lib.cases_in(apply(table, FAILURES)["id"])
    seen = watch(page)
    page.goto(f"{server.url}/?outcome=failure")
    wait_ready(page)
    said = sentence(page)
    # the charts in the page's order: two side by side, then the grid, then the timeline
    for i, (stem, title) in enumerate(zip(CHART_FILES, CHART_TITLES, strict=True)):
        svg_button = page.get_by_role("button", name="SVG", exact=True).nth(i)
        png_button = page.get_by_role("button", name="PNG", exact=True).nth(i)
        name, svg = download(page, svg_button, tmp_path)
        assert name == f"{stem}.svg"
        text = svg_text(svg)
        assert title in text and said in text, (stem, text[:300])
        if stem == "outcome-by-industry":  # one bar per industry of the selection, no other
            drawn = {label for label in INDUSTRY_LABELS if label in text}
            assert drawn == {c.industry.label for c in shown}
        name, png = download(page, png_button, tmp_path)
        assert name == f"{stem}.png"
        width, height = png_size(png)
        root = ElementTree.fromstring(svg)
        # the same chart: the PNG is drawn at twice the SVG's size
        assert (width, height) == (2 * int(root.get("width")), 2 * int(root.get("height")))
    assert_clean(page, seen)


# --- tours and presenter mode -----------------------------------------------------------


def test_the_tour_built_from_the_selection_downloads_as_a_tour_file(
    page, server, curated, tmp_path
):
    from atlas.tours import tour_from_upload

    lib, table = curated
    shown = sorted(lib.cases_in(apply(table, FAILURES)["id"]), key=lambda c: c.title)
    seen = watch(page)
    page.goto(f"{server.url}/tours?outcome=failure")
    wait_ready(page)
    title = page.get_by_label("Title", exact=True)
    title.fill("Seven failures")
    title.press("Enter")
    page.get_by_text("seven-failures.yaml").wait_for()  # the rerun with the new title is drawn
    wait_ready(page)
    name, data = download(
        page, page.get_by_role("button", name="Download as a tour file (YAML)"), tmp_path
    )
    assert name == "seven-failures.yaml"
    tour, problems = tour_from_upload(name, data, {c.id for c in lib.cases})
    assert problems == [] and tour is not None
    assert tour.title == "Seven failures"
    assert [s.case for s in tour.stops] == [c.id for c in shown]
    assert [s.talking_point for s in tour.stops] == [c.summary for c in shown]
    assert yaml.safe_load(data)["id"] == "seven-failures"
    assert_clean(page, seen)


def test_a_curated_tour_downloads_as_deck_and_handout(page, server, curated, tmp_path):
    lib, _ = curated
    tour = next(t for t in lib.tours if t.id == "when-internet-plus-fails")
    cases = lib.cases_in([s.case for s in tour.stops])
    seen = watch(page)
    page.goto(f"{server.url}/tours")
    wait_ready(page)
    # the tour's own box: the innermost block with its title and a deck button
    box = (
        page.get_by_test_id("stVerticalBlock")
        .filter(has=page.get_by_text(tour.title))
        .filter(has=page.get_by_role("button", name="PowerPoint deck"))
        .last
    )
    name, deck = download(page, box.get_by_role("button", name="PowerPoint deck"), tmp_path)
    assert name == f"{tour.id}.pptx"
    check_deck(deck, tour.description, cases, [s.talking_point for s in tour.stops])
    name, html = download(
        page, box.get_by_role("button", name="Printable handout (HTML)"), tmp_path
    )
    assert name == f"{tour.id}.html"
    assert handout_titles(html.decode()) == [c.title for c in cases]
    assert tour.description in html.decode()
    assert_clean(page, seen)


def test_presenter_mode_downloads_the_show_it_plays(page, server, curated, tmp_path):
    lib, _ = curated
    tour = next(t for t in lib.tours if t.id == "when-internet-plus-fails")
    cases = lib.cases_in([s.case for s in tour.stops])
    seen = watch(page)
    page.goto(f"{server.url}/present?present={tour.id}&slide=2")
    wait_ready(page)
    page.get_by_role("button", name="Download").click()
    name, deck = download(page, page.get_by_role("button", name="PowerPoint deck"), tmp_path)
    assert name == f"{tour.id}.pptx"
    check_deck(deck, tour.description, cases, [s.talking_point for s in tour.stops])
    # A title of one's own: the first slide's title and the file's name, kept on reruns.
    title = page.get_by_label("Deck title")
    assert title.input_value() == tour.title
    title.fill("Board briefing: failures")
    title.press("Enter")
    wait_ready(page)
    page.get_by_role("button", name="Next").click()  # a rerun: another slide
    wait_ready(page)
    if not page.get_by_label("Deck title").is_visible():
        page.get_by_role("button", name="Download").click()
    assert page.get_by_label("Deck title").input_value() == "Board briefing: failures"
    name, deck = download(page, page.get_by_role("button", name="PowerPoint deck"), tmp_path)
    assert name == "board-briefing-failures.pptx"
    first = Presentation(io.BytesIO(deck)).slides[0]
    assert next(s for s in first.shapes if s.name == "Deck title").text_frame.text == (
        "Board briefing: failures"
    )
    name, html = download(
        page, page.get_by_role("button", name="Printable handout (HTML)"), tmp_path
    )
    assert name == "board-briefing-failures.html"
    assert handout_titles(html.decode()) == [c.title for c in cases]
    assert_clean(page, seen)


# --- data health ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_server(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("health") / "cases"
    shutil.copytree(GOOD, folder)
    for name in ("unknown-outcome", "empty", "duplicate-key", "tab-indent"):
        shutil.copy(BROKEN / f"{name}.yaml", folder)
    srv = Server(folder, tmp_path_factory.mktemp("health-log") / "streamlit.log")
    yield srv, folder
    srv.stop()


def test_data_health_downloads_every_problem_it_lists(page, broken_server, tmp_path):
    srv, folder = broken_server
    seen = watch(page)
    page.goto(f"{srv.url}/data-health")
    wait_ready(page)
    name, data = download(
        page, page.get_by_role("button", name="Download the list (CSV)"), tmp_path
    )
    assert name == "atlas-problems.csv"
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    problems = load_library(folder).problems
    assert [(r["file"], int(r["line"]), r["field"]) for r in rows] == [
        (shown_file(p.path, folder), p.line, p.field) for p in problems
    ]
    assert not any(r["file"].startswith("/") for r in rows)  # never the server's own path
    assert {Path(r["file"]).name for r in rows} == {
        "unknown-outcome.yaml",
        "empty.yaml",
        "duplicate-key.yaml",
        "tab-indent.yaml",
    }
    for row in rows:  # each row is one the page lists
        shown = page.get_by_text(re.compile(re.escape(row["message"][:40]))).filter(visible=True)
        assert shown.count() == 1, row
    assert_clean(page, seen)


# --- the self-assessment ----------------------------------------------------------------


def test_the_assessment_downloads_the_result_it_shows_with_its_link(
    page, server, curated, tmp_path
):
    from atlas import assessment as asm

    lib, _ = curated
    query = "a=3231212121&sector=finance"
    answers, notices = asm.decode_answers({"a": "3231212121"})
    assert notices == []
    seen = watch(page)
    page.goto(f"{server.url}/assessment?{query}")
    wait_ready(page)
    name, data = download(page, page.get_by_role("button", name="Download as Markdown"), tmp_path)
    assert name == "where-do-we-stand.md"
    result = asm.assess(answers, lib.cases, "finance")
    link = f"{server.url}/assessment?{query}"  # the link that brings the answers back
    assert data.decode() == asm.to_markdown(result, link)
    assert_clean(page, seen)
