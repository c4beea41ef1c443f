"""The server's presentation rooms (atlas/rooms.py), one store per server process."""

from __future__ import annotations

import streamlit as st

from atlas.rooms import Rooms


@st.cache_resource
def rooms() -> Rooms:
    return Rooms()
