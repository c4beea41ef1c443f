"""Keep the shared filters, the sidebar widgets and the URL in step.

The URL is the state: a link restores the view. On each run the frame compares the
filter part of the URL with what the app last wrote; a difference means the URL came
from outside (a shared link, the back button, a hand edit) and the widgets follow it.
Otherwise the widgets lead and the URL is rewritten from them.
"""

from __future__ import annotations

import streamlit as st

from atlas.filters import (
    FACETS,
    OTHER_PARAMS,
    Filters,
    from_query,
    to_query,
)
from ui.i18n import _

KEYS = {f.name: f"flt_{f.name}" for f in FACETS}
TEXT_KEY, YEARS_KEY = "flt_text", "flt_years"
_MEMO, _NOTICES, _PAGE = "_flt_url_memo", "_flt_notices", "_flt_page"

Query = dict[str, list[str]]


def _normalise(query: dict) -> Query:
    return {k: [v] if isinstance(v, str) else list(v) for k, v in sorted(query.items()) if v}


def _url_filter_part() -> Query:
    """The URL's parameters that are not another part's (unknown ones included)."""
    return _normalise(
        {k: st.query_params.get_all(k) for k in st.query_params if k not in OTHER_PARAMS}
    )


def sync_from_url(page_path: str, year_bounds: tuple[int, int]) -> None:
    """Before the widgets are drawn: adopt the URL's filters when they came from outside."""
    _keep_widget_state()
    url = _url_filter_part()
    switched_page = st.session_state.get(_PAGE) not in (None, page_path)
    st.session_state[_PAGE] = page_path
    if switched_page and not url:
        return  # the sidebar navigation drops query parameters: keep the state
    if st.session_state.get(_MEMO) == url:
        return
    filters, notices = from_query(url, _)
    set_widgets(filters, year_bounds)
    st.session_state[_MEMO] = url
    st.session_state[_NOTICES] = notices


def _keep_widget_state() -> None:
    # Streamlit forgets a widget's value on a run that does not draw it (pages without
    # the sidebar filters); writing the value back makes it plain session state.
    for key in [*KEYS.values(), TEXT_KEY, YEARS_KEY]:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def set_widgets(filters: Filters, year_bounds: tuple[int, int]) -> None:
    for f in FACETS:
        st.session_state[KEYS[f.name]] = list(filters.values(f.name))
    st.session_state[TEXT_KEY] = filters.text
    lo, hi = year_bounds
    clamp = lambda y, default: default if y is None else max(lo, min(hi, y))  # noqa: E731
    st.session_state[YEARS_KEY] = (clamp(filters.year_from, lo), clamp(filters.year_to, hi))


def current_filters(year_bounds: tuple[int, int]) -> Filters:
    """The filters as the widgets hold them (a full year range is no year filter)."""
    state = st.session_state
    selected = {f.name: tuple(state.get(KEYS[f.name], ())) for f in FACETS}
    lo, hi = state.get(YEARS_KEY, year_bounds)
    return Filters(
        {k: v for k, v in selected.items() if v},
        year_from=None if lo <= year_bounds[0] else lo,
        year_to=None if hi >= year_bounds[1] else hi,
        text=str(state.get(TEXT_KEY, "")).strip(),
    )


def write_url(filters: Filters) -> None:
    """Rewrite the URL's filter part from the filters, keeping other parts' parameters."""
    desired = _normalise(to_query(filters))
    if _url_filter_part() != desired:
        others = {k: st.query_params.get_all(k) for k in st.query_params if k in OTHER_PARAMS}
        st.query_params.from_dict(others | desired)
    st.session_state[_MEMO] = desired


def link_params(filters: Filters, **extra: str) -> dict[str, str | list[str]]:
    """Query parameters for a link to another page that keeps the current selection."""
    return to_query(filters) | extra


def take_notices() -> list[str]:
    """Notices about ignored URL parameters, shown once."""
    return st.session_state.pop(_NOTICES, None) or []


def remove_filter(facet: str, value: str | None, year_bounds: tuple[int, int]) -> None:
    """Callback of a chip: drop one filter value (or the years, or the search)."""
    set_widgets(current_filters(year_bounds).without(facet, value), year_bounds)


def reset_filters(year_bounds: tuple[int, int]) -> None:
    set_widgets(Filters(), year_bounds)


def add_picks(picks: dict[str, list[str]], year_bounds: tuple[int, int]) -> None:
    """Callback of a chart click: filter to what was clicked ('year' selects one year)."""
    filters = current_filters(year_bounds)
    for facet, values in picks.items():
        if facet == "year":
            year = int(values[0])
            filters = Filters(filters.selected, year, year, filters.text)
        elif values:
            filters = filters.with_values(facet, values)
    set_widgets(filters, year_bounds)
