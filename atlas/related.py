"""Related cases: the few cases nearest to one case, each with why, in one line.

A candidate scores by what it shares with the case: each connection type counts
`CONNECTION` points, each idea `IDEA`, the industry `INDUSTRY`, the mode `MODE` (connection
types weigh most, then ideas, industry, mode). Cases sharing nothing are never related. The
best `k` are kept, best first, ties by id. A case is taught best beside one that turned out
otherwise, so when none of those `k` has a contrasting outcome and some case that shares
something does, the best such case takes the last place.

Outcomes contrast when both are judged (success, mixed or failure; `ongoing` is not judged
yet) and differ: success against failure is `opposite`, anything against mixed `different`.

The candidates are scored and ranked over the library's table and facet index, all rows at
once (at 10,000 cases, comparing case by case took 0.15 s a view of a case page); only the
chosen few are compared case by case, for what they share.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from atlas.facets import label_for
from atlas.filters import FacetIndex
from atlas.i18n import Translate
from atlas.schema import Case

CONNECTION, IDEA, INDUSTRY, MODE = 4, 3, 2, 1
K = 5  # how many related cases a case shows, at most
SHOWN_IDEAS = 2  # how many shared ideas the one line names
JUDGED = ("success", "mixed", "failure")  # outcomes two cases can contrast on
OPPOSITE, DIFFERENT = "opposite", "different"


@dataclass(frozen=True)
class Related:
    """A related case and what it shares with the case it is related to."""

    case: Case
    connection_types: tuple[str, ...]  # shared, in the case's own order
    ideas: tuple[str, ...]  # shared, in the case's own order
    industry: str | None  # the shared industry, if the same
    mode: str | None  # the shared mode, if the same
    contrast: str | None  # OPPOSITE, DIFFERENT, or None when the outcomes do not contrast
    linked: bool = False  # the case file names it under `related:`

    @property
    def id(self) -> str:
        return self.case.id

    @property
    def outcome(self) -> str:
        return self.case.outcome.status.value

    @property
    def score(self) -> int:
        return (
            CONNECTION * len(self.connection_types)
            + IDEA * len(self.ideas)
            + INDUSTRY * (self.industry is not None)
            + MODE * (self.mode is not None)
        )


def contrast(a: str, b: str) -> str | None:
    """How two outcomes contrast: OPPOSITE (success and failure), DIFFERENT (judged and
    unequal, one mixed), or None (the same, or either not yet judged)."""
    if a == b or a not in JUDGED or b not in JUDGED:
        return None
    return OPPOSITE if {a, b} == {"success", "failure"} else DIFFERENT


def compare(case: Case, other: Case) -> Related:
    """What `other` shares with `case`, and whether their outcomes contrast."""
    theirs_conn = {c.value for c in other.connection_types}
    theirs_ideas = {i.value for i in other.ideas}
    return Related(
        case=other,
        connection_types=tuple(c.value for c in case.connection_types if c.value in theirs_conn),
        ideas=tuple(i.value for i in case.ideas if i.value in theirs_ideas),
        industry=case.industry.value if case.industry == other.industry else None,
        mode=case.mode.value if case.mode == other.mode else None,
        contrast=contrast(case.outcome.status.value, other.outcome.status.value),
        linked=other.id in case.related,
    )


def related_in(
    case: Case,
    table: pd.DataFrame,
    index: FacetIndex,
    case_of: Callable[[str], Case | None],
    k: int = K,
) -> list[Related]:
    """The at most `k` cases most related to `case` among the rows of a library's table
    (never itself), best first (those the case file links under `related:` before the
    rest), with at least one of contrasting outcome where any sharing case has one. `index`
    is the table's facet index and `case_of` gets a case by its id (the library's)."""
    ids = table["id"].to_numpy(dtype=str)
    score = _scores(case, index)
    linked = np.isin(ids, list(case.related))
    rows = np.flatnonzero((ids != case.id) & ((score > 0) | linked))
    # the case file's own links first, then by score, then by id
    ranked = rows[np.lexsort((ids[rows], -score[rows], ~linked[rows]))]
    mine = case.outcome.status.value
    contrasts = np.array([contrast(mine, o) is not None for o in table["outcome"]], dtype=bool)
    chosen = list(ranked[:k])
    if k > 0 and not contrasts[chosen].any():
        later = ranked[k:][contrasts[ranked[k:]]]
        if len(later):
            chosen = [*chosen[: k - 1], later[0]]
    return [compare(case, case_of(ids[i])) for i in chosen]


def _scores(case: Case, index: FacetIndex) -> np.ndarray:
    """What every row shares with `case`, scored as `Related.score` scores it."""
    score = np.zeros(index.length, dtype=np.int64)
    shared = [
        ("connection_types", CONNECTION, [c.value for c in case.connection_types]),
        ("ideas", IDEA, [i.value for i in case.ideas]),
        ("industry", INDUSTRY, [case.industry.value]),
        ("mode", MODE, [case.mode.value]),
    ]
    for facet, weight, values in shared:
        rows, codes, positions = index.codes[facet]
        for value in values:  # a value the case lists twice counts twice, as in `compare`
            has = np.zeros(index.length, dtype=bool)
            has[rows[codes == positions.get(value, -2)]] = True
            score += weight * has
    return score


def reason_text(r: Related, _: Translate) -> str:
    """Why a case is related, in one line in the language of `_`, e.g. "Same connection:
    User – driver; same industry: Transportation & mobility; opposite outcome". At most
    `SHOWN_IDEAS` ideas are named; the mode is named only when nothing else is shared
    (most cases share it)."""
    sep = _(", ")
    parts = []
    if r.connection_types:
        names = sep.join(_(label_for("connection_types", c)) for c in r.connection_types)
        one = len(r.connection_types) == 1
        text = _("same connection: {names}") if one else _("same connections: {names}")
        parts.append(text.format(names=names))
    if r.ideas:
        names = sep.join(_(label_for("ideas", i)) for i in r.ideas[:SHOWN_IDEAS])
        more = len(r.ideas) - SHOWN_IDEAS
        if more > 0:
            parts.append(_("shared ideas: {names} and {more} more").format(names=names, more=more))
        elif len(r.ideas) == 1:
            parts.append(_("shared idea: {names}").format(names=names))
        else:
            parts.append(_("shared ideas: {names}").format(names=names))
    if r.industry:
        parts.append(_("same industry: {name}").format(name=_(label_for("industry", r.industry))))
    if r.mode and not parts:
        parts.append(_("same mode: {name}").format(name=_(label_for("mode", r.mode))))
    if r.linked and not parts:
        parts.append(_("linked in the case file"))
    if r.contrast == OPPOSITE:
        parts.append(_("opposite outcome"))
    elif r.contrast == DIFFERENT:
        parts.append(_("different outcome"))
    line = _("; ").join(parts)
    return line[:1].upper() + line[1:]
