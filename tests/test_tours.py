import pytest

from atlas.loader import load_library
from atlas.problems import ProblemKind as K
from atlas.schema import Tour
from atlas.tours import (
    SCHEMA_LINE,
    merged_order,
    moved,
    nudged,
    tour_from_cases,
    tour_from_upload,
    tour_to_yaml,
)
from atlas.yaml_source import MAX_FILE_BYTES
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
    ("raw", "line", "field", "kind"),
    [
        (b"", 1, "(file)", K.EMPTY),
        (b"id: tt\ntitle: T: x\n", 2, "(yaml syntax)", K.SYNTAX),
        (b"id: tt\ntitle: T\ndescription: D\nstops: []\n", 4, "stops", K.TOO_SHORT),
        (b"id: tt\ntitle: T\ndescription: D\nstopz: []\n", 4, "stopz", K.UNKNOWN_FIELD),
        (
            b"id: tt\ntitle: T\ndescription: D\nstops:\n  - {case: nope, talking_point: P}\n",
            5,
            "stops[0].case",
            K.UNKNOWN_REFERENCE,
        ),
    ],
)
def test_a_bad_upload_names_its_line_field_and_kind(cases, raw, line, field, kind):
    tour, problems = tour_from_upload("mine.yaml", raw, {c.id for c in cases})
    p = next(p for p in problems if p.field == field)
    assert (p.path, p.line, p.kind) == ("mine.yaml", line, kind)
    assert (tour is None) == (field != "stops[0].case")  # unknown stops load, and are reported


def test_an_unknown_stop_names_the_case_id(cases):
    raw = b"id: tt\ntitle: T\ndescription: D\nstops:\n  - {case: nope, talking_point: P}\n"
    _, (problem,) = tour_from_upload("mine.yaml", raw, {c.id for c in cases})
    assert "'nope'" in problem.message


def test_oversized_upload_is_refused(cases):
    tour, problems = tour_from_upload("big.yaml", b"x" * (MAX_FILE_BYTES + 1), set())
    assert tour is None
    assert [(p.path, p.line, p.kind) for p in problems] == [("big.yaml", 1, K.TOO_LARGE)]
    assert f"{MAX_FILE_BYTES / 1e6:.0f} MB" in problems[0].message  # our limit, named


def test_tour_model_is_the_curated_format():
    # zh: the tour's Chinese title, description and talking points (the bilingual schema)
    assert set(Tour.model_fields) == {"id", "title", "description", "stops", "zh"}


@pytest.mark.parametrize(
    ("item", "position", "expected"),
    [
        ("c", 1, "cab"),  # typing 1 against the third stop makes it the first
        ("a", 3, "bca"),
        ("a", 99, "bca"),  # past the end: the last place
        ("b", 0, "bac"),  # before the start: the first place
        ("b", 2, "abc"),
        ("x", 1, "abc"),  # not in the tour: nothing moves
    ],
)
def test_a_stop_typed_to_a_place_goes_there(item, position, expected):
    assert "".join(moved(list("abc"), item, position)) == expected


@pytest.mark.parametrize(
    ("item", "step", "among", "expected"),
    [
        ("b", -1, None, "bacd"),
        ("b", 1, None, "acbd"),
        ("a", -1, None, "abcd"),  # the first cannot go up
        ("d", 1, None, "abcd"),  # the last cannot go down
        ("d", -1, "abd", "adcb"),  # c is not shown: d trades places with b
    ],
)
def test_up_and_down_trade_places_with_the_shown_neighbour(item, step, among, expected):
    assert "".join(nudged(list("abcd"), item, step, among and list(among))) == expected


def test_a_new_selection_keeps_the_order_already_chosen():
    assert merged_order(list("cab"), list("abde")) == ["a", "b", "d", "e"]
    assert merged_order(list("cab"), list("abcd")) == ["c", "a", "b", "d"]
