"""Decks read from the back of a room (issue 15): on every slide of a deck of the whole
library, of every tour and of a comparison, in English and in Chinese, no text is under
18 pt but the footer (12 pt or more), body text is 20 pt or more, nothing is cut with an
ellipsis, and by the deck's own measure every text fits its box."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.util import Emu, Pt

from atlas import deck, deck_layout
from atlas.presentation import show_from_compare, show_from_selection, show_from_tour

FOOTER_TOP = Emu(int(deck_layout.FOOTER_TOP * 914400))
BODY = {"Summary", "Evidence"}  # the shapes of a case slide that hold its prose


def _decks(curated, lang: str) -> list[tuple[str, bytes]]:
    lib, table = curated
    by_id = {c.id: c for c in lib.cases}
    shows = [("library", show_from_selection(list(lib.cases), "The whole library", lang), table)]
    for tour in lib.tours:
        shows.append((f"tour {tour.id}", show_from_tour(tour, by_id, lang), table.iloc[:0]))
    four = list(lib.cases)[:4]
    shows.append(("compare", show_from_compare(four, lang), table.iloc[:0]))
    return [(name, deck.build_deck(show, t)) for name, show, t in shows]


@pytest.fixture(scope="module", params=["en", "zh"])
def decks(request, curated) -> list[tuple[str, Presentation]]:
    built = _decks(curated, request.param)
    return [(name, Presentation(io.BytesIO(data))) for name, data in built]


def _runs(shape):
    if shape.has_text_frame:
        for paragraph in shape.text_frame.paragraphs:
            yield from paragraph.runs
    if shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                for paragraph in cell.text_frame.paragraphs:
                    yield from paragraph.runs


def _where(name: str, number: int, shape) -> str:
    return f"{name}, slide {number}, {shape.name}"


def test_no_text_is_smaller_than_a_room_can_read(decks):
    for name, prs in decks:
        for number, slide in enumerate(prs.slides, 1):
            for shape in slide.shapes:
                in_footer = shape.top >= FOOTER_TOP or shape.name == "Case link"
                least = deck_layout.FOOTER_PT if in_footer else deck_layout.TEXT_MIN
                if shape.name in BODY:
                    least = deck_layout.BODY_PT
                for run in _runs(shape):
                    if run.text.strip():
                        assert run.font.size >= Pt(least), _where(name, number, shape)


def test_nothing_is_cut_with_an_ellipsis(decks):
    for name, prs in decks:
        for number, slide in enumerate(prs.slides, 1):
            for shape in slide.shapes:
                for run in _runs(shape):
                    text = run.text.rstrip()
                    assert not text.endswith(("…", "...")), (_where(name, number, shape), text)


def _em(run) -> float:
    return deck_layout.BOLD_EM if run.font.bold else deck_layout.CHAR_EM


def _paragraph_height(runs, width: float) -> float:
    """Inches the runs take: measured as the deck measures text; runs of mixed sizes or
    weights as the deck measures them (its first line at the largest size)."""
    size = max(r.font.size.pt for r in runs)
    if len({(r.font.size, bool(r.font.bold)) for r in runs}) == 1:
        text = "".join(r.text for r in runs)
        return deck_layout.text_height(text, width, size, _em(runs[0]))
    parts = [(r.text, r.font.size.pt, _em(r)) for r in runs]
    lines = deck_layout.mixed_lines(parts, width)
    least = min(r.font.size.pt for r in runs)
    return (size + (lines - 1) * least) * deck_layout.LINE / 72


def test_every_text_box_holds_its_text(decks):
    """The deck's own measure (deck_layout.text_height), applied to what it drew."""
    for name, prs in decks:
        for number, slide in enumerate(prs.slides, 1):
            for shape in slide.shapes:
                if not shape.has_text_frame or not shape.text_frame.text.strip():
                    continue
                margins = 0.12 if shape.shape_type == 1 else 0.0  # a filled box's text
                width = shape.width / 914400 - margins
                height = 0.0
                for paragraph in shape.text_frame.paragraphs:
                    runs = [r for r in paragraph.runs if r.text]
                    height += _paragraph_height(runs, width) if runs else 0.0
                if len(shape.text_frame.paragraphs) > 1:
                    continue  # lists (contents, figures) are laid out by their own sums
                assert height <= shape.height / 914400 + 0.02, _where(name, number, shape)


def test_every_case_of_a_deck_has_its_slide(decks, curated):
    lib, _table = curated
    name, prs = decks[0]
    titles = {s.shapes[0].text_frame.text for s in prs.slides if s.shapes[0].name == "Title"}
    assert len(titles) == len(lib.cases), name


def test_the_contents_name_every_case_they_list(decks):
    """Each row of the title slide's contents names its case (a Chinese title, which has no
    spaces, is shortened by characters, never to nothing)."""
    for name, prs in decks:
        for shape in prs.slides[0].shapes:
            if not shape.has_text_frame:
                continue
            for paragraph in shape.text_frame.paragraphs:
                runs = paragraph.runs
                if len(runs) == 2 and runs[0].text.rstrip("\t").isdigit():
                    assert runs[1].text.strip(), (name, runs[0].text)
