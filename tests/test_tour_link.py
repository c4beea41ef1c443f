"""A tour as a link's value: round trips, and links that cannot be used."""

import base64
import json
import zlib

import pytest

from atlas.loader import load_library
from atlas.schema import Tour
from atlas.tour_link import MAX_CODE_CHARS, VERSION, decode_tour, encode_tour
from atlas.tours import tour_from_cases
from tests.conftest import ROOT

LIBRARY = load_library(ROOT / "cases")
KNOWN = {c.id for c in LIBRARY.cases}


def tour_of(n: int, **text) -> Tour:
    return tour_from_cases(
        LIBRARY.cases[:n], text.get("title", "Ten stops"), text.get("description", "")
    )


def doc(**fields) -> str:
    return pack(json.dumps({"t": "Title", "d": "D", "s": [[sorted(KNOWN)[0], "p"]]} | fields))


def pack(text: str) -> str:
    return VERSION + base64.urlsafe_b64encode(zlib.compress(text.encode())).decode().rstrip("=")


def test_a_tour_comes_back_as_it_went():
    tour = tour_of(3, title="Why platforms fail", description="Three cases.")
    code = encode_tour(tour)
    assert (
        code.startswith("1.") and code.replace(".", "").replace("-", "").replace("_", "").isalnum()
    )
    assert decode_tour(code, KNOWN) == (tour, [])


def test_chinese_text_and_a_chosen_id_come_back():
    zh_tour = Tour.model_validate(
        {
            "id": "platform-failures",
            "title": "平台为何失败",
            "description": "三个案例：补贴、风险与监管。",
            "stops": [
                {"case": c.id, "talking_point": f"谁为补贴买单？{i}"}
                for i, c in enumerate(LIBRARY.cases[:3])
            ],
            "zh": {"title": "平台为何失败", "talking_points": ["一", "二", "三"]},
        }
    )
    back, notices = decode_tour(encode_tour(zh_tour), KNOWN)
    assert notices == [] and back == zh_tour


def test_a_ten_stop_tour_makes_a_link_of_reasonable_length():
    code = encode_tour(tour_of(10))
    print(f"10 stops with the cases' summaries as talking points: {len(code)} characters")
    assert len(code) < 3_000
    cases = LIBRARY.cases[:60]  # the longest tour the Tours page builds, in Chinese
    chinese = {c.id: c.zh.summary for c in cases if c.zh and c.zh.summary}
    sixty = encode_tour(tour_from_cases(cases, "六十个案例", "", chinese))
    print(f"60 stops in Chinese: {len(sixty)} characters")
    assert len(sixty) <= MAX_CODE_CHARS


def test_stops_of_unknown_cases_are_left_out_and_named():
    tour = tour_of(3)
    gone = tour.stops[1].case
    back, notices = decode_tour(encode_tour(tour), KNOWN - {gone})
    assert back is not None
    assert [s.case for s in back.stops] == [tour.stops[0].case, tour.stops[2].case]
    assert len(notices) == 1 and repr(gone) in notices[0]


def test_a_tour_with_no_known_stops_is_refused():
    back, notices = decode_tour(encode_tour(tour_of(2)), set())
    assert back is None and "no stops left" in notices[-1]


def test_a_hand_made_value_is_read():
    back, notices = decode_tour(doc(), KNOWN)
    assert notices == [] and back is not None and back.id == "title"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "1.",
        "1.!!!not base64!!!",
        "2." + encode_tour(tour_of(2))[2:],  # a version this app does not read
        encode_tour(tour_of(2))[:-40],  # cut short when copied
        encode_tour(tour_of(2))[:40] + "A" + encode_tour(tour_of(2))[41:],  # tampered
        pack("not json"),
        pack("[1, 2, 3]"),
        pack('{"t": "T", "d": "D", "s": "abc"}'),
        pack('{"t": "T", "d": "D", "s": [["a", "b", "c"]]}'),
        doc(t=""),  # an empty title
        doc(s=[[sorted(KNOWN)[0], 5]]),  # a talking point that is not text
        doc(i="Not A Slug"),
        pack("[" * 100_000 + "]" * 100_000),  # nested too deep
        pack(" " * 300_000),  # unpacks to more than a tour can be
    ],
)
def test_a_value_that_is_not_a_tour_gives_none_and_a_notice(text):
    back, notices = decode_tour(text, KNOWN)
    assert back is None
    assert notices and all(isinstance(n, str) and "tour" in n for n in notices)


def test_an_oversized_value_is_refused_before_it_is_read():
    back, notices = decode_tour("1." + "A" * MAX_CODE_CHARS, KNOWN)
    assert back is None and f"longer than {MAX_CODE_CHARS}" in notices[0]


def test_notices_are_translated_with_the_given_function():
    back, notices = decode_tour("nonsense", KNOWN, lambda s: "XX " + s)
    assert back is None and notices[0].startswith("XX ")
