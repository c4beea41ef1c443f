"""Filters over the case table: facets with counts, full-text search, a year range.

OR within a facet, AND across facets. The same `Filters` object reads and writes URL
query parameters (so a link restores a view) and describes itself in a sentence that
captions charts, exports and slides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from atlas.facets import FACET_BY_NAME, FACET_BY_PARAM, FACETS, Facet
from atlas.i18n import Translate


def _same(message: str) -> str:
    return message


SEARCH_PARAM, YEAR_FROM_PARAM, YEAR_TO_PARAM = "q", "from", "to"
MAX_SEARCH = 200


@dataclass(frozen=True)
class Filters:
    selected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    text: str = ""

    def values(self, facet: str) -> tuple[str, ...]:
        return tuple(self.selected.get(facet, ()))

    @property
    def is_empty(self) -> bool:
        active = any(self.selected.values()) or self.text.strip()
        return not (active or self.year_from is not None or self.year_to is not None)

    def with_values(self, facet: str, values: tuple[str, ...] | list[str]) -> Filters:
        chosen = dict(self.selected)
        chosen[facet] = tuple(values)
        return replace(self, selected={k: v for k, v in chosen.items() if v})

    def without(self, facet: str, value: str | None = None) -> Filters:
        """Drop one value of a facet, or the whole facet (also 'years' and 'text')."""
        if facet == "years":
            return replace(self, year_from=None, year_to=None)
        if facet == "text":
            return replace(self, text="")
        kept = () if value is None else tuple(v for v in self.values(facet) if v != value)
        return self.with_values(facet, kept)

    def chips(self, _: Translate = _same) -> list[tuple[str, str | None, str]]:
        """(facet, value, label) of every active filter, for one-click removal."""
        out: list[tuple[str, str | None, str]] = []
        for f in FACETS:
            out += [(f.name, v, _(f.vocabulary.label_of(v))) for v in self.values(f.name)]
        if self.year_from is not None or self.year_to is not None:
            out.append(("years", None, year_phrase(self.year_from, self.year_to, _)))
        if self.text.strip():
            out.append(("text", None, f"“{self.text.strip()}”"))
        return out


def year_phrase(lo: int | None, hi: int | None, _: Translate = _same) -> str:
    if lo is not None and hi is not None:
        if lo == hi:
            return _("active in {year}").format(year=lo)
        return _("active {start}–{end}").format(start=lo, end=hi)
    if lo is not None:
        return _("active since {year}").format(year=lo)
    return _("active until {year}").format(year=hi)


# --- applying filters -------------------------------------------------------------------
#
# A table is never changed: the app loads it once and every session reads it. What the
# filters need from it beyond its columns is worked out once, in a `FacetIndex` built
# beside it (each facet's values as integer codes, lists exploded), so that the eleven facet
# counts of a run count with numpy instead of exploding lists again. Nothing is remembered
# between calls here: a session's own run works out its own masks, once per run
# (`all_facet_counts` computes the text and year masks once for every facet).


@dataclass(frozen=True)
class FacetIndex:
    """For each facet: the row of every value (lists exploded), its code, and the codes."""

    length: int
    codes: Mapping[str, tuple[np.ndarray, np.ndarray, Mapping[str, int]]]


def index_table(table: pd.DataFrame) -> FacetIndex:
    """The facet index of a table (read-only arrays: safe to share between sessions)."""
    codes = {}
    for facet in FACETS:
        if facet.name not in table.columns:
            continue
        column = pd.Series(table[facet.name].to_numpy(), dtype=object)  # index = position
        if facet.multi_valued:
            column = column.explode()  # an empty list becomes one missing value
        value_codes, uniques = pd.factorize(column)  # missing values get -1
        rows = column.index.to_numpy().astype(np.int32)  # half of int64's memory
        value_codes = value_codes.astype(np.int32)
        for array in (rows, value_codes):
            array.setflags(write=False)
        positions = {value: i for i, value in enumerate(uniques)}
        codes[facet.name] = (rows, value_codes, positions)
    return FacetIndex(len(table), codes)


def _index(table: pd.DataFrame, index: FacetIndex | None) -> FacetIndex:
    if index is None or index.length != len(table):
        return index_table(table)
    return index


def _facet_mask(
    table: pd.DataFrame, facet: str, values: tuple[str, ...], index: FacetIndex
) -> np.ndarray:
    if not FACET_BY_NAME[facet].multi_valued:
        return table[facet].isin(values).to_numpy(dtype=bool, na_value=False)
    rows, codes, positions = index.codes[facet]
    wanted = [positions[v] for v in values if v in positions]
    hit = np.zeros(len(table), dtype=bool)
    hit[rows[np.isin(codes, wanted)]] = True  # a case with any of the values
    return hit


def _text_mask(table: pd.DataFrame, text: str) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for word in text.casefold().split():
        mask &= table["search_text"].str.contains(word, regex=False)
    return mask


def _year_mask(table: pd.DataFrame, lo: int | None, hi: int | None) -> pd.Series:
    """Cases active at some time in [lo, hi]: started by hi and not ended before lo."""
    mask = pd.Series(True, index=table.index)
    if hi is not None:
        mask &= table["year_start"] <= hi
    if lo is not None:
        ends = table["year_end"].fillna(dt.date.today().year).astype("int64")
        mask &= ends >= lo
    return mask


def _parts(
    table: pd.DataFrame, filters: Filters, index: FacetIndex
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The mask of each selected facet, and of the text and years together."""
    facets = {f: _facet_mask(table, f, v, index) for f, v in filters.selected.items() if v}
    rest = np.ones(len(table), dtype=bool)
    if filters.text.strip():
        rest &= _text_mask(table, filters.text).to_numpy(dtype=bool, na_value=False)
    if filters.year_from is not None or filters.year_to is not None:
        years = _year_mask(table, filters.year_from, filters.year_to)
        rest &= years.to_numpy(dtype=bool, na_value=False)
    return facets, rest


def _combine(parts: tuple[dict[str, np.ndarray], np.ndarray], skip: str | None) -> np.ndarray:
    facets, rest = parts
    result = rest.copy()
    for facet, part in facets.items():
        if facet != skip:
            result &= part
    return result


def mask(
    table: pd.DataFrame,
    filters: Filters,
    skip: str | None = None,
    index: FacetIndex | None = None,
) -> pd.Series:
    """Rows that pass every filter, except the facet named `skip` (for facet counts)."""
    parts = _parts(table, filters, _index(table, index))
    return pd.Series(_combine(parts, skip), index=table.index)


def apply(table: pd.DataFrame, filters: Filters, index: FacetIndex | None = None) -> pd.DataFrame:
    return table if filters.is_empty else table[mask(table, filters, index=index)]


def _counts(
    facet: str, parts: tuple[dict[str, np.ndarray], np.ndarray], index: FacetIndex
) -> dict[str, int]:
    rows, codes, positions = index.codes[facet]
    chosen = codes[_combine(parts, skip=facet)[rows]]
    counts = np.bincount(chosen[chosen >= 0], minlength=len(positions))
    vocabulary = FACET_BY_NAME[facet].vocabulary.values()
    return {v: int(counts[positions[v]]) if v in positions else 0 for v in vocabulary}


def facet_counts(
    table: pd.DataFrame, filters: Filters, facet: str, index: FacetIndex | None = None
) -> dict[str, int]:
    """For each value of `facet`: how many cases selecting it would give, all else kept.

    The facet's own selection is left out (OR within a facet), so a value's count is what
    the user gets by adding it. Values with no case count 0 and are still listed.
    """
    index = _index(table, index)
    return _counts(facet, _parts(table, filters, index), index)


def all_facet_counts(
    table: pd.DataFrame, filters: Filters, index: FacetIndex | None = None
) -> dict[str, dict[str, int]]:
    """`facet_counts` of every facet, the masks worked out once."""
    index = _index(table, index)
    parts = _parts(table, filters, index)
    return {f.name: _counts(f.name, parts, index) for f in FACETS}


# --- words ------------------------------------------------------------------------------


def describe(filters: Filters, count: int, _: Translate = _same) -> str:
    """The selection as a sentence: '7 cases: Transportation or Finance, outcome Failure'."""
    head = (_("{n} case") if count == 1 else _("{n} cases")).format(n=count)
    parts = []
    for f in FACETS:
        values = filters.values(f.name)
        if values:
            labels = _(" or ").join(_(f.vocabulary.label_of(v)) for v in values)
            parts.append(f"{_(f.noun) if f.noun else ''} {labels}".strip())
    if filters.year_from is not None or filters.year_to is not None:
        parts.append(year_phrase(filters.year_from, filters.year_to, _))
    if filters.text.strip():
        parts.append(_("matching “{text}”").format(text=filters.text.strip()))
    if not parts:
        return _("{head}: the whole library").format(head=head)
    return _("{head}: {parts}").format(head=head, parts=_(", ").join(parts))


# --- URL query parameters -----------------------------------------------------------------


def to_query(filters: Filters) -> dict[str, str | list[str]]:
    """Query parameters for the filters; empty filters give an empty dict."""
    query: dict[str, str | list[str]] = {}
    for f in FACETS:
        if filters.values(f.name):
            query[f.param] = list(filters.values(f.name))
    if filters.year_from is not None:
        query[YEAR_FROM_PARAM] = str(filters.year_from)
    if filters.year_to is not None:
        query[YEAR_TO_PARAM] = str(filters.year_to)
    if filters.text.strip():
        query[SEARCH_PARAM] = filters.text.strip()
    return query


def from_query(
    params: Mapping[str, str | list[str]], _: Translate = _same
) -> tuple[Filters, list[str]]:
    """Filters from query parameters, and a notice for everything that had to be ignored.

    Values may be given as the vocabulary value or its label, in any case. Nothing here
    raises: a bad parameter is dropped and named in a notice.
    """
    notices: list[str] = []
    selected: dict[str, tuple[str, ...]] = {}
    year_from = year_to = None
    text = ""
    for key, raw in params.items():
        values = [raw] if isinstance(raw, str) else list(raw)
        if key in FACET_BY_PARAM:
            facet = FACET_BY_PARAM[key]
            good, bad = _known_values(facet, values)
            if good:
                selected[facet.name] = good
            if bad:
                notices.append(
                    _("Ignored {facet} {values}: not a known value.").format(
                        facet=_(facet.title).lower(), values=_shortlist(bad)
                    )
                )
        elif key in (YEAR_FROM_PARAM, YEAR_TO_PARAM):
            year = _year(values[-1])
            if year is None:
                notices.append(
                    _("Ignored {key}={value}: not a year.").format(
                        key=key, value=repr(values[-1][:20])
                    )
                )
            elif key == YEAR_FROM_PARAM:
                year_from = year
            else:
                year_to = year
        elif key == SEARCH_PARAM:
            text = values[-1][:MAX_SEARCH]
            if len(values[-1]) > MAX_SEARCH:
                notices.append(_("The search text was cut to {n} characters.").format(n=MAX_SEARCH))
        else:
            notices.append(_("Ignored the unknown parameter {key}.").format(key=repr(key[:40])))
    if year_from is not None and year_to is not None and year_from > year_to:
        notices.append(
            _("Swapped the years {a} and {b}: 'from' was after 'to'.").format(
                a=year_from, b=year_to
            )
        )
        year_from, year_to = year_to, year_from
    return Filters(selected, year_from, year_to, text), notices


def _known_values(facet: Facet, values: list[str]) -> tuple[tuple[str, ...], list[str]]:
    lookup = {v.casefold(): v for v in facet.vocabulary.values()}
    lookup |= {label.casefold(): v for v, label in facet.vocabulary.labels().items()}
    good: list[str] = []
    bad: list[str] = []
    for raw in values:
        value = lookup.get(str(raw).strip().casefold())
        if value is None:
            if str(raw)[:40] not in bad:
                bad.append(str(raw)[:40])
        elif value not in good:
            good.append(value)
    return tuple(good), bad


def _shortlist(values: list[str], shown: int = 5) -> str:
    """At most a few quoted values: a link repeating junk must not make a wall of text."""
    listed = ", ".join(map(repr, values[:shown]))
    return listed + (f" (+{len(values) - shown})" if len(values) > shown else "")


def _year(text: str) -> int | None:
    text = str(text).strip()
    if not (text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    return year if 1800 <= year <= dt.date.today().year + 1 else None
