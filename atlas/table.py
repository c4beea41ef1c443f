"""The library as one tidy table: a row per case, a column per filterable fact.

Vocabulary columns hold the enum values (e.g. 'internet_plus'); list columns
(connection_types, technologies, ideas, countries) hold tuples. Query functions and
charts work on this table only, never on the models.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from atlas.citations import strip_markers
from atlas.facets import FACETS, LIST_FACETS, SCALAR_FACETS
from atlas.schema import Case

COLUMNS = (
    "id",
    "title",
    "summary",
    "title_zh",
    "summary_zh",
    *SCALAR_FACETS,
    *LIST_FACETS,
    "countries",
    "organisations",
    "year_start",
    "year_end",
    "n_sources",
    "n_metrics",
    "search_text",
)


TUPLE_COLUMNS = (*LIST_FACETS, "countries", "organisations")


def case_row(case: Case) -> dict:
    zh = case.zh
    searchable = [
        case.title,
        case.summary,
        strip_markers(case.narrative),
        *case.lessons,
        *case.organisations,
        *(
            filter(
                None, [zh.title, zh.summary, strip_markers(zh.narrative or ""), *(zh.lessons or [])]
            )
            if zh
            else []
        ),
    ]
    return {
        "id": case.id,
        "title": case.title,
        "summary": case.summary,
        "title_zh": zh.title if zh else None,
        "summary_zh": zh.summary if zh else None,
        **{f.name: f.values_of(case) if f.multi_valued else f.values_of(case)[0] for f in FACETS},
        "countries": tuple(case.countries),
        "organisations": tuple(case.organisations),
        "year_start": case.years.start,
        "year_end": case.years.end,
        "n_sources": len(case.sources),
        "n_metrics": len(case.metrics),
        "search_text": " \n".join(searchable).casefold(),
    }


def case_values(case: Case) -> tuple:
    """The case's row as values in COLUMNS order (kept with a stored case)."""
    row = case_row(case)
    return tuple(row[c] for c in COLUMNS)


def cases_table(cases: Iterable[Case]) -> pd.DataFrame:
    """One row per case, in library order, indexed by position.

    A library's cases carry their rows from the loader or the snapshot, so building the
    table from them builds no case (at 10,000 cases: 0.2 s instead of 1.7 s)."""
    take_rows = getattr(cases, "take_rows", None)
    rows = take_rows() if take_rows else None
    return table_from_rows(rows if rows is not None else [case_values(c) for c in cases])


def table_from_rows(rows: list[tuple]) -> pd.DataFrame:
    """The table of rows of values in COLUMNS order."""
    if rows:  # column by column: pandas builds a frame from columns 2-3x faster than rows
        columns = dict(zip(COLUMNS, map(list, zip(*rows, strict=True)), strict=True))
        for name in TUPLE_COLUMNS:  # equal tuples as one object: most cases share theirs
            shared: dict = {}
            columns[name] = [shared.setdefault(v, v) for v in columns[name]]
        frame = pd.DataFrame(columns)
    else:
        frame = pd.DataFrame([], columns=list(COLUMNS))
    frame["year_start"] = frame["year_start"].astype("int64")
    frame["year_end"] = frame["year_end"].astype("Int64")
    return frame
