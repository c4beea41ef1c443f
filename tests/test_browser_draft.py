"""Real-browser tests of "Draft a case": restore a case file, see it as its page and its
slide, download it back whole; type and see `atlas validate`'s message under the field;
reload and find the draft kept; start again; the form in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from atlas.draft_yaml import SCHEMA_LINE
from atlas.schema import Case
from devtools.browser import assert_clean, wait_ready, watch
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CASE_FILE = ROOT / "cases" / "uber-taxi.yaml"


def open_draft(page, server, query: str = "") -> None:
    page.goto(f"{server.url}/draft{query}")
    wait_ready(page)


def box(page, label: str):
    return page.get_by_role("textbox", name=label, exact=True)


def restore(page, path: Path) -> None:
    uploader = page.get_by_test_id("stFileUploader")
    uploader.locator('input[type="file"]').set_input_files(str(path))
    page.get_by_text(f"Restored from {path.name}.").wait_for()
    wait_ready(page)


def status_text(page) -> str:
    return page.locator(".st-key-draft-status").get_by_test_id("stAlertContainer").inner_text()


def test_a_restored_case_shows_as_page_and_slide_and_downloads_whole(page, server, tmp_path):
    seen = watch(page)
    original = Case.model_validate(yaml.safe_load(CASE_FILE.read_text("utf-8")))
    open_draft(page, server)
    restore(page, CASE_FILE)
    assert "No problems" in status_text(page)
    assert box(page, "Title *").input_value() == original.title

    page.get_by_role("tab", name="As its page").click()
    panel = page.get_by_role("tabpanel").filter(has_text=original.summary)
    assert panel.get_by_role("heading", name=original.title).count() == 1
    page.get_by_role("tab", name="As its slide").click()
    slide = page.locator(".st-key-slide")
    slide.wait_for()
    assert original.title in slide.inner_text()
    shape = slide.bounding_box()
    assert shape["width"] / shape["height"] == pytest.approx(16 / 9, rel=0.02)

    with page.expect_download() as info:
        page.get_by_role("button", name=f"Download {original.id}.yaml").click()
    got = info.value
    assert got.suggested_filename == "uber-taxi.yaml"
    text = Path(got.path()).read_text("utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "id: uber-taxi  # equal to the file name" in text  # the template's comments
    assert Case.model_validate(yaml.safe_load(text)) == original  # nothing lost
    assert_clean(page, seen)


def test_typing_is_checked_kept_on_reload_and_cleared_by_a_new_draft(page, server):
    seen = watch(page)
    open_draft(page, server)
    assert page.get_by_role("button", name="Download draft.yaml").is_disabled()
    id_box = box(page, "Id (the file name) *")
    id_box.fill("My Case")
    id_box.press("Enter")
    wait_ready(page)
    message = page.get_by_test_id("stMarkdownContainer").filter(
        has_text="cases/draft.yaml", visible=True
    )
    assert "id:" in message.first.inner_text()  # `atlas validate`'s line, under the field
    id_box.fill("my-case")
    id_box.press("Enter")
    wait_ready(page)
    title = box(page, "Title *")
    title.fill("A bakery takes orders online")
    title.press("Enter")
    wait_ready(page)
    assert "problems left" in status_text(page)
    assert page.get_by_role("button", name="Download my-case.yaml").is_enabled()

    page.reload()
    wait_ready(page)
    box(page, "Title *").wait_for()
    page.wait_for_function(
        "() => [...document.querySelectorAll('input')]"
        ".some(i => i.value === 'A bakery takes orders online')"
    )
    assert box(page, "Id (the file name) *").input_value() == "my-case"

    page.get_by_role("button", name="Start a new draft").click()
    # what the click's reruns change, waited for: wait_ready alone can see the old form
    # between the click's run (which starts the next one) and the next one drawing it
    page.wait_for_function(
        "() => { const f = [...document.querySelectorAll('input[aria-label=\"Title *\"]')];"
        " return f.length === 1 && f[0].value === ''; }",
        timeout=60_000,
        polling=100,
    )
    wait_ready(page)
    assert box(page, "Title *").input_value() == ""
    page.reload()
    wait_ready(page)
    box(page, "Title *").wait_for()
    assert box(page, "Title *").input_value() == ""
    assert_clean(page, seen)


def test_the_form_speaks_chinese(page, server):
    seen = watch(page)
    open_draft(page, server, "?lang=zh")
    assert page.get_by_role("heading", name="起草案例").count() == 1
    assert box(page, "标题 *").count() == 1
    assert page.get_by_role("tab", name="作为幻灯片").count() == 1
    assert_clean(page, seen)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_form_with_its_messages_and_the_slide_meet_wcag_aa(browser, server, scheme):
    from tests.test_browser_accessibility import _violations

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        open_draft(page, server)
        restore(page, CASE_FILE)
        page.get_by_role("tab", name="As its page").click()
        assert _violations(page) == []
        page.get_by_role("tab", name="Form").click()
        title = box(page, "Title *")
        title.fill("x")  # too short: a message under the field
        title.press("Enter")
        shown = page.get_by_test_id("stMarkdownContainer")
        shown.filter(has_text="Too short, or too few entries.", visible=True).wait_for()
        assert _violations(page) == []
    finally:
        context.close()
