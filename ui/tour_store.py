"""Tours the session can present: the library's curated tours and the user's own."""

from __future__ import annotations

import streamlit as st

from atlas.loader import Library
from atlas.schema import Tour

SESSION_KEY = "session_tours"


def session_tours() -> dict[str, Tour]:
    return st.session_state.setdefault(SESSION_KEY, {})


def keep_tour(tour: Tour) -> None:
    """Keep a built or uploaded tour for this browser session (never on the server's disk)."""
    session_tours()[tour.id] = tour


def all_tours(library: Library) -> dict[str, Tour]:
    """Curated tours first; a session tour with the same id does not replace one."""
    return session_tours() | {t.id: t for t in library.tours}
