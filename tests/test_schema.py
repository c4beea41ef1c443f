import copy
import datetime as dt
import json

import pytest
from pydantic import ValidationError

from atlas.cli import SCHEMA_DIR, schema_documents
from atlas.schema import Case, case_rule_violations, tidy_id


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


@pytest.mark.parametrize(
    ("path", "value", "loc", "needle"),
    [
        ("outcome.status", "sucess", ("outcome", "status"), "Input should be"),
        ("industry", "banking", ("industry",), "Input should be"),
        ("id", "Not A Slug", ("id",), "pattern"),
        ("title", KeyError, ("title",), "Field required"),
        ("summry", "typo", ("summry",), "Extra inputs"),
        ("summary", "two\nlines", ("summary",), "pattern"),
        ("years.start", 2999, ("years", "start"), "in the future"),
        ("years.start", "2015", ("years", "start"), "valid integer"),
        ("connections.before", [], ("connections", "before"), "at least 1"),
        ("lessons", [], ("lessons",), "at least 1"),
        ("connection_types", ["user_driver", "telepathy"], ("connection_types", 1), "Input"),
    ],
)
def test_invalid_values_are_rejected_at_their_field(good_case_data, path, value, loc, needle):
    with pytest.raises(ValidationError) as exc:
        Case.model_validate(_break(good_case_data, path, value))
    errors = {tuple(e["loc"]): e["msg"] for e in exc.value.errors()}
    assert loc in errors
    assert needle in errors[loc]


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
    ],
)
def test_source_urls_must_be_http(good_case_data, url, ok):
    data = good_case_data | {"sources": [_source(url=url)]}
    if ok:
        Case.model_validate(data)
    else:
        with pytest.raises(ValidationError, match="http"):
            Case.model_validate(data)


@pytest.mark.parametrize(
    ("date", "expected"),
    [(2016, "2016"), (dt.date(2016, 8, 1), "2016-08-01"), ("2016-08", "2016-08")],
)
def test_dates_accept_what_yaml_produces(good_case_data, date, expected):
    case = Case.model_validate(good_case_data | {"sources": [_source(date=date)]})
    assert case.sources[0].date == expected


@pytest.mark.parametrize("date", ["2016-13", "2016-02-30", "16-08-01", "2999-01-01"])
def test_impossible_or_future_dates_are_rejected(good_case_data, date):
    with pytest.raises(ValidationError):
        Case.model_validate(good_case_data | {"sources": [_source(date=date)]})


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
