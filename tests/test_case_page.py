"""AppTest: the case page's deep link, previous/next within the selection, and bad ids."""

from tests.test_app import all_text, open_page

CASE = "app_pages/case.py"


def open_case(app_test, folder, **query):
    return open_page(app_test, folder, CASE, **query)


def test_deep_link_shows_the_case(app_test, small_library):
    at = open_case(app_test, small_library, case="finance-win")
    assert not at.exception
    assert at.title[0].value == "Case finance\\-win"
    text = all_text(at)
    assert "Lessons" in [s.value for s in at.subheader]
    assert "Newly connected" in text


def test_unknown_case_gets_a_notice_and_a_picker(app_test, small_library):
    at = open_case(app_test, small_library, case="no-such-case")
    assert not at.exception
    assert "case='no-such-case'" in all_text(at)
    assert at.selectbox[0].value is None


def test_next_and_previous_follow_the_selection(app_test, small_library):
    at = open_case(app_test, small_library, case="finance-fail", outcome="failure")
    assert "Case 1 of 2" in all_text(at)
    prev, nxt = (next(b for b in at.button if b.label == name) for name in ("Previous", "Next"))
    assert prev.disabled and not nxt.disabled
    nxt.click().run()
    assert at.query_params["case"] == "taxi-fail"
    assert at.title[0].value == "Case taxi\\-fail"
    assert next(b for b in at.button if b.label == "Next").disabled


def test_picking_a_case_opens_it(app_test, small_library):
    at = open_case(app_test, small_library)
    assert "Choose a case" in all_text(at)
    at.selectbox[0].select("taxi-fail").run()
    assert at.query_params["case"] == "taxi-fail"
    assert at.title[0].value == "Case taxi\\-fail"


def test_illustrative_case_is_labelled_and_has_no_sources(app_test, small_library):
    at = open_case(app_test, small_library, case="bakery-o2o-delivery")
    text = all_text(at)
    assert "illustrative example" in text.lower()
    assert "cites no sources" in text
