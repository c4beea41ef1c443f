"""The draft being written on "Draft a case": kept in the session, so moving to another
page and back keeps it; the browser keeps a copy too (components/draft_keeper.py), so a
reload keeps it. Nothing is stored on the server.

The draft is one nested dict, as the case file holds it. Each widget's value lives under
its own key (`draft:<field>`) while the page is shown; when a widget's key is gone (the
user was on another page, or a file was restored) it starts again from the draft.
"""

from __future__ import annotations

import copy
from typing import Any

import streamlit as st

DRAFT = "draft"
BASES = "draft_bases"  # the rows each table editor started from
RESTORED = "draft_restored"  # what the last restore was: a file's id, or "browser"
OFFERED = "draft_offered"  # the browser's copy has been asked for once this session
PREFIX = "draft:"


def current() -> dict:
    return st.session_state.setdefault(DRAFT, {})


def keep(data: dict) -> None:
    st.session_state[DRAFT] = data


def replace(data: dict, origin: str) -> None:
    """Start the form again from `data` (a restored file, the browser's copy, or {})."""
    st.session_state[DRAFT] = copy.deepcopy(data)
    st.session_state[RESTORED] = origin
    st.session_state[BASES] = {}
    for key in [k for k in st.session_state if str(k).startswith(PREFIX)]:
        del st.session_state[key]


def restored_from() -> str | None:
    return st.session_state.get(RESTORED)


def widget_key(field_key: str) -> str:
    return PREFIX + field_key


def seed(key: str, value: Any) -> None:
    """Give a widget the draft's value when it has none of its own yet."""
    if key not in st.session_state:
        st.session_state[key] = value


def base_rows(key: str, rows: list[dict]) -> list[dict]:
    """The rows a table editor starts from: the draft's when the editor is new, else the
    ones it started from (its edits are kept as changes to those)."""
    bases = st.session_state.setdefault(BASES, {})
    if key not in st.session_state or key not in bases:
        bases[key] = rows
    return bases[key]


def offer_browser_copy() -> bool:
    """True once a session: ask the browser for the draft it kept."""
    if st.session_state.get(OFFERED):
        return False
    st.session_state[OFFERED] = True
    return True
