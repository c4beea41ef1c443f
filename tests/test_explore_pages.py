"""AppTest: Explore's sort orders and pages, on a library of 61 synthetic cases.

The README promises the selection "as cards or as a table, sortable, a page at a time", with
the order and the page in the URL (`sort`, `p`). The expected orders are worked out here from
the case files, by what the reader sees (titles, start years, labels), not by the app's code.
"""

from __future__ import annotations

import pytest

from atlas.loader import load_library
from tests.conftest import APP, APPTEST_TIMEOUT, BIG_LIBRARY_SIZE

EXPLORE = "app_pages/explore.py"
CARDS, ROWS = 12, 50  # per page
ORDERS = {
    "title": lambda c: c.title,
    "newest": lambda c: (-c.years.start, c.title),
    "oldest": lambda c: (c.years.start, c.title),
    "outcome": lambda c: (c.outcome.status.label, c.title),
    "industry": lambda c: (c.industry.label, c.title),
}


@pytest.fixture(scope="module")
def in_order(big_library) -> dict[str, list]:
    """sort -> the cases in the order the reader should see them."""
    cases = load_library(big_library).cases
    assert len(cases) == BIG_LIBRARY_SIZE
    return {sort: sorted(cases, key=key) for sort, key in ORDERS.items()}


@pytest.fixture
def explore(big_library, monkeypatch):
    """Explore opened by a link carrying `query`, as a browser opens it."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ATLAS_CASES_DIR", str(big_library))

    def open_explore(**query):
        at = AppTest.from_file(APP, default_timeout=APPTEST_TIMEOUT)
        at.switch_page(EXPLORE)
        for key, value in query.items():
            at.query_params[key] = value
        return at.run()

    return open_explore


def cards(at) -> list[str]:
    """The ids of the cases shown as cards, in reading order: the grid's rows, left to right
    (each card links to its case; AppTest lists a grid column by column)."""
    from urllib.parse import parse_qs

    def linked(block) -> list[str]:
        links = [e.proto for e in block.get("page_link") if e.proto.page == "case"]
        return [parse_qs(link.query_string)["case"][0] for link in links]

    grid = [ids for ids in map(linked, at.columns) if ids]
    return [col[r] for r in range(max(map(len, grid), default=0)) for col in grid if r < len(col)]


def rows(at) -> list[str]:
    """The titles in the table, in order."""
    return list(at.dataframe[0].value["Case"]) if at.dataframe else []


def pager(at) -> str | None:
    """The pager as the reader sees it ("Page 2 of 6"); None when there is none."""
    if not at.pagination:
        return None
    widget = at.pagination[0]
    return f"Page {widget.value} of {widget.num_pages}"


def turn(at, step: int):
    """Press the pager's next (+1) or previous (-1) arrow."""
    widget = at.pagination[0]
    return widget.set_value(widget.value + step).run()


def on_last_page(at) -> bool:
    return at.pagination[0].value == at.pagination[0].num_pages


def ids(cases) -> list[str]:
    return [c.id for c in cases]


def titles(cases) -> list[str]:
    return [c.title for c in cases]


@pytest.mark.parametrize("sort", list(ORDERS))
def test_every_sort_order_in_the_table_page_by_page(explore, in_order, sort):
    expected = in_order[sort]
    at = explore(view="table", sort=sort)
    assert not at.exception
    assert at.selectbox[0].value == sort
    assert rows(at) == titles(expected[:ROWS])
    assert pager(at) == "Page 1 of 2"
    turn(at, +1)
    assert at.query_params["p"] == "2"
    assert at.query_params.get("sort") == (None if sort == "title" else sort)  # default: left out
    assert rows(at) == titles(expected[ROWS:])  # the 11 left
    assert pager(at) == "Page 2 of 2" and on_last_page(at)


def test_the_default_order_is_by_title_and_left_out_of_the_url(explore, in_order):
    at = explore(view="table")
    assert rows(at) == titles(in_order["title"][:ROWS])
    assert "sort" not in at.query_params


def test_cards_come_twelve_to_a_page_and_the_buttons_turn_them(explore, in_order):
    expected = ids(in_order["title"])
    at = explore()
    assert cards(at) == expected[:CARDS]
    assert pager(at) == "Page 1 of 6"
    turn(at, +1)
    assert at.query_params["p"] == "2"
    assert cards(at) == expected[CARDS : 2 * CARDS]
    turn(at, -1)
    assert "p" not in at.query_params  # the first page is the default: left out
    assert cards(at) == expected[:CARDS]


def test_a_link_opens_its_page_of_cards(explore, in_order):
    expected = ids(in_order["newest"])
    at = explore(sort="newest", p="3")
    assert cards(at) == expected[2 * CARDS : 3 * CARDS]
    assert pager(at) == "Page 3 of 6"
    at = explore(sort="newest", p="6")
    assert cards(at) == expected[5 * CARDS :] and len(cards(at)) == 1
    assert on_last_page(at)


@pytest.mark.parametrize(
    ("p", "shown"),
    [("99", 6), ("7", 6), ("0", 1), ("-2", 1), ("2.5", 1), ("two", 1), ("", 1)],
)
def test_a_page_out_of_range_shows_the_nearest_page(explore, in_order, p, shown):
    at = explore(p=p)
    assert not at.exception
    assert cards(at) == ids(in_order["title"])[(shown - 1) * CARDS : shown * CARDS]
    assert pager(at) == f"Page {shown} of 6"


def test_a_new_order_starts_on_the_first_page(explore, in_order):
    at = explore(p="3")
    at.selectbox[0].set_value("oldest").run()
    assert "p" not in at.query_params and at.query_params["sort"] == "oldest"
    assert cards(at) == ids(in_order["oldest"])[:CARDS]


def test_a_new_selection_starts_on_the_first_page(explore, in_order):
    at = explore(p="4")
    at.multiselect(key="w.flt.outcome").set_value(["failure"]).run()
    assert "p" not in at.query_params
    failures = [c for c in in_order["title"] if c.outcome.status.value == "failure"]
    assert cards(at) == ids(failures)[:CARDS]
    assert pager(at) == f"Page 1 of {-(-len(failures) // CARDS)}"


def test_one_page_needs_no_pager(explore, in_order):
    at = explore(view="table")  # 61 rows: two pages of 50
    assert pager(at) is not None
    at = explore(outcome="success")  # 15 cases: two pages of 12 cards
    assert pager(at) == "Page 1 of 2"
    at = explore(outcome="success", view="table")
    assert pager(at) is None
    assert sorted(rows(at)) == sorted(
        c.title for c in in_order["title"] if c.outcome.status.value == "success"
    )
