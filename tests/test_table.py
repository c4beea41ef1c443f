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


def test_a_table_built_from_stored_rows_is_the_table_built_from_the_cases(tmp_path):
    """The loader's rows (parsed, or from the snapshot) give exactly the cases' table."""
    import pandas as pd

    from atlas.synth import write_library
    from tests.conftest import ROOT

    folder = tmp_path / "cases"
    write_library(folder, 30)
    for lib in (load_library(ROOT / "cases"), load_library(GOOD), load_library(folder)):
        plain = cases_table(list(lib.cases))  # built case by case
        stored = cases_table(lib.cases)  # the rows the loader kept
        pd.testing.assert_frame_equal(stored, plain)
        assert stored.dtypes.to_dict() == plain.dtypes.to_dict()
        pd.testing.assert_frame_equal(cases_table(lib.cases), plain)  # rows gone: built


def test_equal_tuples_in_a_built_table_are_one_object():
    """Memory: most cases share their lists of facet values; the table keeps one of each."""
    from tests.conftest import ROOT

    table = cases_table(load_library(ROOT / "cases").cases)
    for column in ("connection_types", "countries"):
        values = list(table[column])
        assert len({id(v) for v in values}) == len(set(values)) < len(values)
