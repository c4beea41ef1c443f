"""AppTest: "The URL is the state" — every parameter of the README's table, both ways.

A link sets the widgets (URL -> widgets), and the URL the app keeps afterwards says the same
thing (widgets -> URL): a copied link opens the same view. Values may be given as the value
or its label, in any case; the URL then holds the value. And a choice made in a widget goes
to the URL. One row per parameter; the library is 61 synthetic cases using every value.
"""

from __future__ import annotations

import datetime as dt

import pytest

from atlas.facets import FACET_BY_PARAM
from atlas.filters import Filters, apply, describe
from atlas.loader import load_library
from atlas.table import cases_table
from components.filter_panel import MORE_KEY
from tests.conftest import APP, APPTEST_TIMEOUT

EXPLORE, CASE, COMPARE, PRESENT = (
    "app_pages/explore.py",
    "app_pages/case.py",
    "app_pages/compare.py",
    "app_pages/present.py",
)
THIS_YEAR = dt.date.today().year

# parameter, as a link may give it, the values the filter then holds (and the URL keeps)
FACETS = [
    ("industry", ["Finance & Payments", "retail"], ["finance", "retail"]),
    ("connection", "USER_SERVICE", ["user_service"]),
    ("outcome", ["failure", "Mixed"], ["failure", "mixed"]),
    ("mode", "Internet+", ["internet_plus"]),
    ("thinking", "user thinking", ["user"]),
    ("stage", "Digitalization", ["digitalization"]),
    ("region", ["china", "EUROPE"], ["china", "europe"]),
    ("ownership", "State-owned", ["state_owned"]),
    ("tech", ["mobile_apps", "Internet of Things"], ["mobile_apps", "iot"]),
    ("idea", "From customers to users", ["user_thinking"]),
    ("evidence", "documented", ["documented"]),
]


@pytest.fixture(scope="module")
def library(big_library):
    lib = load_library(big_library)
    return lib, cases_table(lib.cases)


@pytest.fixture
def open_at(big_library, monkeypatch):
    """A page opened by a link carrying `query`, as a browser opens it."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ATLAS_CASES_DIR", str(big_library))

    def open_page(page: str, **query):
        at = AppTest.from_file(APP, default_timeout=APPTEST_TIMEOUT)
        at.switch_page(page)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return open_page


def url(at, param: str) -> list[str]:
    """A parameter as the URL holds it after the run: its values, in order."""
    value = at.query_params.get(param)
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def sentence(at) -> str:
    said = [m.value.replace("\\", "") for m in at.markdown]
    return next(t.strip("*") for t in said if " case" in t and t.startswith("**"))


def open_more(at):
    """Open "More filters" as a click does: its widgets are drawn only while it is open."""
    at.session_state[MORE_KEY] = True
    return at.run()


def said(table, filters: Filters) -> str:
    return describe(filters, len(apply(table, filters)))


@pytest.mark.parametrize(("param", "given", "values"), FACETS, ids=[f[0] for f in FACETS])
def test_a_facet_in_a_link_sets_its_filter_and_stays_in_the_url(
    open_at, library, param, given, values
):
    at = open_at(EXPLORE, **{param: given})
    facet = FACET_BY_PARAM[param]
    assert at.multiselect(key=f"w.flt.{facet.name}").value == values  # URL -> widget
    assert url(at, param) == values  # -> URL, as values
    assert not at.warning, "every value was understood"
    assert sentence(at) == said(library[1], Filters({facet.name: tuple(values)}))


@pytest.mark.parametrize(("param", "given", "values"), FACETS, ids=[f[0] for f in FACETS])
def test_a_facet_chosen_in_the_sidebar_goes_to_the_url(open_at, param, given, values):
    at = open_more(open_at(EXPLORE))
    assert param not in at.query_params
    at.multiselect(key=f"w.flt.{FACET_BY_PARAM[param].name}").set_value(values).run()
    assert url(at, param) == values
    at.multiselect(key=f"w.flt.{FACET_BY_PARAM[param].name}").set_value([]).run()
    assert param not in at.query_params


def test_more_filters_draw_their_widgets_only_while_open(open_at):
    at = open_at(EXPLORE)
    keys = {m.key for m in at.multiselect}
    assert "w.flt.industry" in keys and "w.flt.region" not in keys
    assert not [s for s in at.slider if s.key == "w.flt.years"]
    at = open_more(at)
    assert at.multiselect(key="w.flt.region").value == []
    assert at.slider(key="w.flt.years")


@pytest.mark.parametrize("query", [{"region": "china"}, {"from": "2010"}])
def test_a_link_with_one_of_the_more_filters_opens_them(open_at, query):
    at = open_at(EXPLORE, **query)
    assert at.session_state[MORE_KEY] is True
    assert "w.flt.region" in {m.key for m in at.multiselect}


@pytest.mark.parametrize(
    ("query", "years", "kept"),
    [
        ({"from": "2010"}, (2010, THIS_YEAR), {"from": ["2010"]}),
        ({"to": "2015"}, (None, 2015), {"to": ["2015"]}),
        ({"from": "2008", "to": "2012"}, (2008, 2012), {"from": ["2008"], "to": ["2012"]}),
    ],
)
def test_years_in_a_link_set_the_range_and_stay(open_at, library, query, years, kept):
    at = open_at(EXPLORE, **query)
    lo, hi = at.slider(key="w.flt.years").value
    low_bound = int(library[1]["year_start"].min())
    assert (lo, hi) == (years[0] or low_bound, years[1])
    assert {p: url(at, p) for p in ("from", "to") if p in at.query_params} == kept
    year_from = int(query["from"]) if "from" in query else None
    year_to = int(query["to"]) if "to" in query else None
    assert sentence(at) == said(library[1], Filters(year_from=year_from, year_to=year_to))


def test_years_chosen_on_the_slider_go_to_the_url(open_at):
    at = open_more(open_at(EXPLORE))
    lo, hi = at.slider(key="w.flt.years").value
    at.slider(key="w.flt.years").set_value((2009, hi)).run()
    assert url(at, "from") == ["2009"] and "to" not in at.query_params
    at.slider(key="w.flt.years").set_value((lo, 2014)).run()
    assert url(at, "to") == ["2014"] and "from" not in at.query_params


def test_search_words_in_a_link_fill_the_box_and_stay(open_at, library):
    at = open_at(EXPLORE, q="Ezubao fraud")
    assert at.text_input(key="w.flt.text").value == "Ezubao fraud"
    assert url(at, "q") == ["Ezubao fraud"]
    assert sentence(at) == said(library[1], Filters(text="Ezubao fraud"))
    at.text_input(key="w.flt.text").set_value("Kuaidi").run()
    assert url(at, "q") == ["Kuaidi"]
    assert at.text_input(key="w.flt.text").value == "Kuaidi"


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ({"view": "table"}, lambda at: at.segmented_control(key="w.explore_view").value == "table"),
        ({"sort": "oldest"}, lambda at: at.selectbox(key="w.explore_sort").value == "oldest"),
        ({"p": "2"}, lambda at: (at.pagination[0].value, at.pagination[0].num_pages) == (2, 6)),
        (
            {"sort": "industry", "p": "2", "outcome": "failure"},  # 15 failures: 2 pages of cards
            lambda at: (
                at.selectbox(key="w.explore_sort").value == "industry"
                and at.pagination[0].value == 2
            ),
        ),
    ],
)
def test_explore_parameters_in_a_link_set_the_view_and_stay(open_at, query, check):
    at = open_at(EXPLORE, **query)
    assert check(at)
    assert {k: url(at, k) for k in query} == {k: [v] for k, v in query.items()}


def test_view_and_sort_chosen_on_the_page_go_to_the_url(open_at):
    at = open_at(EXPLORE)
    at.segmented_control(key="w.explore_view").set_value("table").run()
    assert url(at, "view") == ["table"]
    at.selectbox(key="w.explore_sort").set_value("newest").run()
    assert url(at, "sort") == ["newest"]
    at.segmented_control(key="w.explore_view").set_value("cards").run()
    at.selectbox(key="w.explore_sort").set_value("title").run()
    assert "view" not in at.query_params and "sort" not in at.query_params  # the defaults


def test_a_case_link_opens_the_case_and_stays(open_at, library):
    case = sorted(library[0].cases, key=lambda c: c.title)[5]
    at = open_at(CASE, case=case.id, outcome=case.outcome.status.value)
    assert at.selectbox(key="w.case_pick").value == case.id
    assert at.title[0].value.replace("\\", "") == case.title
    assert url(at, "case") == [case.id]
    assert url(at, "outcome") == [case.outcome.status.value]  # the selection came along
    other = sorted(library[0].cases, key=lambda c: c.title)[9]
    at.selectbox(key="w.case_pick").select(other.id).run()
    assert url(at, "case") == [other.id]


def test_a_compare_link_may_repeat_the_parameter_instead_of_commas(open_at, library):
    a, b = (case.id for case in library[0].cases[:2])
    at = open_at(COMPARE, compare=[a, b])  # ?compare=a&compare=b, as people also write it
    assert at.multiselect(key="w.compare_pick").value == [a, b]
    assert url(at, "compare") == [f"{a},{b}"]  # written back in the documented form


def test_a_compare_link_picks_the_cases_and_stays(open_at, library):
    a, b, c = (case.id for case in library[0].cases[:3])
    at = open_at(COMPARE, compare=f"{a},{b}")
    assert at.multiselect(key="w.compare_pick").value == [a, b]
    assert url(at, "compare") == [f"{a},{b}"]
    at.multiselect(key="w.compare_pick").set_value([a, b, c]).run()
    assert url(at, "compare") == [f"{a},{b},{c}"]


def test_a_presenter_link_opens_its_slide_with_notes_and_stays(open_at, library):
    lib, table = library
    failures = Filters({"outcome": ("failure",)})
    shown = sorted(lib.cases_in(apply(table, failures)["id"]), key=lambda c: c.title)
    at = open_at(PRESENT, present="selection", slide="3", notes="1", outcome="failure")
    text = [m.value for m in at.markdown]
    assert f"**3 / {len(shown)}**" in text
    assert at.title[0].value.replace("\\", "") == shown[2].title
    assert any(c.value == "Speaker notes" for c in at.caption)
    assert {k: url(at, k) for k in ("present", "slide", "notes", "outcome")} == {
        "present": [],  # the selection is what Present shows by default: left out
        "slide": ["3"],
        "notes": ["1"],
        "outcome": ["failure"],
    }
    next(b for b in at.button if b.label == "Next").click().run()
    assert url(at, "slide") == ["4"]
    next(b for b in at.button if b.label == "Hide notes").click().run()
    assert "notes" not in at.query_params
    assert not any(c.value == "Speaker notes" for c in at.caption)
