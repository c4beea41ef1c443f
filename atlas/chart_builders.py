"""The four charts of a (filtered) case table, each a function (table, caption) -> chart.

Every builder counts in pandas and hands Vega-Lite finished numbers, so the data in a
chart's spec is exactly what it shows. Data columns keep the RAW vocabulary values (a
click on a bar selects {"industry": "finance"}, which the filters understand); separate
`*_label` columns carry what people read. No width is set: the app stretches charts to
their container.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from atlas.chart_style import (
    CELL_OPACITY,
    INK,
    LABEL_LIMIT_PX,
    NEUTRAL,
    OUTCOME_ORDER,
    _t,
    count_axis,
    count_by,
    count_ticks,
    dim_unpicked,
    finish,
    label_axis,
    labelled,
    order_by_total,
    outcome_color,
    pick_selection,
    value_label,
    vocabulary_labels,
    with_outcome_rank,
)
from atlas.i18n import N_

# Policy milestones on the timeline: (year, month, label).
POLICY_MARKERS = (
    (2015, 7, N_("Internet Plus action plan (Jul 2015)")),
    (2020, 1, N_("Epidemic (Jan 2020)")),
    (2020, 9, N_("SASAC SOE notice (Sep 2020)")),
)
MARKER_ROW_PX = 14  # one label row; the rows sit above the bars, in reserved headroom
MARKER_TOP_PX = 8
TIMELINE_HEIGHT = 360  # the whole chart in the app (title and axes included)
BAR_HALF_WIDTH = 0.42
TIMELINE_X_TITLE = N_("Start year")


def outcome_by_industry(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """Horizontal bars per industry, stacked by outcome, longest first."""
    counts = with_outcome_rank(labelled(count_by(table, ["industry", "outcome"]), ["industry"]))
    totals = table["industry"].value_counts()
    order = order_by_total(totals, "industry")
    pick = pick_selection("outcome_by_industry")
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("industry_label:N", title=None, sort=order, axis=label_axis()),
            x=alt.X("count:Q", title=_t("Cases"), axis=count_axis(totals.max())),
            color=outcome_color(),
            order=alt.Order("outcome_rank:Q"),
            opacity=dim_unpicked(pick),
            tooltip=[
                alt.Tooltip("industry_label:N", title=_t("Industry")),
                alt.Tooltip("outcome_label:N", title=_t("Outcome")),
                alt.Tooltip("count:Q", title=_t("Cases")),
            ],
        )
        .add_params(pick)
    )
    return finish([bars], _t("Outcomes by industry"), caption, table.empty)


def _grid_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Cases per (industry, connection type), with the outcomes behind each count."""
    pairs = table[["industry", "connection_types", "outcome"]].explode("connection_types")
    pairs = pairs.dropna(subset=["connection_types"])
    by_outcome = count_by(pairs, ["industry", "connection_types", "outcome"])
    by_outcome["rank"] = [OUTCOME_ORDER.index(v) for v in by_outcome["outcome"]]
    by_outcome = by_outcome.sort_values("rank")
    by_outcome["part"] = [
        f"{value_label('outcome', o)} {n}"
        for o, n in zip(by_outcome["outcome"], by_outcome["count"], strict=True)
    ]
    counts = (
        by_outcome.groupby(["industry", "connection_types"], sort=True)
        .agg(count=("count", "sum"), outcomes=("part", ", ".join))
        .reset_index()
    )
    counts["count"] = counts["count"].astype("int64")
    return labelled(counts, ["industry", "connection_types"])


def industry_connection_grid(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """Heatmap: how many cases of each industry use each kind of connection."""
    counts = _grid_counts(table)
    order = order_by_total(table["industry"].value_counts(), "industry")
    pick = pick_selection("industry_connection_grid")
    base = alt.Chart(counts).encode(
        x=alt.X(
            "connection_types_label:N",
            title=_t("Connection type"),
            sort=vocabulary_labels("connection_types"),
            axis=alt.Axis(labelAngle=-35, labelLimit=LABEL_LIMIT_PX, labelOverlap=False),
        ),
        y=alt.Y("industry_label:N", title=None, sort=order, axis=label_axis()),
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
            opacity=dim_unpicked(pick),
        )
        .add_params(pick)
    )
    numbers = base.mark_text(fontSize=12, fontWeight="bold", color=INK).encode(
        text=alt.Text("count:Q"), opacity=dim_unpicked(pick)
    )
    return finish([cells, numbers], _t("Industries × connection types"), caption, table.empty)


def _timeline_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Cases per (start year, outcome), stacked in pandas: each bar spans its year."""
    counts = with_outcome_rank(count_by(table, ["year_start", "outcome"]))
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
        align=side, baseline="middle", dx=-4 if side == "right" else 4, fontSize=12, color=INK
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
    pick = pick_selection("timeline")
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
                axis=alt.Axis(format="d", values=count_ticks(tallest)),
            ),
            y2="y1:Q",
            color=outcome_color(),
            opacity=dim_unpicked(pick),
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
    return finish(layers, _t("Cases by start year"), caption, table.empty, height=TIMELINE_HEIGHT)


def mode_outcome(table: pd.DataFrame, caption: str) -> alt.TopLevelMixin:
    """'+Internet' against 'Internet+': outcome counts per mode, stacked."""
    counts = with_outcome_rank(labelled(count_by(table, ["mode", "outcome"]), ["mode"]))
    totals = counts.groupby("mode")["count"].transform("sum")
    counts["share"] = counts["count"] / totals.where(totals > 0, 1)
    pick = pick_selection("mode_outcome")
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("mode_label:N", title=None, sort=vocabulary_labels("mode"), axis=label_axis()),
            x=alt.X("count:Q", title=_t("Cases"), axis=count_axis(totals.max())),
            color=outcome_color(),
            order=alt.Order("outcome_rank:Q"),
            opacity=dim_unpicked(pick),
            tooltip=[
                alt.Tooltip("mode_label:N", title=_t("Mode")),
                alt.Tooltip("outcome_label:N", title=_t("Outcome")),
                alt.Tooltip("count:Q", title=_t("Cases")),
                alt.Tooltip("share:Q", title=_t("Share of mode"), format=".0%"),
            ],
        )
        .add_params(pick)
    )
    return finish([bars], _t("Outcomes by mode"), caption, table.empty, height=alt.Step(44))
