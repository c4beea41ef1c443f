"""Finding a case by what a person types (atlas/case_finder.py): exact and prefix first."""

import pandas as pd
import pytest

from atlas.case_finder import Candidate, Match, candidates, match, normalise, rank

UBER = Candidate(
    "uber-taxi", ("Uber against the taxi trade", "优步与出租车行业之争"), ("Uber Technologies",)
)
DIDI = Candidate(
    "didi-uber-china",
    ("Didi Chuxing takes over Uber China (2016)", "滴滴出行收购优步中国（2016年）"),
    ("Didi Chuxing", "Uber China"),
)
GRAB = Candidate(
    "grab-super-app", ("Grab, from ride-hailing app to a super-app",), ("Uber Technologies",)
)
# a title that holds u, b, e, r in that order: a fuzzy match, never ours
FUZZY = Candidate("bakery", ("A bakery under bread pressure",), ("Sunny Bakery",))
OFO = Candidate("ofo-bike-sharing", ("ofo: the yellow bikes",), ("ofo Inc.",))
LIBRARY = [FUZZY, GRAB, DIDI, OFO, UBER]  # the order the page gives: its titles' order


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Uber", ["uber-taxi", "didi-uber-china", "grab-super-app"]),
        ("  uBER ", ["uber-taxi", "didi-uber-china", "grab-super-app"]),
        ("Ｕｂｅｒ", ["uber-taxi", "didi-uber-china", "grab-super-app"]),  # full-width
        ("uber against the taxi trade", ["uber-taxi"]),
        ("优步", ["uber-taxi", "didi-uber-china"]),
        ("滴滴", ["didi-uber-china"]),
        ("ofo", ["ofo-bike-sharing"]),
        ("ofo-bike-sharing", ["ofo-bike-sharing"]),
        ("bike", ["ofo-bike-sharing"]),
        ("china", ["didi-uber-china"]),
        ("hailing", ["grab-super-app"]),
        ("ailing", ["grab-super-app"]),
        ("bakery", ["bakery"]),
        ("", []),
        ("   ", []),
        ("zzz", []),
    ],
)
def test_rank(query, expected):
    assert rank(query, LIBRARY) == expected


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        ("uber-taxi", UBER, Match.EXACT),
        ("uber technologies", GRAB, Match.EXACT),
        ("优步与出租车行业之争", UBER, Match.EXACT),
        ("uber", UBER, Match.TITLE_PREFIX),
        ("优步", UBER, Match.TITLE_PREFIX),
        ("uber", DIDI, Match.TITLE_WORD),
        ("uber", GRAB, Match.NAME_PREFIX),
        ("techno", GRAB, Match.NAME_PREFIX),
        ("ber", UBER, Match.CONTAINS),
        ("步", UBER, Match.CONTAINS),
        ("uber", FUZZY, None),
        ("", UBER, None),
    ],
)
def test_match(query, candidate, expected):
    assert match(normalise(query), candidate) is expected


def test_within_one_kind_the_given_order_holds():
    first, second = Candidate("b", ("Uber two",)), Candidate("a", ("Uber one",))
    assert rank("uber", [first, second]) == ["b", "a"]
    assert rank("uber", [second, first]) == ["a", "b"]


def test_limit():
    assert rank("uber", LIBRARY, limit=2) == ["uber-taxi", "didi-uber-china"]


def test_candidates_from_the_table():
    table = pd.DataFrame(
        {
            "id": ["a", "b"],
            "title": ["Alpha", "Beta"],
            "title_zh": ["阿尔法", float("nan")],  # a case with no Chinese title
            "organisations": [("Alpha Inc.",), ()],
        }
    )
    assert candidates(table) == [
        Candidate("a", ("Alpha", "阿尔法"), ("Alpha Inc.",)),
        Candidate("b", ("Beta",), ()),
    ]
