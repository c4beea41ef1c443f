"""Typed words applied to a selection: what `atlas.ask.understand` recognised becomes
filters (added to those already chosen; years only when typed), the rest the search text.

The search box and a link's `q=` are read alike; the URL is then rewritten to the
filters, so the link becomes the one a person clicking the filters would have made.
"""

from __future__ import annotations

from atlas.ask import Match, understand
from atlas.facets import FACETS
from atlas.filters import Filters, from_query


def with_understood(filters: Filters, typed: str) -> tuple[Filters, tuple[Match, ...]]:
    """The filters with the typed words applied, and what was recognised in them."""
    understood = understand(typed)
    asked, _notices = from_query(understood.query())
    for facet in FACETS:
        if asked.values(facet.name):
            merged = dict.fromkeys(filters.values(facet.name) + asked.values(facet.name))
            filters = filters.with_values(facet.name, tuple(merged))
    year_from = asked.year_from if asked.year_from is not None else filters.year_from
    year_to = asked.year_to if asked.year_to is not None else filters.year_to
    return Filters(filters.selected, year_from, year_to, asked.text), understood.matches
