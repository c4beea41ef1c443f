"""The curated library in cases/: valid, balanced, and sourced by the rules in CONTRIBUTING.md."""

from collections import Counter

import pytest
import yaml

from atlas.citations import strip_markers
from atlas.loader import DEFAULT_DIR, load_library
from atlas.strict import case_findings, publisher_hosts, tour_findings
from atlas.vocabulary import Evidence, Mode, Outcome, Thinking

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/case.schema.json"
TOUR_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/tour.schema.json"


@pytest.fixture(scope="module")
def library():
    return load_library(DEFAULT_DIR)


@pytest.fixture(scope="module")
def documented(library):
    return [c for c in library.cases if c.evidence is Evidence.DOCUMENTED]


def test_every_file_loads_without_a_problem(library):
    assert [str(p) for p in library.problems] == []
    assert len(library.tours) >= 3


def test_sixty_documented_cases_and_a_third_that_did_not_simply_win(documented):
    assert len(documented) >= 60
    not_won = sum(c.outcome.status in (Outcome.FAILURE, Outcome.MIXED) for c in documented)
    assert not_won / len(documented) >= 0.35, f"{not_won} of {len(documented)} failed or mixed"


def test_the_editorial_rules_hold_for_every_case_and_tour(library):
    """`atlas validate --strict cases/`: original publishers, checked sources, cited figures,
    outcome rationale, and Chinese text for every case and tour."""
    hosts = publisher_hosts()
    findings = [f"{c.id}: {f}" for c in library.cases for f in case_findings(c, hosts)]
    findings += [f"{t.id}: {f}" for t in library.tours for f in tour_findings(t)]
    assert findings == []
    assert all(c.zh is not None for c in library.cases)
    assert all(t.zh is not None for t in library.tours)


@pytest.mark.parametrize(
    "path",
    sorted(DEFAULT_DIR.glob("*.yaml")) + sorted(DEFAULT_DIR.glob("tours/*.yaml")),
    ids=lambda p: p.name,
)
def test_every_file_reads_the_same_with_both_yaml_parsers(path):
    """The app reads with libyaml where it is installed and with PyYAML's pure-Python parser
    where not: a file means the same either way (a '?' in a flow mapping's plain scalar
    does not, so such a title is quoted)."""
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)


def test_the_seed_cases_are_there(library):
    ids = {c.id for c in library.cases}
    assert {"bakery-o2o-delivery", "uber-taxi", "didi-kuaidi-merger", "didi-uber-china"} <= ids
    assert sum(i.startswith("wechat-") for i in ids) >= 3
    assert sum(i.startswith("soe-") for i in ids) >= 2
    assert library.case("bakery-o2o-delivery").evidence is Evidence.ILLUSTRATIVE


def test_outcomes_are_balanced(library):
    outcomes = Counter(c.outcome.status for c in library.cases)
    for outcome in Outcome:
        assert outcomes[outcome] >= 4, f"only {outcomes[outcome]} {outcome.label} cases"
    assert outcomes[Outcome.FAILURE] + outcomes[Outcome.MIXED] >= 8


def test_breadth_of_industries_connections_and_regions(library):
    cases = library.cases
    assert len({c.industry for c in cases}) >= 8
    assert len({t for c in cases for t in c.connection_types}) >= 6
    regions = {c.region.value for c in cases}
    assert len(regions) >= 4 and {"china", "north_america", "europe"} <= regions


@pytest.mark.parametrize(("field", "vocab"), [("mode", Mode), ("thinking", Thinking)])
def test_both_sides_of_each_idea_are_well_represented(library, field, vocab):
    counts = Counter(getattr(c, field) for c in library.cases)
    for term in vocab:
        assert counts[term] >= 5, f"{term.label}: {counts[term]} cases"


def test_documented_cases_cite_at_least_two_public_sources(documented):
    for case in documented:
        assert len(case.sources) >= 2, case.id
        for s in case.sources:
            assert s.url.startswith(("https://", "http://")), (case.id, s.id)
            assert s.title.strip() and s.publisher.strip(), (case.id, s.id)


def test_every_figure_and_event_names_a_source_of_its_case(documented):
    for case in documented:
        known = set(case.source_by_id)
        for m in case.metrics:
            assert m.source in known, (case.id, m.label)
        for e in case.timeline:
            assert e.source in known, (case.id, e.event)
        assert case.outcome.sources and set(case.outcome.sources) <= known, case.id


def test_illustrative_cases_state_no_figures(library):
    for case in library.cases:
        if case.evidence is Evidence.ILLUSTRATIVE:
            assert case.metrics == [] and case.timeline == [], case.id
            assert "illustrative" in " ".join(case.organisations).lower(), case.id


def test_writing_rules(library):
    for case in library.cases:
        words = len(strip_markers(case.narrative).split())
        assert 100 <= words <= 250, f"{case.id}: narrative has {words} words"
        assert 2 <= len(case.lessons) <= 4, case.id
        assert case.summary.rstrip().endswith("."), case.id


def test_related_cases_exist_and_files_name_the_schema(library):
    ids = {c.id for c in library.cases}
    for case in library.cases:
        assert set(case.related) <= ids, case.id
        first = (DEFAULT_DIR / f"{case.id}.yaml").read_text().splitlines()[0]
        assert first == SCHEMA_LINE, case.id
    for path in (DEFAULT_DIR / "tours").glob("*.yaml"):
        assert path.read_text().splitlines()[0] == TOUR_SCHEMA_LINE, path.name


def test_tours_have_talking_points_for_known_cases(library):
    ids = {c.id for c in library.cases}
    for tour in library.tours:
        assert len(tour.stops) >= 4, tour.id
        assert {s.case for s in tour.stops} <= ids, tour.id
