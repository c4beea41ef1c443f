"""The app's few style rules, said once and applied by the frame on every run.

Streamlit's theme colours come from .streamlit/config.toml ([theme.light], [theme.dark]).
One colour cannot do two jobs in a dark theme: the primary colour behind white text (chips,
primary buttons) must be dark, and as text on a dark background it must be light. So the
selected option of a segmented control or pills keeps the text colour, and shows that it is
selected by its border and tint, as before. Links in a page wrap rather than being cut
with an ellipsis (a case title is the whole point of the link, on a phone too).
Keyboard focus always shows: Streamlit rings its buttons, but its links (the page list and
page links) show nothing and its fields only tint a 1 px border, so links and fields get a
ring in the text's own colour, which contrasts in either theme (WCAG 2.4.7). The labels
on a connection diagram's lines take the text's colour too: drawn in the line's blue or
grey they were hard to read on the dark theme's background.
"""

from __future__ import annotations

import streamlit as st

APP_CSS = """<style>
button[data-variant="segmented_control"],
button[data-variant="pills"] { color: inherit !important; }
[data-testid="stMain"] [data-testid="stPageLink-NavLink"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
a:focus-visible, input:focus-visible, textarea:focus-visible {
  outline: 2px solid currentColor !important; outline-offset: 2px !important; }
[data-testid="stGraphVizChart"] .edge text { fill: currentColor; }
</style>"""


def apply() -> None:
    st.html(APP_CSS)
