"""One case as a presentation slide: large type, the connections, outcome and key figures."""

from __future__ import annotations

import streamlit as st

from atlas.graphs import BEFORE_COLOUR, connection_dot
from atlas.localized import case_text
from atlas.schema import Case
from atlas.text_safety import md_escape
from components.case_card import mode_badge, outcome_badge
from components.case_view import cited
from ui.i18n import _, current_language

# Presenter mode: no sidebar or app chrome, type readable from the back of a room.
PRESENTER_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbarActions"],
[data-testid="stAppDeployButton"], [data-testid="stMainMenu"],
[data-testid="stHeader"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; max-width: 100%; }
.st-key-slide h1 { font-size: 3.2rem; line-height: 1.15; }
.st-key-slide p, .st-key-slide li { font-size: 1.45rem; line-height: 1.45; }
.st-key-slide-figures strong { font-size: 2.2rem; line-height: 1.2; }
.st-key-speaker-notes p { font-size: 1.15rem; }
</style>"""


def slide(case: Case, max_figures: int = 3) -> None:
    text = case_text(case, current_language())
    with st.container(key="slide"):
        st.title(md_escape(text.title), anchor=False)
        with st.container(horizontal=True, gap="small"):
            outcome_badge(case.outcome.status.value)
            mode_badge(case.mode.value)
        st.markdown(md_escape(text.summary))
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.markdown(f"**{_('Before')}**")
            st.graphviz_chart(connection_dot(text.before, BEFORE_COLOUR))
            st.markdown(f"**{_('After')}**")
            st.graphviz_chart(connection_dot(text.after))
        with right:
            status = _(case.outcome.status.label)
            st.markdown(f"**{status}.** {cited(text.outcome_evidence, case)}")
            with st.container(key="slide-figures"):
                for m, t in list(zip(case.metrics, text.metrics, strict=True))[:max_figures]:
                    number = next(
                        (n for n, s in enumerate(case.sources, 1) if s.id == m.source), None
                    )
                    ref = f" [{number}]" if number else ""
                    st.markdown(
                        f"**{m.value:,.10g} {md_escape(t.unit)}**  \n"
                        f"{md_escape(t.label)} ({m.year}){md_escape(ref)}"
                    )
        refs = "; ".join(f"[{n}] {s.publisher} ({s.date})" for n, s in enumerate(case.sources, 1))
        note = _("Sources: {sources}").format(sources=md_escape(refs))
        st.caption(note if refs else _("Illustrative example."))
