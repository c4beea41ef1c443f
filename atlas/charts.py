"""Altair charts of a (filtered) case table, and their PNG/SVG renderings for download.

Every builder counts in pandas and hands Vega-Lite finished numbers, so the data in a
chart's spec is exactly what it shows. Data columns keep the RAW vocabulary values (a
click on a bar selects {"industry": "finance"}, which the filters understand); separate
`*_label` columns carry what people read. Outcome colours come from one explicit scale
over all four labels, so a colour never moves when an outcome has no cases. No width is
set (the app stretches charts to their container) and no fixed text colour: text is inked
from the background the theme paints, so it reads in light and dark themes alike.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import altair as alt
import pandas as pd
import vl_convert as vlc

from atlas.facets import VOCABULARIES, label_for
from atlas.i18n import N_, Translate

# The language of the text in charts built now: set by `chart_language`, English by default.
# A context variable, not a parameter, so every small helper below can translate.
_LANGUAGE: ContextVar[Translate] = ContextVar("chart_language", default=str)


@contextmanager
def chart_language(translate: Translate) -> Iterator[None]:
    """Build charts inside this block to have their titles, axes and labels translated."""
    token = _LANGUAGE.set(translate)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def _t(message: str) -> str:
    return _LANGUAGE.get()(message)


def _label(field: str, value: str) -> str:
    return _t(label_for(field, value))


OUTCOME_ORDER = ["success", "mixed", "failure", "ongoing"]
# Okabe-Ito: told apart with every common colour-vision deficiency.
OUTCOME_COLORS = {
    "success": "#009E73",
    "mixed": "#E69F00",
    "failure": "#D55E00",
    "ongoing": "#56B4E9",
}
OUTCOME_LABELS = [label_for("outcome", v) for v in OUTCOME_ORDER]

#: The fields each chart's "pick" selection returns when a mark is clicked.
PICK_FIELDS: dict[str, list[str]] = {
    "outcome_by_industry": ["industry"],
    "industry_connection_grid": ["industry", "connection_types"],
    "timeline": ["year_start"],
    "mode_outcome": ["mode", "outcome"],
}
PICK = "pick"
# What a picked field filters: the table column, except the year, which filters a range.
PICK_FACETS = {
    "industry": "industry",
    "connection_types": "connection_types",
    "mode": "mode",
    "outcome": "outcome",
    "year_start": "year",
}

# Policy milestones on the timeline: (year, month, label).
POLICY_MARKERS = (
    (2015, 7, N_("Internet Plus action plan (Jul 2015)")),
    (2020, 1, N_("Epidemic (Jan 2020)")),
    (2020, 9, N_("SASAC SOE notice (Sep 2020)")),
)
MARKER_ROW_PX = 14  # one label row; the rows sit above the bars, in reserved headroom
MARKER_TOP_PX = 8
NEUTRAL = "#888888"  # mid grey: visible on a light and on a dark background
# Streamlit's chart theme leaves text marks and subtitles black, even on its dark background.
# So text takes its ink from the chart's own background (Vega's `background` signal): dark on
# a light background, light on a dark one. Titles and axes keep the theme's colours.
INK = alt.expr("luminance(background) < 0.35 ? '#fafafa' : '#1c2430'")
# Heatmap cells are a faint grey tint over the background, so text inked for the background
# still reads on them; a hue would also be mistaken for an outcome colour.
CELL_OPACITY = (0.08, 0.4)
# Streamlit's theme cuts axis labels at 100 px ("Government & pu…") and hides every other
# label that would overlap; the axes that need all their labels say so.
LABEL_LIMIT_PX = 240
TIMELINE_HEIGHT = 360  # the whole chart in the app (title and axes included)
BAR_HALF_WIDTH = 0.42
TIMELINE_X_TITLE = N_("Start year")
EXPORT_WIDTH = 720  # a container-wide chart has no width outside the app
EMPTY_NOTE = N_("No cases to show")
EMPTY_HEIGHT = 160
CAPTION_WRAP = 90  # characters per subtitle line


# --- shared pieces ----------------------------------------------------------------------


def _outcome_color() -> alt.Color:
    labels = [_t(label) for label in OUTCOME_LABELS]
    scale = alt.Scale(domain=labels, range=[OUTCOME_COLORS[v] for v in OUTCOME_ORDER])
    return alt.Color("outcome_label:N", title=_t("Outcome"), scale=scale, sort=labels)


def _label_axis() -> alt.Axis:
    return alt.Axis(labelLimit=LABEL_LIMIT_PX)


def _pick(chart_name: str) -> alt.Parameter:
    return alt.selection_point(name=PICK, fields=PICK_FIELDS[chart_name])


def _dim_unpicked(pick: alt.Parameter) -> alt.Opacity:
    return alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.35))


def _title(title: str, caption: str) -> alt.TitleParams:
    # A long selection sentence would run off the chart as one line: wrap it.
    lines = textwrap.wrap(caption, CAPTION_WRAP) or [""]
    return alt.TitleParams(title, subtitle=lines, subtitleColor=INK, anchor="start")


def _finish(
    layers: list[alt.Chart], title: str, caption: str, empty: bool, **props: object
) -> alt.TopLevelMixin:
    """Title the chart; an empty selection gets a short note and a fixed height instead of
    collapsing to a bare axis (the "pick" selection stays, so the app can still listen)."""
    if empty:
        note = alt.Chart(pd.DataFrame({"note": [_t(EMPTY_NOTE)]})).mark_text(fontSize=13, color=INK)
        note = note.encode(
            text="note:N", x=alt.value({"expr": "width / 2"}), y=alt.value({"expr": "height / 2"})
        )
        layers = [*layers, note]
        if not isinstance(props.get("height"), int):
            props["height"] = EMPTY_HEIGHT
    if len(layers) == 1:
        return layers[0].properties(title=_title(title, caption), **props)
    return alt.layer(*layers, title=_title(title, caption), **props)


def _labelled(frame: pd.DataFrame, fields: Iterable[str]) -> pd.DataFrame:
    """Add a `<field>_label` column beside each raw vocabulary column."""
    out = frame.copy()
    for f in fields:
        out[f"{f}_label"] = [_label(f, v) for v in out[f]]
    return out


def _count(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Cases per combination of `by`, as a column 'count' (an empty frame stays empty)."""
    counts = frame.groupby(by, sort=True).size().rename("count").reset_index()
    counts["count"] = counts["count"].astype("int64")
    return counts


def _with_outcome_rank(frame: pd.DataFrame) -> pd.DataFrame:
    out = _labelled(frame, ["outcome"])
    out["outcome_rank"] = [OUTCOME_ORDER.index(v) for v in out["outcome"]]
    return out


def _vocabulary_labels(field: str) -> list[str]:
    return [_t(label) for label in VOCABULARIES[field].labels().values()]


def _count_axis(top) -> alt.Axis:
    # Whole-number ticks: with short bars Vega would label 0.5 as "1" (tickMinStep is ignored).
    top = 1 if pd.isna(top) else int(top)
    return alt.Axis(values=_count_ticks(top), format="d")


def _count_ticks(top: int) -> list[int]:
    """Whole-number ticks from 0 to `top`, at most about six of them."""
    step = max(1, math.ceil(top / 6))
    return list(range(0, top + 1, step))


def _order_by_total(totals: pd.Series, field: str) -> list[str]:
    """Labels of `field` by total cases, largest first, ties by label."""
    labels = {v: _label(field, v) for v in totals.index}
    ranked = sorted(totals.index, key=lambda v: (-int(totals[v]), labels[v]))
    return [labels[v] for v in ranked]


# --- charts ---------------------------------------------------------------------------


def outcome_by_industry(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """Horizontal bars per industry, stacked by outcome, longest first."""
    counts = _with_outcome_rank(_labelled(_count(table, ["industry", "outcome"]), ["industry"]))
    totals = table["industry"].value_counts()
    order = _order_by_total(totals, "industry")
    pick = _pick("outcome_by_industry")
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("industry_label:N", title=None, sort=order, axis=_label_axis()),
            x=alt.X("count:Q", title=_t("Cases"), axis=_count_axis(totals.max())),
            color=_outcome_color(),
            order=alt.Order("outcome_rank:Q"),
            opacity=_dim_unpicked(pick),
            tooltip=[
                alt.Tooltip("industry_label:N", title=_t("Industry")),
                alt.Tooltip("outcome_label:N", title=_t("Outcome")),
                alt.Tooltip("count:Q", title=_t("Cases")),
            ],
        )
        .add_params(pick)
    )
    return _finish([bars], _t("Outcomes by industry"), caption, table.empty)


def _grid_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Cases per (industry, connection type), with the outcomes behind each count."""
    pairs = table[["industry", "connection_types", "outcome"]].explode("connection_types")
    pairs = pairs.dropna(subset=["connection_types"])
    by_outcome = _count(pairs, ["industry", "connection_types", "outcome"])
    by_outcome["rank"] = [OUTCOME_ORDER.index(v) for v in by_outcome["outcome"]]
    by_outcome = by_outcome.sort_values("rank")
    by_outcome["part"] = [
        f"{_label('outcome', o)} {n}"
        for o, n in zip(by_outcome["outcome"], by_outcome["count"], strict=True)
    ]
    counts = (
        by_outcome.groupby(["industry", "connection_types"], sort=True)
        .agg(count=("count", "sum"), outcomes=("part", ", ".join))
        .reset_index()
    )
    counts["count"] = counts["count"].astype("int64")
    return _labelled(counts, ["industry", "connection_types"])


def industry_connection_grid(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """Heatmap: how many cases of each industry use each kind of connection."""
    counts = _grid_counts(table)
    order = _order_by_total(table["industry"].value_counts(), "industry")
    pick = _pick("industry_connection_grid")
    base = alt.Chart(counts).encode(
        x=alt.X(
            "connection_types_label:N",
            title=_t("Connection type"),
            sort=_vocabulary_labels("connection_types"),
            axis=alt.Axis(labelAngle=-35, labelLimit=LABEL_LIMIT_PX, labelOverlap=False),
        ),
        y=alt.Y("industry_label:N", title=None, sort=order, axis=_label_axis()),
        tooltip=[
            alt.Tooltip("industry_label:N", title=_t("Industry")),
            alt.Tooltip("connection_types_label:N", title=_t("Connection")),
            alt.Tooltip("count:Q", title=_t("Cases")),
            alt.Tooltip("outcomes:N", title=_t("Outcomes")),
        ],
    )
    cells = (
        base.mark_rect(color=NEUTRAL)
        .encode(
            fillOpacity=alt.FillOpacity(
                "count:Q", scale=alt.Scale(range=list(CELL_OPACITY), zero=True), legend=None
            ),
            opacity=_dim_unpicked(pick),
        )
        .add_params(pick)
    )
    numbers = base.mark_text(fontSize=12, fontWeight="bold", color=INK).encode(
        text=alt.Text("count:Q"), opacity=_dim_unpicked(pick)
    )
    return _finish([cells, numbers], _t("Industries × connection types"), caption, table.empty)


def _timeline_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Cases per (start year, outcome), stacked in pandas: each bar spans its year."""
    counts = _with_outcome_rank(_count(table, ["year_start", "outcome"]))
    counts = counts.sort_values(["year_start", "outcome_rank"]).reset_index(drop=True)
    counts["year_start"] = counts["year_start"].astype("int64")
    counts["y1"] = counts.groupby("year_start")["count"].cumsum().astype("int64")
    counts["y0"] = counts["y1"] - counts["count"]
    # Year Y occupies [Y - 0.5, Y + 0.5) so its tick sits under the middle of its bar.
    counts["x0"] = counts["year_start"] - BAR_HALF_WIDTH
    counts["x1"] = counts["year_start"] + BAR_HALF_WIDTH
    return counts


def marker_positions(lo: float, hi: float) -> list[dict]:
    """Where each policy marker goes on an x domain [lo, hi], in date order: its x, label,
    label side ("left": the label starts at the rule) and row (pixels from the plot top)."""
    markers = []
    for year, month, label in POLICY_MARKERS:
        x = year - 0.5 + (month - 1) / 12  # the start of the month, in year Y's band
        # A label extends into the wider side of the plot: labels never run off an edge.
        align = "right" if (x - lo) > (hi - lo) / 2 else "left"
        markers.append({"x": x, "label": _t(label), "align": align})
    # A rule runs from its label down to the axis, through every lower row. Rows are given so
    # that it passes beside the lower labels, never through them: labels that end at their
    # rule go later-higher, labels that start at it go earlier-higher.
    stacked = sorted(markers, key=lambda m: (m["align"] == "left", m["x"] * _side(m)))
    for row, marker in enumerate(stacked):
        marker["y"] = MARKER_TOP_PX + row * MARKER_ROW_PX
    return markers


def _side(marker: dict) -> int:
    return -1 if marker["align"] == "right" else 1


def _marker_layers(marker: dict) -> list[alt.Chart]:
    """A dashed rule from just below the label to the x axis, and the label itself."""
    at = alt.Chart(pd.DataFrame([marker])).encode(
        x=alt.X("x:Q", title=_t(TIMELINE_X_TITLE)),
        tooltip=alt.Tooltip("label:N", title=_t("Policy")),
    )
    rule = at.mark_rule(color=NEUTRAL, strokeDash=[4, 3]).encode(
        y=alt.value(marker["y"] + 7), y2=alt.value(alt.expr("height"))
    )
    side = marker["align"]
    text = at.mark_text(
        align=side, baseline="middle", dx=-4 if side == "right" else 4, fontSize=11, color=INK
    ).encode(y=alt.value(marker["y"]), text="label:N")
    return [rule, text]


def timeline(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """Cases by the year they started, stacked by outcome, with policy milestones."""
    counts = _timeline_counts(table)
    years = [*counts["year_start"].tolist(), *(y for y, _, _ in POLICY_MARKERS)]
    lo, hi = min(years) - 0.5, max(years) + 0.5
    headroom_px = MARKER_TOP_PX + len(POLICY_MARKERS) * MARKER_ROW_PX + 4
    tallest = int(counts["y1"].max()) if len(counts) else 1
    # Stretch the y scale so the label rows above the tallest bar stay clear, whatever plot
    # height the app's layout leaves (`height` is the plot's height in pixels).
    y_max = alt.expr(f"{tallest} * height / max(height - {headroom_px}, 1)")
    pick = _pick("timeline")
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X(
                "x0:Q",
                title=_t(TIMELINE_X_TITLE),
                scale=alt.Scale(domain=[lo, hi], nice=False, zero=False),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            x2="x1:Q",
            y=alt.Y(
                "y0:Q",
                title=_t("Cases started"),
                scale=alt.Scale(domainMin=0, domainMax=y_max, nice=False),
                axis=alt.Axis(format="d", values=_count_ticks(tallest)),
            ),
            y2="y1:Q",
            color=_outcome_color(),
            opacity=_dim_unpicked(pick),
            tooltip=[
                alt.Tooltip("year_start:Q", title=_t("Year"), format="d"),
                alt.Tooltip("outcome_label:N", title=_t("Outcome")),
                alt.Tooltip("count:Q", title=_t("Cases")),
            ],
        )
        .add_params(pick)
    )
    markers = [m for marker in marker_positions(lo, hi) for m in _marker_layers(marker)]
    # Bars last: they cover the dashed rules rather than being crossed by them.
    layers = [*markers, bars]
    return _finish(layers, _t("Cases by start year"), caption, table.empty, height=TIMELINE_HEIGHT)


def mode_outcome(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """'+Internet' against 'Internet+': outcome counts per mode, stacked."""
    counts = _with_outcome_rank(_labelled(_count(table, ["mode", "outcome"]), ["mode"]))
    totals = counts.groupby("mode")["count"].transform("sum")
    counts["share"] = counts["count"] / totals.where(totals > 0, 1)
    pick = _pick("mode_outcome")
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y(
                "mode_label:N", title=None, sort=_vocabulary_labels("mode"), axis=_label_axis()
            ),
            x=alt.X("count:Q", title=_t("Cases"), axis=_count_axis(totals.max())),
            color=_outcome_color(),
            order=alt.Order("outcome_rank:Q"),
            opacity=_dim_unpicked(pick),
            tooltip=[
                alt.Tooltip("mode_label:N", title=_t("Mode")),
                alt.Tooltip("outcome_label:N", title=_t("Outcome")),
                alt.Tooltip("count:Q", title=_t("Cases")),
                alt.Tooltip("share:Q", title=_t("Share of mode"), format=".0%"),
            ],
        )
        .add_params(pick)
    )
    return _finish([bars], _t("Outcomes by mode"), caption, table.empty, height=alt.Step(44))


#: Every chart builder by name, in the order the app shows them.
CHARTS = {
    "outcome_by_industry": outcome_by_industry,
    "industry_connection_grid": industry_connection_grid,
    "timeline": timeline,
    "mode_outcome": mode_outcome,
}


# --- selections -----------------------------------------------------------------------


def picked_filters(selection_rows: list[dict]) -> dict[str, list]:
    """What a click selected, as facet -> values: [{"industry": "finance"}] -> {"industry":
    ["finance"]}. "year_start" becomes "year" with int values (Vega may send 2015.0).
    Unknown fields and unreadable values are dropped; order is kept, repeats removed."""
    picked: dict[str, list] = {}
    for row in selection_rows or []:
        for field, raw in (row or {}).items():
            facet = PICK_FACETS.get(field)
            value = _picked_value(field, raw)
            if facet is None or value is None:
                continue
            values = picked.setdefault(facet, [])
            if value not in values:
                values.append(value)
    return picked


def _picked_value(field: str, raw: object) -> str | int | None:
    if raw is None:
        return None
    if field != "year_start":
        return str(raw)
    try:
        year = float(raw)
    except (TypeError, ValueError):
        return None
    return int(year) if math.isfinite(year) and year == int(year) else None


# --- downloads ------------------------------------------------------------------------


def _export_spec(chart: alt.TopLevelMixin | dict) -> str:
    """The chart's JSON with a fixed width: outside the app there is no container to fill."""
    spec = dict(chart) if isinstance(chart, dict) else chart.to_dict()
    if ("mark" in spec or "layer" in spec) and spec.get("width") in (None, "container"):
        spec["width"] = EXPORT_WIDTH
    return json.dumps(spec)


def chart_png(chart: alt.TopLevelMixin | dict) -> bytes:
    """A PNG at twice the size, rendered offline by vl-convert."""
    return vlc.vegalite_to_png(_export_spec(chart), scale=2)


def chart_svg(chart: alt.TopLevelMixin | dict) -> str:
    return vlc.vegalite_to_svg(_export_spec(chart))
