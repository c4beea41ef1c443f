"""AppTest runs of every page of the app, on the real library and on broken folders."""

import pytest

from tests.conftest import GOOD

PAGES = ["views/explore.py", "views/data_health.py"]


def run_page(at, page: str):
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    return at


def all_text(at) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for e in at.title] + [str(e.label) for e in at.expander]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_real_library(app_test, page):
    at = run_page(app_test(), page)
    assert not at.exception
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_a_broken_folder(app_test, mixed_folder, page):
    at = run_page(app_test(mixed_folder), page)
    assert not at.exception
    assert "4 case files could not be loaded" in all_text(at)


def test_cases_page_lists_the_good_cases_beside_broken_files(app_test, mixed_folder):
    at = run_page(app_test(mixed_folder), PAGES[0])
    titles = list(at.dataframe[0].value["title"])
    assert sorted(titles) == [
        "A corner shop takes orders in a chat app",
        "A neighbourhood bakery adds online orders and delivery",
    ]


def test_no_notice_when_every_file_loads(app_test):
    at = run_page(app_test(GOOD), PAGES[0])
    assert "could not be loaded" not in all_text(at)
    assert not at.expander


def test_data_health_lists_every_problem(app_test, mixed_folder):
    at = run_page(app_test(mixed_folder), "views/data_health.py")
    text = all_text(at)
    for words in ("alias\\-bomb", "file is empty", "not valid UTF\\-8", "outcome\\.status"):
        assert words in text
    assert [m.value for m in at.metric] == ["2", "4", "4"]


def test_data_health_all_clear(app_test):
    at = run_page(app_test(GOOD), "views/data_health.py")
    assert at.success[0].value == "Every case file is valid."


def test_every_page_and_component_compiles():
    # AppTest does not report a syntax error in a page as an exception: compile them all.
    import py_compile

    from tests.conftest import ROOT

    files = [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("components/*.py")]
    for path in files:
        py_compile.compile(str(path), doraise=True)
