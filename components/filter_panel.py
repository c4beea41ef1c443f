"""The sidebar filters: facets with counts, search, year range, and reset."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pandas as pd
import streamlit as st

from atlas.facets import FACETS, Facet
from atlas.filters import Filters, facet_counts
from atlas.i18n import translator
from ui.i18n import _, current_language

FIRST = 3  # industry, connection type and outcome: always in view


@cache  # the same for every run in a language: some 300 lookups a run saved
def facet_help(facet: Facet, lang: str) -> str:
    """Every value's definition, as the widget's help text."""
    _ = translator(lang)
    lines = [f"**{_(t.label)}**: {_(t.definition)}" for t in facet.vocabulary]
    return f"{_(facet.vocabulary.__doc__)}\n\n" + "\n\n".join(lines)


def facet_widget(table: pd.DataFrame, filters: Filters, facet: Facet, key: str) -> None:
    counts = facet_counts(table, filters, facet.name)
    lang = current_language()
    _ = translator(lang)
    labels = {v: _(label) for v, label in facet.vocabulary.labels().items()}
    st.multiselect(
        _(facet.title),
        options=list(labels),
        format_func=lambda v: f"{labels[v]} ({counts.get(v, 0)})",
        key=key,
        placeholder=_("Any"),
        help=facet_help(facet, lang),
    )


def filter_panel(
    table: pd.DataFrame,
    filters: Filters,
    keys: dict[str, str],
    text_key: str,
    years_key: str,
    year_bounds: tuple[int, int],
    on_reset: Callable[[], None],
) -> None:
    """Draw the filters; their values live in session state under the given keys."""
    st.text_input(
        _("Search"),
        key=text_key,
        placeholder=_("Title, summary, narrative, lessons"),
        help=_("Every word must appear. Searches titles, summaries, narratives and lessons."),
        max_chars=200,
    )
    for facet in FACETS[:FIRST]:
        facet_widget(table, filters, facet, keys[facet.name])
    active_more = any(filters.values(f.name) for f in FACETS[FIRST:])
    years_set = filters.year_from is not None or filters.year_to is not None
    with st.expander(_("More filters"), expanded=active_more or years_set):
        for facet in FACETS[FIRST:]:
            facet_widget(table, filters, facet, keys[facet.name])
        lo, hi = year_bounds
        if lo < hi:
            st.slider(
                _("Active in"),
                min_value=lo,
                max_value=hi,
                key=years_key,
                step=1,
                help=_("Cases that were running at some time in these years."),
            )
    st.button(
        _("Reset all filters"),
        on_click=on_reset,
        icon=":material/restart_alt:",
        disabled=filters.is_empty,
        width="stretch",
    )
