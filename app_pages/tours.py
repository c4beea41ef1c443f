"""Tours: play a curated tour, build one from the selection, download it, load one back."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from atlas.export import FORMATS, render_show
from atlas.localized import tour_text
from atlas.presentation import show_from_tour
from atlas.qr import public_url
from atlas.schema import Tour
from atlas.text_safety import md_escape
from atlas.tour_link import MAX_CODE_CHARS, encode_tour, fits_in_link
from atlas.tours import MAX_STOPS, tour_from_cases, tour_from_upload, tour_to_yaml
from components.file_upload import file_uploader
from ui import pages, params
from ui.context import context
from ui.deck_title import TITLED, deck_title, file_stem, titled
from ui.i18n import _, current_language
from ui.tour_plan import apply_edits, editor_key, nudge, plan_for
from ui.tour_store import all_tours, keep_tour

PRESENT = pages.path("present")


def present_query(tour: Tour) -> dict[str, str]:
    """Present's parameters for a tour: the tour itself when it fits in a link, else its
    id, kept for this session only."""
    code = encode_tour(tour)
    if fits_in_link(code):
        return {"tour": code}
    keep_tour(tour)
    return {"present": tour.id}


def share(tour: Tour) -> None:
    """The tour's link, to copy, and a button that opens it."""
    st.subheader(_("Share this tour"), anchor=False)
    code = encode_tour(tour)
    if not fits_in_link(code):
        st.info(
            _(
                "This tour is too long for a link ({n} characters, at most {max}): "
                "share it as a tour file."
            ).format(n=len(code), max=MAX_CODE_CHARS),
            icon=":material/link_off:",
        )
        return
    query = urlencode({"tour": code})
    relative = f"{pages.BY_KEY['present'].url_path}?{query}"
    st.caption(
        _(
            "This link opens the tour in Present in any browser: its stops and talking "
            "points are in the link itself. Copy it, or open it."
        )
    )
    st.code(f"{(st.context.url or '').rstrip('/')}/{relative}", language=None, wrap_lines=True)
    st.link_button(_("Open as a link"), relative, icon=":material/link:")


ctx = context()
titles = ctx.titles
cases_by_id = ctx.library.by_id  # looked up, not built: a tour builds only its own cases
st.title(_("Tours"))
st.write(
    _(
        "A tour is an ordered path through the cases, with a talking point for each stop. "
        "Present one full-screen, or build your own from the current selection."
    )
)

st.header(_("Curated tours"), anchor=False)
for tour in all_tours(ctx.library).values():
    text = tour_text(tour, current_language())
    with st.container(border=True):
        stops_text = _("{n} stops").format(n=len(tour.stops))
        st.markdown(f"**{md_escape(text.title)}** · {stops_text}")
        st.caption(md_escape(text.description))
        with st.expander(_("Stops")):
            stops = [
                f"{i}. **{md_escape(titles.get(s.case, s.case))}** — {md_escape(point)}"
                for i, (s, point) in enumerate(zip(tour.stops, text.talking_points, strict=True), 1)
            ]
            st.markdown("\n".join(stops))
        row = st.container(horizontal=True, vertical_alignment="center")
        row.page_link(
            PRESENT,
            label=_("Present"),
            icon=":material/slideshow:",
            query_params={"present": tour.id},
        )
        deck_name = deck_title(row, f"tour_{tour.id}", text.title)
        stem = file_stem(deck_name, text.title, tour.id)
        for fmt_key in TITLED:
            fmt = FORMATS[fmt_key]
            row.download_button(
                _(fmt.label),
                data=lambda k=fmt_key, t=tour, n=deck_name: render_show(
                    k, titled(show_from_tour(t, cases_by_id, current_language()), n), public_url()
                ),
                file_name=f"{stem}.{fmt.extension}",
                mime=fmt.mime,
                icon=":material/download:",
                on_click="ignore",
                key=f"tour_download_{tour.id}_{fmt_key}",
            )

st.header(_("Your tour from the current selection"), anchor=False)
st.caption(md_escape(ctx.chosen_sentence))
# the ticked cases in the order ticked, or the filtered selection by title
selection = ctx.chosen if ctx.picked else ctx.selection.sort_values("title", kind="stable")
if selection.empty:
    st.info(_("The selection is empty: filter the library first."), icon=":material/search_off:")
else:
    ids = selection["id"].to_list()
    summaries = dict(zip(ids, selection["summary"].fillna(""), strict=True))
    plan = plan_for(ids)
    apply_edits(plan)  # what was typed in the table on the last run
    title = st.text_input(_("Title"), value=_("My tour"), max_chars=100, key="adhoc_title")
    description = st.text_input(
        _("Description"),
        max_chars=300,
        key="adhoc_description",
        placeholder=_("What the tour shows, in one line"),
    )
    if len(selection) > MAX_STOPS:
        st.info(
            _(
                "A tour holds at most {max} stops: the first {max} of these {n} cases are "
                "ticked. Untick some and tick others to choose."
            ).format(max=MAX_STOPS, n=len(selection)),
            icon=":material/info:",
        )
    order = plan.order
    table = pd.DataFrame(
        {
            "Show": [i not in plan.hidden for i in order],
            "Order": range(1, len(order) + 1),
            "Case": [titles[i] for i in order],
            "Talking point": [plan.points.get(i, summaries[i]) for i in order],
            "id": order,
        }
    )
    st.data_editor(
        table,
        hide_index=True,
        width="stretch",
        key=editor_key(plan),
        disabled=["Case", "id"],
        column_order=["Show", "Order", "Case", "Talking point"],
        column_config={
            "Show": st.column_config.CheckboxColumn(_("Show")),
            "Order": st.column_config.NumberColumn(
                _("Order"),
                min_value=1,
                step=1,
                help=_("Type a stop's new place: 1 makes it the first, and the others move down."),
            ),
            "Case": st.column_config.TextColumn(_("Case")),
            "Talking point": st.column_config.TextColumn(
                _("Talking point"), width="large", max_chars=300
            ),
        },
    )
    chosen = [i for i in order if i not in plan.hidden]
    if chosen:
        st.markdown("**" + _("The stops in order") + "**")
        with st.container(border=True, height=420 if len(chosen) > 8 else "content"):
            for n, item in enumerate(chosen, 1):
                row = st.container(horizontal=True, vertical_alignment="center")
                row.markdown(f"{n}\\. {md_escape(titles[item])}", width="stretch")
                row.button(
                    _("Up"),
                    icon=":material/arrow_upward:",
                    key=f"up_{item}",
                    disabled=n == 1,
                    on_click=nudge,
                    args=(item, -1),
                    type="tertiary",
                    help=_("Move this stop one place earlier"),
                )
                row.button(
                    _("Down"),
                    icon=":material/arrow_downward:",
                    key=f"down_{item}",
                    disabled=n == len(chosen),
                    on_click=nudge,
                    args=(item, 1),
                    type="tertiary",
                    help=_("Move this stop one place later"),
                )
    if not chosen:
        st.warning(_("Tick at least one case to build a tour."))
    elif len(chosen) > MAX_STOPS:
        st.warning(
            _("{n} stops are ticked; a tour holds at most {max}: untick {extra}.").format(
                n=len(chosen), max=MAX_STOPS, extra=len(chosen) - MAX_STOPS
            )
        )
    else:
        points = {i: plan.points.get(i, summaries[i]) for i in chosen}
        tour = tour_from_cases(ctx.library.cases_in(chosen), title, description, points)
        left, right = st.columns(2)
        if left.button(
            _("Present this tour"), icon=":material/slideshow:", type="primary", width="stretch"
        ):
            st.switch_page(PRESENT, query_params=params.link(**present_query(tour), slide="1"))
        st.caption(
            _("{count} stops · downloads as {file}").format(
                count=len(tour.stops), file=f"`{tour.id}.yaml`"
            )
        )
        right.download_button(
            _("Download as a tour file (YAML)"),
            tour_to_yaml(tour),
            file_name=f"{tour.id}.yaml",
            mime="application/x-yaml",
            icon=":material/download:",
            width="stretch",
            on_click="ignore",
        )
        share(tour)

st.header(_("Load a tour file"), anchor=False)
upload = file_uploader(
    _("A tour file you downloaded or wrote (YAML)"),
    ["yaml", "yml"],
    key="tour_upload",
    max_mb=1,  # a tour file is a few kilobytes
    help=_("Drag a tour file here, or press the button to choose one."),
)
if upload is not None:
    tour, problems = tour_from_upload(upload.name, upload.getvalue(), set(titles))
    for p in problems:
        st.error(md_escape(str(p)), icon=":material/error:")
    if tour is not None:
        keep_tour(tour)
        loaded = _("Loaded “{title}” with {n} stops.").format(
            title=md_escape(tour.title), n=len(tour.stops)
        )
        skipped = _("Stops with unknown cases are skipped.") if problems else ""
        st.success(f"{loaded} {skipped}".strip())
        st.page_link(
            PRESENT,
            label=_("Present it"),
            icon=":material/slideshow:",
            query_params=present_query(tour),
        )
