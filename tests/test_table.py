from atlas.loader import load_library
from atlas.table import COLUMNS, LIST_FACETS, cases_table
from tests.conftest import GOOD


def test_one_row_per_case_with_every_column():
    lib = load_library(GOOD)
    table = cases_table(lib.cases)
    assert list(table.columns) == list(COLUMNS)
    assert len(table) == 2
    row = table.set_index("id").loc["bakery-o2o-delivery"]
    assert row["mode"] == "plus_internet"
    assert row["outcome"] == "mixed"
    assert row["connection_types"] == ("user_merchant",)
    assert row["year_start"] == 2015
    assert "family bakery" in row["search_text"]


def test_list_columns_hold_tuples():
    table = cases_table(load_library(GOOD).cases)
    for col in LIST_FACETS:
        assert all(isinstance(v, tuple) for v in table[col])


def test_empty_library_gives_an_empty_table_with_columns():
    table = cases_table([])
    assert table.empty and list(table.columns) == list(COLUMNS)
