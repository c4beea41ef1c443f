"""Related cases: the scoring and order on a small made-up set, the contrast rule, the one
line of why in both languages, and every case of the real library."""

from __future__ import annotations

import pytest

from atlas.filters import index_table
from atlas.i18n import translator
from atlas.loader import load_library
from atlas.related import (
    DIFFERENT,
    OPPOSITE,
    K,
    compare,
    contrast,
    reason_text,
    related_in,
)
from atlas.schema import Case
from atlas.table import cases_table
from tests.conftest import ROOT, variant


def related(case: Case, cases, k: int = K) -> list:
    """`related_in` among `cases`, through their own table and index (as the app's)."""
    cases = list(cases)
    table = cases_table(cases)
    return related_in(case, table, index_table(table), {c.id: c for c in cases}.get, k)


def english(message: str) -> str:
    return message


@pytest.fixture
def made_up(good_case_data) -> tuple[Case, dict[str, Case]]:
    """One case ('me') and candidates that share known things with it."""
    base = good_case_data
    shared = {"industry": "retail", "mode": "internet_plus"}
    me = variant(
        base,
        "me",
        status="success",
        connection_types=["user_driver", "user_service"],
        ideas=["connection_redesign", "subsidy_and_bubble"],
        **shared,
    )
    other = {
        "industry": "energy",
        "mode": "plus_internet",
        "connection_types": ["user_merchant"],
        "ideas": ["hardware_as_service"],
    }
    candidates = [
        # both connection types: 4 + 4
        variant(
            base, "a-conn", status="success", **other | {"connection_types": me["connection_types"]}
        ),
        # both ideas, the industry and the mode: 3 + 3 + 2 + 1
        variant(base, "b-ideas", status="success", **other | {"ideas": me["ideas"]} | shared),
        # one connection type each: 4, a tie broken by id (c before d)
        variant(base, "d-conn", status="success", **other | {"connection_types": ["user_driver"]}),
        variant(base, "c-conn", status="success", **other | {"connection_types": ["user_service"]}),
        # the mode only: 1, and the opposite outcome
        variant(base, "e-mode", status="failure", **other | {"mode": "internet_plus"}),
        # nothing shared: never related, whatever its outcome
        variant(base, "f-none", status="failure", **other),
    ]
    cases = {d["id"]: Case.model_validate(d) for d in [me, *candidates]}
    return cases["me"], cases


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        (5, ["b-ideas", "a-conn", "c-conn", "d-conn", "e-mode"]),  # e-mode makes the five
        (6, ["b-ideas", "a-conn", "c-conn", "d-conn", "e-mode"]),  # f-none shares nothing
        # none of the best three or four contrasts: the best that does takes the last place
        (4, ["b-ideas", "a-conn", "c-conn", "e-mode"]),
        (3, ["b-ideas", "a-conn", "e-mode"]),
        (1, ["e-mode"]),
        (0, []),
    ],
)
def test_order_and_the_contrasting_case(made_up, k, expected):
    me, cases = made_up
    assert [r.id for r in related(me, cases.values(), k=k)] == expected


def test_scores_and_what_is_shared(made_up):
    me, cases = made_up
    by_id = {r.id: r for r in related(me, cases.values())}
    assert {i: r.score for i, r in by_id.items()} == {
        "b-ideas": 9,
        "a-conn": 8,
        "c-conn": 4,
        "d-conn": 4,
        "e-mode": 1,
    }
    b = by_id["b-ideas"]
    assert (b.connection_types, b.ideas, b.industry, b.mode, b.contrast) == (
        (),
        ("connection_redesign", "subsidy_and_bubble"),
        "retail",
        "internet_plus",
        None,
    )
    a = by_id["a-conn"]
    assert (a.connection_types, a.ideas, a.industry, a.mode) == (
        ("user_driver", "user_service"),
        (),
        None,
        None,
    )
    assert by_id["e-mode"].contrast == OPPOSITE
    assert by_id["e-mode"].outcome == "failure"


def test_the_order_of_the_input_does_not_matter_nor_the_case_itself(made_up):
    me, cases = made_up
    forward = [r.id for r in related(me, cases.values())]
    backward = [r.id for r in related(me, reversed(list(cases.values())))]
    without_me = [r.id for r in related(me, [c for c in cases.values() if c.id != "me"])]
    assert forward == backward == without_me
    assert "me" not in forward


def test_ongoing_never_contrasts_so_nothing_is_swapped_in(made_up):
    me, cases = made_up
    ongoing = Case.model_validate(
        cases["e-mode"].model_dump(by_alias=True, mode="json")
        | {"outcome": cases["e-mode"].outcome.model_dump(mode="json") | {"status": "ongoing"}}
    )
    pool = [*(c for i, c in cases.items() if i != "e-mode"), ongoing]
    assert [r.id for r in related(me, pool, k=3)] == ["b-ideas", "a-conn", "c-conn"]


def test_a_library_of_one_has_no_related_cases(made_up):
    me, _cases = made_up
    assert related(me, [me]) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("success", "failure", OPPOSITE),
        ("failure", "success", OPPOSITE),
        ("success", "mixed", DIFFERENT),
        ("mixed", "failure", DIFFERENT),
        ("failure", "mixed", DIFFERENT),
        ("mixed", "mixed", None),
        ("success", "success", None),
        ("ongoing", "failure", None),
        ("success", "ongoing", None),
        ("ongoing", "ongoing", None),
    ],
)
def test_contrast(a, b, expected):
    assert contrast(a, b) == expected


@pytest.mark.parametrize(
    ("other", "lang", "line"),
    [
        ("a-conn", "en", "Same connections: User – driver, User – service"),
        ("c-conn", "en", "Same connection: User – service"),
        (
            "b-ideas",
            "en",
            "Shared ideas: Connection is the force, Subsidies, bubbles and failures; "
            "same industry: Retail & e-commerce",
        ),
        ("e-mode", "en", "Same mode: Internet+; opposite outcome"),
        ("e-mode", "zh", "相同模式：互联网+；结果相反"),
        ("a-conn", "zh", "相同连接：用户 – 司机，用户 – 服务"),
    ],
)
def test_reason_line(made_up, other, lang, line):
    me, cases = made_up
    assert reason_text(compare(me, cases[other]), translator(lang)) == line


def test_reason_line_names_two_ideas_and_counts_the_rest(good_case_data):
    ideas = ["connection_redesign", "subsidy_and_bubble", "user_thinking"]
    a = Case.model_validate(
        variant(good_case_data, "xx", ideas=ideas, connection_types=["user_driver"])
    )
    b = Case.model_validate(
        variant(good_case_data, "yy", ideas=ideas, connection_types=["user_user"])
    )
    assert reason_text(compare(a, b), english) == (
        "Shared ideas: Connection is the force, Subsidies, bubbles and failures and 1 more; "
        "same industry: Food service"  # the mode is named only when nothing else is shared
    )


# --- the real library ---------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> tuple[Case, ...]:
    return load_library(ROOT / "cases").cases


def test_every_case_of_the_library_gets_three_to_five(library):
    for case in library:
        found = related(case, library)
        ids = [r.id for r in found]
        assert 3 <= len(found) <= 5, case.id
        assert case.id not in ids, case.id
        assert len(set(ids)) == len(ids), case.id
        for group in (True, False):  # the case file's own links first, each group by score
            scores = [r.score for r in found if r.linked is group]
            assert scores == sorted(scores, reverse=True), case.id
        assert [r.linked for r in found] == sorted((r.linked for r in found), reverse=True)
        for r in found:
            assert r.score > 0 or r.linked
            for lang in ("en", "zh"):
                assert reason_text(r, translator(lang)).strip(), (case.id, r.id, lang)


def test_a_contrasting_case_wherever_the_library_has_one(library):
    for case in library:
        can = any(
            (r := compare(case, o)).score > 0 and r.contrast for o in library if o.id != case.id
        )
        has = any(r.contrast for r in related(case, library))
        assert has == can, case.id
    judged = [c for c in library if c.outcome.status.value != "ongoing"]
    assert all(any(r.contrast for r in related(c, library)) for c in judged)


def test_the_library_ranking_is_deterministic(library):
    first = {c.id: [r.id for r in related(c, library)] for c in library}
    again = {c.id: [r.id for r in related(c, tuple(reversed(library)))] for c in library}
    assert first == again


def test_the_case_files_own_links_come_first():
    from atlas.loader import DEFAULT_DIR, load_library

    lib = load_library(DEFAULT_DIR)
    for case in lib.cases:
        shown = related(case, lib.cases)
        linked = [r.id for r in shown if r.linked]
        known = [i for i in case.related if lib.case(i) is not None]
        assert set(linked) <= set(known), case.id
        # all the links fit, but one place may go to a contrasting case
        assert len(linked) >= min(len(known), len(shown)) - 1, case.id


def _plain_related(case: Case, cases: list[Case], k: int = K) -> list:
    """The definition, case by case: what `related` ranks over the table instead."""
    ranked = sorted(
        (r for o in cases if o.id != case.id and ((r := compare(case, o)).score > 0 or r.linked)),
        key=lambda r: (not r.linked, -r.score, r.id),
    )
    chosen = ranked[:k]
    if k > 0 and not any(r.contrast for r in chosen):
        best = next((r for r in ranked[k:] if r.contrast), None)
        if best is not None:
            chosen = [*chosen[: k - 1], best]
    return chosen


@pytest.mark.parametrize("k", [0, 1, K])
def test_ranking_over_the_table_agrees_with_the_definition_for_every_case(k, tmp_path):
    """The real library, and 300 synthetic cases (many ties), each case in turn."""
    from atlas.synth import write_library

    write_library(tmp_path / "synthetic", 300, seed=7)
    for folder in (ROOT / "cases", tmp_path / "synthetic"):
        lib = load_library(folder)
        table = cases_table(lib.cases)
        index = index_table(table)
        for case in lib.cases:
            expected = _plain_related(case, list(lib.cases), k)
            assert related_in(case, table, index, lib.case, k) == expected, case.id
