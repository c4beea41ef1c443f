"""Explore: the cases of the library."""

from __future__ import annotations

import streamlit as st

from atlas.vocabulary import label_for
from views.library_access import current_library

library, table = current_library()

st.title("Cases")
st.caption(f"{len(table)} cases in the library")
shown = table[["title", "industry", "mode", "outcome", "region", "year_start", "summary"]].copy()
for col in ("industry", "mode", "outcome", "region"):
    shown[col] = shown[col].map(lambda v, c=col: label_for(c, v))
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    column_config={
        "title": "Case",
        "industry": "Industry",
        "mode": "Mode",
        "outcome": "Outcome",
        "region": "Region",
        "year_start": st.column_config.NumberColumn("Since", format="%d"),
        "summary": st.column_config.TextColumn("Summary", width="large"),
    },
)
