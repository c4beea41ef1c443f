"""Compare's cases drawn two ways: side by side (a row per field, a column per case) on a
wide window, and one case after another, every field with its label, on a phone. CSS shows
the one that fits the window's width (Streamlit stacks columns below 640 px, where a row's
values would lose which case they belong to). The connection diagrams keep their size and
scroll sideways rather than shrink to unreadable; side by side, a tab per case gives each
one the width of all the cases' columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from atlas.compare import Row
from atlas.graphs import AFTER_COLOUR, BEFORE_COLOUR, connection_dot
from atlas.localized import CaseText
from atlas.schema import Case
from atlas.text_safety import md_escape
from components.case_card import outcome_badge
from ui.i18n import _

PHONE = 640  # px: Streamlit's own breakpoint for stacking columns
COMPARE_CSS = f"""<style>
@media (max-width: {PHONE}px) {{ .st-key-compare-side-by-side {{ display: none; }} }}
@media (min-width: {PHONE + 1}px) {{ .st-key-compare-one-by-one {{ display: none; }} }}
[class*="st-key-compare-diagram"] {{ overflow-x: auto; max-width: 100%; }}
[class*="st-key-compare-diagram"] [data-testid="stGraphVizChart"] {{ width: max-content; }}
[class*="st-key-compare-diagram"] svg {{ max-width: none !important; }}
</style>"""
DIAGRAMS = {"Connections before": "before", "Connections after": "after"}  # row -> text field


def _value(value: str) -> None:
    lines = [md_escape(v) for v in value.split("\n") if v.strip()] or ["—"]
    st.markdown("\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0])


def _diagram(text: CaseText, field: str, key: str) -> bool:
    links = getattr(text, DIAGRAMS[field])
    colour = BEFORE_COLOUR if DIAGRAMS[field] == "before" else AFTER_COLOUR
    if links:
        with st.container(key=f"compare-diagram-{key}"):
            st.graphviz_chart(connection_dot(links, colour), width="content")
    return bool(links)


def _label(row: Row) -> None:
    mark = ":orange[**≠**] " if row.differs else ""
    st.markdown(
        f"{mark}**{_(row.field)}**",
        help=_("The cases differ here.") if row.differs else _("The same for all."),
    )


def _head(case: Case, title: str, case_link: Callable[[Case], None]) -> None:
    st.markdown(f"**{md_escape(title)}**")
    outcome_badge(case.outcome.status.value)
    case_link(case)


def compare_view(
    cases: Sequence[Case],
    titles: Sequence[str],
    texts: Sequence[CaseText],
    rows: Sequence[Row],
    case_link: Callable[[Case], None],
) -> None:
    """Both layouts of the rows (already filtered: only the differences, or all)."""
    st.html(COMPARE_CSS)
    widths = [1.1] + [2] * len(cases)
    with st.container(key="compare-side-by-side"):
        head = st.columns(widths, vertical_alignment="top")
        for col, case, title in zip(head[1:], cases, titles, strict=True):
            with col:
                _head(case, title, case_link)
        st.divider()
        for row in rows:
            cols = st.columns(widths, vertical_alignment="top")
            with cols[0]:
                _label(row)
            for col, value in zip(cols[1:], row.values, strict=True):
                with col:
                    _value(value)
            if row.field in DIAGRAMS:  # a tab per case: each diagram gets the full width
                tabs = st.columns([1.1, 2 * len(cases)])[1].tabs(list(titles))
                for i, tab in enumerate(tabs):
                    with tab:
                        _diagram(texts[i], row.field, f"wide-{i}-{DIAGRAMS[row.field]}")
    with st.container(key="compare-one-by-one"):
        for i, (case, title) in enumerate(zip(cases, titles, strict=True)):
            with st.container(border=True, key=f"compare-case-{i}"):
                _head(case, title, case_link)
                for row in rows:
                    _label(row)
                    key = f"phone-{i}-{DIAGRAMS.get(row.field)}"
                    if row.field in DIAGRAMS and _diagram(texts[i], row.field, key):
                        st.caption(_("A diagram wider than the screen scrolls sideways."))
                    _value(row.values[i])
