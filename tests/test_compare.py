import pytest

from atlas.compare import FIELDS, compare_rows, parse_compare_param
from atlas.loader import load_library
from tests.conftest import GOOD


def test_rows_cover_every_field_and_mark_differences():
    a, b = load_library(GOOD).cases
    rows = {r.field: r for r in compare_rows([a, b])}
    assert list(rows) == [name for name, _ in FIELDS]
    assert not rows["Mode"].differs  # both fixtures are +Internet
    assert rows["Mode"].values == ("+Internet", "+Internet")
    assert rows["Connections before"].values[0].startswith("Walk-in customer — Bakery counter")


def test_a_changed_field_differs(good_case_data):
    from atlas.schema import Case

    a = Case.model_validate(good_case_data)
    b = Case.model_validate(good_case_data | {"id": "other", "mode": "internet_plus"})
    rows = {r.field: r for r in compare_rows([a, b])}
    assert rows["Mode"].differs and rows["Mode"].values == ("+Internet", "Internet+")
    assert not rows["Industry"].differs


@pytest.mark.parametrize(
    ("raw", "ids", "n_notices"),
    [
        ("a,b", ["a", "b"], 0),
        (" a , b ,a,", ["a", "b"], 0),
        ("a,zz,b", ["a", "b"], 1),
        ("a,b,c,d,e", ["a", "b", "c", "d"], 1),
        ("", [], 0),
        ("<script>", [], 1),
    ],
)
def test_parse_compare_param(raw, ids, n_notices):
    got, notices = parse_compare_param(raw, {"a", "b", "c", "d", "e"})
    assert got == ids and len(notices) == n_notices


def test_the_compare_page_offers_its_exports(app_test):
    from tests.conftest import ROOT
    from tests.test_app import run_page

    at = app_test(ROOT / "cases", compare="uber-taxi,didi-uber-china")
    at = run_page(at, "app_pages/compare.py")
    assert not at.exception
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"CSV", "Markdown", "PowerPoint deck"} <= labels


@pytest.mark.parametrize(
    ("lang", "typed", "first"),
    [("en", "Uber", "Uber against the taxi trade"), ("zh", "Uber", "优步与出租车行业之争")],
)
def test_the_picker_offers_exact_and_prefix_matches_first_in_the_language(
    app_test, lang, typed, first
):
    from tests.conftest import ROOT
    from tests.test_app import run_page

    at = run_page(app_test(ROOT / "cases", lang=lang), "app_pages/compare.py")
    at.text_input(key="compare_find").input(typed).run()
    offered = [b.label for b in at.button if b.key.startswith("compare_add_")]
    assert offered[0] == first and len(offered) == 3  # the Uber cases, no fuzzy ones
    at.button(key="compare_add_uber-taxi").click().run()
    at.button(key="compare_add_didi-uber-china").click().run()
    assert not at.exception
    assert at.multiselect[0].value == ["uber-taxi", "didi-uber-china"]
    assert at.query_params["compare"] == "uber-taxi,didi-uber-china"
    assert first in at.multiselect[0].options  # the picker's titles, in the language
