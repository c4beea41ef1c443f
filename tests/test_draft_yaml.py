"""A draft written as a case file, checked as `atlas validate` checks one, read back whole."""

from __future__ import annotations

import copy

import pytest
import yaml

from atlas.draft import all_paths, form_fields
from atlas.draft_yaml import (
    SCHEMA_LINE,
    check,
    clean,
    file_name,
    from_yaml,
    kept_outside_form,
    template_comments,
    to_yaml,
)
from atlas.loader import load_model
from atlas.problems import ProblemKind, Severity
from atlas.schema import Case
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ({"a": "", "b": "  ", "c": [], "d": {}, "e": None}, None),
        ({"a": " x "}, {"a": " x "}),  # text is kept as typed
        ({"rows": [{"a": None}, {"a": "x"}]}, {"rows": [{"a": "x"}]}),
        ({"n": 2015.0, "m": 1.5, "nan": float("nan")}, {"n": 2015, "m": 1.5}),
        ({"n": 0, "flag": False}, {"n": 0, "flag": False}),
    ],
)
def test_clean_leaves_out_blanks_and_writes_whole_numbers(value, cleaned):
    assert clean(value) == cleaned


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ({"id": "my-case"}, "my-case.yaml"),
        ({"id": " my-case "}, "my-case.yaml"),
        ({"id": "My Case"}, "draft.yaml"),
        ({"id": 3}, "draft.yaml"),
        ({}, "draft.yaml"),
    ],
)
def test_the_file_is_named_after_the_id(data, name):
    assert file_name(data) == name


def test_the_file_has_the_schema_line_comments_and_the_schemas_order(good_case_data):
    shuffled = dict(reversed(list(good_case_data.items())))
    text = to_yaml(shuffled)
    lines = text.splitlines()
    assert lines[0] == SCHEMA_LINE
    assert "TODO" not in text
    tops = [line.split(":")[0] for line in lines if line[:1].isalpha()]
    order = [i.alias or n for n, i in Case.model_fields.items()]
    assert tops == [k for k in order if k in clean(good_case_data)]
    comments = template_comments()
    assert f"industry: {good_case_data['industry']}  # {comments['industry']}" in lines
    assert yaml.safe_load(text) == clean(good_case_data)


def test_a_good_draft_has_no_problems_and_is_the_case(good_case_data):
    case, problems = check(good_case_data)
    assert problems == []
    assert case == Case.model_validate(good_case_data)


def test_problems_are_atlas_validates_for_the_downloaded_file(good_case_data, tmp_path):
    broken = copy.deepcopy(good_case_data)
    broken["outcome"]["status"] = "sucess"
    broken["title"] = "x"
    _case, problems = check(broken)
    target = tmp_path / file_name(broken)
    target.write_text(to_yaml(broken), "utf-8")
    _item, expected = load_model(target, Case)
    assert [(p.line, p.field, p.message, p.kind) for p in problems] == sorted(
        (p.line, p.field, p.message, p.kind) for p in expected
    )
    assert {p.kind for p in problems} == {ProblemKind.NOT_ALLOWED_VALUE, ProblemKind.TOO_SHORT}
    assert all(p.path == f"cases/{file_name(broken)}" for p in problems)
    line = to_yaml(broken).splitlines()[problems[0].line - 1]
    assert line.startswith(problems[0].field.split(".")[0])  # the line is the field's


def test_a_draft_with_one_field_names_every_required_field():
    case, problems = check({"title": "A bakery takes orders online"})
    assert case is None
    missing = {p.field for p in problems if p.kind is ProblemKind.MISSING_FIELD}
    assert {"id", "summary", "industry", "outcome", "connections"} <= missing
    assert "title" not in missing
    assert all(p.path == "cases/draft.yaml" for p in problems)


def test_an_id_that_is_not_the_file_name_is_not_reported_while_unusable(good_case_data):
    data = {**good_case_data, "id": "Not An Id"}
    _case, problems = check(data)
    assert [p.kind for p in problems] == [ProblemKind.INVALID_ID]


def test_rule_violations_are_warnings_and_the_case_still_previews(good_case_data):
    data = copy.deepcopy(good_case_data)
    data["sources"] = [
        {
            "id": "one",
            "title": "A report",
            "publisher": "A publisher",
            "date": "2020-01-01",
            "url": "https://example.org/report",
            "kind": "press",
        }
    ]
    data["metrics"] = [
        {"label": "Orders", "value": 3, "unit": "k", "year": 2020, "source": "no-such-source"}
    ]
    case, problems = check(data)
    assert case is not None
    assert [(p.kind, p.severity) for p in problems] == [(ProblemKind.RULE, Severity.WARNING)]


@pytest.mark.parametrize("path", sorted((ROOT / "cases").glob("*.yaml"))[:12])
def test_a_case_file_survives_the_round_trip(path):
    data, problems = from_yaml(path.read_bytes(), path.name)
    assert problems == []
    original = Case.model_validate(yaml.safe_load(path.read_text("utf-8")))
    assert Case.model_validate(yaml.safe_load(to_yaml(data))) == original


def test_a_file_that_is_not_yaml_cannot_be_restored():
    data, problems = from_yaml(b"id: [unclosed", "mine.yaml")
    assert data is None
    assert problems[0].path == "mine.yaml" and problems[0].kind is ProblemKind.SYNTAX


def test_fields_the_form_does_not_show_are_named_and_kept(good_case_data):
    data = {**good_case_data, "fact_check": {"checked": "2026-01-01", "note": "ok"}}
    data["zh"] = {"title": "标题", "countries": ["中国"]}
    kept = kept_outside_form(data, all_paths(form_fields()))
    assert kept == ["fact_check", "zh.countries"]
    back = yaml.safe_load(to_yaml(data))
    assert back["fact_check"]["note"] == "ok" and back["zh"]["countries"] == ["中国"]
