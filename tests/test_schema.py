import copy
import datetime as dt
import json

import pytest
from pydantic import ValidationError

from atlas.cli import SCHEMA_DIR, schema_documents
from atlas.problems import ProblemKind
from atlas.problems import ProblemKind as K
from atlas.schema import Case
from atlas.schema_fields import MAX_TEXT_LENGTH, tidy_id
from atlas.schema_rules import case_rule_violations
from atlas.validation_messages import explain_error
from atlas.vocabulary import Outcome


def test_good_case_validates(good_case_data):
    case = Case.model_validate(good_case_data)
    assert case.connections.before[0].from_ == "Walk-in customer"
    assert case_rule_violations(case) == []


def _break(data: dict, path: str, value) -> dict:
    data = copy.deepcopy(data)
    *parents, last = path.split(".")
    target = data
    for p in parents:
        target = target[int(p)] if p.isdigit() else target[p]
    if value is KeyError:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


def kinds_of(data: dict) -> dict[tuple, ProblemKind]:
    """Validate `data`; each refused location and our kind of problem there."""
    with pytest.raises(ValidationError) as exc:
        Case.model_validate(data)
    return {tuple(e["loc"]): explain_error(e).kind for e in exc.value.errors()}


INVALID = [
    ("outcome.status", "sucess", ("outcome", "status"), K.NOT_ALLOWED_VALUE),
    ("industry", "banking", ("industry",), K.NOT_ALLOWED_VALUE),
    (
        "connection_types",
        ["user_driver", "telepathy"],
        ("connection_types", 1),
        K.NOT_ALLOWED_VALUE,
    ),
    (
        "connections.before.0.type",
        "telepathy",
        ("connections", "before", 0, "type"),
        K.NOT_ALLOWED_VALUE,
    ),
    ("id", "Not A Slug", ("id",), K.INVALID_ID),
    ("related", ["Not A Slug"], ("related", 0), K.INVALID_ID),
    ("title", KeyError, ("title",), K.MISSING_FIELD),
    ("summry", "typo", ("summry",), K.UNKNOWN_FIELD),
    ("summary", "two\nlines", ("summary",), K.NOT_ONE_LINE),
    ("title", "two\nlines", ("title",), K.NOT_ONE_LINE),
    ("summary", "   ", ("summary",), K.EMPTY_VALUE),
    ("summary", "", ("summary",), K.EMPTY_VALUE),
    ("summary", None, ("summary",), K.EMPTY_VALUE),
    ("summary", ["a", "list"], ("summary",), K.WRONG_TYPE),
    ("summary", 2015, ("summary",), K.WRONG_TYPE),
    ("years.start", 2999, ("years", "start"), K.BAD_DATE),
    ("years.start", 1700, ("years", "start"), K.BAD_DATE),
    ("years.start", "2015", ("years", "start"), K.WRONG_TYPE),
    ("years.start", 2015.5, ("years", "start"), K.WRONG_TYPE),
    ("years", 2015, ("years",), K.WRONG_TYPE),
    ("organisations", "one text", ("organisations",), K.WRONG_TYPE),
    ("connections.before", [], ("connections", "before"), K.TOO_SHORT),
    ("lessons", [], ("lessons",), K.TOO_SHORT),
    ("title", "ab", ("title",), K.TOO_SHORT),
    ("title", "x" * 101, ("title",), K.TOO_LONG),
    ("narrative", "x" * (MAX_TEXT_LENGTH + 1), ("narrative",), K.TOO_LONG),
    ("lessons", ["a lesson"] * 7, ("lessons",), K.TOO_LONG),
]


@pytest.mark.parametrize(("path", "value", "loc", "kind"), INVALID)
def test_invalid_values_are_rejected_at_their_field(good_case_data, path, value, loc, kind):
    assert kinds_of(_break(good_case_data, path, value)).get(loc) == kind


@pytest.mark.parametrize(("path", "value", "loc", "kind"), INVALID)
def test_every_schema_error_is_told_in_our_words(good_case_data, path, value, loc, kind):
    with pytest.raises(ValidationError) as exc:
        Case.model_validate(_break(good_case_data, path, value))
    for error in exc.value.errors():
        explained = explain_error(error)
        assert explained.kind is not K.INVALID_VALUE, f"{error['type']} is not mapped"
        assert error["msg"] not in explained.message


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "many"])
def test_a_figure_must_be_a_number(good_case_data, value):
    metric = {"label": "Users", "value": value, "unit": "million", "year": 2016, "source": "s1"}
    data = good_case_data | {"metrics": [metric], "sources": [_source()]}
    assert kinds_of(data) == {("metrics", 0, "value"): K.WRONG_TYPE}


def test_an_unknown_value_hints_at_the_allowed_ones(good_case_data):
    data = _break(good_case_data, "outcome.status", "sucess")
    with pytest.raises(ValidationError) as exc:
        Case.model_validate(data)
    (error,) = exc.value.errors()
    _, message, hint = explain_error(error)
    assert "'sucess'" in message
    assert hint == "did you mean 'success'? allowed: " + ", ".join(o.value for o in Outcome)


def _source(**kw):
    base = {
        "id": "s1",
        "title": "T",
        "publisher": "P",
        "date": "2016-08-01",
        "url": "https://example.org/a",
        "kind": "press",
    }
    return base | kw


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/x", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("ftp://example.org/file", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ("https://example.org/a\u00a0b", False),  # no-break space
        ("https://example.org/a\u3000b", False),  # ideographic space
        ("https://example.org/a\tb", False),
        ("https://example.org/a%20b", True),
    ],
)
def test_source_urls_must_be_http(good_case_data, url, ok):
    data = good_case_data | {"sources": [_source(url=url)]}
    if ok:
        Case.model_validate(data)
    else:
        assert kinds_of(data) == {("sources", 0, "url"): K.BAD_URL}


def test_an_archive_url_must_be_http_too(good_case_data):
    data = good_case_data | {"sources": [_source(archive_url="javascript:alert(1)")]}
    assert kinds_of(data) == {("sources", 0, "archive_url"): K.BAD_URL}


@pytest.mark.parametrize(
    ("date", "expected"),
    [(2016, "2016"), (dt.date(2016, 8, 1), "2016-08-01"), ("2016-08", "2016-08")],
)
def test_dates_accept_what_yaml_produces(good_case_data, date, expected):
    case = Case.model_validate(good_case_data | {"sources": [_source(date=date)]})
    assert case.sources[0].date == expected


@pytest.mark.parametrize(
    "date", ["2016-13", "2016-02-30", "16-08-01", "2999-01-01", "1799", "soon", 1700]
)
def test_impossible_or_future_dates_are_rejected(good_case_data, date):
    data = good_case_data | {"sources": [_source(date=date)]}
    assert kinds_of(data) == {("sources", 0, "date"): K.BAD_DATE}


def documented(data: dict, **changes) -> Case:
    sources = [_source(id="src-a"), _source(id="src-b")]
    base = data | {"evidence": "documented", "sources": sources}
    base["outcome"] = base["outcome"] | {"sources": ["src-a"]}
    return Case.model_validate(base | changes)


def test_documented_case_with_references_is_clean(good_case_data):
    events = [{"date": "2015", "event": "Launched", "source": "src-a"}]
    metrics = [{"label": "Users", "value": 3, "unit": "million", "year": 2016, "source": "src-b"}]
    assert case_rule_violations(documented(good_case_data, timeline=events, metrics=metrics)) == []


@pytest.mark.parametrize(
    ("changes", "loc", "needle"),
    [
        ({"sources": [_source(id="src-a")]}, ("sources",), "at least 2 sources"),
        (
            {"metrics": [{"label": "U", "value": 1, "unit": "m", "year": 2016, "source": "zz"}]},
            ("metrics", 0, "source"),
            "'zz' is not the id of a source",
        ),
        (
            {"timeline": [{"date": "2015", "event": "Launched"}]},
            ("timeline", 0, "source"),
            "names its source",
        ),
        (
            {"sources": [_source(id="src-a"), _source(id="src-a")]},
            ("sources", 1, "id"),
            "used twice",
        ),
        ({"years": {"start": 2016, "end": 2010}}, ("years", "end"), "before it starts"),
        ({"related": ["bakery-o2o-delivery"]}, ("related",), "itself"),
    ],
)
def test_rules_across_fields(good_case_data, changes, loc, needle):
    problems = case_rule_violations(documented(good_case_data, **changes))
    assert any(p_loc == loc and needle in msg for p_loc, msg, _ in problems), problems


def test_committed_json_schema_is_current():
    for name, text in schema_documents().items():
        committed = (SCHEMA_DIR / name).read_text()
        assert committed == text, f"schema/{name} is stale: run `atlas schema`"


def test_json_schema_offers_labels_to_editors():
    schema = json.loads(schema_documents()["case.schema.json"])
    outcome = schema["$defs"]["Outcome"]
    assert outcome["enum"] == ["success", "mixed", "failure", "ongoing"]
    assert outcome["enumDescriptions"][2].startswith("Failure:")
    assert schema["additionalProperties"] is False
    assert "from" in schema["$defs"]["Connection"]["properties"]


def test_tidy_id():
    assert tidy_id("Didi & Kuaidi: the merger") == "didi-kuaidi-the-merger"
