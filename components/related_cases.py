"""Related cases: each one's title as a link to its page, its outcome, and why, in one line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from atlas.localized import case_text
from atlas.related import Related, reason_text
from atlas.text_safety import md_escape
from components.case_card import outcome_badge
from ui.i18n import _, current_language


def related_cases(found: Sequence[Related], case_page: str, link: Callable[[str], dict]) -> None:
    """`link(case_id)` gives the query parameters of a link to that case's page."""
    if not found:
        return
    lang = current_language()
    st.subheader(_("Related cases"), anchor=False)
    with st.container(key="related-cases"):
        for r in found:
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                st.page_link(
                    case_page,
                    label=md_escape(case_text(r.case, lang).title),
                    icon=":material/link:",
                    query_params=link(r.id),
                )
                outcome_badge(r.outcome)
            st.caption(md_escape(reason_text(r, _)))
