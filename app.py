"""Transformation Atlas: the frame. Page config, language, navigation, shared filters."""

from __future__ import annotations

import streamlit as st

from atlas.text_safety import md_escape
from components.filter_panel import filter_panel
from components.load_notice import load_notice
from ui import filter_state as fs
from ui.context import context
from ui.i18n import _
from ui.language import language_switch, sync_language

# A local emoji as the tab icon: a ":material/...:" icon here would be fetched from the
# internet, and the app must work offline.
st.set_page_config(page_title="Transformation Atlas", page_icon="🧭", layout="wide")
language_notice = sync_language()

overview = st.Page(
    "app_pages/overview.py", title=_("Overview"), icon=":material/insights:", default=True
)
explore = st.Page("app_pages/explore.py", title=_("Explore"), icon=":material/view_module:")
case = st.Page("app_pages/case.py", title=_("Case"), icon=":material/article:")
compare = st.Page("app_pages/compare.py", title=_("Compare"), icon=":material/compare_arrows:")
tours = st.Page("app_pages/tours.py", title=_("Tours"), icon=":material/tour:")
present = st.Page("app_pages/present.py", title=_("Present"), icon=":material/slideshow:")
concepts = st.Page("app_pages/concepts.py", title=_("Concepts"), icon=":material/lightbulb:")
assessment = st.Page(
    "app_pages/assessment.py",
    title=_("Where do we stand?"),
    icon=":material/explore:",
    url_path="assessment",
)
health = st.Page(
    "app_pages/data_health.py",
    title=_("Data health"),
    icon=":material/health_and_safety:",
    url_path="data-health",
)
page = st.navigation(
    {
        _("Library"): [overview, explore, case, compare],
        _("Present"): [tours, present],
        _("Learn"): [concepts, assessment],
        _("About the data"): [health],
    }
)
FILTERED = {overview.url_path, explore.url_path, case.url_path}

ctx = context()
fs.sync_from_url(page.url_path, ctx.year_bounds)
ctx = context()  # the widgets may just have taken the URL's filters
with st.sidebar:
    if page.url_path in FILTERED:
        filter_panel(
            ctx.table,
            ctx.filters,
            fs.KEYS,
            fs.TEXT_KEY,
            fs.YEARS_KEY,
            ctx.year_bounds,
            on_reset=lambda: fs.reset_filters(ctx.year_bounds),
        )
        fs.write_url(ctx.filters)
    language_switch()

if language_notice:
    st.warning(md_escape(language_notice), icon=":material/translate:")
for notice in fs.take_notices():
    st.warning(md_escape(notice), icon=":material/link_off:")
load_notice(ctx.library, health)
page.run()
