"""A case or a tour in one language: translations field by field, English where missing."""

import copy

import pytest

from atlas.localized import case_text, tour_text
from atlas.schema import Case, Tour


@pytest.fixture
def case(good_case_data) -> Case:
    data = copy.deepcopy(good_case_data)
    data["outcome"]["rationale"] = "Orders came, the model stayed."
    data["zh"] = {
        "title": "面包店上线",
        "narrative": "中文叙述。",
        "lessons": ["只有一条"],  # fewer than the English: not used
        "outcome": {"rationale": "订单来了，模式没变。"},
        "connections": {
            "before": [
                {"from": f"甲{i}", "to": f"乙{i}", "via": f"经{i}"}
                for i in range(len(data["connections"]["before"]))
            ],
        },
    }
    return Case.model_validate(data)


def test_english_is_the_files_own_text(case):
    text = case_text(case, "en")
    assert (text.title, text.narrative, text.lessons) == (
        case.title,
        case.narrative,
        tuple(case.lessons),
    )
    assert text.before == tuple(case.connections.before)


def test_chinese_field_by_field_with_english_where_the_file_has_none(case):
    text = case_text(case, "zh")
    assert text.title == "面包店上线" and text.narrative == "中文叙述。"
    assert text.summary == case.summary  # no Chinese summary: the English one
    assert text.lessons == tuple(case.lessons)  # a list of another length is not used
    assert text.outcome_rationale == "订单来了，模式没变。"
    assert text.outcome_evidence == case.outcome.evidence
    assert [c.from_ for c in text.before][:1] == ["甲0"]
    assert [c.type for c in text.before] == [c.type for c in case.connections.before]
    assert text.after == tuple(case.connections.after)  # not translated: English


def test_a_tour_in_chinese():
    tour = Tour(
        id="tt",
        title="T",
        description="D",
        stops=[{"case": "a-b", "talking_point": "One."}, {"case": "c-d", "talking_point": "Two."}],
        zh={"title": "导览", "talking_points": ["一。", "二。"]},
    )
    text = tour_text(tour, "zh")
    assert (text.title, text.description, text.talking_points) == ("导览", "D", ("一。", "二。"))
    assert tour_text(tour, "en").talking_points == ("One.", "Two.")
