"""The self-assessment: scoring, case placement, nearest cases, next steps, links, export."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas import assessment as asm
from atlas.assessment import QUESTIONS, CasePoint, X, Y
from atlas.assessment.scoring import TERM_FIELDS
from atlas.facets import VOCABULARIES
from atlas.i18n import translator
from atlas.loader import load_library
from atlas.schema import Case
from atlas.vocabulary import Idea, Mode, Outcome, Stage
from tests.conftest import ROOT

N = len(QUESTIONS)
ZH = translator("zh")
CJK = re.compile(r"[\u4e00-\u9fff]")
LOWEST: asm.Answers = (0,) * N
HIGHEST: asm.Answers = tuple(len(q.options) - 1 for q in QUESTIONS)
MIDDLE: asm.Answers = (1,) * N


@pytest.fixture(scope="module")
def library() -> tuple[Case, ...]:
    return load_library(ROOT / "cases").cases


answers_strategy = st.tuples(*(st.none() | st.integers(0, len(q.options) - 1) for q in QUESTIONS))


# --- the questions ----------------------------------------------------------------------


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.key)
def test_every_question_is_well_formed(q):
    assert 3 <= len(q.options) <= 5
    assert q.axes and set(q.axes) <= {X, Y}
    assert q.text.endswith("?") and q.help()
    VOCABULARIES[q.term_field](q.term)  # the framework term exists; raises otherwise
    assert q.term_field in TERM_FIELDS


def test_question_keys_are_unique_and_about_ten():
    assert len({q.key for q in QUESTIONS}) == N
    assert 8 <= N <= 12
    assert {X, Y} <= {axis for q in QUESTIONS for axis in q.axes}


# --- the organisation's point -----------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (LOWEST, (0.0, 0.0)),
        (HIGHEST, (1.0, 1.0)),
        (MIDDLE, (1 / 3, 1 / 3)),
        ((None,) * N, None),
    ],
)
def test_extreme_answers_land_in_the_corners(answers, expected):
    point = asm.organisation_point(answers)
    assert point == (expected if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("i", range(N), ids=[q.key for q in QUESTIONS])
def test_each_question_moves_its_own_axes_up_and_no_other(i):
    q = QUESTIONS[i]
    points = []
    for option in range(len(q.options)):
        answers = list(MIDDLE)
        answers[i] = option
        points.append(asm.organisation_point(tuple(answers)))
    for axis, k in ((X, 0), (Y, 1)):
        values = [p[k] for p in points]
        if axis in q.axes:
            assert values == sorted(values) and values[0] < values[-1], axis
        else:
            assert len(set(values)) == 1, axis


def test_a_single_axis_answered_leaves_the_organisation_unplaced():
    role = next(i for i, q in enumerate(QUESTIONS) if q.axes == (Y,))
    answers = tuple(3 if i == role else None for i in range(N))
    assert asm.axis_score(answers, Y) == 1.0
    assert asm.axis_score(answers, X) is None
    assert asm.organisation_point(answers) is None
    result = asm.assess(answers, [])
    assert result.point is None and result.nearest == () and result.steps == ()


# --- a case's point ---------------------------------------------------------------------


@pytest.fixture
def plain(good_case_data) -> dict:
    """The bakery with no markers at all: informatization, +Internet, customer thinking."""
    return good_case_data | {
        "stage": "informatization",
        "mode": "plus_internet",
        "thinking": "customer",
        "ideas": [],
        "connection_types": ["user_merchant"],
        "technologies": [],
    }


ALL_X_IDEAS = ["informatization_to_digitalization", "hardware_as_service"]
ALL_X_LINKS = ["device_cloud", "enterprise_supply_chain", "enterprise_employee"]
ALL_Y_IDEAS = ["connection_redesign", "user_thinking", "platform_ecosystem"]
ALL_Y_IDEAS += ["simple_product_complex_model"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, (0.0, 0.0)),
        ({"stage": "digitalization"}, (0.5, 0.0)),
        ({"mode": "internet_plus"}, (0.0, 0.5)),
        ({"thinking": "user"}, (0.0, 0.1)),
        ({"ideas": ALL_X_IDEAS}, (0.25, 0.0)),
        ({"connection_types": ALL_X_LINKS}, (0.375, 0.1)),  # three kinds: also a y marker
        ({"technologies": ["big_data", "ai"]}, (0.125, 0.0)),  # decisions from data: once
        ({"technologies": ["mobile_apps", "iot"]}, (0.0, 0.0)),
        ({"ideas": ["subsidy_and_bubble", "epidemic_stress_test"]}, (0.0, 0.0)),
        ({"ideas": ["connection_redesign", "user_thinking"]}, (0.0, 0.2)),
        (
            {"ideas": ALL_X_IDEAS, "connection_types": ALL_X_LINKS, "technologies": ["ai"]},
            (0.5, 0.1),  # six markers count as four
        ),
        (
            {
                "stage": "digitalization",
                "mode": "internet_plus",
                "thinking": "user",
                "ideas": ALL_X_IDEAS + ALL_Y_IDEAS,
                "connection_types": ["user_merchant", "device_cloud", "enterprise_employee"],
                "technologies": ["big_data"],
            },
            (1.0, 1.0),
        ),
    ],
)
def test_a_case_is_placed_from_its_fields(plain, changes, expected):
    case = Case.model_validate(plain | changes)
    assert asm.place_case(case) == pytest.approx(expected)


def test_every_library_case_sits_in_the_half_its_stage_and_mode_name(library):
    assert library, "the library has cases"
    for case in library:
        x, y = asm.place_case(case)
        assert 0 <= x <= 1 and 0 <= y <= 1
        assert (x >= 0.5) if case.stage is Stage.DIGITALIZATION else (x <= 0.5), case.id
        assert (y >= 0.5) if case.mode is Mode.INTERNET_PLUS else (y <= 0.5), case.id


# --- nearest cases ----------------------------------------------------------------------


def point(id: str, distance: float, industry: str = "retail") -> CasePoint:
    return CasePoint(
        id, id.title(), industry, "mixed", 0, 0, distance, (f"{id} lesson",), frozenset()
    )


@pytest.mark.parametrize(
    ("points", "industry", "expected"),
    [
        # ties are broken by id, whatever the input order
        ([point("c", 0.1), point("a", 0.1), point("b", 0.1)], None, ["a", "b", "c"]),
        # the 3 nearest; the rest are far beyond the third
        (
            [point(i, d) for i, d in zip("abcdef", [0.1, 0.2, 0.3, 0.6, 0.7, 0.8], strict=True)],
            None,
            list("abc"),
        ),
        # more within the margin of the third, at most 5
        ([point(i, 0.2) for i in "fedcba"], None, list("abcde")),
        (
            [point(i, d) for i, d in zip("abcd", [0.1, 0.2, 0.3, 0.34], strict=True)],
            None,
            list("abcd"),
        ),
        # a smaller library gives what it has
        ([point("b", 0.4), point("a", 0.9)], None, ["b", "a"]),
        ([], None, []),
        # the chosen industry counts 0.15 closer, but not beyond that
        (
            [point("a", 0.01), point("b", 0.1), point("c", 0.2, "finance"), point("d", 0.9)],
            "finance",
            ["a", "c", "b"],
        ),
        ([point("a", 0.1), point("b", 0.3, "finance"), point("c", 0.2)], "finance", list("abc")),
    ],
)
def test_nearest_cases(points, industry, expected):
    assert [p.id for p in asm.nearest_cases(points, industry)] == expected


@settings(max_examples=60, deadline=None)
@given(answers=answers_strategy)
def test_nearest_on_the_library_are_3_to_5_by_distance_and_repeatable(library, answers):
    result = asm.assess(answers, library)
    if result.point is None:
        assert result.nearest == ()
        return
    near = result.nearest
    assert 3 <= len(near) <= 5
    assert [(p.distance, p.id) for p in near] == sorted((p.distance, p.id) for p in near)
    others = [p.distance for p in result.points if p not in near]
    assert min(others) >= near[2].distance
    assert asm.assess(answers, library) == result


# --- next steps -------------------------------------------------------------------------

FRAMEWORK_TITLES = {
    f"Your weaker axis: {Stage.DIGITALIZATION.label}",
    f"Your weaker axis: {Mode.INTERNET_PLUS.label}",
    Idea.SUBSIDY_AND_BUBBLE.label,
    f"A {Outcome.FAILURE.label.lower()} close to you",
    *(q.term_label() for q in QUESTIONS),
}


@settings(max_examples=60, deadline=None)
@given(answers=answers_strategy)
def test_next_steps_quote_only_the_framework_and_the_cases_own_lessons(library, answers):
    result = asm.assess(answers, library)
    by_id = {c.id: c for c in library}
    for step in result.steps:
        assert step.title in FRAMEWORK_TITLES
        if step.case_id is not None:
            case = by_id[step.case_id]
            assert step.case_title == case.title
            assert step.lesson in case.lessons


@pytest.mark.parametrize(
    ("x_option", "y_option", "first"),
    [
        (0, 3, f"Your weaker axis: {Stage.DIGITALIZATION.label}"),
        (3, 0, f"Your weaker axis: {Mode.INTERNET_PLUS.label}"),
        (1, 1, f"Your weaker axis: {Stage.DIGITALIZATION.label}"),  # a tie
    ],
)
def test_the_first_step_names_the_weaker_axis(library, x_option, y_option, first):
    answers = tuple(
        x_option if q.axes == (X,) else y_option if q.axes == (Y,) else None for q in QUESTIONS
    )
    steps = asm.assess(answers, library).steps
    assert steps[0].title == first
    assert steps[0].case_id is not None


def test_the_weakest_answers_on_the_weaker_axis_come_first():
    answers = list(HIGHEST)
    data = next(i for i, q in enumerate(QUESTIONS) if q.key == "data")
    role = next(i for i, q in enumerate(QUESTIONS) if q.key == "role")
    answers[data], answers[role] = 2, 0  # x is weaker, though role scores lower
    assert asm.weakest_questions(tuple(answers), X) == [data, role]
    assert asm.weakest_questions(HIGHEST, X) == []


def test_at_the_top_of_both_axes_the_steps_warn_of_bubbles(library):
    steps = asm.assess(HIGHEST, library).steps
    assert [s.title for s in steps][:1] == [Idea.SUBSIDY_AND_BUBBLE.label]
    assert not any(s.title.startswith("Your weaker axis") for s in steps)


def test_a_failure_among_the_nearest_cases_becomes_a_step(plain):
    cases = [
        Case.model_validate(plain | {"id": i, "outcome": plain["outcome"] | {"status": status}})
        for i, status in (("a-win", "success"), ("b-fail", "failure"), ("c-mixed", "mixed"))
    ]
    result = asm.assess(LOWEST, cases)
    assert [p.id for p in result.nearest] == ["a-win", "b-fail", "c-mixed"]
    last = result.steps[-1]
    assert last.title == f"A {Outcome.FAILURE.label.lower()} close to you"
    assert last.text == Outcome.FAILURE.definition
    assert (last.case_id, last.lesson) == ("b-fail", best_lesson_of(cases[1], last))
    assert asm.assess(LOWEST, [cases[0], cases[2]]).steps[-1].case_id is None


def best_lesson_of(case: Case, step: asm.Step) -> str:
    return asm.best_lesson(case.lessons, f"{step.title} {step.text}")


@pytest.mark.parametrize(
    ("lessons", "words", "expected"),
    [
        (["Cakes sell.", "User thinking wins users."], "User thinking", 1),
        (["Alpha beta.", "Gamma delta."], "nothing shared", 0),  # a tie: the first
        (["Data data data.", "Connection and data."], "connection data", 1),
    ],
)
def test_best_lesson_shares_the_most_words(lessons, words, expected):
    assert asm.best_lesson(lessons, words) == lessons[expected]
    assert asm.best_lesson([], words) is None


# --- links ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "encoded"),
    [
        ((None,) * N, ""),
        (LOWEST, "1" * N),
        ((0, None, 3) + (None,) * (N - 3), "104"),
        ((None,) * (N - 1) + (2,), "0" * (N - 1) + "3"),
    ],
)
def test_encode_answers(answers, encoded):
    assert asm.encode_answers(answers) == encoded
    assert asm.decode_answers({"a": encoded}) == (answers, [])


@given(answers=answers_strategy)
def test_answers_survive_a_round_trip_through_the_url(answers):
    query = asm.to_query(answers)
    assert asm.decode_answers(query) == (answers, [])


@pytest.mark.parametrize(
    ("raw", "answers_start", "n_notices"),
    [
        ("abc", (None, None, None), 3),
        ("9", (None,), 1),
        ("5", (None,), 1),  # question 1 has 4 options
        ("1" * 30, (0,) * 3, 1),
        ("-1", (None, 0), 1),
        ("١٢", (None, None), 2),  # non-ASCII digits are not answers
        ("  12  ", (0, 1), 0),
        (["44", "12"], (0, 1), 0),  # a repeated parameter: the last one counts
        ([], (None,), 0),
        (None, (None,), 0),
        (12, (0, 1), 0),
        ("1\x00<script>", (0, None), 9),
    ],
)
def test_junk_in_the_url_gives_notices_and_no_answers(raw, answers_start, n_notices):
    answers, notices = asm.decode_answers({"a": raw})
    assert len(answers) == N
    assert answers[: len(answers_start)] == answers_start
    assert len(notices) == n_notices


@given(raw=st.text(max_size=40) | st.lists(st.text(max_size=12), max_size=3))
def test_decoding_never_raises(raw):
    answers, notices = asm.decode_answers({"a": raw, "sector": raw})
    assert all(isinstance(n, str) for n in notices)
    assert all(
        a is None or 0 <= a < len(q.options) for q, a in zip(QUESTIONS, answers, strict=True)
    )
    asm.decode_industry({"sector": raw})


@pytest.mark.parametrize(
    ("raw", "expected", "n_notices"),
    [
        ("finance", "finance", 0),
        ("FINANCE", "finance", 0),
        ("Finance & payments", "finance", 0),
        ("narnia", None, 1),
        ("", None, 0),
        (None, None, 0),
    ],
)
def test_decode_industry(raw, expected, n_notices):
    industry, notices = asm.decode_industry({} if raw is None else {"sector": raw})
    assert industry == expected and len(notices) == n_notices


def test_to_query_leaves_out_empty_parts():
    assert asm.to_query((None,) * N) == {}
    assert asm.to_query(LOWEST, "finance") == {"a": "1" * N, "sector": "finance"}


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_names_the_nearest_cases_with_their_lessons(library):
    answers = (2, 1, 2, 0, 1, 0, 1, 0, 1, 1)
    result = asm.assess(answers, library, "finance")
    text = asm.to_markdown(result, "http://localhost:8501/assessment?a=2120101011")
    assert result.nearest
    for p in result.nearest:
        assert f"### {p.title}" in text
        assert all(f"- {lesson}" in text for lesson in p.lessons)
    for s in result.steps:
        assert f"**{s.title}.**" in text
    assert "Preferred industry: Finance & payments" in text
    assert "<http://localhost:8501/assessment?a=2120101011>" in text
    assert f"1. {QUESTIONS[0].text} — {QUESTIONS[0].options[2]}" in text


def test_markdown_of_an_unplaced_result_says_so():
    text = asm.to_markdown(asm.assess((None,) * N, []))
    assert "Not placed yet" in text and "## Nearest cases" not in text
    assert "(not answered)" in text


def test_markdown_keeps_case_text_inert(plain):
    case = Case.model_validate(
        plain | {"title": "Shop <img src=x> # not a heading", "lessons": ["A <b>bold</b> claim"]}
    )
    text = asm.to_markdown(asm.assess(LOWEST, [case]))
    assert "<img" not in text and "<b>" not in text
    assert "&lt;img src=x>" in text and "- A &lt;b>bold&lt;/b> claim" in text


# --- in Chinese -------------------------------------------------------------------------


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.key)
def test_every_question_reads_in_chinese(q):
    shown = [ZH(q.text), q.help(ZH), q.term_label(ZH), q.term_definition(ZH)]
    shown += [ZH(option) for option in q.options]
    assert all(CJK.search(text) for text in shown), shown


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.key)
def test_help_is_composed_from_the_vocabulary_s_own_translations(q):
    helped = q.help(ZH)
    for term in q.explains:
        assert ZH(term.label) in helped and ZH(term.definition) in helped
        assert term.definition not in helped
    assert q.note is None or ZH(q.note) in helped


@settings(max_examples=40, deadline=None)
@given(answers=answers_strategy)
def test_steps_in_chinese_quote_the_same_cases_and_lessons(library, answers):
    english = asm.assess(answers, library)
    chinese = asm.assess(answers, library, _=ZH)
    assert (chinese.points, chinese.nearest) == (english.points, english.nearest)
    assert len(chinese.steps) == len(english.steps)
    by_id = {p.id: p for p in english.points}
    for zh, en in zip(chinese.steps, english.steps, strict=True):
        assert CJK.search(zh.title) and CJK.search(zh.text), zh
        assert (zh.case_id, zh.case_title, zh.lesson) == (en.case_id, en.case_title, en.lesson)
        if zh.case_id:
            case = by_id[zh.case_id]
            assert zh.case_title_zh == case.title_zh
            assert zh.lesson_zh == case.lesson_zh(zh.lesson)


def test_the_weaker_axis_step_in_chinese(library):
    answers = tuple(0 if q.axes == (X,) else 3 if q.axes == (Y,) else None for q in QUESTIONS)
    first = asm.assess(answers, library, _=ZH).steps[0]
    assert first.title == ZH("Your weaker axis: {term}").format(term=ZH(Stage.DIGITALIZATION.label))
    assert first.text == ZH(Stage.DIGITALIZATION.definition)


def test_a_case_point_carries_the_case_s_own_chinese(library, plain):
    bakery = next(c for c in library if c.id == "bakery-o2o-delivery")
    point = asm.case_points([bakery], None)[0]
    assert point.title_zh == bakery.zh.title and CJK.search(point.title_zh)
    assert [point.lesson_zh(lesson) for lesson in bakery.lessons] == bakery.zh.lessons
    assert point.lesson_zh("not one of its lessons") is None
    no_chinese = asm.case_points([Case.model_validate(plain)], None)[0]
    assert no_chinese.title_zh is None
    assert no_chinese.lesson_zh(no_chinese.lessons[0]) is None


def test_chinese_lessons_that_do_not_match_one_for_one_are_not_used():
    lessons, lessons_zh = ("One.", "Two."), ("一。",)
    p = CasePoint("a", "A", "retail", "mixed", 0, 0, 0.1, lessons, frozenset(), "甲", lessons_zh)
    assert p.lesson_zh("One.") is None


@pytest.mark.parametrize("params", [{"a": "9x"}, {"a": "1" * 30}, {"a": ["12", "5"]}])
def test_link_notices_in_chinese(params):
    english_answers, english_notices = asm.decode_answers(params)
    answers, notices = asm.decode_answers(params, ZH)
    assert answers == english_answers
    assert len(notices) == len(english_notices) > 0
    assert all(CJK.search(n) for n in notices), notices


def test_an_unknown_industry_notice_in_chinese():
    industry, notices = asm.decode_industry({"sector": "narnia"}, ZH)
    assert industry is None and CJK.search(notices[0]) and "'narnia'" in notices[0]


def test_markdown_stays_english(library):
    answers = (0, 0, 1, 0, 1, 0, 1, 0, 1, 0)
    result = asm.assess(answers, library)
    assert any(p.title_zh for p in result.nearest), "the test needs a case with Chinese text"
    assert not CJK.search(asm.to_markdown(result))
