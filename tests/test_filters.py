import pandas as pd
import pytest

from atlas.facets import FACETS
from atlas.filters import (
    Filters,
    apply,
    describe,
    facet_counts,
    from_query,
    mask,
    to_query,
)
from atlas.table import COLUMNS


def row(
    id,
    industry="finance",
    outcome="success",
    conn=("user_service",),
    mode="internet_plus",
    start=2015,
    end=None,
    text="",
    tech=(),
):
    data = dict.fromkeys(COLUMNS, "")
    data |= {
        "id": id,
        "title": id,
        "industry": industry,
        "outcome": outcome,
        "mode": mode,
        "connection_types": tuple(conn),
        "technologies": tuple(tech),
        "ideas": (),
        "countries": (),
        "organisations": (),
        "year_start": start,
        "year_end": end,
        "search_text": f"{id} {text}".casefold(),
    }
    return data


@pytest.fixture
def table():
    rows = [
        row("a", "finance", "failure", ("user_service",), text="P2P lending platform"),
        row("b", "finance", "success", ("user_service", "user_merchant"), start=2013),
        row("c", "transportation", "failure", ("user_driver",), start=2016, end=2019),
        row("d", "transportation", "mixed", ("user_driver",), mode="plus_internet", start=2009),
        row("e", "retail", "ongoing", ("user_merchant",), start=2020, text="lending"),
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["year_end"] = frame["year_end"].astype("Int64")
    return frame


def ids(frame):
    return sorted(frame["id"])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["a", "b", "c", "d", "e"]),
        (Filters({"industry": ("finance",)}), ["a", "b"]),
        (Filters({"industry": ("finance", "transportation")}), ["a", "b", "c", "d"]),  # OR
        (Filters({"industry": ("finance",), "outcome": ("failure",)}), ["a"]),  # AND
        (Filters({"connection_types": ("user_merchant",)}), ["b", "e"]),  # list facet
        (Filters({"connection_types": ("user_merchant", "user_driver")}), ["b", "c", "d", "e"]),
        (Filters({"outcome": ("failure",), "connection_types": ("user_service",)}), ["a"]),
        (Filters({"mode": ("plus_internet",)}), ["d"]),
        (Filters(text="lending"), ["a", "e"]),
        (Filters(text="P2P LENDING"), ["a"]),  # words AND, any case
        (Filters(text="nothing-like-this"), []),
        (Filters(year_from=2017, year_to=2018), ["a", "b", "c", "d"]),  # active then
        (Filters(year_from=2020), ["a", "b", "d", "e"]),  # c ended 2019
        (Filters(year_to=2012), ["d"]),
        (Filters({"industry": ("agriculture",)}), []),
    ],
)
def test_apply(table, filters, expected):
    assert ids(apply(table, filters)) == expected


def test_facet_counts_leave_out_the_facets_own_selection(table):
    f = Filters({"industry": ("finance",), "outcome": ("failure",)})
    industry = facet_counts(table, f, "industry")
    # what each industry would add, given outcome=failure
    assert industry["finance"] == 1 and industry["transportation"] == 1
    assert industry["retail"] == 0 and "agriculture" in industry
    outcome = facet_counts(table, f, "outcome")
    assert outcome == {"success": 1, "mixed": 0, "failure": 1, "ongoing": 0}


def test_facet_counts_of_list_facets_count_each_case_once_per_value(table):
    counts = facet_counts(table, Filters(), "connection_types")
    assert counts["user_service"] == 2 and counts["user_merchant"] == 2
    assert counts["user_driver"] == 2 and counts["device_cloud"] == 0


def test_facet_counts_match_what_selecting_gives(table):
    base = Filters({"outcome": ("failure", "mixed")})
    for facet in ("industry", "connection_types", "mode"):
        for value, n in facet_counts(table, base, facet).items():
            assert n == len(apply(table, base.with_values(facet, [value]))), (facet, value)


def test_mask_skip(table):
    f = Filters({"industry": ("retail",)})
    assert mask(table, f).sum() == 1 and mask(table, f, skip="industry").sum() == 5


@pytest.mark.parametrize(
    ("filters", "count", "sentence"),
    [
        (Filters(), 31, "31 cases: the whole library"),
        (
            Filters({"industry": ("transportation", "finance"), "outcome": ("failure",)}),
            7,
            "7 cases: Transportation & mobility or Finance & payments, outcome Failure",
        ),
        (
            Filters({"mode": ("internet_plus",)}, text="taxi"),
            1,
            "1 case: mode Internet+, matching “taxi”",
        ),
        (Filters(year_from=2015, year_to=2020), 3, "3 cases: active 2015–2020"),
        (Filters(year_from=2015), 0, "0 cases: active since 2015"),
    ],
)
def test_describe(filters, count, sentence):
    assert describe(filters, count) == sentence


def test_query_round_trip():
    f = Filters(
        {"industry": ("finance", "retail"), "connection_types": ("user_service",)},
        year_from=2014,
        year_to=2020,
        text="red envelope",
    )
    query = to_query(f)
    assert query == {
        "industry": ["finance", "retail"],
        "connection": ["user_service"],
        "from": "2014",
        "to": "2020",
        "q": "red envelope",
    }
    back, notices = from_query(query)
    assert back == f and notices == []
    assert to_query(Filters()) == {}


@pytest.mark.parametrize(
    ("params", "selected", "notice"),
    [
        ({"industry": "Finance & payments"}, {"industry": ("finance",)}, None),  # label
        ({"outcome": "FAILURE"}, {"outcome": ("failure",)}, None),
        ({"outcome": ["failure", "failure"]}, {"outcome": ("failure",)}, None),
        ({"industry": ["finance", "banana"]}, {"industry": ("finance",)}, "'banana'"),
        ({"colour": "red"}, {}, "unknown parameter 'colour'"),
        ({"from": "20x5"}, {}, "not a year"),
        ({"to": "99999"}, {}, "not a year"),
        ({"case": "uber"}, {}, "unknown parameter 'case'"),  # not a filter
    ],
)
def test_from_query_keeps_what_is_valid_and_names_the_rest(params, selected, notice):
    f, notices = from_query(params)
    assert dict(f.selected) == selected
    if notice is None:
        assert notices == []
    else:
        assert len(notices) == 1 and notice in notices[0]


def test_from_query_swaps_reversed_years_and_cuts_long_search():
    f, notices = from_query({"from": "2020", "to": "2010", "q": "x" * 500})
    assert (f.year_from, f.year_to) == (2010, 2020)
    assert len(f.text) == 200 and len(notices) == 2


def test_chips_and_removal():
    f = Filters({"industry": ("finance", "retail"), "outcome": ("failure",)}, 2015, None, "p2p")
    labels = [label for _, _, label in f.chips()]
    assert labels == [
        "Finance & payments",
        "Retail & e-commerce",
        "Failure",
        "active since 2015",
        "“p2p”",
    ]
    assert f.without("industry", "finance").values("industry") == ("retail",)
    assert "outcome" not in f.without("outcome", "failure").selected
    assert f.without("years").year_from is None and f.without("text").text == ""
    assert Filters().is_empty and not f.is_empty


def test_every_facet_has_a_distinct_param():
    params = [f.param for f in FACETS]
    assert len(params) == len(set(params))


def test_a_link_repeating_junk_gives_a_short_notice():
    f, notices = from_query({"industry": ["finance"] + [f"junk{i}" for i in range(300)] * 2})
    assert f.values("industry") == ("finance",)
    (notice,) = notices
    assert "'junk0'" in notice and "(+295)" in notice and len(notice) < 200
