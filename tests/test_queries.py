"""Orders, pages, key figures and cases with a term: the pages' questions, without Streamlit."""

import pandas as pd
import pytest

from atlas.queries import cases_with, key_figures, page_of, sort_cases


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "title": ["beta", "Alpha", "delta", "Charlie"],
            "year_start": [2015, 2010, 2015, 2020],
            "outcome": ["failure", "success", "mixed", "failure"],
            "industry": ["finance", "retail", "finance", "retail"],
            "mode": ["internet_plus", "plus_internet", "internet_plus", "internet_plus"],
            "connection_types": [("user_driver",), ("user_service", "user_driver"), (), ()],
        }
    )


def test_sort_orders_are_stable_and_a_title_key_replaces_the_title(table):
    assert list(sort_cases(table, "newest")["id"]) == ["d", "a", "c", "b"]  # then by title
    assert list(sort_cases(table, "oldest")["id"]) == ["b", "a", "c", "d"]
    assert list(sort_cases(table, "title")["id"]) == ["b", "d", "a", "c"]  # case-sensitive
    folded = table["title"].str.casefold()
    assert list(sort_cases(table, "title", folded)["id"]) == ["b", "a", "d", "c"]
    assert list(sort_cases(table, "nonsense")["id"]) == ["b", "d", "a", "c"]  # falls back


@pytest.mark.parametrize(
    ("number", "shown", "rows"),
    [(1, 1, ["a", "b"]), (2, 2, ["c", "d"]), (9, 2, ["c", "d"]), (0, 1, ["a", "b"])],
)
def test_a_page_past_the_last_gives_the_last(table, number, shown, rows):
    page = page_of(table, number, 2)
    assert (page.number, page.pages, list(page.rows["id"])) == (shown, 2, rows)
    assert page.clamped == (number != shown)


def test_an_empty_table_has_one_empty_page(table):
    page = page_of(table.iloc[:0], 3, 12)
    assert (page.number, page.pages, len(page.rows)) == (1, 1, 0)


def test_key_figures(table):
    figures = key_figures(table)
    assert (figures.cases, figures.troubled, figures.industries) == (4, 3, 2)
    assert figures.connection_types == 2 and figures.internet_plus_share == 0.75
    assert key_figures(table.iloc[:0]).internet_plus_share is None


def test_cases_with_a_value_of_a_list_or_a_single_facet(table):
    assert list(cases_with(table, "connection_types", "user_driver")["id"]) == ["a", "b"]
    assert list(cases_with(table, "industry", "retail")["id"]) == ["b", "d"]
