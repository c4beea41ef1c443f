"""Explore: the selected cases as cards or as a sortable table, a page at a time."""

from __future__ import annotations

import streamlit as st

from atlas.export import FORMATS, render_show
from atlas.presentation import show_from_selection
from atlas.qr import public_url
from atlas.queries import PAGE_SIZE, SORTS, VIEW_LABELS, VIEWS, page_of, sort_cases
from atlas.text_safety import md_escape
from components.case_card import case_card
from components.case_table import case_table
from components.picked_bar import picked_bar
from components.selection_bar import selection_bar
from ui import filter_state as fs
from ui import pages, params, picked_state, url_state
from ui.context import context
from ui.deck_title import TITLED, deck_title, file_stem, titled
from ui.i18n import _, current_language, localized, title_sort_key

ctx = context()
ctx_lang = current_language()
selection = ctx.selection
st.title(_("Explore"))
selection_bar(ctx.filters, ctx.sentence, lambda f, v: fs.remove_filter(f, v, ctx.year_bounds))

left, right, share = st.columns([2, 2, 1], vertical_alignment="bottom")
VIEW, SORT, PAGE = (params.PARAMS[name] for name in ("view", "sort", "p"))
view = left.segmented_control(
    _("View"),
    list(VIEWS),
    format_func=lambda v: _(VIEW_LABELS[v]),
    required=True,
    **url_state.bind(VIEW.key, VIEW.value()),
)
sort = right.selectbox(
    _("Sort by"),
    list(SORTS),
    format_func=lambda s: _(SORTS[s][0]),
    **url_state.bind(SORT.key, SORT.value()),
)
ordered = sort_cases(selection, sort, title_sort_key(selection))
# Ticked cases, in the order ticked, are what the exports use; else the selection as shown.
exported = ctx.picked or list(ordered["id"])
with share.popover(_("Export"), icon=":material/ios_share:", width="stretch"):
    about = (
        _("{selection}, in the order ticked.")
        if ctx.picked
        else _("{selection}, in the order shown.")
    )
    st.caption(about.format(selection=md_escape(ctx.chosen_sentence)))
    title = deck_title(st, "explore", ctx.chosen_sentence)
    stem = file_stem(title, ctx.chosen_sentence, "transformation-atlas")
    for fmt_key, fmt in FORMATS.items():
        st.download_button(
            _(fmt.label),
            data=lambda k=fmt_key, t=title: render_show(
                k,
                titled(
                    show_from_selection(
                        ctx.library.cases_in(exported), ctx.chosen_sentence, ctx_lang
                    ),
                    t,
                ),
                public_url(),
            ),  # the title is a deck's and a handout's; the other formats say the selection
            file_name=f"{stem if fmt_key in TITLED else 'transformation-atlas'}.{fmt.extension}",
            mime=fmt.mime,
            icon=":material/download:",
            on_click="ignore",
            key=f"export_{fmt_key}",
            width="stretch",
        )

# A new selection or order starts on its first page.
shown_for = (ctx.sentence, view, sort)
if st.session_state.get("explore_for", shown_for) != shown_for:
    st.session_state[PAGE.key] = 1
    url_state.put(PAGE, ctx)
st.session_state["explore_for"] = shown_for
page = page_of(ordered, PAGE.value(), PAGE_SIZE[view])
if page.clamped and len(ordered):
    url_state.notice(
        _("There is no page {asked}: showing page {n} of {total}.").format(
            asked=page.asked, n=page.number, total=page.pages
        )
    )
    st.session_state[PAGE.key] = page.number
    url_state.put(PAGE, ctx)


if ctx.picked:
    titles = ctx.chosen.set_index("id")
    shown = [(i, localized(titles.at[i, "title"], titles.at[i, "title_zh"])) for i in ctx.picked]
    actions = picked_bar(ctx.chosen_sentence, shown, picked_state.untick, picked_state.clear)
    n = len(ctx.picked)
    if n == 1 and actions.button(_("Open case"), icon=":material/arrow_forward:"):
        st.switch_page(pages.path("case"), query_params=params.link(case=ctx.picked[0]))
    if 2 <= n <= 4 and actions.button(
        _("Compare {n}").format(n=n), icon=":material/compare_arrows:"
    ):
        st.switch_page(
            pages.path("compare"), query_params=params.link(compare=",".join(ctx.picked))
        )
    if actions.button(_("Make a tour"), icon=":material/tour:"):
        st.switch_page(pages.path("tours"), query_params=params.link())
    if actions.button(_("Present"), icon=":material/slideshow:", type="primary"):
        st.switch_page(pages.path("present"), query_params=params.link(present="selection"))

if selection.empty:
    st.info(
        _("No case matches this selection. Remove a filter above, or reset all filters."),
        icon=":material/search_off:",
    )
elif view == "cards":
    # A row of columns per three cards: a phone stacks each row's columns, so the cards
    # stay in the chosen order there too (and Tab goes along the rows, as the eye does).
    cards = list(page.rows.itertuples())
    for start in range(0, len(cards), 3):
        for col, row in zip(st.columns(3), cards[start : start + 3], strict=False):
            with col:
                case_card(
                    row,
                    pages.path("case"),
                    params.link(case=row.id),
                    ticked=row.id in ctx.picked,
                    on_tick=picked_state.tick,
                    tick_key=f"tick_{row.id}",
                )
else:
    page_ids = list(page.rows["id"])
    case_table(
        page.rows,
        key=f"explore_table_{page.number}_{picked_state.generation()}",
        ticked=ctx.picked,
        on_tick=lambda ids: picked_state.replace_page(page_ids, ids),
    )
    st.caption(_("Tick rows to open, compare, present or export exactly those cases."))

if page.pages > 1:
    st.pagination(page.pages, width="stretch", **url_state.bind(PAGE.key, page.number))
