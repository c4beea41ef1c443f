"""Presenter mode (?present=TOUR or selection, &slide=N): one case per slide, large type."""

from __future__ import annotations

import streamlit as st

from atlas.export import FORMATS, render_show
from atlas.localized import tour_text
from atlas.presentation import Show, show_from_selection, show_from_tour
from atlas.queries import sort_cases
from atlas.text_safety import md_escape
from components.slide import PRESENTER_CSS, slide
from ui import pages, params, url_state
from ui.context import context
from ui.i18n import _, current_language, localized, title_sort_key
from ui.params import SELECTION
from ui.tour_store import all_tours

st.set_page_config(initial_sidebar_state="collapsed")
st.html(PRESENTER_CSS)

ctx = context()
lang = current_language()
tours = all_tours(ctx.library)
wanted = params.value("present")
SLIDE, NOTES = params.PARAMS["slide"], params.PARAMS["notes"]


def go(number: int) -> None:
    st.session_state[SLIDE.key] = number


def toggle_notes() -> None:
    st.session_state[NOTES.key] = not NOTES.value()


def choose_show() -> Show:
    if wanted in tours:
        return show_from_tour(tours[wanted], {c.id: c for c in ctx.library.cases}, lang)
    if ctx.picked:  # the ticked cases, in the order ticked
        return show_from_selection(ctx.library.cases_in(ctx.picked), ctx.chosen_sentence, lang)
    ordered = sort_cases(ctx.selection, "title", title_sort_key(ctx.selection))["id"]
    return show_from_selection(ctx.library.cases_in(ordered), ctx.sentence, lang)


show = choose_show()
if len(show) == 0:
    st.title(_("Present"))
    st.info(_("Nothing to present: the selection is empty."), icon=":material/search_off:")
    st.write(_("Present one of the tours, or the cases of the current selection:"))
    with st.container(horizontal=True):
        st.page_link(
            pages.path("present"),
            label=_("The current selection"),
            query_params={"present": SELECTION},
            icon=":material/slideshow:",
        )
        for tour in tours.values():
            st.page_link(
                pages.path("present"),
                label=md_escape(tour_text(tour, lang).title),
                query_params={"present": tour.id},
                icon=":material/tour:",
            )
    st.stop()

number = SLIDE.value()
if number > len(show):
    url_state.notice(
        _("There is no slide {asked}: showing slide {n} of {total}.").format(
            asked=number, n=len(show), total=len(show)
        )
    )
    number = len(show)
    st.session_state[SLIDE.key] = number
    url_state.put(SLIDE, ctx)
stop = show.stops[number - 1]
notes_on = NOTES.value()

top = st.columns([5, 1], vertical_alignment="center")
top[0].caption(md_escape(show.caption))
top[1].markdown(f"**{number} / {len(show)}**", text_alignment="right")

slide(stop.case)
if notes_on:
    with st.container(border=True, key="speaker-notes"):
        st.caption(_("Speaker notes"))
        st.markdown(md_escape(stop.note))

bar = st.container(horizontal=True, vertical_alignment="center", key="presenter-bar")
bar.button(
    _("Previous"),
    icon=":material/chevron_left:",
    disabled=number <= 1,
    on_click=go,
    args=(number - 1,),
    shortcut="Left",
)
with bar.popover(_("Slides"), icon=":material/grid_view:"):
    for i, s in enumerate(show.stops, 1):
        st.button(
            f"{i}. {localized(s.case.title, s.case.zh and s.case.zh.title)}",
            key=f"jump_{i}",
            on_click=go,
            args=(i,),
            type="primary" if i == number else "tertiary",
        )
bar.button(
    _("Hide notes") if notes_on else _("Show notes"),
    on_click=toggle_notes,
    icon=":material/speaker_notes:",
)
for fmt_key in ("pptx", "html"):
    fmt = FORMATS[fmt_key]
    bar.download_button(
        _(fmt.label),
        data=lambda k=fmt_key: render_show(k, show),
        file_name=f"{wanted}.{fmt.extension}",
        mime=fmt.mime,
        icon=":material/download:",
        on_click="ignore",
        key=f"present_download_{fmt_key}",
    )
bar.page_link(
    pages.path("case"),
    label=_("Open the full case"),
    icon=":material/open_in_new:",
    query_params={"case": stop.case.id},
)
bar.button(
    _("Next"),
    icon=":material/chevron_right:",
    icon_position="right",
    disabled=number >= len(show),
    on_click=go,
    args=(number + 1,),
    shortcut="Right",
    type="primary",
)
st.caption(_("Keys: ← previous · → next"))
