"""Overview: key figures and the patterns of the selection; clicking a chart filters."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from atlas import charts
from components.selection_bar import selection_bar
from components.translate import _
from views import filter_state as fs
from views.shared import context

ctx = context()
selection = ctx.selection
sentence = ctx.sentence


def on_pick(key: str) -> None:
    """A chart click adds the clicked values to the filters."""
    event = st.session_state.get(key) or {}
    rows = (event.get("selection") or {}).get(charts.PICK) or []
    picks = charts.picked_filters(rows)
    if picks:
        fs.add_picks(picks, ctx.year_bounds)


def chart_block(name: str, build: Callable, help_text: str) -> None:
    with charts.chart_language(_):
        chart = build(selection, sentence)
    key = f"chart_{name}"
    st.altair_chart(chart, on_select=lambda: on_pick(key), key=key, width="stretch")
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    row.caption(help_text, width="stretch")
    row.download_button(
        "PNG",
        lambda: charts.chart_png(chart),
        file_name=f"{name}.png",
        mime="image/png",
        icon=":material/download:",
        key=f"png_{name}",
        on_click="ignore",
    )
    row.download_button(
        "SVG",
        lambda: charts.chart_svg(chart),
        file_name=f"{name}.svg",
        mime="image/svg+xml",
        icon=":material/download:",
        key=f"svg_{name}",
        on_click="ignore",
    )


st.title(_("Transformation Atlas"))
st.write(
    _(
        "Real cases of **“+Internet”** (the internet added as a tool) and **“Internet+”** "
        "(connections and business models redesigned), successes and failures alike. "
        "Filter in the sidebar, or click a bar or cell to filter by it."
    )
)
selection_bar(ctx.filters, sentence, lambda f, v: fs.remove_filter(f, v, ctx.year_bounds))

n = len(selection)
troubled = int(selection["outcome"].isin(["failure", "mixed"]).sum())
figures = st.columns(5)
figures[0].metric(_("Cases"), n)
figures[1].metric(
    _("Failed or mixed"),
    troubled,
    help=_("Failure or mixed outcome: a library of winners only would mislead."),
)
figures[2].metric(_("Industries"), selection["industry"].nunique())
figures[3].metric(_("Connection types"), selection["connection_types"].explode().nunique())
figures[4].metric(
    _("Internet+ share"),
    f"{(selection['mode'] == 'internet_plus').mean():.0%}" if n else "–",
    help=_("Cases that redesign connections rather than add a tool."),
)

if selection.empty:
    st.info(
        _("No case matches this selection. Remove a filter above, or reset all filters."),
        icon=":material/search_off:",
    )
    st.stop()

left, right = st.columns(2, gap="large")
with left:
    chart_block(
        "outcome-by-industry",
        charts.outcome_by_industry,
        _("Click a bar to filter by its industry."),
    )
with right:
    chart_block(
        "mode-by-outcome", charts.mode_outcome, _("Click a bar to filter by its mode and outcome.")
    )
chart_block(
    "industry-by-connection",
    charts.industry_connection_grid,
    _("Click a cell to filter by its industry and connection type."),
)
chart_block(
    "timeline",
    charts.timeline,
    _("Cases by the year they began, with the policy milestones. Click a bar to pick a year."),
)
