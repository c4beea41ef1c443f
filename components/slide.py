"""One case as a presentation slide: large type, the connections, outcome and key figures."""

from __future__ import annotations

import streamlit as st

from atlas.graphs import BEFORE_COLOUR, connection_dot
from atlas.schema import Case
from atlas.text_safety import md_escape
from components.case_card import mode_badge, outcome_badge
from ui.i18n import _, localized

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
    with st.container(key="slide"):
        zh = case.zh
        st.title(md_escape(localized(case.title, zh and zh.title)), anchor=False)
        with st.container(horizontal=True, gap="small"):
            outcome_badge(case.outcome.status.value)
            mode_badge(case.mode.value)
        st.markdown(md_escape(localized(case.summary, zh and zh.summary)))
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.markdown(f"**{_('Before')}**")
            st.graphviz_chart(connection_dot(case.connections.before, BEFORE_COLOUR))
            st.markdown(f"**{_('After')}**")
            st.graphviz_chart(connection_dot(case.connections.after))
        with right:
            status = _(case.outcome.status.label)
            st.markdown(f"**{status}.** {md_escape(case.outcome.evidence)}")
            with st.container(key="slide-figures"):
                for m in case.metrics[:max_figures]:
                    source = case.source_by_id.get(m.source)
                    cited = f", {source.publisher}" if source else ""
                    st.markdown(
                        f"**{m.value:,.10g} {md_escape(m.unit)}**  \n"
                        f"{md_escape(m.label)} ({m.year}{md_escape(cited)})"
                    )
        cited = "; ".join(f"{s.publisher} ({s.date})" for s in case.sources)
        note = _("Sources: {sources}").format(sources=md_escape(cited))
        st.caption(note if cited else _("Illustrative example."))
