"""A quiet notice on every page when some case files could not be loaded."""

from __future__ import annotations

import dataclasses

import streamlit as st

from atlas.loader import Library, shown_file, shown_folder
from ui.i18n import _

SHOWN = 10


def notice_label(library: Library) -> str | None:
    failed, problems = len(library.failed_files), len(library.problems)
    if failed:
        text = (
            _("{n} case file could not be loaded")
            if failed == 1
            else _("{n} case files could not be loaded")
        )
        return text.format(n=failed)
    if problems:
        text = (
            _("{n} problem in the case files")
            if problems == 1
            else _("{n} problems in the case files")
        )
        return text.format(n=problems)
    return None


def load_notice(library: Library, health_page: st.Page) -> None:
    """An expander that names the files and links to the Data health page."""
    label = notice_label(library)
    if label is None:
        return
    with st.expander(f":material/warning: {label}", expanded=False):
        st.caption(
            _(
                "{n} cases loaded from {folder}. "
                "The others are left out until their files are fixed:"
            ).format(n=len(library.cases), folder=f"`{shown_folder(library.folder)}`")
        )
        shown = [
            dataclasses.replace(p, path=shown_file(p.path, library.folder))
            for p in library.problems[:SHOWN]
        ]
        st.code("\n".join(map(str, shown)), language=None, wrap_lines=True)
        more = len(library.problems) - SHOWN
        if more > 0:
            st.caption(_("… and {n} more.").format(n=more))
        st.page_link(health_page, label=_("Open Data health"), icon=":material/arrow_forward:")
