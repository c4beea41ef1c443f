"""Real-browser tests: Debian's Chromium through Playwright against a live server.

Each test also asserts that the page asked nothing of any host but the app's own (the
app must work in an offline meeting room) and logged no error (assert_clean).
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from atlas.i18n import translator
from atlas.loader import load_library
from devtools.browser import assert_clean, exceptions_on, wait_ready, watch
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
ZH = translator("zh")

PAGES = [
    ("", "Transformation Atlas"),
    ("explore", "Explore"),
    ("case?case=wechat-shake", "WeChat Shake"),
    ("concepts", "Concepts"),
    ("data-health", "Data health"),
]


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def choose(page, widget_label: str, option_prefix: str, param: str, value: str) -> None:
    """Pick an option of a sidebar multiselect by clicking, as a person does; wait until
    the app has written it to the URL."""
    box = page.get_by_role("combobox", name=widget_label)
    option = page.get_by_role("option").filter(has_text=option_prefix).first
    for _ in range(3):  # a rerun that is still drawing can close the list: open it again
        wait_ready(page)
        box.click()
        try:
            option.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_url(lambda url: value in parse_qs(urlsplit(url).query).get(param, []))
    wait_ready(page)


def sentence(page) -> str:
    return page.locator(".st-key-selection-sentence").inner_text()


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_renders_offline_without_errors(page, server, path, heading):
    seen = watch(page)
    page.goto(f"{server.url}/{path}")
    wait_ready(page)  # the run is over and its charts, graphs, images and fonts are drawn
    assert page.get_by_role("heading", name=heading).first.is_visible()
    assert_clean(page, seen)


def test_clicking_filters_answers_a_question_and_the_link_restores_it(browser, page, server):
    """Which failed cases in finance involved user-to-service connections? By clicks alone."""
    seen = watch(page)
    page.goto(f"{server.url}/explore")
    wait_ready(page)
    choose(page, "Industry", "Finance & payments", "industry", "finance")
    choose(page, "Connection type", "User – service", "connection", "user_service")
    choose(page, "Outcome", "Failure", "outcome", "failure")
    query = query_of(page)
    assert query["industry"] == ["finance"] and query["outcome"] == ["failure"]
    assert query["connection"] == ["user_service"]
    answer = sentence(page)
    assert "Finance & payments, connection User – service, outcome Failure" in answer
    assert page.get_by_text("China's P2P lending boom").first.is_visible()

    # a colleague opens the copied link in another browser
    other = browser.new_context(viewport={"width": 1280, "height": 1000})
    try:
        second = other.new_page()
        second.goto(page.url)
        wait_ready(second)
        assert sentence(second) == answer
        assert exceptions_on(second) == []
    finally:
        other.close()
    assert_clean(page, seen)


def test_clicking_a_chart_bar_filters_the_app(page, server):
    seen = watch(page)
    page.goto(server.url)
    wait_ready(page)
    assert "the whole library" in sentence(page)
    chart = page.get_by_role("img").filter(has_text="Outcomes by industry")
    chart.locator("g.mark-rect path").first.click()  # a bar of Vega's SVG
    page.wait_for_url(lambda url: "industry" in parse_qs(urlsplit(url).query))
    wait_ready(page)
    industry = query_of(page).get("industry")
    assert industry and len(industry) == 1
    assert "the whole library" not in sentence(page)
    assert_clean(page, seen)


def test_removing_a_chip_keeps_the_other_filters(page, server):
    seen = watch(page)
    page.goto(f"{server.url}/explore?outcome=failure&industry=finance")
    wait_ready(page)
    page.locator(".st-key-selection-chips").get_by_role("button", name="Failure").click()
    page.wait_for_url(lambda url: "outcome" not in parse_qs(urlsplit(url).query))
    wait_ready(page)
    assert query_of(page)["industry"] == ["finance"]
    assert_clean(page, seen)


def test_deep_link_to_a_case_and_on_to_a_related_one(page, server):
    seen = watch(page)
    page.goto(f"{server.url}/case?case=uber-taxi")
    wait_ready(page)
    assert page.get_by_role("heading", name="Uber against the taxi trade").is_visible()
    related = page.locator(".st-key-related-cases")
    related.get_by_role("link", name="Didi Chuxing takes over Uber China (2016)").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("case") == ["didi-uber-china"])
    wait_ready(page)
    assert page.get_by_role("heading", name="Didi Chuxing takes over Uber China").is_visible()
    assert_clean(page, seen)


def test_a_bad_link_shows_a_notice_not_an_error(page, server):
    seen = watch(page)
    page.goto(f"{server.url}/explore?industry=banana&from=never")
    wait_ready(page)
    alerts = page.get_by_role("alert").all_inner_texts()
    assert any("banana" in a for a in alerts) and any("not a year" in a for a in alerts)
    assert_clean(page, seen)


def test_presenter_mode_steps_with_the_keyboard_and_hides_the_chrome(page, server):
    seen = watch(page)
    page.goto(f"{server.url}/present?present=when-internet-plus-fails")
    wait_ready(page)
    assert page.get_by_role("link", name="Explore", exact=True).is_hidden()  # no sidebar
    assert page.get_by_text("1 / 7").is_visible()
    first = page.get_by_role("heading", level=1).first.inner_text()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("slide") == ["2"])
    wait_ready(page)
    assert page.get_by_text("2 / 7").is_visible()
    assert page.get_by_role("heading", level=1).first.inner_text() != first
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(lambda url: "slide" not in parse_qs(urlsplit(url).query))  # the first
    wait_ready(page)
    assert page.get_by_role("heading", level=1).first.inner_text() == first
    assert_clean(page, seen)


def test_an_uploaded_tour_file_can_be_presented(page, server, tmp_path):
    seen = watch(page)
    tour = tmp_path / "mine.yaml"
    tour.write_text(
        "id: my-two\ntitle: My two\ndescription: Two stops.\nstops:\n"
        "  - {case: uber-taxi, talking_point: First stop.}\n"
        "  - {case: ofo-bike-sharing, talking_point: Second stop.}\n"
    )
    page.goto(f"{server.url}/tours")
    wait_ready(page)
    uploader = page.get_by_role("region", name="A tour file you downloaded or wrote (YAML)")
    uploader.locator('input[type="file"]').set_input_files(str(tour))
    page.get_by_text("Loaded “My two” with 2 stops.").wait_for()
    wait_ready(page)
    page.get_by_role("link", name="Present it").click()
    # the link carries the whole tour (tour=...), so a reload or a colleague plays it too
    page.wait_for_url(lambda url: "tour" in parse_qs(urlsplit(url).query))
    page.get_by_text("Tour: My two: Two stops.").wait_for()
    wait_ready(page)
    assert page.get_by_text("First stop.").count() == 0  # the audience sees no notes
    page.get_by_role("button", name="Show notes").click()
    page.get_by_text("First stop.").wait_for()  # the uploaded talking point, as a note
    wait_ready(page)
    assert_clean(page, seen)


def test_switching_to_chinese_keeps_the_view(page, server):
    seen = watch(page)
    page.goto(f"{server.url}/explore?sort=newest&outcome=failure")
    wait_ready(page)
    page.get_by_role("radio", name="中文", exact=True).click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("lang") == ["zh"])
    wait_ready(page)
    query = query_of(page)
    assert query["outcome"] == ["failure"] and query["sort"] == ["newest"]
    assert page.get_by_role("heading", name="探索").is_visible()
    failures = sum(c.outcome.status.value == "failure" for c in load_library(ROOT / "cases").cases)
    assert sentence(page).startswith(f"{failures} 个案例")
    assert page.get_by_role("combobox", name=ZH("Sort by")).input_value() == ZH("Newest first")
    assert_clean(page, seen)
