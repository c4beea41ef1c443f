"""Compare (?compare=id1,id2,...): two to four cases side by side, differences marked."""

from __future__ import annotations

import streamlit as st

from atlas import case_finder
from atlas.compare import MAX_CASES, MIN_CASES, compare_rows
from atlas.compare_export import compare_csv, compare_markdown
from atlas.export import render_show
from atlas.localized import case_text
from atlas.presentation import show_from_compare
from components.compare_view import compare_view
from ui import pages, params, url_state
from ui.context import context
from ui.deck_title import deck_title, file_stem, titled
from ui.i18n import _, current_language, localized, title_sort_key

ctx = context()
table = ctx.table.assign(_key=title_sort_key(ctx.table)).sort_values("_key", kind="stable")
titles = {
    i: localized(t, z)
    for i, t, z in zip(table["id"], table["title"], table["title_zh"], strict=True)
}

KEY = params.PARAMS["compare"].key
FOUND = 6  # the matches offered for what is typed
# The cases the link names, else the ticked cases when there are two to four of them.
asked = params.value("compare") or (ctx.picked if MIN_CASES <= len(ctx.picked) <= MAX_CASES else [])
st.title(_("Compare"))


def _add(case_id: str) -> None:
    st.session_state[KEY] = [*st.session_state.get(KEY, []), case_id][:MAX_CASES]


query = st.text_input(
    _("Find a case"),
    key="compare_find",
    type="search",
    live=True,
    placeholder=_("A title, a company or an id"),
    help=_("Exact and prefix matches come first; press a match to add it."),
)
if query.strip():
    chosen = st.session_state.get(KEY, [])
    found = case_finder.rank(query, case_finder.candidates(table), limit=FOUND)
    hits = st.container(horizontal=True, key="compare_found")
    for case_id in found:
        hits.button(
            titles[case_id],
            key=f"compare_add_{case_id}",
            icon=":material/check:" if case_id in chosen else ":material/add:",
            on_click=_add,
            args=(case_id,),
            disabled=case_id in chosen or len(chosen) >= MAX_CASES,
        )
    if not found:
        hits.caption(_("No case's title, company or id holds that text."))
ids = st.multiselect(
    _("Cases to compare"),
    list(titles),
    format_func=titles.get,
    max_selections=MAX_CASES,
    filter_mode="contains",
    placeholder=_("Choose {min} to {max} cases").format(min=MIN_CASES, max=MAX_CASES),
    **url_state.bind(KEY, [i for i in asked if i in titles]),
)
if len(ids) < MIN_CASES:
    st.info(
        _(
            "Choose {min} to {max} cases above, or select rows in Explore's table "
            "and press Compare."
        ).format(min=MIN_CASES, max=MAX_CASES),
        icon=":material/compare_arrows:",
    )
    st.stop()

cases = ctx.library.cases_in(ids)
lang = current_language()
tools = st.container(horizontal=True, vertical_alignment="center")
only_diff = tools.toggle(_("Only the differences"), key="compare_only_diff")
stem = "compare-" + "-".join(c.id for c in cases)[:120]
compared = show_from_compare(cases, lang)
title = deck_title(tools, "compare", compared.title)
deck_stem = file_stem(title, compared.title, stem)
for label, fmt, data, mime in (
    ("CSV", "csv", lambda: compare_csv(cases, lang), "text/csv"),
    (_("Markdown"), "md", lambda: compare_markdown(cases, lang), "text/markdown"),
    (
        _("PowerPoint deck"),
        "pptx",
        lambda: render_show("pptx", titled(compared, title)),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
):
    tools.download_button(
        label,
        data,
        file_name=f"{deck_stem if fmt == 'pptx' else stem}.{fmt}",
        mime=mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"compare_download_{fmt}",
    )


def _case_link(case) -> None:
    st.page_link(
        pages.path("case"),
        label=_("Open case"),
        query_params={"case": case.id},
        icon=":material/arrow_forward:",
    )


rows = [r for r in compare_rows(cases, _, lang) if r.differs or not only_diff]
compare_view(
    cases,
    [localized(c.title, c.zh and c.zh.title) for c in cases],
    [case_text(c, lang) for c in cases],
    rows,
    _case_link,
)
st.caption(_(":orange[**≠**] marks the fields where the cases differ."))
