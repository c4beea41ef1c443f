"""Explore: the selected cases as cards or as a sortable table, a page at a time."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from atlas.export import FORMATS, render
from atlas.i18n import N_
from atlas.text_safety import md_escape
from components.case_card import case_card, years_text
from components.selection_bar import selection_bar
from ui import filter_state as fs
from ui.context import context
from ui.i18n import _, current_language, label, localized

CASE_PAGE = "app_pages/case.py"
PAGE_SIZE = {"cards": 12, "table": 50}
VIEW_LABELS = {"cards": N_("Cards"), "table": N_("Table")}
SORTS = {
    "title": (N_("Title A–Z"), ["title"], [True]),
    "newest": (N_("Newest first"), ["year_start", "title"], [False, True]),
    "oldest": (N_("Oldest first"), ["year_start", "title"], [True, True]),
    "outcome": (N_("Outcome"), ["outcome", "title"], [True, True]),
    "industry": (N_("Industry"), ["industry", "title"], [True, True]),
}


def url_choice(param: str, options, default: str) -> str:
    value = st.query_params.get(param, default)
    return value if value in options else default


def remember(param: str, value: str, default: str) -> None:
    if value == default:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = value


ctx = context()
selection = ctx.selection
st.title(_("Explore"))
selection_bar(ctx.filters, ctx.sentence, lambda f, v: fs.remove_filter(f, v, ctx.year_bounds))

left, right, share = st.columns([2, 2, 1], vertical_alignment="bottom")
view = left.segmented_control(
    _("View"),
    ["cards", "table"],
    format_func=lambda v: _(VIEW_LABELS[v]),
    key="explore_view",
    default=url_choice("view", PAGE_SIZE, "cards"),
    required=True,
)
sort = right.selectbox(
    _("Sort by"),
    list(SORTS),
    format_func=lambda s: _(SORTS[s][0]),
    key=f"explore_sort_{current_language()}",  # labels change with the language
    index=list(SORTS).index(url_choice("sort", SORTS, "title")),
)
columns, ascending = SORTS[sort][1:]
ordered = selection.sort_values(columns, ascending=ascending, kind="stable")
with share.popover(_("Export"), icon=":material/ios_share:", width="stretch"):
    st.caption(_("{selection}, in the order shown.").format(selection=md_escape(ctx.sentence)))
    for fmt_key, fmt in FORMATS.items():
        st.download_button(
            _(fmt.label),
            data=lambda k=fmt_key: render(k, ctx.library.cases_in(ordered["id"]), ctx.sentence),
            file_name=f"transformation-atlas.{fmt.extension}",
            mime=fmt.mime,
            icon=":material/download:",
            on_click="ignore",
            key=f"export_{fmt_key}",
            width="stretch",
        )
remember("view", view, "cards")
remember("sort", sort, "title")

size = PAGE_SIZE[view]
shown_for = (ctx.sentence, view, sort)
if st.session_state.get("explore_for", shown_for) != shown_for:
    st.query_params.pop("p", None)  # a new selection or order starts on its first page
st.session_state["explore_for"] = shown_for
pages = max(1, math.ceil(len(ordered) / size))
try:
    page_no = min(max(1, int(st.query_params.get("p", "1"))), pages)
except ValueError:
    page_no = 1
rows = ordered.iloc[(page_no - 1) * size : page_no * size]

if selection.empty:
    st.info(
        _("No case matches this selection. Remove a filter above, or reset all filters."),
        icon=":material/search_off:",
    )
elif view == "cards":
    grid = st.columns(3)
    for i, row in enumerate(rows.itertuples()):
        with grid[i % 3]:
            case_card(row, CASE_PAGE, fs.link_params(ctx.filters, case=row.id))
else:
    shown = pd.DataFrame(
        {
            _("Case"): [
                localized(t, z) for t, z in zip(rows["title"], rows["title_zh"], strict=True)
            ],
            _("Industry"): rows["industry"].map(lambda v: label("industry", v)),
            _("Outcome"): rows["outcome"].map(lambda v: label("outcome", v)),
            _("Mode"): rows["mode"].map(lambda v: label("mode", v)),
            _("Region"): rows["region"].map(lambda v: label("region", v)),
            _("Years"): [
                years_text(s, e) for s, e in zip(rows["year_start"], rows["year_end"], strict=True)
            ],
            _("Summary"): [
                localized(t, z) for t, z in zip(rows["summary"], rows["summary_zh"], strict=True)
            ],
        }
    )
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=f"explore_table_{page_no}",
        column_config={_("Summary"): st.column_config.TextColumn(width="large")},
    )
    picked = list(rows.iloc[event.selection.rows]["id"]) if event else []
    actions = st.container(horizontal=True, vertical_alignment="center")
    actions.caption(_("Select one row to open its case, or two to four to compare them."))
    if actions.button(_("Open case"), icon=":material/arrow_forward:", disabled=len(picked) != 1):
        st.switch_page(CASE_PAGE, query_params=fs.link_params(ctx.filters, case=picked[0]))
    if actions.button(
        _("Compare {n}").format(n=len(picked)) if picked else _("Compare"),
        icon=":material/compare_arrows:",
        disabled=not 2 <= len(picked) <= 4,
    ):
        st.switch_page("app_pages/compare.py", query_params={"compare": ",".join(picked)})

if pages > 1:
    prev_col, info_col, next_col = st.columns([1, 2, 1], vertical_alignment="center")
    if prev_col.button(_("Previous"), icon=":material/chevron_left:", disabled=page_no <= 1):
        st.query_params["p"] = str(page_no - 1)
        st.rerun()
    info_col.markdown(
        _("Page {n} of {total}").format(n=page_no, total=pages), text_alignment="center"
    )
    if next_col.button(_("Next"), icon=":material/chevron_right:", disabled=page_no >= pages):
        st.query_params["p"] = str(page_no + 1)
        st.rerun()
