import pytest

from atlas.loader import load_library
from atlas.schema import Tour
from atlas.tours import SCHEMA_LINE, tour_from_cases, tour_from_upload, tour_to_yaml
from tests.conftest import GOOD


@pytest.fixture(scope="module")
def cases():
    return list(load_library(GOOD).cases)


def test_tour_from_cases_keeps_order_and_points(cases):
    reverse = cases[::-1]
    tour = tour_from_cases(reverse, "  Shops   online ", "", {reverse[0].id: "Start here."})
    assert tour.id == "shops-online" and tour.title == "Shops online"
    assert [s.case for s in tour.stops] == [c.id for c in reverse]
    assert tour.stops[0].talking_point == "Start here."
    assert tour.stops[1].talking_point == reverse[1].summary  # the default point
    assert tour.description == "2 cases."


def test_download_and_upload_give_the_same_tour(cases):
    tour = tour_from_cases(cases, "Round trip", "There and back.", {cases[1].id: "Note: colon"})
    text = tour_to_yaml(tour)
    assert text.startswith(SCHEMA_LINE + "\n")
    back, problems = tour_from_upload("round-trip.yaml", text.encode(), {c.id for c in cases})
    assert problems == []
    assert back == tour


@pytest.mark.parametrize(
    ("raw", "line", "field", "words"),
    [
        (b"", 1, "(file)", "empty"),
        (b"id: tt\ntitle: T: x\n", 2, "(yaml syntax)", "mapping values"),
        (b"id: tt\ntitle: T\ndescription: D\nstops: []\n", 4, "stops", "at least 1"),
        (b"id: tt\ntitle: T\ndescription: D\nstopz: []\n", 4, "stopz", "unknown field"),
        (
            b"id: tt\ntitle: T\ndescription: D\nstops:\n  - {case: nope, talking_point: P}\n",
            5,
            "stops[0].case",
            "no case has the id 'nope'",
        ),
    ],
)
def test_a_bad_upload_names_its_line_and_field(cases, raw, line, field, words):
    tour, problems = tour_from_upload("mine.yaml", raw, {c.id for c in cases})
    p = next(p for p in problems if p.field == field)
    assert (p.path, p.line) == ("mine.yaml", line)
    assert words in p.message
    assert (tour is None) == (field != "stops[0].case")  # unknown stops load, and are reported


def test_oversized_upload_is_refused(cases):
    tour, problems = tour_from_upload("big.yaml", b"x" * 1_000_001, set())
    assert tour is None and "larger than 1 MB" in problems[0].message


def test_tour_model_is_the_curated_format():
    # zh: the tour's Chinese title, description and talking points (the bilingual schema)
    assert set(Tour.model_fields) == {"id", "title", "description", "stops", "zh"}
