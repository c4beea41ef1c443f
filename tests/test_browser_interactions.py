"""Real-browser tests of what only a browser can do: click the table's rows and the charts'
marks, press the arrow keys, open the app in a Chinese browser, and open a link carrying
every URL parameter at once. Each test asserts the page stayed clean (assert_clean).

Expectations are worked out from the case files with atlas' pure functions, so the tests
follow the library as it grows.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from atlas.filters import Filters, apply, describe
from devtools.browser import assert_clean, wait_ready, watch

pytestmark = pytest.mark.browser


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def path_of(url: str) -> str:
    return urlsplit(url).path


def sentence(page) -> str:
    return page.locator(".st-key-selection-sentence").inner_text().strip()


def by_title(lib, table, filters: Filters) -> list:
    """The selection in the app's title order (case-insensitive: "ofo" among the O's)."""
    return sorted(lib.cases_in(apply(table, filters)["id"]), key=lambda c: c.title.casefold())


def said(table, filters: Filters) -> str:
    return describe(filters, len(apply(table, filters)))


# --- the table's rows: open a case, compare -------------------------------------------


def click_rows(page, indices: list[int], n_rows: int) -> None:
    """Tick rows of Explore's table by clicking their selection boxes (the grid is a canvas:
    a row is found by its position; rows and header are equally tall, and a table of more
    rows than fit scrolls, so the height comes from the rows shown without scrolling)."""
    box = page.get_by_test_id("stDataFrame").bounding_box()
    shown = min(n_rows, 10)  # Streamlit shows about ten rows before the table scrolls
    row = (box["height"] - 2) / (shown + 1) if n_rows <= 10 else 35
    for i in indices:
        assert i < shown, "a row below the fold cannot be clicked here"
        page.mouse.click(box["x"] + row / 2, box["y"] + row * (i + 1.5))


def test_ticked_rows_are_a_selection_that_a_link_restores(page, server, curated):
    lib, table = curated
    failures = Filters({"outcome": ("failure",)})
    shown = by_title(lib, table, failures)
    seen = watch(page)
    page.goto(f"{server.url}/explore?view=table&outcome=failure")
    wait_ready(page)
    assert page.get_by_role("button", name="Open case").count() == 0  # nothing ticked yet

    click_rows(page, [2], len(shown))
    page.wait_for_url(lambda url: query_of(url).get("ids") == [shown[2].id])
    page.get_by_text("1 ticked case").first.wait_for()
    wait_ready(page)
    page.get_by_role("button", name="Open case").click()
    page.wait_for_url(lambda url: path_of(url) == "/case")
    wait_ready(page)
    assert query_of(page.url) == {
        "case": [shown[2].id],
        "ids": [shown[2].id],
        "outcome": ["failure"],
    }
    assert page.get_by_role("heading", name=shown[2].title, exact=True).is_visible()
    assert_clean(page, seen)

    page.goto(f"{server.url}/explore?view=table&outcome=failure")
    wait_ready(page)
    click_rows(page, [0, 4], len(shown))
    compare = page.get_by_role("button", name="Compare 2")
    compare.wait_for()
    wait_ready(page)
    picked = f"{shown[0].id},{shown[4].id}"
    assert query_of(page.url)["ids"] == [picked]
    compare.click()
    page.wait_for_url(lambda url: path_of(url) == "/compare")
    wait_ready(page)
    assert query_of(page.url)["compare"] == [picked]
    for case in (shown[0], shown[4]):
        assert page.get_by_text(case.title, exact=True).first.is_visible()

    # the link restores the ticks: the bar names both, and Present plays exactly them
    page.goto(f"{server.url}/explore?view=table&outcome=failure&ids={picked}")
    wait_ready(page)
    page.get_by_text("2 ticked cases").first.wait_for()
    page.get_by_role("button", name="Present").click()
    page.wait_for_url(lambda url: path_of(url) == "/present")
    wait_ready(page)
    assert page.get_by_text("1 / 2").first.is_visible()
    page.goto(f"{server.url}/explore?view=table&outcome=failure&ids={picked}")
    wait_ready(page)
    page.get_by_role("button", name="Clear the ticks").click()
    page.wait_for_url(lambda url: "ids" not in query_of(url))
    wait_ready(page)
    assert page.get_by_text("ticked case").count() == 0
    assert_clean(page, seen)


# --- the overview's charts: click a mark to filter ------------------------------------

CHART_CLICKS = [
    # chart, the mark's description must contain, the filter a click adds
    (
        "outcome_by_industry",
        ["Industry: Finance & payments", "Outcome: Failure"],
        Filters({"industry": ("finance",)}),
    ),
    (
        "mode_outcome",
        ["Mode: Internet+", "Outcome: Failure"],
        Filters({"mode": ("internet_plus",), "outcome": ("failure",)}),
    ),
    (
        "industry_connection_grid",
        ["Industry: Finance & payments", "Connection: User – service"],
        Filters({"industry": ("finance",), "connection_types": ("user_service",)}),
    ),
    ("timeline", ["Year: 2015"], Filters(year_from=2015, year_to=2015)),
]


@pytest.mark.parametrize(
    ("chart", "mark", "filters"), CHART_CLICKS, ids=[c[0] for c in CHART_CLICKS]
)
def test_clicking_each_overview_chart_filters_by_what_was_clicked(
    page, server, curated, chart, mark, filters
):
    from atlas.filters import to_query

    seen = watch(page)
    page.goto(server.url)
    wait_ready(page)
    assert sentence(page) == said(curated[1], Filters())
    # Vega describes each mark in its aria-label: used only to find the mark to click
    selector = "".join(f'[aria-label*="{part}"]' for part in mark)
    target = page.locator(f".st-key-chart_{chart} path{selector}").first
    # a cell's count is drawn on its middle: click inside the cell, beside the number
    target.click(position={"x": 3, "y": 3})
    wanted = {k: [v] if isinstance(v, str) else v for k, v in to_query(filters).items()}
    page.wait_for_url(lambda url: query_of(url) == wanted)
    wait_ready(page)
    assert sentence(page) == said(curated[1], filters)
    assert_clean(page, seen)


# --- the case page's arrow keys --------------------------------------------------------


def test_the_arrow_keys_step_through_the_selection_on_the_case_page(page, server, curated):
    lib, table = curated
    failures = Filters({"outcome": ("failure",)})
    shown = by_title(lib, table, failures)
    seen = watch(page)
    page.goto(f"{server.url}/case?case={shown[0].id}&outcome=failure")
    wait_ready(page)
    assert page.get_by_role("heading", name=shown[0].title, exact=True).is_visible()
    for key, step in (("ArrowRight", 1), ("ArrowRight", 2), ("ArrowLeft", 1)):
        page.keyboard.press(key)
        page.wait_for_url(lambda url, i=step: query_of(url).get("case") == [shown[i].id])
        wait_ready(page)
        assert page.get_by_role("heading", name=shown[step].title, exact=True).is_visible()
        assert page.get_by_text(f"Case {step + 1} of {len(shown)}").first.is_visible()
    assert query_of(page.url)["outcome"] == ["failure"]  # the selection is kept
    assert_clean(page, seen)


def test_the_last_case_of_the_selection_stays_on_arrow_right(page, server, curated):
    lib, table = curated
    shown = by_title(lib, table, Filters({"outcome": ("failure",)}))
    seen = watch(page)
    page.goto(f"{server.url}/case?case={shown[-1].id}&outcome=failure")
    wait_ready(page)
    assert page.get_by_role("button", name="Next").is_disabled()  # what → would press
    page.keyboard.press("ArrowRight")
    wait_ready(page)
    assert query_of(page.url)["case"] == [shown[-1].id]
    assert page.get_by_text(f"Case {len(shown)} of {len(shown)}").first.is_visible()
    assert_clean(page, seen)


# --- the browser's language -----------------------------------------------------------


def test_a_chinese_browser_gets_chinese_without_asking(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    try:
        page = ctx.new_page()
        seen = watch(page)
        page.goto(f"{server.url}/explore?outcome=failure")
        wait_ready(page)
        assert page.get_by_role("heading", name="探索").is_visible()
        assert re.match(r"^\d+ 个案例", sentence(page)), sentence(page)
        assert query_of(page.url)["lang"] == ["zh"]  # a copied link keeps the language
        assert_clean(page, seen)
    finally:
        ctx.close()


def test_an_english_browser_gets_english_and_no_lang_parameter(page, server):
    seen = watch(page)
    page.goto(f"{server.url}/explore?outcome=failure")
    wait_ready(page)
    assert page.get_by_role("heading", name="Explore").is_visible()
    assert "lang" not in query_of(page.url)
    assert_clean(page, seen)


# --- a link with every parameter ------------------------------------------------------


def test_a_link_with_every_filter_and_page_parameter_comes_back_unchanged(page, server, curated):
    """URL -> widgets -> URL in the browser: the parameters of the README's table at once,
    facet values given as labels in another case; the app rewrites them as values."""
    lib, table = curated
    case = next(c for c in lib.cases if c.id == "p2p-lending-collapse")
    given = [
        ("industry", case.industry.label.upper()),
        ("connection", case.connection_types[0].value),
        ("outcome", case.outcome.status.label.lower()),
        ("mode", case.mode.label),
        ("thinking", case.thinking.value),
        ("stage", case.stage.label),
        ("region", case.region.value),
        ("ownership", case.ownership.value),
        ("tech", case.technologies[0].label),
        ("idea", case.ideas[0].value),
        ("evidence", case.evidence.value),
        ("from", str(case.years.start)),
        ("to", str(case.years.start + 1)),
        ("q", "Ezubao"),  # a name: searched as text, not read as a filter
        ("view", "table"),
        ("sort", "newest"),
    ]
    canonical = {
        "industry": [case.industry.value],
        "connection": [case.connection_types[0].value],
        "outcome": [case.outcome.status.value],
        "mode": [case.mode.value],
        "thinking": [case.thinking.value],
        "stage": [case.stage.value],
        "region": [case.region.value],
        "ownership": [case.ownership.value],
        "tech": [case.technologies[0].value],
        "idea": [case.ideas[0].value],
        "evidence": [case.evidence.value],
        "from": [str(case.years.start)],
        "to": [str(case.years.start + 1)],
        "q": ["Ezubao"],
        "view": ["table"],
        "sort": ["newest"],
    }
    seen = watch(page)
    page.goto(f"{server.url}/explore?{urlencode(given, quote_via=quote)}")
    wait_ready(page)
    page.wait_for_url(lambda url: query_of(url) == canonical)
    from atlas.filters import from_query

    filters, notices = from_query({k: v for k, v in given if k not in ("view", "sort")})
    assert notices == []
    assert sentence(page) == said(table, filters)
    assert page.get_by_test_id("stDataFrame").is_visible()  # view=table applied
    assert case in lib.cases_in(apply(table, filters)["id"])
    assert_clean(page, seen)


# --- a tour built on Tours, reordered, presented and reloaded ---------------------------


def test_a_built_tour_survives_a_reload_of_its_slide(page, server, curated):
    lib, table = curated
    cases = by_title(lib, table, Filters({"outcome": ("failure",)}))[:3]
    seen = watch(page)
    page.goto(f"{server.url}/tours?ids={','.join(c.id for c in cases)}")
    wait_ready(page)
    page.locator(f".st-key-up_{cases[2].id}").get_by_role("button").first.click()
    order = [cases[0], cases[2], cases[1]]  # the third stop moved up
    page.wait_for_function(
        "([a, b]) => { const t = document.body.innerText; "
        "return t.indexOf('2. ' + a) >= 0 && t.indexOf('3. ' + b) >= 0; }",
        arg=[order[1].title, order[2].title],
    )
    wait_ready(page)
    page.get_by_role("button", name="Present this tour").click()
    page.wait_for_url(lambda url: path_of(url) == "/present" and "tour" in query_of(url))
    wait_ready(page)
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(lambda url: query_of(url).get("slide") == ["2"])
    wait_ready(page)
    link = page.url
    page.reload()
    wait_ready(page)
    assert page.url == link
    assert page.get_by_text("2 / 3").first.is_visible()
    assert page.get_by_role("heading", name=order[1].title, exact=True).is_visible()
    page.get_by_role("button", name="Slides").click()
    for n, case in enumerate(order, 1):
        expect(page.get_by_role("button", name=f"{n}. {case.title}")).to_be_visible()
    assert_clean(page, seen)
