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


# --- edges the mutation run (make mutants) found untested -----------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(year_to=2013), ["b", "d"]),  # b starts in 2013: active by then
        (Filters(year_from=2019), ["a", "b", "c", "d", "e"]),  # c ends in 2019: still active
        (Filters(year_from=2019, year_to=2019), ["a", "b", "c", "d"]),
        (Filters(text="lending."), []),  # searched as text, not as a pattern
        (Filters(text="(lending"), []),  # an unbalanced bracket is only a character
        (Filters(text="p2p lending"), ["a"]),
    ],
)
def test_apply_at_the_edges(table, filters, expected):
    assert ids(apply(table, filters)) == expected


def test_filtering_an_already_filtered_table_keeps_its_rows(table):
    finance = apply(table, Filters({"industry": ("finance",)}))  # rows 0 and 1
    later = table.iloc[[2, 4]]  # an index that is not 0..n-1
    assert ids(apply(finance, Filters({"outcome": ("success",)}))) == ["b"]
    assert ids(apply(later, Filters(year_from=2020))) == ["e"]
    assert list(mask(later, Filters({"industry": ("retail",)})).index) == [2, 4]


def test_a_given_facet_index_is_used_not_rebuilt(table, monkeypatch):
    from atlas import filters as module

    index = module.index_table(table)
    assert index.length == len(table)
    for rows, codes, _positions in index.codes.values():  # shared between sessions
        assert not rows.flags.writeable and not codes.flags.writeable

    def rebuilt(_table):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(module, "index_table", rebuilt)
    f = Filters({"connection_types": ("user_driver",)})
    assert facet_counts(table, f, "outcome", index) == {
        "success": 0,
        "mixed": 1,
        "failure": 1,
        "ongoing": 0,
    }
    assert mask(table, f, index=index).sum() == 2
    assert ids(apply(table, f, index)) == ["c", "d"]
    assert module.all_facet_counts(table, f, index)["industry"]["transportation"] == 2


def test_a_table_without_a_facet_column_indexes_the_others(table):
    from atlas import filters as module

    index = module.index_table(table.drop(columns=[FACETS[0].name]))
    assert set(index.codes) == {f.name for f in FACETS[1:]}


@pytest.mark.parametrize(
    ("lo", "hi", "phrase"),
    [
        (2015, 2015, "active in 2015"),
        (2015, 2020, "active 2015–2020"),
        (2015, None, "active since 2015"),
        (None, 2012, "active until 2012"),
    ],
)
def test_year_phrase(lo, hi, phrase):
    from atlas.filters import year_phrase

    assert year_phrase(lo, hi) == phrase
    assert Filters(year_from=lo, year_to=hi).chips()[-1] == ("years", None, phrase)


def _this_year() -> int:
    import datetime as dt

    return dt.date.today().year


@pytest.mark.parametrize(
    ("year", "accepted"),
    [
        ("1799", False),
        ("1800", True),
        (str(_this_year()), True),
        (str(_this_year() + 1), True),  # a case planned for next year
        (str(_this_year() + 2), False),
    ],
)
def test_years_in_a_link_run_from_1800_to_next_year(year, accepted):
    for key in ("from", "to"):
        f, notices = from_query({key: year})
        assert (f.year_from if key == "from" else f.year_to) == (int(year) if accepted else None)
        assert notices == ([] if accepted else [f"Ignored {key}='{year}': not a year."])


@pytest.mark.parametrize(
    ("values", "notice"),
    [
        (["a1"], "Ignored industry 'a1': not a known value."),
        (
            ["a1", "a2", "a3", "a4", "a5"],  # five are all shown, with no "(+0)"
            "Ignored industry 'a1', 'a2', 'a3', 'a4', 'a5': not a known value.",
        ),
        (
            ["a1", "a2", "a3", "a4", "a5", "a6"],
            "Ignored industry 'a1', 'a2', 'a3', 'a4', 'a5' (+1): not a known value.",
        ),
        (["x" * 60], f"Ignored industry '{'x' * 40}': not a known value."),  # cut to 40
        (  # values alike in their first 40 characters are one junk value
            ["x" * 40 + "a", "x" * 40 + "b"],
            f"Ignored industry '{'x' * 40}': not a known value.",
        ),
    ],
)
def test_unknown_values_are_named_shortly(values, notice):
    assert from_query({"industry": values}) == (Filters(), [notice])


def test_removing_a_whole_facet_or_the_years():
    f = Filters({"industry": ("finance", "retail")}, 2015, 2020, "p2p")
    assert f.without("industry") == Filters({}, 2015, 2020, "p2p")
    assert f.without("years") == Filters({"industry": ("finance", "retail")}, text="p2p")


@pytest.mark.parametrize(
    ("params", "notices"),
    [
        ({"q": "x" * 200}, []),  # exactly the limit: kept whole
        ({"q": "x" * 201}, ["The search text was cut to 200 characters."]),
        ({"from": "y" * 30}, [f"Ignored from='{'y' * 20}': not a year."]),
        ({"k" * 50: "1"}, [f"Ignored the unknown parameter '{'k' * 40}'."]),
        ({"from": "2015", "to": "2015"}, []),  # one year: nothing swapped
        (
            {"from": "2020", "to": "2010"},
            ["Swapped the years 2020 and 2010: 'from' was after 'to'."],
        ),
    ],
)
def test_from_query_notices_in_full(params, notices):
    assert from_query(params)[1] == notices


def test_text_and_years_together(table):
    assert ids(apply(table, Filters(text="lending", year_from=2020))) == ["a", "e"]


def test_chips_and_sentences_are_translated_whole():
    def _(message: str) -> str:
        return "«" + message + "»"

    f = Filters(year_from=2015, text="taxi")
    assert f.chips(_) == [("years", None, "«active since 2015»"), ("text", None, "“taxi”")]
    assert describe(f, 2, _) == "««2 cases»: «active since 2015»«, »«matching “taxi”»»"
