"""Both interface languages: complete catalogues, the language choice, every page in each."""

import re
import sys

import pytest

from atlas.filters import Filters, describe
from atlas.i18n import LANGUAGES, choose_language, translator
from tests.conftest import ROOT
from tests.test_app import PAGES, all_text, run_page

sys.path.insert(0, str(ROOT / "scripts"))
import messages

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_message_has_a_translation_and_the_template_is_current():
    assert messages.check() == []


@pytest.mark.parametrize(
    ("param", "browser", "lang", "noticed"),
    [
        ("zh", None, "zh", False),
        ("EN", "zh-CN", "en", False),
        (None, "zh-Hans-CN", "zh", False),
        (None, "fr-FR", "en", False),
        (None, None, "en", False),
        ("klingon", None, "en", True),
        ("klingon", "zh-TW", "zh", True),
    ],
)
def test_choose_language(param, browser, lang, noticed):
    got, notice = choose_language(param, browser)
    assert got == lang and (notice is not None) == noticed


def test_the_selection_sentence_in_chinese():
    zh = translator("zh")
    sentence = describe(Filters({"outcome": ("failure",)}), 3, zh)
    assert CJK.search(sentence) and "3" in sentence
    assert describe(Filters(), 1) == "1 case: the whole library"


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(app_test, small_library, page, lang):
    at = app_test(small_library, lang=lang)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.query_params["lang"] = lang
        at.run()
    assert not at.exception
    titles = " ".join(t.value for t in at.title)
    if lang == "zh" and page != "app_pages/present.py":
        assert CJK.search(titles), titles  # the page's own title is translated
    if lang == "zh" and page == "app_pages/present.py":  # a slide's title is its case's
        assert CJK.search(all_text(at))
    if lang == "en":
        assert not CJK.search(all_text(at))


def test_the_language_survives_navigation_and_the_switch_changes_it(app_test, small_library):
    at = run_page(app_test(small_library, lang="zh"), PAGES[0])
    assert at.query_params["lang"] == "zh"
    at.switch_page("app_pages/concepts.py").run()  # navigation drops the query parameters
    assert CJK.search(at.title[0].value)
    assert at.query_params["lang"] == "zh"  # and the frame puts the language back
    at.segmented_control(key="lang_pick").set_value("en").run()
    assert at.title[0].value == "Concepts"
    assert "lang" not in at.query_params


def test_a_case_shows_its_own_chinese_text(app_test):
    at = app_test(lang="zh")
    at.run()
    at.switch_page("app_pages/case.py")
    at.query_params["lang"] = "zh"
    at.query_params["case"] = "uber-taxi"
    at.run()
    assert CJK.search(at.title[0].value)
    assert "Uber against the taxi trade" not in at.title[0].value


def test_an_unknown_language_gets_a_notice(app_test, small_library):
    at = app_test(small_library, lang="klingon")
    at.run()
    assert any("Unknown language" in w.value for w in at.warning)
    assert not at.exception
