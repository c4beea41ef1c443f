"""The title of a deck (and handout) set before it is downloaded: a "Deck title" input
wherever a deck is offered (Explore's export, Present, each tour on Tours, Compare).

Its default is the selection in words or the tour's title. What the user types is kept in
the session per default, outside the widget, so a rerun, another page or coming back keeps
it, and the same selection shows the same title on every page; a new selection starts from
its own default. The title becomes the first slide's title and the file's name."""

from __future__ import annotations

import dataclasses
import re

import streamlit as st

from atlas.presentation import SELECTION, Show
from ui.i18n import _

STORE = "deck_titles"  # {default title: the title typed for it}
TITLED = ("pptx", "html")  # the formats whose file carries the title


def default_title(show: Show) -> str:
    """The selection in words, or the tour's (or the comparison's) title."""
    return show.subtitle if show.kind == SELECTION else show.title


def deck_title(where, key: str, default: str) -> str:
    """A "Deck title" input in `where`; the title to use (the default when left empty)."""
    titles = st.session_state.setdefault(STORE, {})
    widget, shown_for = f"deck_title_{key}", f"deck_title_{key}_for"
    if widget not in st.session_state or st.session_state.get(shown_for) != default:
        st.session_state[widget] = titles.get(default) or default
        st.session_state[shown_for] = default

    def keep() -> None:
        typed = " ".join(st.session_state[widget].split())
        titles[default] = typed
        st.session_state[widget] = typed or default  # emptied: the default again

    where.text_input(_("Deck title"), key=widget, on_change=keep, max_chars=200)
    return titles.get(default) or default


def titled(show: Show, title: str) -> Show:
    return dataclasses.replace(show, title=title)


def file_stem(title: str, default: str, stem: str) -> str:
    """The file's name without extension: `stem` for the default title, else the title's
    words joined by hyphens (letters of any script kept)."""
    if title == default:
        return stem
    words = re.sub(r"[^\w]+", "-", title.lower()).strip("-_")
    return words[:80].strip("-") or stem
