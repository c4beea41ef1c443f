"""AppTest runs of "Draft a case": the form checks what is typed, and keeps it in the session."""

from __future__ import annotations

from tests.conftest import GOOD
from tests.test_app import run_page
from ui import pages

PAGE = pages.path("draft")


def download_label(at) -> str:
    return next(b.proto.label for b in at.get("download_button"))


def test_the_form_checks_what_is_typed_and_names_the_file(app_test):
    at = run_page(app_test(GOOD), PAGE)
    assert not at.exception
    assert download_label(at) == "Download draft.yaml"
    at.text_input(key="draft:id").input("Bakery Case").run()
    shown = [m.value for m in at.markdown]
    assert any("cases/draft.yaml" in m and "id:" in m for m in shown)  # under the field
    at.text_input(key="draft:id").input("bakery-case").run()
    at.text_input(key="draft:title").input("A bakery takes orders online").run()
    assert download_label(at) == "Download bakery-case.yaml"
    assert not any("draft.yaml:" in m and "id:" in m for m in [m.value for m in at.markdown])
    assert at.warning  # the required fields still missing


def test_the_draft_is_kept_while_the_user_visits_another_page(app_test):
    at = run_page(app_test(GOOD), PAGE)
    at.text_input(key="draft:title").input("A bakery takes orders online").run()
    at.selectbox(key="draft:industry").select("retail").run()
    at.switch_page(pages.path("explore"))
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert at.text_input(key="draft:title").value == "A bakery takes orders online"
    assert at.selectbox(key="draft:industry").value == "retail"


def test_a_new_draft_starts_empty(app_test):
    at = run_page(app_test(GOOD), PAGE)
    at.text_input(key="draft:title").input("A bakery takes orders online").run()
    next(b for b in at.button if "new draft" in b.label).click().run()
    assert at.text_input(key="draft:title").value == ""
