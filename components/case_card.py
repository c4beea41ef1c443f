"""A case as a card: title, outcome, mode, summary, and a link to its page."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from atlas.facets import definition_for
from atlas.text_safety import md_escape
from atlas.vocabulary import Mode, Outcome
from ui.i18n import _, label, localized

OUTCOME_BADGE = {"success": "green", "mixed": "orange", "failure": "red", "ongoing": "blue"}


def years_text(start: int, end) -> str:
    return f"{start}–{'' if end is None or pd.isna(end) else int(end)}"


def outcome_badge(outcome: str) -> None:
    st.badge(
        _(Outcome.label_of(outcome)),
        color=OUTCOME_BADGE.get(outcome, "gray"),
        help=_(definition_for("outcome", outcome)),
    )


def mode_badge(mode: str) -> None:
    colour = "violet" if mode == Mode.INTERNET_PLUS else "gray"
    st.badge(_(Mode.label_of(mode)), color=colour, help=_(definition_for("mode", mode)))


def case_card(
    row,
    case_page: str,
    link_params: dict,
    ticked: bool = False,
    on_tick: Callable[[str, bool], None] | None = None,
    tick_key: str = "",
) -> None:
    """`row` is a row (itertuples) of the case table; with `on_tick`, a box to tick it."""
    with st.container(border=True, height="stretch"):
        st.markdown(f"**{md_escape(localized(row.title, row.title_zh))}**")
        with st.container(horizontal=True, gap="small"):
            outcome_badge(row.outcome)
            mode_badge(row.mode)
        st.caption(md_escape(localized(row.summary, row.summary_zh)))
        st.caption(
            f"{label('industry', row.industry)} · {label('region', row.region)} · "
            f"{years_text(row.year_start, row.year_end)}"
        )
        with st.container(horizontal=True, vertical_alignment="center"):
            st.page_link(
                case_page,
                label=_("Open case"),
                icon=":material/arrow_forward:",
                query_params=link_params,
            )
            if on_tick is not None:
                key = tick_key or f"tick_{row.id}"
                st.session_state[key] = ticked
                st.checkbox(
                    _("Tick"),
                    key=key,
                    on_change=lambda: on_tick(row.id, st.session_state[key]),
                    help=_("Tick cases to compare, present or export exactly those"),
                )
