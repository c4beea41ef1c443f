"""`atlas validate --strict`: the library's editorial rules, each found where it is broken."""

import copy
from pathlib import Path

import pytest

from atlas.schema import Case, Tour
from atlas.strict import case_findings, publisher_hosts, tour_findings

HOSTS = {"the daily loaf": ("dailyloaf.example",), "reuters": ("reuters.com",)}
SOURCE = {
    "id": "loaf",
    "title": "Bakeries online",
    "publisher": "The Daily Loaf",
    "date": "2020-01",
    "url": "https://www.dailyloaf.example/2020/bakeries",
    "kind": "press",
    "checked": "2026-12-01",
}
ZH = {
    "title": "标题",
    "summary": "摘要。",
    "narrative": "叙述。",
    "lessons": ["一", "二"],
    "organisations": ["甲"],
    "countries": ["中国"],
    "outcome": {"rationale": "理由", "evidence": "证据"},
    "connections": {"before": [], "after": []},
}


def documented(good_case_data: dict, **changes) -> Case:
    data = copy.deepcopy(good_case_data)
    other = SOURCE | {"id": "wire", "publisher": "Reuters", "url": "https://www.reuters.com/x"}
    data |= {
        "evidence": "documented",
        "organisations": ["A bakery"],
        "sources": [dict(SOURCE), other],
        "narrative": data["narrative"].replace("2015", "2015 [s:loaf]"),
        "fact_check": {"checked": "2026-12-01", "note": "Checked."},
        "zh": dict(ZH) | {"lessons": ["一"] * len(data["lessons"])},
    }
    data["outcome"] |= {"sources": ["loaf"], "rationale": "Why.", "as_of": 2024}
    data |= changes
    return Case.model_validate(data)


def fields(findings) -> set[str]:
    return {".".join(map(str, loc)) for loc, _message, _hint in findings}


def test_a_case_that_keeps_every_rule_has_no_finding(good_case_data):
    case = documented(good_case_data)
    assert case_findings(case, HOSTS) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda s: s | {"url": "https://mirror.example/copy"}, "sources.0.url"),
        (lambda s: s | {"publisher": "Unknown Weekly"}, "sources.0.publisher"),
        (lambda s: s | {"url": "https://www.dailyloaf.example/tag/bakeries"}, "sources.0.url"),
        (lambda s: s | {"archive_url": "https://copies.example/x"}, "sources.0.archive_url"),
        (lambda s: {k: v for k, v in s.items() if k != "checked"}, "sources.0.checked"),
    ],
    ids=["reprint-host", "unknown-publisher", "tag-page", "not-an-archive", "unchecked"],
)
def test_each_source_rule(good_case_data, change, field):
    case = documented(good_case_data)
    data = case.model_dump(by_alias=True, mode="json")
    data["sources"][0] = change(data["sources"][0])
    assert field in fields(case_findings(Case.model_validate(data), HOSTS))


def test_an_archived_copy_of_the_publishers_page_is_accepted(good_case_data):
    data = documented(good_case_data).model_dump(by_alias=True, mode="json")
    data["sources"][0]["archive_url"] = "https://web.archive.org/web/2020/https://x"
    assert case_findings(Case.model_validate(data), HOSTS) == []


def test_a_figure_without_a_marker_the_missing_record_and_chinese(good_case_data):
    case = documented(
        good_case_data,
        narrative="It sold 300 loaves a day. " * 30,
        fact_check=None,
        zh=None,
    )
    found = fields(case_findings(case, HOSTS))
    assert {"narrative", "fact_check", "zh"} <= found


def test_the_outcome_needs_its_rationale_and_year(good_case_data):
    case = documented(good_case_data)
    data = case.model_dump(by_alias=True, mode="json", exclude_none=True)
    del data["outcome"]["rationale"], data["outcome"]["as_of"]
    found = fields(case_findings(Case.model_validate(data), HOSTS))
    assert {"outcome.rationale", "outcome.as_of"} <= found


def test_a_tour_needs_its_chinese():
    tour = Tour(id="tt", title="T", description="D", stops=[{"case": "a-b", "talking_point": "x"}])
    assert fields(tour_findings(tour)) == {"zh"}
    tour = Tour(**tour.model_dump() | {"zh": {"title": "导览", "description": "说明"}})
    assert fields(tour_findings(tour)) == {"zh.talking_points"}


def test_the_publishers_table_has_one_line_per_publisher_and_only_hosts():
    path = Path(__file__).resolve().parent.parent / "atlas" / "publishers.yaml"
    names = [
        line.split(":")[0].casefold()
        for line in path.read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert len(names) == len(set(names)), "a publisher listed twice (a union merge?)"
    for hosts in publisher_hosts(path).values():
        assert hosts and all("/" not in h and "." in h for h in hosts)
