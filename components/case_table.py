"""A page of cases as a table whose rows can be ticked; returns the ticked cases' ids."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.case_card import years_text
from ui.i18n import _, label, localized


def case_table(rows: pd.DataFrame, key: str) -> list[str]:
    shown = pd.DataFrame(
        {
            _("Case"): [
                localized(t, z) for t, z in zip(rows["title"], rows["title_zh"], strict=True)
            ],
            _("Industry"): rows["industry"].map(lambda v: label("industry", v)),
            _("Outcome"): rows["outcome"].map(lambda v: label("outcome", v)),
            _("Mode"): rows["mode"].map(lambda v: label("mode", v)),
            _("Region"): rows["region"].map(lambda v: label("region", v)),
            _("Years"): [
                years_text(s, e) for s, e in zip(rows["year_start"], rows["year_end"], strict=True)
            ],
            _("Summary"): [
                localized(t, z) for t, z in zip(rows["summary"], rows["summary_zh"], strict=True)
            ],
        }
    )
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=key,
        column_config={_("Summary"): st.column_config.TextColumn(width="large")},
    )
    return list(rows.iloc[event.selection.rows]["id"]) if event else []
