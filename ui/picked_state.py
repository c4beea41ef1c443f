"""The ticked cases: ids in the order they were ticked, kept in session state and in the
URL as `ids=a,b,c` (ui/params.py's PickedGroup). While any are ticked they are what
Present, Tours, the deck and the exports use; clearing returns to the filtered selection.

Widgets that show ticks (the table's row selection, the cards' boxes) are keyed with a
generation number: a change made elsewhere (a link, Clear, removing one) starts a new
generation, so they are drawn afresh from the kept ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import streamlit as st

KEY, _GENERATION = "picked_ids", "picked_generation"


def picked() -> list[str]:
    return list(st.session_state.get(KEY, []))


def generation() -> int:
    return st.session_state.get(_GENERATION, 0)


def set_picked(ids: Iterable[str], redraw: bool = True) -> None:
    st.session_state[KEY] = list(dict.fromkeys(ids))
    if redraw:
        st.session_state[_GENERATION] = generation() + 1


def tick(case_id: str, on: bool) -> None:
    """A card's box: add the case at the end, or remove it."""
    ids = [i for i in picked() if i != case_id]
    set_picked([*ids, case_id] if on else ids, redraw=False)


def untick(case_id: str) -> None:
    """A chip's close button: the case leaves the ticks, and the table is drawn afresh
    (its selection comes from the ticks only when it is first drawn)."""
    set_picked([i for i in picked() if i != case_id])


def replace_page(page_ids: Sequence[str], ticked_on_page: Sequence[str]) -> None:
    """The table's selection on one page changed: the other pages' ticks stay, in order."""
    on_page = set(page_ids)
    kept = [i for i in picked() if i not in on_page]
    before = [i for i in picked() if i in set(ticked_on_page)]  # keep their first order
    new = [i for i in ticked_on_page if i not in before]
    set_picked([*kept, *before, *new], redraw=False)


def clear() -> None:
    set_picked([])
