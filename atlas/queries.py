"""Questions the pages ask of the table: orders, pages, key figures, cases with a term.

Pure functions of the case table (atlas/table.py), tested without Streamlit; the pages
only draw what these return.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from atlas.facets import FACET_BY_NAME
from atlas.i18n import N_

VIEWS = ("cards", "table")
VIEW_LABELS = {"cards": N_("Cards"), "table": N_("Table")}
PAGE_SIZE = {"cards": 12, "table": 50}

# order key -> (label, columns, ascending)
SORTS: dict[str, tuple[str, list[str], list[bool]]] = {
    "title": (N_("Title A–Z"), ["title"], [True]),
    "newest": (N_("Newest first"), ["year_start", "title"], [False, True]),
    "oldest": (N_("Oldest first"), ["year_start", "title"], [True, True]),
    "outcome": (N_("Outcome"), ["outcome", "title"], [True, True]),
    "industry": (N_("Industry"), ["industry", "title"], [True, True]),
}


def sort_cases(table: pd.DataFrame, order: str, title_key: pd.Series | None = None) -> pd.DataFrame:
    """The rows in the chosen order (stable: ties keep the library's order).

    `title_key` replaces the title column for sorting (e.g. the titles as the interface
    shows them, collated for its language)."""
    _label, columns, ascending = SORTS.get(order, SORTS["title"])
    frame = table
    if title_key is not None and "title" in columns:
        frame = table.assign(_title_key=title_key.reindex(table.index).to_numpy())
        columns = ["_title_key" if c == "title" else c for c in columns]
    ordered = frame.sort_values(columns, ascending=ascending, kind="stable")
    return ordered.drop(columns=["_title_key"], errors="ignore")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based, within 1..pages
    pages: int
    rows: pd.DataFrame
    asked: int  # the page the URL asked for: differs from number when out of range

    @property
    def clamped(self) -> bool:
        return self.asked != self.number


def page_of(table: pd.DataFrame, number: int, size: int) -> Page:
    """One page of rows; a number past the last page gives the last page."""
    pages = max(1, math.ceil(len(table) / size))
    shown = min(max(1, number), pages)
    return Page(shown, pages, table.iloc[(shown - 1) * size : shown * size], number)


@dataclass(frozen=True)
class KeyFigures:
    cases: int
    troubled: int  # failure or mixed
    industries: int
    connection_types: int
    internet_plus_share: float | None  # None for no cases


def key_figures(table: pd.DataFrame) -> KeyFigures:
    n = len(table)
    return KeyFigures(
        cases=n,
        troubled=int(table["outcome"].isin(["failure", "mixed"]).sum()),
        industries=int(table["industry"].nunique()),
        connection_types=int(table["connection_types"].explode().nunique()),
        internet_plus_share=float((table["mode"] == "internet_plus").mean()) if n else None,
    )


def cases_with(table: pd.DataFrame, facet: str, value: str) -> pd.DataFrame:
    """The rows whose facet holds the value (any of a list facet's values)."""
    if FACET_BY_NAME[facet].multi_valued:
        return table[table[facet].map(lambda items: value in items).astype(bool)]
    return table[table[facet] == value]
