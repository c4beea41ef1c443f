"""Presenter mode (?present=TOUR or selection, or ?tour=CODE; &slide=N): one case per slide."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import streamlit as st

from atlas.export import FORMATS, render_show
from atlas.localized import tour_text
from atlas.presentation import Show, listed_slides, show_from_selection, show_from_tour
from atlas.qr import public_url
from atlas.queries import sort_cases
from atlas.rooms import minutes_seconds, new_room_id
from atlas.text_safety import md_escape
from atlas.tour_link import encode_tour
from components.presenter_keys import presenter_keys
from components.slide import PRESENTER_CSS, slide
from components.speaker_view import speaker_clock, speaker_view
from ui import pages, params, url_state
from ui.context import context
from ui.deck_title import TITLED, deck_title, default_title, file_stem, titled
from ui.i18n import _, current_language, localized, title_sort_key
from ui.params import SELECTION
from ui.rooms import rooms
from ui.tour_store import all_tours

st.set_page_config(initial_sidebar_state="collapsed")
st.html(PRESENTER_CSS)

ctx = context()
lang = current_language()
tours = all_tours(ctx.library)
wanted = params.value("present")
carried = params.value("tour")  # a tour the link carries whole (atlas/tour_link.py)
SLIDE, NOTES, ROOM = params.PARAMS["slide"], params.PARAMS["notes"], params.PARAMS["room"]
store = rooms()
room_id = ROOM.value()  # a speaker view is open: this window follows the room
speaker = bool(params.value("speaker")) and room_id is not None
offer = st.session_state.setdefault("present_room_offer", new_room_id())


def go(number: int) -> None:
    st.session_state[SLIDE.key] = number
    if room_id is not None:
        store.move(room_id, number)


def toggle_notes() -> None:
    st.session_state[NOTES.key] = not NOTES.value()


def choose_show() -> Show:
    if carried is not None:
        return show_from_tour(carried, ctx.library.by_id, lang)
    if wanted in tours:
        return show_from_tour(tours[wanted], ctx.library.by_id, lang)
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
if room_id is not None:  # the room's slide wins: the other window may have moved it
    shared = store.open(room_id, number).slide
    if shared != number:
        number = max(1, min(shared, len(show)))
        st.session_state[SLIDE.key] = number
        url_state.put(SLIDE, ctx)
stop = show.stops[number - 1]
notes_on = NOTES.value()


@st.fragment(run_every=1.0)
def follow() -> None:
    """Keep this window in step with the other one, and the speaker's clock running."""
    if room_id is None:
        if store.get(offer) is not None:  # the speaker view was opened from this window
            st.session_state[ROOM.key] = offer
            st.rerun()
        return
    room = store.get(room_id)
    if room is not None and room.slide != st.session_state.get(SLIDE.key, 1):
        st.rerun()
    if speaker:
        zone = st.context.timezone
        now = dt.datetime.now(ZoneInfo(zone)) if zone else dt.datetime.now()
        speaker_clock(minutes_seconds(store.elapsed(room_id)), now.strftime("%H:%M"))


top = st.columns([5, 1], vertical_alignment="center")
top[0].caption(md_escape(show.caption))
top[1].markdown(f"**{number} / {len(show)}**", text_alignment="right")
follow()

if speaker:
    upcoming = show.stops[number] if number < len(show) else None
    speaker_view(stop, upcoming, lang)
else:
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
    listed = listed_slides(number, len(show))
    if len(listed) < len(show):
        st.caption(
            _("Slides {first}–{last} of {total}: type any other number in “Go to slide”.").format(
                first=listed.start, last=listed.stop - 1, total=len(show)
            )
        )
    for i in listed:
        s = show.stops[i - 1]
        st.button(
            f"{i}. {localized(s.case.title, s.case.zh and s.case.zh.title)}",
            key=f"jump_{i}",
            on_click=go,
            args=(i,),
            type="primary" if i == number else "tertiary",
        )
if not speaker:
    bar.button(
        _("Hide notes") if notes_on else _("Show notes"),
        on_click=toggle_notes,
        icon=":material/speaker_notes:",
    )
    shown = {"tour": encode_tour(carried)} if carried is not None else {"present": wanted}
    speaker_link = params.link(**shown, slide=str(number), room=room_id or offer, speaker="1")
    bar.link_button(
        _("Speaker view"),
        f"{pages.BY_KEY['present'].url_path}?{urlencode(speaker_link, doseq=True)}",
        icon=":material/co_present:",
        help=_("Opens a second window with the notes, the next slide and the time"),
    )
downloads = bar.popover(_("Download"), icon=":material/download:")
default = default_title(show)
title = deck_title(downloads, "present", default)
stem = file_stem(title, default, carried.id if carried is not None else wanted)
for fmt_key in TITLED:
    fmt = FORMATS[fmt_key]
    downloads.download_button(
        _(fmt.label),
        data=lambda k=fmt_key, t=title: render_show(k, titled(show, t), public_url()),
        file_name=f"{stem}.{fmt.extension}",
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


def go_to_typed() -> None:
    """A number typed in "Go to slide", then Enter: that slide; the field empties again."""
    typed = st.session_state.get("present_goto")
    if typed is not None:
        go(max(1, min(int(typed), len(show))))
        st.session_state["present_goto"] = None


with st.container(horizontal=True, key="presenter-keys", vertical_alignment="center"):
    st.number_input(
        _("Go to slide"),
        min_value=1,
        max_value=len(show),
        value=None,
        step=1,
        placeholder=_("Go to slide"),
        label_visibility="collapsed",
        key="present_goto",
        on_change=go_to_typed,
        width=150,
    )
    st.button(_("First slide"), on_click=go, args=(1,), shortcut="Home", type="tertiary")
    st.button(_("Last slide"), on_click=go, args=(len(show),), shortcut="End", type="tertiary")
    if st.button(_("Leave"), shortcut="Esc", type="tertiary", icon=":material/logout:"):
        back = url_state.came_from()
        back = back if back in pages.BY_KEY and back != "present" else "explore"
        st.switch_page(pages.path(back), query_params=params.link())
st.caption(
    _(
        "Keys: ← previous · → next · Home first · End last · a number then Enter: that slide"
        " · F fullscreen · Esc leave"
    )
)
presenter_keys()
