"""Overview: key figures and the patterns of the selection; clicking a chart filters."""

from __future__ import annotations

import json

import streamlit as st

from atlas import charts
from atlas.filters import to_query
from atlas.i18n import translator
from atlas.queries import key_figures
from atlas.text_safety import md_escape
from components.selection_bar import selection_bar
from ui import filter_state as fs
from ui import pages, params
from ui.context import context
from ui.i18n import _, current_language, localized
from ui.library_access import library_stamp

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


@st.cache_data(max_entries=256, show_spinner=False)
def chart_spec(name: str, query: str, lang: str, stamp: str, _selection, _sentence) -> dict:
    """A chart's Vega-Lite spec. Building and validating it with Altair is most of this
    page's time, and the same selection (query), language and library (stamp) always give
    the same spec, so every session shares it. Arguments with a leading _ are not hashed."""
    with charts.chart_language(translator(lang)):
        return charts.CHARTS[name](_selection, _sentence).to_dict()


def chart_block(name: str, file_name: str, help_text: str) -> None:
    query = json.dumps(to_query(ctx.filters), sort_keys=True)
    spec = chart_spec(name, query, current_language(), library_stamp(), selection, sentence)
    key = f"chart_{name}"
    st.vega_lite_chart(spec, on_select=lambda: on_pick(key), key=key, width="stretch")
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    row.caption(help_text, width="stretch")
    buttons = row.container(horizontal=True, gap="small", width="content")  # wrap as a pair
    for label, render, mime in (
        ("PNG", charts.chart_png, "image/png"),
        ("SVG", charts.chart_svg, "image/svg+xml"),
    ):
        buttons.download_button(
            label,
            lambda render=render: render(spec),  # drawn only when the button is clicked
            file_name=f"{file_name}.{label.lower()}",
            mime=mime,
            icon=":material/download:",
            key=f"{label.lower()}_{name}",
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

figures = key_figures(selection)
cols = st.columns(5)
cols[0].metric(_("Cases"), figures.cases)
cols[1].metric(
    _("Failed or mixed"),
    figures.troubled,
    help=_("Failure or mixed outcome: a library of winners only would mislead."),
)
cols[2].metric(_("Industries"), figures.industries)
cols[3].metric(_("Connection types"), figures.connection_types)
share = figures.internet_plus_share
cols[4].metric(
    _("Internet+ share"),
    f"{share:.0%}" if share is not None else "–",
    help=_("Cases that redesign connections rather than add a tool."),
)

if selection.empty:
    st.info(
        _("No case matches this selection. Remove a filter above, or reset all filters."),
        icon=":material/search_off:",
    )
    st.stop()
if len(selection) <= 3:  # a chart of a few cases says less than their names
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    row.markdown(
        _("**The cases of this selection:**") if len(selection) > 1 else _("**The case:**")
    )
    for case in selection.sort_values("title").itertuples():
        row.page_link(
            pages.path("case"),
            label=md_escape(localized(case.title, case.title_zh)),
            icon=":material/article:",
            query_params=params.link(case=case.id),
        )

left, right = st.columns(2, gap="large")
with left:
    chart_block(
        "outcome_by_industry",
        "outcome-by-industry",
        _("Click a bar to filter by its industry."),
    )
with right:
    chart_block(
        "mode_outcome", "mode-by-outcome", _("Click a bar to filter by its mode and outcome.")
    )
chart_block(
    "industry_connection_grid",
    "industry-by-connection",
    _("Click a cell to filter by its industry and connection type."),
)
chart_block(
    "timeline",
    "timeline",
    _("Cases by the year they began, with the policy milestones. Click a bar to pick a year."),
)
