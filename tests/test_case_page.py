"""AppTest: the case page's deep link, previous/next within the selection, and bad ids."""

import re
from urllib.parse import parse_qs

import pytest

from atlas.loader import load_library
from atlas.localized import case_text
from tests.conftest import ROOT
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


UBER_RELATED = [  # atlas.related on the curated library: see tests/test_related.py
    "didi-kuaidi-merger",  # the three the case file links, first, by what they share
    "didi-uber-china",
    "ofo-bike-sharing",
    "bird-scooters-bankruptcy",
    "mobike-meituan",
]


def related_links(at) -> list[tuple[str, dict[str, list[str]]]]:
    """The related cases' links: each label as shown, and the link's query."""
    return [
        (re.sub(r"\\(.)", r"\1", link.value), parse_qs(link.proto.query_string))
        for link in at.page_link
        if link.proto.icon == ":material/link:"
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_related_cases_link_to_their_pages(app_test, lang):
    at = open_case(app_test, None, case="uber-taxi", lang=lang, outcome="mixed")
    assert not at.exception
    library = load_library(ROOT / "cases")
    heading = "Related cases" if lang == "en" else "相关案例"
    assert heading in [s.value for s in at.subheader]
    links = related_links(at)
    titles = [case_text(library.case(i), lang).title for i in UBER_RELATED]
    assert [label for label, _query in links] == titles
    for (_label, query), case_id in zip(links, UBER_RELATED, strict=True):
        assert query["case"] == [case_id]
        assert query["outcome"] == ["mixed"]  # the link keeps the selection
        assert query.get("lang") == (["zh"] if lang == "zh" else None)
    text = all_text(at)
    if lang == "en":
        assert "Same connections: User – driver, User – service" in text
        assert "Same connection: User – service" in text and "different outcome" in text
    else:
        assert "相同连接：用户 – 司机" in text and "结果不同" in text
