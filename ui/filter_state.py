"""The shared selection: one `Filters` in session state.

ui/url_state.py keeps it in step with the URL; the filter panel shows it; the callbacks
here (a chip, a chart click, reset) change it and nothing else.
"""

from __future__ import annotations

import streamlit as st

from atlas.filters import Filters

STATE = "filters"


def clamp(filters: Filters, year_bounds: tuple[int, int]) -> Filters:
    """Years inside the library's bounds; a bound at the edge is no year filter."""
    lo, hi = year_bounds
    start = filters.year_from if filters.year_from is None else max(lo, min(hi, filters.year_from))
    end = filters.year_to if filters.year_to is None else max(lo, min(hi, filters.year_to))
    return Filters(
        filters.selected,
        year_from=None if start is None or start <= lo else start,
        year_to=None if end is None or end >= hi else end,
        text=filters.text.strip(),
    )


def set_filters(filters: Filters, year_bounds: tuple[int, int]) -> None:
    st.session_state[STATE] = clamp(filters, year_bounds)


def current_filters(year_bounds: tuple[int, int]) -> Filters:
    return clamp(st.session_state.get(STATE, Filters()), year_bounds)


def remove_filter(facet: str, value: str | None, year_bounds: tuple[int, int]) -> None:
    """Callback of a chip: drop one filter value (or the years, or the search)."""
    set_filters(current_filters(year_bounds).without(facet, value), year_bounds)


def reset_filters(year_bounds: tuple[int, int]) -> None:
    set_filters(Filters(), year_bounds)


def add_picks(picks: dict[str, list[str]], year_bounds: tuple[int, int]) -> None:
    """Callback of a chart click: filter to what was clicked ('year' selects one year)."""
    filters = current_filters(year_bounds)
    for facet, values in picks.items():
        if facet == "year":
            year = int(values[0])
            filters = Filters(filters.selected, year, year, filters.text)
        elif values:
            filters = filters.with_values(facet, values)
    set_filters(filters, year_bounds)
