"""A quiet notice on every page when some case files could not be loaded."""

from __future__ import annotations

import streamlit as st

from atlas.loader import Library

SHOWN = 10


def notice_label(library: Library) -> str | None:
    failed, problems = len(library.failed_files), len(library.problems)
    if failed:
        return f"{failed} case file{'s' * (failed != 1)} could not be loaded"
    if problems:
        return f"{problems} problem{'s' * (problems != 1)} in the case files"
    return None


def load_notice(library: Library, health_page: st.Page) -> None:
    """An expander that names the files and links to the Data health page."""
    label = notice_label(library)
    if label is None:
        return
    with st.expander(f":material/warning: {label}", expanded=False):
        st.caption(
            f"{len(library.cases)} cases loaded from `{library.folder}`. "
            "The others are left out until their files are fixed:"
        )
        st.code("\n".join(str(p) for p in library.problems[:SHOWN]), language=None, wrap_lines=True)
        more = len(library.problems) - SHOWN
        if more > 0:
            st.caption(f"… and {more} more.")
        st.page_link(health_page, label="Open Data health", icon=":material/arrow_forward:")
