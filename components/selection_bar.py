"""The current selection as a sentence, with chips that remove a filter in one click."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from atlas.filters import Filters
from atlas.text_safety import md_escape
from ui.i18n import _


def selection_bar(
    filters: Filters, sentence: str, on_remove: Callable[[str, str | None], None]
) -> None:
    with st.container(key="selection-sentence"):
        st.markdown(f"**{md_escape(sentence)}**")
    chips = filters.chips(_)
    if not chips:
        return
    with st.container(horizontal=True, gap="small", key="selection-chips"):
        for i, (facet, value, label) in enumerate(chips):
            st.button(
                md_escape(label),
                key=f"chip_{i}_{facet}_{value}",
                icon=":material/close:",
                on_click=on_remove,
                args=(facet, value),
                help=_("Remove this filter"),
                type="secondary",
            )
