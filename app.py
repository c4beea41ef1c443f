"""Transformation Atlas: the frame. Page config, language, navigation, the URL state,
the shared filters and the notices; then the page."""

from __future__ import annotations

import streamlit as st

from atlas.filters import all_facet_counts
from components.filter_panel import filter_panel
from components.load_notice import load_notice
from ui import filter_state as fs
from ui import language, pages, style, url_state
from ui.context import context
from ui.i18n import _
from ui.params import groups_for

# A local emoji as the tab icon: a ":material/...:" icon here would be fetched from the
# internet, and the app must work offline.
st.set_page_config(page_title="Transformation Atlas", page_icon="🧭", layout="wide")
language.early()
style.apply()

entries = {
    spec.key: st.Page(
        spec.file,
        title=_(spec.title),
        icon=spec.icon,
        url_path=spec.url_path or None,
        default=spec.default,
    )
    for spec in pages.PAGES
}
page = st.navigation(
    {
        _(section): [entries[s.key] for s in pages.PAGES if s.section == section]
        for section in pages.SECTIONS
    }
)
spec = next(s for s in pages.PAGES if entries[s.key] is page)

# A link with parameters but no page path opens the page its parameters belong to.
if spec.default and (owner := pages.owner_of(st.query_params)) is not None:
    st.switch_page(entries[owner.key], query_params=url_state.current_url())

ctx = context()
url_state.sync(spec, groups_for(spec), ctx)
ctx = context()  # the widgets may just have taken the URL's filters
with st.sidebar:
    if spec.filters:
        filter_panel(
            all_facet_counts(ctx.table, ctx.filters, ctx.index),
            ctx.filters,
            ctx.year_bounds,
            current=lambda: fs.current_filters(ctx.year_bounds),
            on_change=lambda filters: fs.set_filters(filters, ctx.year_bounds),
        )
    language.language_switch()

url_state.notice_slot()
load_notice(ctx.library, entries["data_health"])
page.run()
