"""The speaker's window: this slide's notes in large type, what comes next, and the time."""

from __future__ import annotations

import streamlit as st

from atlas.localized import case_text
from atlas.presentation import Stop
from atlas.text_safety import md_escape
from ui.i18n import _

SPEAKER_CSS = """<style>
.st-key-speaker-now h2 { font-size: 2.1rem; line-height: 1.2; }
.st-key-speaker-notes-large p { font-size: 1.9rem; line-height: 1.45; }
.st-key-speaker-next p { font-size: 1.2rem; line-height: 1.4; }
.st-key-speaker-clock p { font-size: 2.4rem; font-variant-numeric: tabular-nums; margin: 0; }
</style>"""


def speaker_view(stop: Stop, upcoming: Stop | None, lang: str) -> None:
    st.html(SPEAKER_CSS)
    now, after = st.columns([3, 2], gap="large")
    with now.container(key="speaker-now"):
        st.subheader(md_escape(case_text(stop.case, lang).title), anchor=False)
        with st.container(border=True, key="speaker-notes-large"):
            st.markdown(
                md_escape(stop.note) if stop.note.strip() else _("No notes for this slide.")
            )
    with after.container(border=True, key="speaker-next"):
        st.caption(_("Next"))
        if upcoming is None:
            st.markdown(_("**The end**: this is the last slide."))
        else:
            text = case_text(upcoming.case, lang)
            st.markdown(f"**{md_escape(text.title)}**")
            st.markdown(md_escape(text.summary))


def speaker_clock(elapsed: str, clock: str) -> None:
    """Elapsed time since the speaker view opened, and the time of day where the speaker is."""
    with st.container(horizontal=True, key="speaker-clock", gap="large"):
        st.markdown(f"⏱ {elapsed}", help=_("Time since the speaker view opened"))
        st.markdown(f"🕒 {clock}", help=_("The time where you are"))
