"""AppTest runs of every page of the app, on the real library and on broken folders."""

import re

import pytest

from tests.conftest import GOOD, ROOT
from ui import pages

PAGES = [p.file for p in pages.PAGES]  # the registry: every page, the default first


def run_page(at, page: str):
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    return at


def open_page(app_test, folder, page: str, **query):
    """One run of `page` on `folder`, opened by a link that carries `query`."""
    at = app_test(folder)
    at.run()
    at.switch_page(page)
    for key, value in query.items():  # switch_page drops the query, as navigation does
        at.query_params[key] = value
    return at.run()


def all_text(at) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for e in at.title] + [str(e.label) for e in at.expander]
    parts += [e.value for e in at.warning] + [e.value for e in at.info]
    # as a reader sees it: Markdown escapes and bold marks removed
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts)).replace("**", "")


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


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_folder(app_test, tmp_path, page):
    (tmp_path / "empty").mkdir()
    at = run_page(app_test(tmp_path / "empty"), page)
    assert not at.exception
    assert at.title, "the page drew itself: a title at least"


def test_explore_lists_the_good_cases_beside_broken_files(app_test, mixed_folder):
    at = app_test(mixed_folder, view="table")
    at = run_page(at, "app_pages/explore.py")
    titles = sorted(at.dataframe[0].value["Case"])
    assert titles == [
        "A corner shop takes orders in a chat app",
        "A neighbourhood bakery adds online orders and delivery",
    ]


def test_no_notice_when_every_file_loads(app_test):
    at = run_page(app_test(GOOD), PAGES[0])
    assert "could not be loaded" not in all_text(at)


def test_data_health_lists_every_problem(app_test, mixed_folder):
    at = run_page(app_test(mixed_folder), "app_pages/data_health.py")
    text = all_text(at)
    for words in ("alias-bomb", "file is empty", "not valid UTF-8", "outcome.status"):
        assert words in text
    assert [m.value for m in at.metric] == ["2", "4", "4"]


def test_data_health_names_the_folder_without_the_servers_path(app_test, mixed_folder):
    at = run_page(app_test(mixed_folder), "app_pages/data_health.py")
    text = all_text(at)
    assert f"Case folder: {mixed_folder.name}" in text
    assert str(mixed_folder.parent) not in text


def test_data_health_all_clear(app_test):
    at = run_page(app_test(GOOD), "app_pages/data_health.py")
    assert at.success[0].value == "Every case file is valid."


def test_every_page_and_component_compiles():
    # AppTest does not report a syntax error in a page as an exception: compile them all.
    import py_compile

    files = [
        ROOT / "app.py",
        *ROOT.glob("app_pages/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("components/*.py"),
    ]
    for path in files:
        py_compile.compile(str(path), doraise=True)


def test_concepts_link_the_cases_they_do_not_list_to_explore(app_test):
    from urllib.parse import parse_qs

    from atlas.facets import FACET_BY_PARAM

    at = run_page(app_test(ROOT / "cases"), "app_pages/concepts.py")
    assert not at.exception
    more = [link.proto for link in at.get("page_link") if "more: all" in link.proto.label]
    assert more, "a concept with more cases than it lists links to Explore"
    for proto in more:
        assert proto.page == "explore"
        ((param, (value,)),) = parse_qs(proto.query_string).items()
        assert value in FACET_BY_PARAM[param].vocabulary.values()
    assert any(p.query_string == "mode=plus_internet" for p in more)


def test_the_overview_names_and_links_a_single_match(app_test, small_library):
    at = app_test(small_library, industry="transportation")
    at.run()
    links = [link.proto for link in at.get("page_link") if link.proto.page == "case"]
    assert [(p.label.replace("\\", ""), p.query_string) for p in links] == [
        ("Case taxi-fail", "industry=transportation&case=taxi-fail")
    ]
    assert "The case:" in all_text(at)
