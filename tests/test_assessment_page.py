"""AppTest: the "Where do we stand?" page: answers, results, the URL, links and junk."""

from __future__ import annotations

import json
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from atlas import assessment as asm
from atlas.i18n import translator
from atlas.loader import load_library
from tests.conftest import ROOT
from tests.test_app import all_text

PAGE = "app_pages/assessment.py"
N = len(asm.QUESTIONS)
ZH = translator("zh")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def open_page(app_test, monkeypatch):
    def open_(cases_dir=None, **query: str | list[str]) -> AppTest:
        at = app_test(cases_dir)
        at.run()
        at.switch_page(PAGE)
        for key, value in query.items():  # switch_page drops the query, as navigation does
            at.query_params[key] = value
        return at.run()

    return open_


def answers_on_page(at: AppTest) -> tuple:
    return tuple(r.value for r in at.radio)


def subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


@pytest.fixture
def drawn(monkeypatch) -> dict[str, list]:
    """What the page hands to `st.altair_chart` and `st.page_link`: our own charts and
    links, read without looking into Streamlit's messages to the browser."""
    seen: dict[str, list] = {"charts": [], "links": []}
    draw_chart, draw_link = st.altair_chart, st.page_link

    def chart(figure, *args, **kwargs):
        seen["charts"].append(figure)
        return draw_chart(figure, *args, **kwargs)

    def link(page, *args, **kwargs):
        seen["links"].append(kwargs.get("query_params") or {})
        return draw_link(page, *args, **kwargs)

    monkeypatch.setattr(st, "altair_chart", chart)
    monkeypatch.setattr(st, "page_link", link)
    return seen


def map_spec(at: AppTest, drawn: dict[str, list]) -> str:
    """The last map the page drew, as Vega-Lite; the organisation is its one diamond."""
    assert at.get("vega_lite_chart"), "the page shows its map"
    return json.dumps(drawn["charts"][-1].to_dict(), ensure_ascii=False)


def test_a_fresh_page_asks_and_places_no_one(open_page, small_library, drawn):
    at = open_page(small_library)
    assert not at.exception
    assert at.title[0].value == "Where do we stand?"
    assert len(at.radio) == N and answers_on_page(at) == (None,) * N
    assert (
        "0 of 10 questions answered. Your organisation appears on the map once both axes have "
        "an answer: questions 3, 5, 8, 10 score digitalization and Internet+." in all_text(at)
    )
    assert "Nearest cases" not in subheaders(at)
    assert '"diamond"' not in map_spec(at, drawn)
    assert not at.warning


def test_answering_updates_the_result_and_the_url(open_page, small_library, drawn):
    at = open_page(small_library)
    at.radio[0].set_value(3).run()
    assert at.query_params["a"] == "4"
    assert "Nearest cases" not in subheaders(at), "one axis is not enough"
    assert "questions 3, 4, 5, 6, 7, 8, 9, 10 score digitalization." in all_text(at)
    at.radio[2].set_value(1).run()
    at.radio[3].set_value(0).run()
    assert not at.exception
    assert at.query_params["a"] == "4021"
    answers = (3, None, 1, 0) + (None,) * (N - 4)
    expected = asm.assess(answers, load_library(small_library).cases)
    assert {"Your position", "Nearest cases", "Next steps"} <= set(subheaders(at))
    assert [m.value for m in at.metric] == [f"{expected.x:.2f}", f"{expected.y:.2f}"]
    text = all_text(at)
    for p in expected.nearest:
        assert p.title in text
        assert all(lesson in text for lesson in p.lessons)
    assert '"diamond"' in map_spec(at, drawn)
    assert at.code[0].value.endswith("?a=4021")


def test_a_shared_link_restores_the_answers_and_the_industry(open_page, small_library):
    at = open_page(small_library, a="3231212121", sector="finance")
    assert not at.exception and not at.warning
    assert answers_on_page(at) == (2, 1, 2, 0, 1, 0, 1, 0, 1, 0)
    assert at.selectbox[0].value == "finance"
    expected = asm.assess(answers_on_page(at), load_library(small_library).cases, "finance")
    text = all_text(at)
    assert [p.title for p in expected.nearest if p.title in text] == [
        p.title for p in expected.nearest
    ]
    assert "count as 0.15 closer" in text
    assert at.code[0].value.endswith("?a=3231212121&sector=finance")


@pytest.mark.parametrize(
    ("query", "notice_parts", "kept"),
    [
        ({"a": "9x!"}, ["question 1", "question 2", "question 3"], {}),
        ({"a": "2x"}, ["question 2"], {"a": "2"}),
        ({"a": "1" * 40}, ["40 answers"], {"a": "1" * N}),
        ({"sector": "narnia"}, ["industry 'narnia'"], {}),
        ({"a": ["12", "x"], "sector": "FINANCE"}, ["question 1"], {"sector": "finance"}),
    ],
)
def test_junk_in_the_link_gives_a_notice_and_defaults(
    open_page, small_library, query, notice_parts, kept
):
    at = open_page(small_library, **query)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert all(part in warnings for part in notice_parts), warnings
    assert {k: at.query_params[k] for k in ("a", "sector") if k in at.query_params} == kept
    assert len(at.radio) == N


def test_the_answers_come_back_after_visiting_another_page(open_page, small_library):
    at = open_page(small_library, a="44")
    at.switch_page("app_pages/concepts.py").run()  # moving between pages drops the query
    at.switch_page(PAGE).run()
    assert answers_on_page(at)[:2] == (3, 3)
    assert at.query_params["a"] == "44"


def test_start_over_clears_the_answers_and_the_url(open_page, small_library):
    at = open_page(small_library, a="4444", sector="retail")
    next(b for b in at.button if b.label == "Start over").click().run()
    assert answers_on_page(at) == (None,) * N
    assert at.selectbox[0].value is None
    assert "a" not in at.query_params and "sector" not in at.query_params


def test_each_nearest_case_links_to_its_page(open_page, small_library, drawn):
    at = open_page(small_library, a="1111111111")
    expected = asm.assess((0,) * N, load_library(small_library).cases)
    opened = [link.get("case") for link in drawn["links"]]
    assert all(p.id in opened for p in expected.nearest)
    assert "Open case" in [link.value for link in at.page_link]  # the label shown
    assert at.get("download_button")[0].label == "Download as Markdown"


def test_an_empty_library_still_runs(open_page, tmp_path, drawn):
    (tmp_path / "empty").mkdir()
    at = open_page(tmp_path / "empty", a="4444")
    assert not at.exception
    assert '"diamond"' in map_spec(at, drawn)
    assert "Nearest cases" in subheaders(at)


def test_the_share_link_keeps_the_interface_language(open_page, small_library):
    at = open_page(small_library, a="12", lang="zh")
    assert at.code[0].value.endswith("?a=12&lang=zh")


# --- in Chinese -------------------------------------------------------------------------


def test_the_page_in_chinese(open_page, small_library, drawn):
    at = open_page(small_library, a="3231212121", sector="finance", lang="zh")
    assert not at.exception and not at.warning
    assert at.title[0].value == "我们处在什么位置？"
    assert answers_on_page(at) == (2, 1, 2, 0, 1, 0, 1, 0, 1, 0)
    for n, (q, radio) in enumerate(zip(asm.QUESTIONS, at.radio, strict=True), start=1):
        assert radio.label == f"**{n}. {ZH(q.text)}**"
        assert list(radio.options) == [ZH(option) for option in q.options]
        assert radio.help == q.help(ZH)
    assert all(CJK.search(s) for s in subheaders(at)), subheaders(at)
    assert [m.label for m in at.metric] == ["数字化", "互联网+"]
    assert at.selectbox[0].value == "finance"
    text = all_text(at)
    assert "“金融与支付”行业的案例按近 0.15 计算" in text
    assert not any(q.text in text for q in asm.QUESTIONS)
    spec = map_spec(at, drawn)
    assert all(ZH(title) in spec for title in (asm.X_TITLE, asm.Y_TITLE, "Outcome"))


def test_nearest_cases_show_their_own_chinese_text(open_page):
    at = open_page(a="1111111111", lang="zh")
    expected = asm.assess((0,) * N, load_library(ROOT / "cases").cases)
    in_chinese = [p for p in expected.nearest if p.title_zh]
    assert in_chinese, "the test needs a nearest case with Chinese text"
    text = all_text(at)
    for p in in_chinese:
        assert p.title_zh in text and p.title not in text
        assert all(lesson in text for lesson in p.lessons_zh)


def test_switching_language_keeps_the_answers_and_relabels_them(open_page, small_library):
    at = open_page(small_library, a="4021", sector="retail")
    for lang, say in (("zh", ZH), ("en", str)):
        at.segmented_control(key="lang_pick").set_value(lang).run()
        assert not at.exception
        assert answers_on_page(at)[:4] == (3, None, 1, 0), lang
        assert at.selectbox[0].value == "retail"
        assert list(at.radio[0].options) == [say(o) for o in asm.QUESTIONS[0].options]
    at.radio[1].set_value(2).run()
    assert at.query_params["a"] == "4321"


def test_link_notices_in_chinese(open_page, small_library):
    at = open_page(small_library, a="9", sector="narnia", lang="zh")
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1 and "'9'" in warnings[0] and "'narnia'" in warnings[0], warnings
    assert not re.search(r"[A-Za-z]{4,}", warnings[0].replace("narnia", "")), warnings
