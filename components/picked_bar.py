"""The ticked cases: their titles, each removable, and what can be done with exactly them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from atlas.text_safety import md_escape
from ui.i18n import _


def picked_bar(
    sentence: str,
    titles: Sequence[tuple[str, str]],
    on_remove: Callable[[str], None],
    on_clear: Callable[[], None],
) -> st.delta_generator.DeltaGenerator:
    """Draw the ticked cases (id, title) as chips; return a row for the page's actions."""
    box = st.container(border=True, key="picked-bar")
    box.markdown(
        _("**{sentence}**: Compare, Present, a deck and the exports use exactly these.").format(
            sentence=md_escape(sentence)
        )
    )
    chips = box.container(horizontal=True, gap="small")
    for case_id, title in titles:
        chips.button(
            md_escape(title),
            key=f"unpick_{case_id}",
            icon=":material/close:",
            on_click=on_remove,
            args=(case_id,),
            help=_("Untick this case"),
        )
    actions = box.container(horizontal=True, vertical_alignment="center")
    actions.button(
        _("Clear the ticks"), icon=":material/deselect:", on_click=on_clear, key="picked_clear"
    )
    return actions
