import re
import struct
from collections.abc import Iterator

import pandas as pd
import pytest
import vl_convert as vlc

from atlas import chart_builders, chart_style, charts
from atlas.loader import load_library
from atlas.table import cases_table
from tests.conftest import GOOD

OUTCOME_CHARTS = ["outcome_by_industry", "timeline", "mode_outcome"]
CAPTION = "2 cases: the whole library"


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return cases_table(load_library(GOOD).cases)


def make_table(table: pd.DataFrame, *overrides: dict) -> pd.DataFrame:
    """A table of made-up cases: the first fixture row with some columns changed."""
    base = table.iloc[0].to_dict()
    rows = [base | {"id": f"case-{i}"} | o for i, o in enumerate(overrides)]
    return pd.DataFrame(rows, columns=table.columns)


def walk(node) -> Iterator[dict]:
    """Every dict inside a spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def selections(spec: dict) -> list[dict]:
    return [p for d in walk(spec) for p in d.get("params", []) if "select" in p]


def rows_with(spec: dict, column: str) -> list[dict]:
    """The rows of the one inline dataset that has `column`."""
    found = [rows for rows in spec["datasets"].values() if rows and column in rows[0]]
    assert len(found) == 1, f"{len(found)} datasets have {column!r}"
    return found[0]


def outcome_scales(spec: dict) -> list[dict]:
    return [
        d["color"]["scale"]
        for d in walk(spec)
        if isinstance(d.get("color"), dict) and d["color"].get("field") == "outcome_label"
    ]


def build(name: str, table: pd.DataFrame, caption: str = CAPTION) -> dict:
    return charts.CHARTS[name](table, caption).to_dict()


def test_every_chart_has_pick_fields():
    assert set(chart_style.PICK_FIELDS) == set(charts.CHARTS)


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_one_point_selection_named_pick_on_the_chart_fields(table, name):
    (param,) = selections(build(name, table))
    assert param["name"] == "pick"
    assert param["select"]["type"] == "point"
    assert param["select"]["fields"] == chart_style.PICK_FIELDS[name]


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_picked_fields_hold_raw_values_not_labels(table, name):
    spec = build(name, table)
    expected = {
        "industry": "food_service",
        "connection_types": "user_merchant",
        "year_start": 2015,
        "mode": "plus_internet",
        "outcome": "mixed",
    }
    for field in chart_style.PICK_FIELDS[name]:
        assert {row[field] for row in rows_with(spec, field)} == {expected[field]}


@pytest.mark.parametrize("name", OUTCOME_CHARTS)
def test_outcome_colours_are_fixed_even_when_outcomes_are_missing(table, name):
    # The fixtures are all 'mixed': the other three colours must still be where they belong.
    (scale,) = outcome_scales(build(name, table))
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "Success": "#009E73",
        "Mixed": "#E69F00",
        "Failure": "#D55E00",
        "Ongoing": "#56B4E9",
    }


@pytest.mark.parametrize("name", OUTCOME_CHARTS)
def test_failure_is_vermillion_in_a_failure_only_chart(table, name):
    only_failure = make_table(table, {"outcome": "failure"})
    (scale,) = outcome_scales(build(name, only_failure))
    assert scale["range"][scale["domain"].index("Failure")] == "#D55E00"


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_title_and_caption_as_subtitle(table, name):
    title = build(name, table, "2 cases: outcome Mixed")["title"]
    assert title["text"]
    assert title["subtitle"] == ["2 cases: outcome Mixed"]


def test_a_long_caption_is_wrapped_not_cut(table):
    caption = "7 cases: " + ", ".join(["Transportation & mobility or Finance & payments"] * 5)
    subtitle = build("timeline", table, caption)["title"]["subtitle"]
    assert len(subtitle) > 1
    assert all(len(line) <= chart_style.CAPTION_WRAP for line in subtitle)
    assert " ".join(subtitle) == caption


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_no_fixed_width_and_text_inked_from_the_background(table, name):
    spec = build(name, table)
    assert "width" not in spec
    # Text is never a fixed colour: it is chosen from the background the theme paints.
    marks = [d["mark"] for d in walk(spec) if isinstance(d.get("mark"), dict)]
    inks = [m.get("color") for m in marks if m["type"] == "text"]
    inks.append(spec["title"]["subtitleColor"])
    assert inks and all("background" in ink["expr"] for ink in inks)
    config_keys = {k.lower() for d in walk(spec.get("config", {})) for k in d}
    assert not any("color" in k or "fill" in k for k in config_keys)


@pytest.mark.parametrize(
    ("background", "ink"), [(None, "#1c2430"), ("#ffffff", "#1c2430"), ("#0e1117", "#fafafa")]
)
def test_text_is_dark_on_light_and_light_on_dark(table, background, ink):
    config = {"background": background} if background else None
    spec = charts._export_spec(chart_builders.industry_connection_grid(table, CAPTION))
    svg = vlc.vegalite_to_svg(spec, config=config)
    count_text = re.search(r'<text[^>]*fill="([^"]+)"[^>]*>2</text>', svg)
    assert count_text and count_text.group(1) == ink


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_has_tooltips(table, name):
    assert any("tooltip" in d for d in walk(build(name, table)))


def test_outcome_by_industry_counts_and_sorts_by_total(table):
    rows = make_table(
        table,
        {"industry": "finance", "outcome": "failure"},
        {"industry": "finance", "outcome": "success"},
        {"industry": "food_service", "outcome": "mixed"},
    )
    spec = build("outcome_by_industry", rows)
    counts = {(r["industry"], r["outcome"]): r["count"] for r in rows_with(spec, "industry")}
    assert counts == {
        ("finance", "failure"): 1,
        ("finance", "success"): 1,
        ("food_service", "mixed"): 1,
    }
    assert spec["encoding"]["y"]["sort"] == ["Finance & payments", "Food service"]
    assert spec["encoding"]["y"]["field"] == "industry_label"


def test_outcome_by_industry_on_the_fixtures(table):
    (row,) = rows_with(build("outcome_by_industry", table), "industry")
    assert (row["industry_label"], row["outcome_label"], row["count"]) == (
        "Food service",
        "Mixed",
        2,
    )


def test_grid_explodes_connection_types(table):
    rows = make_table(
        table,
        {"connection_types": ("user_merchant", "user_user"), "outcome": "success"},
        {"connection_types": ("user_merchant",), "outcome": "failure"},
    )
    data = rows_with(build("industry_connection_grid", rows), "connection_types")
    cells = {r["connection_types"]: (r["count"], r["outcomes"]) for r in data}
    assert cells == {"user_merchant": (2, "Success 1, Failure 1"), "user_user": (1, "Success 1")}
    assert {r["connection_types_label"] for r in data} == {"User – merchant", "User – user"}


def test_grid_on_the_fixtures(table):
    (cell,) = rows_with(build("industry_connection_grid", table), "connection_types")
    assert (cell["industry"], cell["connection_types"], cell["count"]) == (
        "food_service",
        "user_merchant",
        2,
    )


def test_timeline_stacks_outcomes_in_order_within_a_year(table):
    rows = make_table(
        table,
        {"year_start": 2012, "outcome": "failure"},
        {"year_start": 2012, "outcome": "success"},
        {"year_start": 2012, "outcome": "success"},
        {"year_start": 2016, "outcome": "mixed"},
    )
    data = rows_with(build("timeline", rows), "year_start")
    stacks = {(r["year_start"], r["outcome"]): (r["y0"], r["y1"]) for r in data}
    assert stacks == {(2012, "success"): (0, 2), (2012, "failure"): (2, 3), (2016, "mixed"): (0, 1)}


def test_timeline_shows_the_policy_markers(table):
    spec = build("timeline", table)
    labels = {r["label"] for rows in spec["datasets"].values() for r in rows if "label" in r}
    assert labels == {label for _, _, label in chart_builders.POLICY_MARKERS}


PLOT_PX = 600  # a narrow container: the plot area of a 720-pixel chart
CHAR_PX = 6.5  # an 11-pixel sans-serif character, roughly


def label_extent(marker: dict, lo: float, hi: float) -> tuple[float, float]:
    x = (marker["x"] - lo) / (hi - lo) * PLOT_PX
    width = len(marker["label"]) * CHAR_PX + 4
    return (x - width, x) if marker["align"] == "right" else (x, x + width)


@pytest.mark.parametrize(
    ("lo", "hi"),
    [(1974.5, 2020.5), (2014.5, 2020.5), (2014.5, 2030.5), (2009.5, 2020.5), (1999.5, 2026.5)],
)
def test_marker_labels_stay_inside_and_no_rule_crosses_a_label(lo, hi):
    markers = chart_builders.marker_positions(lo, hi)
    assert len({m["y"] for m in markers}) == len(markers)  # a row each
    for m in markers:
        left, right = label_extent(m, lo, hi)
        assert left >= 0 and right <= PLOT_PX, m["label"]
        rule_px = (m["x"] - lo) / (hi - lo) * PLOT_PX
        for lower in (k for k in markers if k["y"] > m["y"]):
            left, right = label_extent(lower, lo, hi)
            assert not left < rule_px < right, (m["label"], lower["label"])


@pytest.mark.parametrize(
    ("lo", "hi", "aligns"),
    [
        (1974.5, 2020.5, ["right", "right", "right"]),  # the real span: labels end at rules
        (2014.5, 2030.5, ["left", "left", "left"]),  # room only to the right
        (2014.5, 2020.5, ["left", "right", "right"]),  # the empty table's span
    ],
)
def test_marker_labels_sit_on_the_side_with_room(lo, hi, aligns):
    assert [m["align"] for m in chart_builders.marker_positions(lo, hi)] == aligns


def test_mode_outcome_counts_and_shares(table):
    rows = make_table(
        table,
        {"mode": "internet_plus", "outcome": "success"},
        {"mode": "internet_plus", "outcome": "failure"},
        {"mode": "plus_internet", "outcome": "failure"},
    )
    data = rows_with(build("mode_outcome", rows), "mode")
    got = {(r["mode"], r["outcome"]): (r["count"], r["share"]) for r in data}
    assert got == {
        ("internet_plus", "success"): (1, 0.5),
        ("internet_plus", "failure"): (1, 0.5),
        ("plus_internet", "failure"): (1, 1.0),
    }
    assert {r["mode_label"] for r in data} == {"Internet+", "+Internet"}


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_an_empty_table_gives_a_valid_chart_with_a_note(table, name):
    spec = build(name, table.iloc[0:0], "0 cases: the whole library")
    assert [p["name"] for p in selections(spec)] == ["pick"]
    notes = [r["note"] for rows in spec["datasets"].values() for r in rows if "note" in r]
    assert notes == [chart_style.EMPTY_NOTE]
    assert charts.chart_png(charts.CHARTS[name](table.iloc[0:0], "0 cases")).startswith(b"\x89PNG")


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_chart_png_renders_offline_at_the_export_width(table, name):
    png = charts.chart_png(charts.CHARTS[name](table, CAPTION))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = struct.unpack(">I", png[16:20])[0]  # from the IHDR chunk
    assert width >= 2 * charts.EXPORT_WIDTH  # scale 2, plus axes and legend


def test_chart_svg_is_an_svg_with_the_title(table):
    svg = charts.chart_svg(chart_builders.outcome_by_industry(table, CAPTION))
    assert svg.lstrip().startswith("<svg")
    assert "Outcomes by industry" in svg


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], {}),
        ([{"industry": "finance"}], {"industry": ["finance"]}),
        (
            [{"industry": "finance"}, {"industry": "retail"}, {"industry": "finance"}],
            {"industry": ["finance", "retail"]},
        ),
        (
            [{"industry": "finance", "connection_types": "user_user"}],
            {"industry": ["finance"], "connection_types": ["user_user"]},
        ),
        (
            [{"mode": "internet_plus", "outcome": "failure"}],
            {"mode": ["internet_plus"], "outcome": ["failure"]},
        ),
        ([{"year_start": 2015}], {"year": [2015]}),
        ([{"year_start": 2015.0}, {"year_start": "2016"}], {"year": [2015, 2016]}),
        ([{"year_start": 2015.5}, {"year_start": None}, {"year_start": "soon"}], {}),
        ([{"vlPoint": "x", "industry": None}], {}),
    ],
)
def test_picked_filters(rows, expected):
    got = charts.picked_filters(rows)
    assert got == expected
    assert all(type(y) is int for y in got.get("year", []))
