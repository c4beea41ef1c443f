"""A page of cases as a table whose rows can be ticked."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from components.case_card import years_text
from ui.i18n import _, label, localized


def case_table(
    rows: pd.DataFrame, key: str, ticked: Sequence[str], on_tick: Callable[[list[str]], None]
) -> None:
    """The rows as a table; `ticked` ids show ticked, and `on_tick` gets the ids ticked
    on this table whenever the user changes them."""
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
    ids = list(rows["id"])
    shown_ticked = [i for i, case_id in enumerate(ids) if case_id in set(ticked)]

    def changed() -> None:
        on_tick([ids[r] for r in st.session_state[key]["selection"]["rows"]])

    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        on_select=changed,
        selection_mode="multi-row",
        selection_default={"selection": {"rows": shown_ticked}} if shown_ticked else None,
        key=key,
        column_config={_("Summary"): st.column_config.TextColumn(width="large")},
    )
