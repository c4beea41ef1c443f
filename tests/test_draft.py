"""The "Draft a case" form's fields come from the schema (atlas.draft)."""

from __future__ import annotations

import pytest

from atlas.draft import Kind, all_paths, form_fields, get, put
from atlas.draft_labels import FIELD_LABELS, field_label, kind_text, owner_key
from atlas.problems import ProblemKind
from atlas.schema import Case
from atlas.vocabulary import ConnectionType, Industry, Outcome, SourceKind

FIELDS = {f.key: f for f in form_fields()}


@pytest.mark.parametrize(
    ("key", "kind", "required"),
    [
        ("id", Kind.LINE, True),
        ("summary", Kind.LINE, True),
        ("narrative", Kind.TEXT, True),
        ("industry", Kind.CHOICE, True),
        ("connection_types", Kind.CHOICES, True),
        ("organisations", Kind.LINES, True),
        ("years.start", Kind.YEAR, True),
        ("years.end", Kind.YEAR, False),
        ("outcome.status", Kind.CHOICE, True),
        ("outcome.evidence", Kind.TEXT, True),
        ("outcome.rationale", Kind.LINE, False),
        ("outcome.sources", Kind.SOURCE_IDS, False),
        ("connections.before", Kind.TABLE, True),
        ("connections.after", Kind.TABLE, True),
        ("timeline", Kind.TABLE, False),
        ("metrics", Kind.TABLE, False),
        ("sources", Kind.TABLE, False),
        ("technologies", Kind.CHOICES, False),
        ("related", Kind.CASE_IDS, False),
        ("zh.title", Kind.LINE, False),
        ("zh.lessons", Kind.LINES, False),
    ],
)
def test_each_field_gets_the_widget_its_schema_type_asks_for(key, kind, required):
    assert FIELDS[key].kind is kind
    assert FIELDS[key].required is required


def test_vocabularies_are_choices_of_their_own_values():
    assert FIELDS["industry"].vocabulary is Industry
    assert FIELDS["outcome.status"].vocabulary is Outcome
    assert FIELDS["connection_types"].vocabulary is ConnectionType


def test_tables_have_a_column_per_field_of_their_records():
    before = FIELDS["connections.before"].columns
    assert [c.key for c in before] == ["from", "to", "via", "type"]  # 'from', as in the file
    assert before[3].vocabulary is ConnectionType and not before[3].required
    metrics = {c.key: c for c in FIELDS["metrics"].columns}
    assert metrics["value"].kind is Kind.NUMBER and metrics["year"].kind is Kind.YEAR
    assert metrics["source"].kind is Kind.SOURCE_ID  # one of the draft's own sources
    assert {c.key: c for c in FIELDS["sources"].columns}["kind"].vocabulary is SourceKind


def test_required_fields_come_first_and_every_schema_field_is_offered():
    order = [Case.model_fields[f.path[0]].is_required() for f in form_fields()]
    assert order == sorted(order, reverse=True)
    assert FIELDS["years.start"].required and not FIELDS["years.end"].required
    tops = {f.path[0] for f in form_fields()}
    assert tops == set(Case.model_fields) - {"fact_check"}
    assert ("fact_check",) not in all_paths(form_fields())


def test_the_help_is_the_schemas_description():
    assert (
        FIELDS["years.end"].help
        == Case.model_fields["years"].annotation.model_fields["end"].description
    )
    assert FIELDS["id"].help


def test_get_and_put_reach_nested_values():
    data: dict = {}
    put(data, ("outcome", "status"), "failure")
    put(data, ("id",), "x")
    assert data == {"outcome": {"status": "failure"}, "id": "x"}
    assert get(data, ("outcome", "status")) == "failure"
    assert get(data, ("outcome", "missing")) is None
    assert get(data, ("id", "deeper")) is None
    put(data, ("id", "deeper"), 1)  # a value in the way is replaced by a mapping
    assert data["id"] == {"deeper": 1}


def test_every_field_has_a_label():
    assert set(FIELDS) <= set(FIELD_LABELS)
    assert field_label("no.such") == "no.such"


@pytest.mark.parametrize(
    ("problem_field", "owner"),
    [
        ("title", "title"),
        ("metrics[2].source", "metrics"),
        ("connections.before[0].from", "connections.before"),
        ("years", "years.start"),
        ("years.end", "years.end"),
        ("connections", "connections.before"),
        ("outcome.sources[1]", "outcome.sources"),
        ("zh.title", "zh.title"),
        ("fact_check", None),
        ("(file)", None),
    ],
)
def test_a_problem_belongs_to_the_field_that_holds_it(problem_field, owner):
    assert owner_key(problem_field, list(FIELDS)) == owner


def test_each_problem_kind_is_said_in_a_sentence():
    assert kind_text(ProblemKind.MISSING_FIELD) != kind_text(ProblemKind.BAD_URL)
    assert kind_text(ProblemKind.ALIAS_LOOP)  # any other kind: a general sentence
