"""Hostile URLs: random and malformed query parameters on every page never raise.

Property-based (hypothesis): random keys and values, repeated keys, huge values, unicode,
and the app's own keys with junk. Each page must run without an exception, draw its
title, and name in its notice everything the pure URL parser (atlas.filters.from_query)
refuses and every parameter the page does not use: what was ignored is said, and the rest
falls back to defaults.
"""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import parse_qs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from atlas.filters import from_query
from tests.conftest import APP, APPTEST_TIMEOUT, GOOD
from tests.test_app import PAGES
from ui import pages
from ui.params import FILTERS, LANGUAGE, PARAMS

SHARED = FILTERS.names | LANGUAGE.names
ALL_PARAMS = SHARED | set(PARAMS)

STREAMLIT_MAX_PARAMS = 1000  # key=value pairs; more and Streamlit drops them all
KNOWN_KEYS = ["industry", "outcome", "connection", "from", "to", "q", "case", "view", "sort", "p"]
NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "١٩٩٩",  # Arabic-Indic digits: int() reads them
    "9" * 5000,  # int() refuses more than 4300 digits
    "1799",
    "2015",
    "3000",
    "finance",
    "Finance & payments",
    "FAILURE",
    "table",
    "newest",
    "corner-shop-online",
    "<script>alert(1)</script>",
    "![x](http://evil.example/x.png)",
    "$x$",
    ":material/home:",
    "\u202egnp.exe",
    "\x00",
    "%00%ff",
    "../../etc/passwd",
    "x" * 100_000,
]
VALUES = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))
KEYS = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    # other pages' parameters (compare, present, lang...) are not this test's business
    st.text(min_size=1, max_size=20).filter(lambda k: k not in ALL_PARAMS),
)
QUERIES = st.dictionaries(
    KEYS,
    st.one_of(
        st.lists(VALUES, min_size=1, max_size=4),
        st.just(["finance"] * 300),  # one key repeated many times
    ),
    max_size=6,
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module", autouse=True)
def library(tmp_path_factory):
    """The good cases; the variable is restored after the module."""
    folder = tmp_path_factory.mktemp("urls") / "cases"
    shutil.copytree(GOOD, folder)
    before = os.environ.get("ATLAS_CASES_DIR")
    os.environ["ATLAS_CASES_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("ATLAS_CASES_DIR")
    else:
        os.environ["ATLAS_CASES_DIR"] = before


def open_page(page: str, query: dict[str, list[str]]) -> AppTest:
    """One run of `page`, opened by a link that carries `query`."""
    at = AppTest.from_file(APP, default_timeout=APPTEST_TIMEOUT)
    if page != PAGES[0]:
        # AppTest runs the default page first, whatever was switched to before: run it,
        # then open the page with the link's query (the navigation drops the old one).
        at.run()
        at.switch_page(page)
    for key, values in query.items():
        at.query_params[key] = values
    return at.run()


def expected_notices(page: str, query: dict[str, list[str]]) -> list[str]:
    """What the notice must say: the filter values the parser refuses, and each parameter
    the page does not own, quoted (a link without a page path goes to its parameters' page)."""
    if sum(map(len, query.values())) > STREAMLIT_MAX_PARAMS:
        return []  # Streamlit ignores the whole query string: the page shows its defaults
    spec = next(p for p in pages.PAGES if p.file == page)
    if spec.default and (owner := pages.owner_of(query)) is not None:
        spec = owner
    _, notices = from_query({k: v for k, v in query.items() if k in FILTERS.names})
    strays = sorted(k for k in query if k not in SHARED | set(spec.params))
    strays = [repr(k[:30]) for k in strays]
    return notices + strays[:5]


def as_read(markdown: str) -> str:
    """A notice as the reader sees it: the app escapes Markdown in URL-derived text."""
    return re.sub(r"\\(.)", r"\1", markdown)


def sort_shown(at: AppTest) -> str:
    return at.selectbox[0].value


def title(at: AppTest) -> str:
    return at.title[0].value


def check_page(page: str, query: dict[str, list[str]]) -> AppTest:
    at = open_page(page, query)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title, "the page drew its title: it fell back to defaults"
    shown = " ".join(as_read(w.value) for w in at.warning)
    missing = [n for n in expected_notices(page, query) if n not in shown]
    assert not missing, f"notices not shown: {missing}"
    return at


@pytest.mark.parametrize("page", PAGES)
@FUZZ
@given(query=QUERIES)
def test_random_query_parameters_never_raise(page, query):
    check_page(page, query)


GOOD_IDS = ["corner-shop-online", "bakery-o2o-delivery"]  # in title order
GOOD_TITLES = [
    "A corner shop takes orders in a chat app",
    "A neighbourhood bakery adds online orders and delivery",
]


def cards(at) -> list[str]:
    """The case ids of the cards shown, in order (each card links to its case)."""
    links = [e.proto for e in at.get("page_link") if e.proto.page == "case"]
    return [parse_qs(link.query_string)["case"][0] for link in links]


def table_titles(at) -> list[str]:
    return list(at.dataframe[0].value["Case"]) if at.dataframe else []


def sentence(at) -> str:
    """The selection sentence, drawn in bold: "2 cases: the whole library"."""
    said = [as_read(m.value) for m in at.markdown]
    return next(t.strip("*") for t in said if re.match(r"\*\*\d+ cases?: ", t))


@pytest.mark.parametrize(
    ("page", "query", "check"),
    [
        # junk or repeated values fall back to the cards, which show the whole library
        ("app_pages/explore.py", {"view": ["grid'><b>"]}, lambda at: cards(at) == GOOD_IDS),
        ("app_pages/explore.py", {"view": ["table", "cards"]}, lambda at: cards(at) == GOOD_IDS),
        (
            "app_pages/explore.py",
            {"sort": ["nonsense"]},
            lambda at: at.selectbox[0].value == "title",
        ),
        # a page number int() cannot read is the first page
        ("app_pages/explore.py", {"p": ["9" * 5000]}, lambda at: cards(at) == GOOD_IDS),
        (
            "app_pages/explore.py",
            {"p": ["-3"], "view": ["table"]},
            lambda at: table_titles(at) == GOOD_TITLES,
        ),
        (
            "app_pages/case.py",
            {"case": ["x" * 100_000]},
            lambda at: (
                "case='xxxxx" in as_read(at.warning[0].value) and at.title[0].value == "Case"
            ),
        ),
        (
            "app_pages/explore.py",
            {"p": ["9" * 5000]},
            lambda at: (
                "p='99999" in as_read(at.warning[0].value) and at.title[0].value == "Explore"
            ),
        ),
        (
            "app_pages/explore.py",
            {"p": ["-3"], "view": ["table"]},
            lambda at: len(at.dataframe) == 1,
        ),
        (
            "app_pages/case.py",
            {"case": ["x" * 100_000]},
            lambda at: (
                "case='xxxxx" in as_read(at.warning[0].value) and at.title[0].value == "Case"
            ),
        ),
        (
            "app_pages/case.py",
            {"case": ["../corner-shop-online"]},
            lambda at: at.title[0].value == "Case",
        ),
        # both years unusable: both dropped, the whole library shown
        (
            "app_pages/overview.py",
            {"from": ["3000"], "to": ["1799"]},
            lambda at: sentence(at) == "2 cases: the whole library" and at.metric[0].value == "2",
        ),
        (
            "app_pages/overview.py",
            {"q": ["x" * 100_000]},
            lambda at: "cut to 200" in at.warning[0].value and sentence(at).startswith("0 cases"),
        ),
    ],
)
def test_known_keys_with_junk_fall_back_to_defaults(page, query, check):
    at = check_page(page, query)
    assert check(at)
