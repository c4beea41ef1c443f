"""The sidebar filters: facets with counts, search, year range, and reset.

A function of the selection that draws it: each widget shows the current `Filters`, and
a change calls `on_change` with the new `Filters` (the caller keeps them).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import streamlit as st

from atlas.ask_filters import with_understood
from atlas.facets import FACETS, Facet
from atlas.filters import Filters
from atlas.i18n import translator
from ui.i18n import _, current_language
from ui.url_state import bind

FIRST = 3  # industry, connection type and outcome: always in view
TEXT_KEY, YEARS_KEY = "flt.text", "flt.years"
MORE_KEY, MORE_IN_USE = "flt.more", "flt.more_in_use"


@cache  # the same for every run in a language: some 300 lookups a run saved
def facet_help(facet: Facet, lang: str) -> str:
    """Every value's definition, as the widget's help text."""
    _ = translator(lang)
    lines = [f"**{_(t.label)}**: {_(t.definition)}" for t in facet.vocabulary]
    return f"{_(facet.vocabulary.__doc__)}\n\n" + "\n\n".join(lines)


def _widget_key(facet: Facet) -> str:
    return f"flt.{facet.name}"


def facet_widget(
    counts: dict[str, int],
    filters: Filters,
    facet: Facet,
    current: Callable[[], Filters],
    on_change: Callable[[Filters], None],
) -> None:
    lang = current_language()
    _ = translator(lang)
    labels = {v: _(label) for v, label in facet.vocabulary.labels().items()}
    key = _widget_key(facet)
    st.multiselect(
        _(facet.title),
        options=list(labels),
        format_func=lambda v: f"{labels[v]} ({counts.get(v, 0)})",
        placeholder=_("Any"),
        help=facet_help(facet, lang),
        **bind(
            key,
            list(filters.values(facet.name)),
            lambda: on_change(current().with_values(facet.name, st.session_state[key])),
        ),
    )


def filter_panel(
    counts: dict[str, dict[str, int]],
    filters: Filters,
    year_bounds: tuple[int, int],
    current: Callable[[], Filters],
    on_change: Callable[[Filters], None],
) -> None:
    """Draw the filters of `filters`, each option with its count (`counts[facet][value]`);
    `current()` gives the kept filters when a widget changes, and `on_change` receives
    them changed."""
    st.text_input(
        _("Search"),
        placeholder=_("Title, summary, narrative, lessons"),
        help=_(
            "Every word must appear. Searches titles, summaries, narratives and lessons. "
            "Words such as 'failed', 'finance' or 'since 2015' become filters; put a name "
            "in quotes to search for it as text."
        ),
        max_chars=200,
        **bind(
            TEXT_KEY,
            filters.text,
            lambda: on_change(with_understood(current(), st.session_state[TEXT_KEY])[0]),
        ),
    )
    for facet in FACETS[:FIRST]:
        facet_widget(counts[facet.name], filters, facet, current, on_change)
    active_more = any(filters.values(f.name) for f in FACETS[FIRST:])
    years_set = filters.year_from is not None or filters.year_to is not None
    in_use = active_more or years_set
    if in_use and not st.session_state.get(MORE_IN_USE):
        # one of its filters just came (a link, a chart click): open it to show that
        st.session_state[MORE_KEY] = True
    st.session_state[MORE_IN_USE] = in_use
    # Its widgets are drawn only while it is open: eight multiselects and a slider that
    # the browser would otherwise redraw, unseen, on every click of a filter (0.1 s of a
    # 0.7 s click in Chromium). Opening it reruns the script to draw them; their values
    # live in the filters, not in the widgets.
    more = st.expander(_("More filters"), expanded=in_use, key=MORE_KEY, on_change="rerun")
    if more.open:
        with more:
            more_filters(counts, filters, year_bounds, current, on_change)
    st.button(
        _("Reset all filters"),
        on_click=lambda: on_change(Filters()),
        icon=":material/restart_alt:",
        disabled=filters.is_empty,
        width="stretch",
    )


def more_filters(
    counts: dict[str, dict[str, int]],
    filters: Filters,
    year_bounds: tuple[int, int],
    current: Callable[[], Filters],
    on_change: Callable[[Filters], None],
) -> None:
    for facet in FACETS[FIRST:]:
        facet_widget(counts[facet.name], filters, facet, current, on_change)
    lo, hi = year_bounds
    if lo < hi:
        shown = (filters.year_from or lo, filters.year_to or hi)
        st.slider(
            _("Active in"),
            min_value=lo,
            max_value=hi,
            step=1,
            help=_("Cases that were running at some time in these years."),
            **bind(
                YEARS_KEY,
                shown,
                lambda: on_change(_with_years(current(), st.session_state[YEARS_KEY])),
            ),
        )


def _with_years(filters: Filters, years: tuple[int, int]) -> Filters:
    lo, hi = years
    return Filters(filters.selected, lo, hi, filters.text)
