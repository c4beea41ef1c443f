"""Concepts: the framework behind the library, each idea with the cases that show it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.facets import FACET_BY_NAME
from atlas.i18n import N_
from atlas.queries import cases_with
from atlas.text_safety import md_escape
from atlas.vocabulary import ConnectionType, Idea, Mode, Outcome, Stage, Term, Thinking
from ui import pages, url_state
from ui.context import context
from ui.i18n import _, localized

CASE_PAGE, EXPLORE_PAGE = pages.path("case"), pages.path("explore")
PAIRS: list[tuple[str, type[Term], str, str]] = [
    (
        N_("“+Internet” or “Internet+”"),
        Mode,
        "mode",
        N_(
            "Is the internet added to the business as a tool, or does internet thinking "
            "redesign who is connected to whom and how the business earns its money?"
        ),
    ),
    (
        N_("Customer thinking or user thinking"),
        Thinking,
        "thinking",
        N_("Does the firm sell once, or does it own a lasting, frequent connection with people?"),
    ),
    (
        N_("Informatization or digitalization"),
        Stage,
        "stage",
        N_(
            "Is offline work moved online, or do the business, sales and management models "
            "change? China's 2015 Internet Plus plan and the 2020 SASAC notice asked for the "
            "second."
        ),
    ),
]


def case_links(table: pd.DataFrame, column: str, value: str, limit: int = 8) -> None:
    """The first cases by title, each a link; the rest one link away, in Explore."""
    rows = table.sort_values("title").head(limit)
    language = url_state.memo("lang") or {}
    with st.container(horizontal=True, gap="small"):
        for row in rows.itertuples():
            st.page_link(
                CASE_PAGE,
                label=md_escape(localized(row.title, row.title_zh)),
                query_params={**language, "case": row.id},
            )
    if len(table) > limit:
        st.page_link(
            EXPLORE_PAGE,
            label=_("and {n} more: all {total} in Explore").format(
                n=len(table) - limit, total=len(table)
            ),
            icon=":material/arrow_forward:",
            query_params={**language, FACET_BY_NAME[column].param: value},
        )


def term_heading(term: Term, count: int) -> str:
    return _("{label} · {n} cases").format(label=_(term.label), n=count)


ctx = context()
table = ctx.table
st.title(_("Concepts"))
st.write(
    _(
        "The library is built on a few ideas about how the internet changes business. "
        "**Connection is the force**: what changes is who gets newly linked to whom. "
        "Each idea below is shown with the cases that illustrate it."
    )
)

for heading, vocab, column, question in PAIRS:
    st.header(_(heading), anchor=False)
    st.write(_(question))
    cols = st.columns(len(vocab))
    for col, term in zip(cols, vocab, strict=True):
        with col, st.container(border=True):
            hits = cases_with(table, column, term.value)
            st.markdown(f"**{md_escape(term_heading(term, len(hits)))}**")
            st.caption(_(term.definition))
            case_links(hits, column, term.value, limit=6)

for heading, vocab, column in (
    (N_("Who gets connected"), ConnectionType, "connection_types"),
    (N_("Ideas the cases illustrate"), Idea, "ideas"),
):
    st.header(_(heading), anchor=False)
    for term in vocab:
        hits = cases_with(table, column, term.value)
        with st.expander(term_heading(term, len(hits))):
            st.caption(_(term.definition))
            case_links(hits, column, term.value)

st.header(_("Outcomes are mixed"), anchor=False)
st.write(
    _(
        "Many Internet+ efforts failed. A case library that only shows winners lies, so every "
        "case records its outcome and the evidence for it."
    )
)
cols = st.columns(len(Outcome))
for col, term in zip(cols, Outcome, strict=True):
    col.metric(_(term.label), int((table["outcome"] == term.value).sum()), help=_(term.definition))
