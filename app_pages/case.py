"""Case page (?case=ID): one case in full, with previous/next within the selection."""

from __future__ import annotations

import streamlit as st

from atlas.related import related_in
from atlas.text_safety import md_escape
from components import case_view
from components.related_cases import related_cases
from ui import pages, params, url_state
from ui.context import context
from ui.i18n import _, localized, title_sort_key

ctx = context()
titles = {
    i: localized(t, z)
    for i, t, z in zip(ctx.table["id"], ctx.table["title"], ctx.table["title_zh"], strict=True)
}
everything = ctx.table.assign(_key=title_sort_key(ctx.table)).sort_values("_key", kind="stable")
ids = list(everything["id"])
selected = set(ctx.selection["id"])
in_selection = [i for i in ids if i in selected]
KEY = params.PARAMS["case"].key


def open_case(case_id: str | None) -> None:
    st.session_state[KEY] = case_id


if not ids:
    st.title(_("Case"))
    st.info(_("The library has no cases yet."), icon=":material/inventory_2:")
    st.stop()

wanted = st.selectbox(
    _("Case"),
    ids,
    format_func=titles.get,
    placeholder=_("Choose a case…"),
    label_visibility="collapsed",
    **url_state.bind(KEY, st.session_state.get(KEY) if st.session_state.get(KEY) in ids else None),
)
if wanted is None:
    st.title(_("Case"))
    st.write(_("Choose a case above, or open one from **Explore**."))
    st.stop()

case = ctx.library.case(wanted)

# Previous / next within the current selection, in title order.
if wanted in in_selection:
    pos = in_selection.index(wanted)
    prev_id = in_selection[pos - 1] if pos > 0 else None
    next_id = in_selection[pos + 1] if pos + 1 < len(in_selection) else None
    where = _("Case {n} of {total}").format(n=pos + 1, total=len(in_selection))
else:
    prev_id = next_id = None
    where = _("Not in the current selection")
nav = st.columns([1, 2, 1], vertical_alignment="center")
nav[0].button(
    _("Previous"),
    icon=":material/chevron_left:",
    disabled=prev_id is None,
    on_click=open_case,
    args=(prev_id,),
    shortcut="Left",
    width="stretch",
)
nav[1].caption(f"{where} · {md_escape(ctx.sentence)}", text_alignment="center")
nav[2].button(
    _("Next"),
    icon=":material/chevron_right:",
    icon_position="right",
    disabled=next_id is None,
    on_click=open_case,
    args=(next_id,),
    shortcut="Right",
    width="stretch",
)

case_view.header(case)
with st.expander(_("Connections before and after"), expanded=True, icon=":material/hub:"):
    case_view.connections(case)
main, side = st.columns([3, 2], gap="large")
with main:
    case_view.narrative(case)
    st.subheader(_("Outcome"), anchor=False)
    case_view.outcome(case)
    st.subheader(_("Lessons"), anchor=False)
    case_view.lessons(case)
with side:
    case_view.facts(case)
tab_time, tab_figures, tab_sources = st.tabs([_("Timeline"), _("Figures"), _("Sources")])
with tab_time:
    case_view.timeline(case)
with tab_figures:
    case_view.metrics(case)
with tab_sources:
    case_view.sources(case)

found = related_in(case, ctx.table, ctx.index, ctx.library.case)
related_cases(found, pages.path("case"), lambda i: params.link(case=i))
