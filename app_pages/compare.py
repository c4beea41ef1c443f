"""Compare (?compare=id1,id2,...): two to four cases side by side, differences marked."""

from __future__ import annotations

import streamlit as st

from atlas.compare import MAX_CASES, MIN_CASES, compare_rows
from atlas.compare_export import compare_csv, compare_markdown
from atlas.export import render_show
from atlas.presentation import show_from_compare
from atlas.text_safety import md_escape
from components.case_card import outcome_badge
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
# The cases the link names, else the ticked cases when there are two to four of them.
asked = params.value("compare") or (ctx.picked if MIN_CASES <= len(ctx.picked) <= MAX_CASES else [])
st.title(_("Compare"))
ids = st.multiselect(
    _("Cases to compare"),
    list(titles),
    format_func=titles.get,
    max_selections=MAX_CASES,
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
widths = [1.1] + [2] * len(cases)
head = st.columns(widths, vertical_alignment="top")
for col, case in zip(head[1:], cases, strict=True):
    with col:
        st.markdown(f"**{md_escape(localized(case.title, case.zh and case.zh.title))}**")
        outcome_badge(case.outcome.status.value)
        st.page_link(
            pages.path("case"),
            label=_("Open case"),
            query_params={"case": case.id},
            icon=":material/arrow_forward:",
        )
st.divider()
for row in compare_rows(cases, _, lang):
    if only_diff and not row.differs:
        continue
    cols = st.columns(widths, vertical_alignment="top")
    mark = ":orange[**≠**] " if row.differs else ""
    cols[0].markdown(
        f"{mark}**{_(row.field)}**",
        help=_("The cases differ here.") if row.differs else _("The same for all."),
    )
    for col, value in zip(cols[1:], row.values, strict=True):
        lines = [md_escape(v) for v in value.split("\n") if v.strip()] or ["—"]
        col.markdown("\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0])
st.caption(_(":orange[**≠**] marks the fields where the cases differ."))
