import pytest

from atlas.loader import load_library
from atlas.presentation import show_from_selection, show_from_tour
from atlas.schema import Tour
from tests.conftest import GOOD


@pytest.fixture(scope="module")
def library():
    return load_library(GOOD)


def test_a_tour_plays_its_stops_in_order_and_skips_missing_cases(library):
    tour = Tour(
        id="tt",
        title="T",
        description="D",
        stops=[
            {"case": "corner-shop-online", "talking_point": "First."},
            {"case": "gone", "talking_point": "Skipped."},
            {"case": "bakery-o2o-delivery", "talking_point": "Second."},
        ],
    )
    show = show_from_tour(tour, {c.id: c for c in library.cases})
    assert [s.case.id for s in show.stops] == ["corner-shop-online", "bakery-o2o-delivery"]
    assert [s.note for s in show.stops] == ["First.", "Second."]
    assert show.caption == "Tour: T: D" and len(show) == 2


def test_a_selection_plays_with_lessons_as_notes(library):
    show = show_from_selection(library.cases, "2 cases: the whole library")
    assert show.caption == "2 cases: the whole library"
    assert show.stops[0].note.startswith(library.cases[0].lessons[0])


def test_a_selection_of_the_librarys_cases_makes_each_slide_when_shown():
    from atlas.presentation import Stop, Stops
    from tests.conftest import ROOT

    lib = load_library(ROOT / "cases")
    ids = list(reversed(lib.cases.ids))
    show = show_from_selection(lib.cases_in(ids), "all", "zh")
    plain = show_from_selection(list(lib.cases_in(ids)), "all", "zh")  # a list: made at once
    assert isinstance(show.stops, Stops) and isinstance(plain.stops, tuple)
    assert show.stops == plain.stops and show == plain and len(show) == len(ids)
    assert show.stops[1] == plain.stops[1] and show.stops[-1].case.id == ids[-1]
    assert show.stops[2:4] == plain.stops[2:4] and list(show.stops) == list(plain.stops)
    assert show.stops != plain.stops[:-1] and show.stops.__eq__(3) is NotImplemented
    chinese = next(s for s in show.stops if s.case.zh and s.case.zh.lessons)
    assert chinese == Stop(chinese.case, " ".join(chinese.case.zh.lessons))


def test_a_tour_in_chinese_plays_its_chinese_texts_and_stays_a_tour(library):
    tour = Tour(
        id="tt",
        title="T",
        description="D",
        stops=[{"case": "bakery-o2o-delivery", "talking_point": "First."}],
        zh={"title": "导览", "description": "说明", "talking_points": ["第一站。"]},
    )
    show = show_from_tour(tour, {c.id: c for c in library.cases}, "zh")
    assert (show.title, show.subtitle, show.stops[0].note) == ("导览", "说明", "第一站。")
    assert show.is_tour and show.tour_id == "tt"  # its kind is data, never read from words
    assert not show_from_selection(library.cases, "x", "zh").is_tour


@pytest.mark.parametrize(
    ("number", "total", "listed"),
    [
        (1, 4, (1, 4)),  # a short show: every slide
        (4, 4, (1, 4)),
        (1, 250, (1, 100)),  # a long one: 100 in a row, the current as near the middle
        (60, 250, (10, 109)),
        (200, 250, (150, 249)),
        (250, 250, (151, 250)),
        (50, 100, (1, 100)),
        (1, 0, (1, 0)),  # nothing to list
    ],
)
def test_the_slides_menu_lists_at_most_a_hundred_around_the_current_slide(number, total, listed):
    from atlas.presentation import LISTED_SLIDES, listed_slides

    assert LISTED_SLIDES == 100
    shown = listed_slides(number, total)
    assert (shown.start, shown.stop - 1) == listed
