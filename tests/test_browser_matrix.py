"""The selection holds (issue 15): reach Present, Tours, Compare and Case by the sidebar, by a
button on Explore and by a link, then step, show the notes or edit, and the selection is
still the one chosen on Explore: Industry = Finance with three cases ticked.

One browser window serves every cell. A cell whose action a page does not have is skipped
with the reason, never passed silently."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from atlas.filters import Filters, apply, describe
from devtools.browser import assert_clean, wait_ready, watch

pytestmark = pytest.mark.browser

FINANCE = Filters({"industry": ("finance",)})
ENTRIES = ["sidebar", "button", "link"]
PAGES = ["present", "tours", "compare", "case"]
ACTIONS = ["step", "notes", "edit"]
NOT_APPLICABLE = {
    ("present", "edit"): "Present edits nothing: a tour is edited on Tours",
    ("tours", "step"): "Tours has no slides to step through",
    ("tours", "notes"): "Tours has no speaker notes to show (talking points are edited)",
    ("compare", "step"): "Compare shows its cases at once: nothing to step through",
    ("compare", "notes"): "Compare has no speaker notes",
    ("case", "notes"): "a case page has no speaker notes",
    ("case", "edit"): "a case page has nothing to edit",
}
SIDEBAR_NAMES = {"present": "Present", "tours": "Tours", "compare": "Compare", "case": "Case"}


@pytest.fixture(scope="module")
def window(browser):
    """One window for the whole matrix."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def chosen(curated):
    """(the finance cases in title order, the three ticked, the selection in words)."""
    lib, table = curated
    finance = sorted(lib.cases_in(apply(table, FINANCE)["id"]), key=lambda c: c.title.casefold())
    return finance, finance[:3], describe(FINANCE, len(finance))


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_explore(page, server, ticked) -> None:
    ids = ",".join(c.id for c in ticked)
    page.goto(f"{server.url}/explore?industry=finance&ids={ids}")
    wait_ready(page)


def deep_link(server, target: str, finance, ticked) -> str:
    ids = ",".join(c.id for c in ticked)
    common = f"industry=finance&ids={ids}"
    return {
        "present": f"/present?present=selection&{common}",
        "tours": f"/tours?{common}",
        "compare": f"/compare?compare={ids}&{common}",
        "case": f"/case?case={finance[0].id}&{common}",
    }[target]


def arrive(page, server, entry: str, target: str, finance, ticked) -> None:
    if entry == "link":
        page.goto(server.url + deep_link(server, target, finance, ticked))
        wait_ready(page)
        return
    open_explore(page, server, ticked)
    if entry == "sidebar":
        nav = page.get_by_test_id("stSidebarNav")
        nav.get_by_role("link", name=SIDEBAR_NAMES[target], exact=True).click()
    elif target == "case":  # the first card's link: the first finance case by title
        page.get_by_role("link", name="Open case").first.click()
    else:
        names = {"present": "Present", "tours": "Make a tour", "compare": "Compare 3"}
        page.get_by_test_id("stVerticalBlock").filter(
            has=page.get_by_role("button", name="Clear the ticks")
        ).last.get_by_role("button", name=names[target], exact=True).click()
    page.wait_for_url(lambda url: urlsplit(url).path == f"/{target}")
    wait_ready(page)
    if target == "case" and page.get_by_text("Choose a case above").count():
        # the sidebar opens the case page without a case: choose the first of the selection
        page.get_by_test_id("stSelectbox").click()
        page.get_by_role("option", name=finance[0].title, exact=True).click()
        wait_ready(page)


def act(page, target: str, action: str) -> None:
    if action == "step":
        page.get_by_role("button", name="Next").click()
    elif action == "notes":
        page.get_by_role("button", name="Show notes").click()
    elif target == "tours":
        title = page.get_by_label("Title", exact=True)
        title.fill("Finance, three cases")
        title.press("Enter")
    elif target == "compare":
        page.get_by_text("Only the differences").click()
    wait_ready(page)


def assert_holds(page, target: str, action: str, finance, ticked, sentence: str) -> None:
    """What the page shows is the selection, after the action."""
    ids = ",".join(c.id for c in ticked)
    if target == "present":
        at = 2 if action == "step" else 1
        page.get_by_text(f"{at} / {len(ticked)}", exact=True).wait_for()
        if action == "notes":
            page.locator(".st-key-speaker-notes").wait_for()
    elif target == "tours":
        page.get_by_text(re.compile(rf"^{len(ticked)} stops · downloads as")).wait_for()
    elif target == "compare":
        for case in ticked:
            page.get_by_text(case.title, exact=True).first.wait_for()
        assert query(page).get("compare") in (None, [ids])  # none: the ticked cases
    elif target == "case":
        at = 2 if action == "step" else 1
        page.get_by_text(f"Case {at} of {len(finance)} · {sentence}").wait_for()
        assert query(page).get("case") == [finance[at - 1].id]
    assert query(page).get("industry") == ["finance"], page.url
    assert query(page).get("ids") == [ids], page.url


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("target", PAGES)
@pytest.mark.parametrize("entry", ENTRIES)
def test_the_selection_holds(window, server, chosen, entry, target, action):
    reason = NOT_APPLICABLE.get((target, action))
    if reason:
        pytest.skip(reason)
    finance, ticked, sentence = chosen
    seen = watch(window)
    arrive(window, server, entry, target, finance, ticked)
    assert_holds(window, target, "arrive", finance, ticked, sentence)
    act(window, target, action)
    assert_holds(window, target, action, finance, ticked, sentence)
    assert_clean(window, seen)
