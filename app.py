"""Transformation Atlas: the frame. Page config, navigation, the shared library notice."""

from __future__ import annotations

import streamlit as st

from components.load_notice import load_notice
from views.library_access import current_library

# A local emoji as the tab icon: a ":material/...:" icon here would be fetched from the
# internet, and the app must work offline.
st.set_page_config(page_title="Transformation Atlas", page_icon="🧭", layout="wide")

explore = st.Page("views/explore.py", title="Cases", icon=":material/view_list:", default=True)
health = st.Page(
    "views/data_health.py",
    title="Data health",
    icon=":material/health_and_safety:",
    url_path="data-health",
)
page = st.navigation({"Library": [explore], "About the data": [health]})

library, _ = current_library()
load_notice(library, health)
page.run()
