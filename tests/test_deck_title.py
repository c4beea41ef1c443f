"""AppTest: the deck's title can be set wherever a deck is offered, and it holds (issue 15)."""

import pytest

from tests.test_app import open_page
from tests.test_present_page import button, tour_library  # noqa: F401  (a fixture)
from ui.deck_title import file_stem


def title_input(at):
    return next(t for t in at.text_input if t.label == "Deck title")


def test_present_offers_the_tour_title_and_keeps_what_is_typed(app_test, tour_library):  # noqa: F811
    at = open_page(app_test, tour_library, "app_pages/present.py", present="failures")
    assert title_input(at).value == "Failures"
    title_input(at).set_value("Board briefing").run()
    assert title_input(at).value == "Board briefing"
    button(at, "Next").click().run()  # a rerun, another slide
    assert title_input(at).value == "Board briefing"
    assert at.session_state["deck_titles"] == {"Failures": "Board briefing"}
    title_input(at).set_value("   ").run()  # emptied: the default again
    button(at, "Previous").click().run()
    assert title_input(at).value == "Failures"


def test_explore_offers_the_selection_in_words(app_test, small_library):
    at = open_page(app_test, small_library, "app_pages/explore.py", industry="finance")
    assert title_input(at).value == "2 cases: Finance & payments"
    title_input(at).set_value("Finance, briefly").run()
    at.run()
    assert title_input(at).value == "Finance, briefly"


def test_tours_offers_each_tour_its_title(app_test, tour_library):  # noqa: F811
    at = open_page(app_test, tour_library, "app_pages/tours.py")
    assert next(t.value for t in at.text_input if t.label == "Deck title") == "Failures"


@pytest.mark.parametrize(
    ("title", "default", "stem"),
    [
        ("Failures", "Failures", "failures-tour"),
        ("Board briefing: Q3", "Failures", "board-briefing-q3"),
        ("董事会简报", "Failures", "董事会简报"),
        ("!!!", "Failures", "failures-tour"),
    ],
)
def test_the_file_is_named_after_a_title_the_user_set(title, default, stem):
    assert file_stem(title, default, "failures-tour") == stem


def test_compare_offers_a_title_for_its_deck(app_test, small_library):
    at = open_page(
        app_test, small_library, "app_pages/compare.py", compare="finance-fail,finance-win"
    )
    assert title_input(at).value == "Comparison"
    title_input(at).set_value("Two lenders").run()
    next(t for t in at.toggle if t.label == "Only the differences").set_value(True).run()
    assert title_input(at).value == "Two lenders"
